"""Which tags a page shows (read side) and which tags a change touches (write side).

The two sides use the same vocabulary:

- ``page:<id>``: one page's own fields (its card anywhere, its own address)
- ``tk:<translation key>``: the set of a page's translations (language links)
- ``articles:<locale>``, ``exemplars:<locale>``, ``campaigns:<locale>``: which pages of a kind
  are live in a language (home page, the section indexes)
- ``departments``: departments' names and the list of them (every card shows its department)
- ``under:<id>``: the live pages below a page (its department page, its index)
- ``campaign:<id>``: what is linked to a campaign (the campaign's page, related articles)
- ``tag:<slug>``: what carries a tag (the tag's page, related articles)
- ``snippet:<app.model>``: a snippet's rows (exemplar categories)
- ``settings``: site settings (header and footer), ``images``: edited or deleted images
- ``pages``: any live page's fields, place or privacy (what a search finds: its kept matches,
  search.views.kept_matches)
- ``top``: the site roots and their sections (depth 3): the header's section links, the
  language switcher's home pages, the Site with its root page (perf.lookups)
- ``any``: everything; bumped by changes whose readers cannot be known (a page moved, an
  address changed, a page deleted, a snippet of another app)
"""

from django.core.paginator import Page as PaginatorPage
from django.db.models.query import QuerySet

from wagtail.models import Page

EVERY_PAGE = {"any", "settings", "images", "departments"}
CATEGORY = "snippet:exemplars.exemplarcategory"


def _model_label(obj):
    return obj._meta.label_lower


def _pages_in(value):
    """Pages held by one context value, without running a query."""
    if isinstance(value, Page):
        return [value]
    if isinstance(value, PaginatorPage):
        value = value.object_list
    if isinstance(value, QuerySet):
        value = value._result_cache or []
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, Page)]
    return []


def tags_for_page(page, context=None):
    """Everything the rendered ``page`` showed, from its type and its template context."""
    tags = set(EVERY_PAGE)
    tags |= {f"page:{page.pk}", f"tk:{page.translation_key}", f"under:{page.pk}"}
    locale = page.locale_id
    label = _model_label(page)
    if label == "home.homepage":
        tags |= {f"articles:{locale}", f"exemplars:{locale}", f"campaigns:{locale}", CATEGORY}
        tags |= {f"page:{pk}" for pk in _quick_link_pages(page)}
    elif label == "articles.newsindexpage":
        tags.add(f"articles:{locale}")
    elif label == "exemplars.exemplarindexpage":
        tags |= {f"exemplars:{locale}", CATEGORY}
    elif label == "home.campaignindexpage":
        tags.add(f"campaigns:{locale}")
    elif label == "cms.departmentindexpage":
        tags.add(f"departments:{locale}")
    elif label == "cms.departmentpage":
        tags.add(CATEGORY)
    elif label == "home.campaignpage":
        tags |= {f"campaign:{page.pk}", CATEGORY}
    elif label in ("articles.articlepage", "exemplars.exemplarpage"):
        tags |= {f"tag:{tag.slug}" for tag in page.tags.all()}
        if page.campaign_id:
            tags |= {f"campaign:{page.campaign_id}", f"page:{page.campaign_id}"}
        if label == "exemplars.exemplarpage":
            tags.add(CATEGORY)
    for value in (context or {}).values():
        for shown in _pages_in(value):
            tags.add(f"page:{shown.pk}")
    return tags


def _quick_link_pages(home):
    """The pages the home page's shortcuts lead to: part of the home page's own revision, so
    kept until it changes (no query a request)."""
    from perf.lookups import remember

    return remember(
        f"quick-links:{home.pk}",
        {f"page:{home.pk}"},
        lambda: [link.page_id for link in home.quick_links.all() if link.page_id],
    )


def tags_for_sitemap():
    """The sitemap lists every live public page and the tags they carry: any page's change
    bumps ``under:<tree root>`` (every page is below it), a tag's or a move ``any``."""
    root = Page.get_first_root_node()
    return {"any", "top", "settings"} | ({f"under:{root.pk}"} if root is not None else set())


def tags_for_tag_view(slug):
    return set(EVERY_PAGE) | {f"tag:{slug}", CATEGORY}


def tags_for_change(page):
    """Tags a change to ``page`` (specific, as stored) touches, to invalidate."""
    tags = {f"page:{page.pk}", f"tk:{page.translation_key}", "pages"}
    tags |= {f"under:{pk}" for pk in _ancestor_ids(page)}
    if page.depth is not None and page.depth <= 3:
        tags.add("top")  # a site root or a section: the header's links, the language switcher
    locale = page.locale_id
    label = _model_label(page)
    kinds = {
        "articles.articlepage": "articles",
        "exemplars.exemplarpage": "exemplars",
        "home.campaignpage": "campaigns",
    }
    if label in kinds:
        tags.add(f"{kinds[label]}:{locale}")
        tags |= {f"tag:{tag.slug}" for tag in page.tags.all()}
    if getattr(page, "campaign_id", None):
        tags.add(f"campaign:{page.campaign_id}")
    if label in ("cms.departmentpage", "cms.departmentindexpage"):
        tags |= {"departments", f"departments:{locale}"}
    return tags


def _ancestor_ids(page):
    steps = page.steplen
    paths = [page.path[:i] for i in range(steps, len(page.path), steps)]
    if not paths:
        return []
    return list(Page.objects.filter(path__in=paths).values_list("pk", flat=True))


def urls_for_change(page):
    """Full addresses a CDN or caching proxy must forget when ``page`` changes."""
    from django.urls import reverse
    from django.utils import translation

    from cms.models import DepartmentIndexPage
    from home.models import CampaignIndexPage

    related = [page, *Page.objects.ancestor_of(page).filter(depth__gt=1)]
    section_models = []
    label = _model_label(page)
    if label == "articles.articlepage":
        from articles.models import NewsIndexPage

        section_models.append(NewsIndexPage)
    elif label == "exemplars.exemplarpage":
        from exemplars.models import ExemplarIndexPage

        section_models.append(ExemplarIndexPage)
    elif label == "home.campaignpage":
        section_models.append(CampaignIndexPage)
    elif label == "cms.departmentpage":
        section_models.append(DepartmentIndexPage)
    for model in section_models:
        related += list(model.objects.live().filter(locale_id=page.locale_id))
    if getattr(page, "campaign_id", None):
        related += list(Page.objects.filter(pk=page.campaign_id))
    urls = set()
    root = None
    for item in related:
        url = item.get_full_url()
        if url:
            urls.add(url)
            root = root or url.split("/", 3)[:3]
    if root:
        base = "/".join(root)
        language = page.locale.language_code
        urls.add(base + "/sitemap.xml")
        if hasattr(page, "tags"):
            with translation.override(language):
                name = "tag_en" if language == "en" else "tag"
                for tag in page.tags.all():
                    urls.add(base + reverse(name, args=[tag.slug]))
    return urls
