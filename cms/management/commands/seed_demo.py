"""seed_demo: builds the Vietnamese demo site once. Running it again changes nothing.

Everything is found again by slug, title or username before it is created; pages that already
exist are left as they are, so a demo that editors have touched keeps their changes.
"""

import datetime
import time

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import (
    Collection,
    Locale,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Site,
    TaskState,
    WorkflowState,
)

from articles.models import ArticlePage, NewsIndexPage
from cms import roles
from cms.demo import accounts, content
from cms.demo import engage as engage_demo
from cms.demo import planning as planning_demo
from cms.demo import translations as translations_demo
from cms.demo.articles import ARTICLES, BYLINES, CREDITS
from cms.demo.exemplars import CATEGORIES, EXEMPLARS
from cms.demo.library import MediaLibrary
from cms.demo.library_pages import LibrarySeeder
from cms.demo.streams import StreamBuilder
from cms.editorial import SHARED_COLLECTION
from cms.models import DepartmentIndexPage, DepartmentPage, SiteSettings, StandardPage
from exemplars.models import ExemplarCategory, ExemplarIndexPage, ExemplarPage
from home.models import CampaignIndexPage, CampaignPage, HomePage, HomeQuickLink

SHARED = "shared"
# The day the site went live: structural pages are dated to it.
LAUNCH = datetime.date(2024, 4, 20)
PUBLISHER = "truongban"
ADMIN = "quantri"


def refuse_in_production():
    module = getattr(settings, "SETTINGS_MODULE", "") or ""
    if module.endswith("production"):
        raise CommandError(
            f"Không chạy seed_demo với cấu hình production ({module}): lệnh này tạo dữ liệu và "
            "tài khoản demo với mật khẩu công khai. Hãy dùng settings.dev hoặc một cơ sở dữ liệu thử."
        )


def at(day, hour=8, minute=0):
    """An aware datetime on ``day`` in the site's time zone, never later than now."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    return min(moment, timezone.now() - datetime.timedelta(minutes=5))


def pictures_in(item):
    """The picture keys used in the blocks of a page spec."""
    for block in item.get("body", []) + item.get("story", []) + item.get("sections", []):
        if block[0] in ("image", "infographic"):
            yield block[1]
        elif block[0] == "gallery":
            yield from (key for key, _ in block[2])


class Seeder:
    def __init__(self, command):
        self.command = command
        self.locale = Locale.objects.get(language_code="vi")
        self.pages = {}
        self.users = {}
        self.departments = {}
        self.created_pages = 0
        self.homes = self.picture_homes()
        self.media = MediaLibrary(self.say, self.collection_for)

    # Output -----------------------------------------------------------------------------------

    def say(self, message):
        self.command.stdout.write(message)

    def done(self, what, created):
        status = "đã tạo" if created else "đã có, giữ nguyên"
        self.say(f"  • {what}: {status}")

    # Where things live ------------------------------------------------------------------------

    @staticmethod
    def picture_homes():
        """Picture key -> the department slug when only that department uses it, None when only
        the board does, SHARED when several units do (so every editor can choose it)."""
        users = {}
        for department in content.DEPARTMENTS:
            users.setdefault(department["image"], set()).add(department["slug"])
        departments = {department["slug"] for department in content.DEPARTMENTS}
        for item in [*ARTICLES, *EXEMPLARS, *content.CAMPAIGNS, *content.STANDARD_PAGES]:
            unit = item.get("parent") if item.get("parent") in departments else None
            for key in filter(None, [item.get("hero"), *pictures_in(item)]):
                users.setdefault(key, set()).add(unit)
        return {
            key: next(iter(units)) if len(units) == 1 else SHARED for key, units in users.items()
        }

    def collection_for(self, key):
        home = self.homes.get(key)
        if home == SHARED:
            root = Collection.get_first_root_node()
            return root.get_children().filter(name=SHARED_COLLECTION).first()
        department = self.departments.get(home)
        return department.collection if department else None

    def page(self, slug):
        if slug not in self.pages:
            found = Page.objects.filter(slug=slug, depth__gte=2, locale=self.locale).first()
            if found is None:
                raise CommandError(f"Không tìm thấy trang có đường dẫn “{slug}”.")
            self.pages[slug] = found.specific
        return self.pages[slug]

    # Pages ------------------------------------------------------------------------------------

    def ensure_child(self, parent, page, *, when=LAUNCH, owner=None, publish=True):
        """Add ``page`` under ``parent`` unless a page with its slug is there already.

        New pages get one revision, a "created" log entry by their owner and, when published, a
        "published" entry by the communications head, all dated ``when``.
        """
        existing = parent.get_children().filter(slug=page.slug).first()
        if existing is not None:
            self.pages[page.slug] = existing.specific
            return existing.specific, False
        author = self.users.get(owner or ADMIN)
        page.owner = author
        page.live = publish
        parent.add_child(instance=page)
        publisher = self.users.get(PUBLISHER if owner else ADMIN)
        self.record(page, author, when, publisher if publish else None)
        self.pages[page.slug] = page
        self.created_pages += 1
        return page, True

    def record(self, page, owner, when, publisher=None):
        """One revision by ``owner``; published by ``publisher`` unless None (a draft).

        Wagtail logged the creation (by the page's owner) when the page was first saved; the
        revision, the log and the page's dates are then moved back to ``when``.
        """
        publish = publisher is not None
        moment = at(when, 8, 30)
        written = moment - datetime.timedelta(hours=3)
        revision = page.save_revision(user=owner)
        if publish:
            revision.publish(user=publisher, skip_permission_checks=True)
        Revision.objects.filter(pk=revision.pk).update(created_at=written)
        PageLogEntry.objects.filter(page=page, action="wagtail.create").update(timestamp=written)
        PageLogEntry.objects.filter(page=page, action="wagtail.publish").update(timestamp=moment)
        dates = {"latest_revision_created_at": written}
        if publish:
            dates.update(first_published_at=moment, last_published_at=moment)
        Page.objects.filter(pk=page.pk).update(**dates)

    def ensure_home(self):
        home = HomePage.objects.filter(depth=2, locale=self.locale).first()
        if home is not None:
            self.done("Trang chủ", False)
            return home, False
        root = Page.get_first_root_node()
        home = HomePage(locale=self.locale, **content.HOME)
        home.owner = self.users.get(ADMIN)
        root.add_child(instance=home)
        self.created_pages += 1
        self.done("Trang chủ", True)
        return home, True

    def finish_home(self, home):
        """The home page is published last, once the pages its shortcuts point to exist."""
        home.quick_links = [
            HomeQuickLink(label=label, description=description, page=self.page(slug))
            for label, description, slug in content.QUICK_LINKS
        ]
        admin = self.users.get(ADMIN)
        self.record(home, admin, LAUNCH, publisher=admin)

    def point_default_site(self, home):
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        wanted = {
            "hostname": "localhost",
            "port": 80,
            "site_name": content.SITE["site_name"],
            "root_page_id": home.pk,
        }
        if any(getattr(site, field) != value for field, value in wanted.items()):
            for field, value in wanted.items():
                setattr(site, field, value)
            site.save()
        # Wagtail's "Welcome to your new Wagtail site!" page, once nothing points to it.
        welcome = Page.objects.filter(
            depth=2, slug="home", content_type__app_label="wagtailcore", content_type__model="page"
        ).first()
        if (
            welcome
            and not welcome.get_children().exists()
            and not welcome.sites_rooted_here.exists()
        ):
            welcome.delete()
            self.say("  • Đã xoá trang “Welcome” mặc định của Wagtail")
        return site

    def ensure_indexes(self, home):
        models = {
            "news": NewsIndexPage,
            "exemplars": ExemplarIndexPage,
            "campaigns": CampaignIndexPage,
            "departments": DepartmentIndexPage,
        }
        for key, model in models.items():
            page, created = self.ensure_child(home, model(**content.INDEXES[key]))
            self.done(page.title, created)

    def ensure_departments(self):
        index = self.page(content.INDEXES["departments"]["slug"])
        for spec in content.DEPARTMENTS:
            fields = {k: v for k, v in spec.items() if k != "image"}
            page = DepartmentPage(**fields, image=self.media.image(spec["image"]))
            page, created = self.ensure_child(index, page)
            self.departments[page.slug] = page
            self.done(page.title, created)

    def ensure_standard_pages(self, home):
        for spec in content.STANDARD_PAGES:
            self.ensure_standard_page(home, spec)
        page, created = self.ensure_standard_page(home, content.MEMBERS_PAGE)
        if created:
            restriction = PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.GROUPS
            )
            restriction.groups.set([Group.objects.get(name=roles.MEMBERS)])

    def ensure_standard_page(self, home, spec):
        if home.get_children().filter(slug=spec["slug"]).exists():
            self.done(spec["title"], False)
            return self.page(spec["slug"]), False
        streams = StreamBuilder(self.media, self.page, content.PHOTO_CREDIT)
        page = StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            intro=spec["intro"],
            hero_image=self.media.image(spec["hero"]),
            hero_credit=content.PHOTO_CREDIT,
            body=streams.build(spec["body"]),
        )
        self.ensure_child(home, page)
        self.done(spec["title"], True)
        return page, True

    def ensure_campaigns(self):
        index = self.page(content.INDEXES["campaigns"]["slug"])
        streams = StreamBuilder(self.media, self.page, content.PHOTO_CREDIT)
        for spec in content.CAMPAIGNS:
            if index.get_children().filter(slug=spec["slug"]).exists():
                self.page(spec["slug"])
                self.done(spec["title"], False)
                continue
            page = CampaignPage(
                title=spec["title"],
                slug=spec["slug"],
                theme=spec["theme"],
                start_date=spec["start"],
                end_date=spec["end"],
                key_date=spec["key"],
                summary=spec["summary"],
                hero_image=self.media.image(spec["hero"]),
                hero_caption=spec["hero_caption"],
                hero_credit=content.PHOTO_CREDIT,
                sections=streams.build(spec["sections"]),
            )
            page.tags.add(*spec["tags"])
            when = min(spec["start"] - datetime.timedelta(days=7), timezone.localdate())
            self.ensure_child(index, page, when=when, owner=PUBLISHER)
            self.done(spec["title"], True)

    def ensure_articles(self):
        for spec in ARTICLES:
            parent = self.page(spec["parent"])
            if parent.get_children().filter(slug=spec["slug"]).exists():
                continue
            streams = StreamBuilder(self.media, self.page, CREDITS[spec["parent"]])
            page = ArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                date=spec["date"],
                lead=spec["lead"],
                byline=BYLINES[spec["parent"]],
                hero_image=self.media.image(spec["hero"]),
                hero_caption=spec["hero_caption"],
                hero_credit=CREDITS[spec["parent"]],
                body=streams.build(spec["body"]),
                campaign=self.page(spec["campaign"]) if spec.get("campaign") else None,
            )
            page.tags.add(*spec["tags"])
            owner = self.author_for(spec["parent"])
            self.ensure_child(
                parent, page, when=spec["date"], owner=owner, publish=not spec.get("draft")
            )
            state = "bản nháp" if spec.get("draft") else spec["date"].strftime("%d/%m/%Y")
            self.say(f"  • Bài viết ({state}): {spec['title']}")

    def ensure_categories(self):
        for spec in CATEGORIES:
            _, created = ExemplarCategory.objects.get_or_create(
                slug=spec["slug"],
                locale=self.locale,
                defaults={"name": spec["name"], "description": spec["description"]},
            )
            self.done(f"Danh hiệu “{spec['name']}”", created)

    def ensure_exemplars(self):
        categories = {c.slug: c for c in ExemplarCategory.objects.filter(locale=self.locale)}
        for number, spec in enumerate(EXEMPLARS):
            parent = self.page(spec["parent"])
            if parent.get_children().filter(slug=spec["slug"]).exists():
                continue
            department = self.departments.get(spec["parent"])
            streams = StreamBuilder(self.media, self.page, CREDITS.get(spec["parent"], ""))
            verified = not spec.get("draft")
            page = ExemplarPage(
                title=spec["title"],
                slug=spec["slug"],
                position=spec["position"],
                unit=spec["unit"],
                portrait=self.media.portrait(
                    spec["title"], spec["slug"], number, department and department.collection
                ),
                category=categories[spec["category"]],
                citation=spec["citation"],
                story=streams.build(spec["story"]),
                year_recognised=spec["year"],
                decision_number=spec.get("decision_number", ""),
                issuing_body=spec.get("issuing_body", ""),
                nominating_unit=spec.get("nominating_unit", ""),
                consent_recorded=verified,
                photo_rights_recorded=verified,
                campaign=self.page(spec["campaign"]) if spec.get("campaign") else None,
            )
            page.tags.add(*spec["tags"])
            owner = self.author_for(spec["parent"])
            self.ensure_child(parent, page, when=spec["date"], owner=owner, publish=verified)
            self.say(f"  • Gương sáng: {spec['title']} ({spec['year']})")

    def ensure_reviews(self):
        """Pages caught in the workflow, so the dashboards have something to show.

        Each entry: the page's slug, who submits, then the reviewers' actions in order, and how
        many days ago it was submitted (the board's queue marks more than two days overdue).
        """
        for slug, author, actions, days_ago, new_lead in content.REVIEWS:
            page = self.page(slug)
            if WorkflowState.objects.for_instance(page).exists():
                continue
            user = self.users.get(author)
            if new_lead:
                page.lead = new_lead
            page.save_revision(user=user)
            workflow = page.get_workflow()
            workflow.start(page, user)
            for reviewer, action, comment in actions:
                task_state = page.current_workflow_task_state.specific
                task_state.task.specific.on_action(
                    task_state, self.users.get(reviewer), action, comment=comment
                )
            started = timezone.now() - datetime.timedelta(days=days_ago)
            states = TaskState.objects.for_instance(page)
            states.update(started_at=started)
            states.exclude(finished_at=None).update(finished_at=started)
            page.refresh_from_db()
            step = page.current_workflow_task
            where = f"chờ bước “{step.name}”" if step else "cần chỉnh sửa"
            self.say(f"  • Đang duyệt ({where}): {page.title}")

    def author_for(self, parent_slug):
        """The department's editor when it has a demo account, else the communications head."""
        for username, _, role, department in roles.DEMO_ACCOUNTS:
            if role == "editor" and department == parent_slug:
                return username
        return PUBLISHER

    # Settings, groups, accounts ---------------------------------------------------------------

    def ensure_settings(self, site):
        site_settings = SiteSettings.for_site(site)
        default_name = SiteSettings._meta.get_field("union_name").default
        if site_settings.logo_id or site_settings.union_name != default_name:
            self.done("Cài đặt chung", False)
            return
        for field, value in content.SITE.items():
            if field != "site_name":
                setattr(site_settings, field, value)
        site_settings.logo = self.media.logo()
        site_settings.save()
        self.done("Cài đặt chung", True)

    def setup_editorial(self):
        if "setup_editorial" in get_commands():
            self.say("Nhóm quyền và quy trình duyệt (setup_editorial)…")
            call_command("setup_editorial", stdout=self.command.stdout)
        else:
            self.say(
                "  ! Chưa có lệnh setup_editorial: chỉ tạo các nhóm theo tên, chưa có quyền "
                "và quy trình duyệt."
            )
            accounts.plain_groups(self.departments.values())
        for slug, department in self.departments.items():
            department.refresh_from_db()
            self.departments[slug] = department

    def ensure_users(self):
        self.users = accounts.ensure_users(self.say)

    def move_department_pictures(self):
        for spec in content.DEPARTMENTS:
            department = self.departments[spec["slug"]]
            self.media.move_to(self.media.image(spec["image"]), department.collection)

    # The whole run ----------------------------------------------------------------------------

    def run(self):
        self.say("Tài khoản demo…")
        self.ensure_users()
        self.say("Trang chủ và site mặc định…")
        home, new_home = self.ensure_home()
        site = self.point_default_site(home)
        self.say("Các trang danh mục và công đoàn bộ phận…")
        self.ensure_indexes(home)
        self.ensure_departments()
        self.setup_editorial()
        accounts.ensure_memberships(self.users, self.say)
        self.move_department_pictures()
        self.say("Cài đặt chung, danh hiệu, trang nội dung…")
        self.ensure_settings(site)
        self.ensure_categories()
        LibrarySeeder(home, self.media, self.say, PUBLISHER).run(self.ensure_child)
        engage_demo.seed(self, home)  # before the standard pages: /khao-sat/, /hoi-dap/
        self.ensure_standard_pages(home)
        self.say("Chiến dịch…")
        self.ensure_campaigns()
        self.say("Bài viết…")
        self.ensure_articles()
        self.say("Gương sáng…")
        self.ensure_exemplars()
        self.say("Bài đang trong quy trình duyệt…")
        # The demo's reviewers are invented people: their notifications go nowhere.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            self.ensure_reviews()
        planning_demo.seed(self)
        if new_home:
            self.finish_home(home)
            self.say("  • Trang chủ: đã xuất bản cùng các lối tắt")
        translations_demo.seed(self, self.users.get(PUBLISHER))


class Command(BaseCommand):
    help = (
        "Dựng site demo tiếng Việt (trang, ảnh, tài liệu, tài khoản) một lần; "
        "chạy lại không tạo thêm gì. Không chạy với cấu hình production."
    )

    def handle(self, *args, **options):
        refuse_in_production()
        started = time.monotonic()
        self.stdout.write(self.style.MIGRATE_HEADING("Dựng site demo Lan Tỏa"))
        with transaction.atomic():
            seeder = Seeder(self)
            seeder.run()
        # wagtail-localize publishes the English pages when the transaction commits, saving
        # parents loaded before their children were added (numchild 0): recount the tree.
        Page.fix_tree()
        elapsed = time.monotonic() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"Xong sau {elapsed:.1f} giây: tạo mới {seeder.created_pages} trang, "
                f"{seeder.media.created_images} ảnh, {seeder.media.created_documents} tài liệu."
            )
        )
        self.print_accounts()

    def print_accounts(self):
        rows = accounts.account_table()
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write(self.style.MIGRATE_HEADING("Tài khoản demo (đăng nhập tại /admin/)"))
        for number, row in enumerate(rows):
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            line = "  ".join([*cells, row[3]])
            self.stdout.write(self.style.MIGRATE_LABEL(line) if number == 0 else line)
