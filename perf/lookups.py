"""Small, hot lookups kept in the cache between requests, dropped by perf.signals on change."""

from perf import cache

DEPARTMENTS_KEY = cache.PREFIX + "departments"


def live_departments():
    """Every live department (id, title, short name, path), for cards' department names.

    Departments are few and change rarely; each card needs its department, so the list is
    read once and kept until a department is published, unpublished, moved or deleted.
    """
    from cms.models import DepartmentPage

    store = cache.store()
    departments = store.get(DEPARTMENTS_KEY)
    if departments is None:
        departments = list(
            DepartmentPage.objects.live().only("id", "title", "short_name", "path", "url_path")
        )
        store.set(DEPARTMENTS_KEY, departments, timeout=None)
    return departments


def forget(tags):
    if tags & {"departments", "any"}:
        cache.store().delete(DEPARTMENTS_KEY)
    if tags & {"restrictions", "any"}:
        cache.store().delete(RESTRICTIONS_KEY)


RESTRICTIONS_KEY = cache.PREFIX + "restrictions"


def restrictions():
    """Paths of the pages with a view restriction, and whether any page is an alias.

    Wagtail reads the restrictions for every page served (two queries) and for every
    ``.public()`` list (one more each); they change only when an editor sets a page's privacy.
    """
    from wagtail.models import Page, PageViewRestriction

    store = cache.store()
    value = store.get(RESTRICTIONS_KEY)
    if value is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        aliases = Page.objects.filter(alias_of__isnull=False).exists()
        value = (paths, aliases)
        store.set(RESTRICTIONS_KEY, value, timeout=None)
    return value


LOCALE_KEY = cache.PREFIX + "locale:"


def locale_for_language(manager, language_code, lookup):
    """Wagtail looks the active Locale up several times a request; the rows never change
    except through the admin's locale views (which save them, and perf.signals forgets)."""
    store = cache.store()
    key = LOCALE_KEY + str(language_code)
    locale = store.get(key)
    if locale is None:
        locale = lookup(manager, language_code)
        store.set(key, locale, timeout=None)
    return locale


def forget_locales():
    from django.conf import settings

    store = cache.store()
    store.delete_many([LOCALE_KEY + code for code, _name in settings.LANGUAGES])
