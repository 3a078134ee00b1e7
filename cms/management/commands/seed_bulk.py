"""seed_bulk: adds N realistic Vietnamese articles fast, for benchmarks and load tests.

    python manage.py seed_bulk --articles 10000

Each run ADDS N articles (it is additive, not idempotent: run it on a fresh or throwaway
database). Articles are live, public pages with a revision, under Tin tức or a department,
dated over several school years, with tags and campaigns, and indexed for search (Wagtail's
index entries, including the folded text) before the command ends. The site's structure (home,
Tin tức, departments, campaigns) is reused when present and created when missing.

Speed comes from writing rows in bulk: tree paths are computed here (Wagtail's tree is a
materialised path, four base-36 characters a level) instead of one add_child() per page.
Refuses to run under production settings.
"""

import contextlib
import datetime
import functools
import random
import re
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import CharField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.test.utils import override_settings
from django.utils import timezone

from modelcluster.models import get_all_child_relations, get_serializable_data_for_fields
from wagtail.models import Locale, Page, Revision, Site
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from articles.models import ArticlePage, ArticlePageTag, NewsIndexPage
from cms.models import DepartmentIndexPage, DepartmentPage, Tag
from cms.text import fold, slugify_vi
from cms.utils import attach_departments
from home.models import CampaignIndexPage, CampaignPage, HomePage

BATCH = 1000  # articles written (and indexed) per round of bulk inserts
COMMIT_EVERY = 10000  # articles per transaction
PLAN = Path(settings.BASE_DIR).parent / "shared" / "seed" / "ke-hoach-truyen-thong-2023-2028.md"

DEPARTMENTS = [
    ("Công đoàn Khoa Toán – Tin", "Khoa Toán – Tin"),
    ("Công đoàn Khoa Ngữ văn", "Khoa Ngữ văn"),
    ("Công đoàn Khoa Vật lý", "Khoa Vật lý"),
    ("Công đoàn Khoa Hóa học", "Khoa Hóa học"),
    ("Công đoàn Phòng Đào tạo", "Phòng Đào tạo"),
    ("Công đoàn Thư viện", "Thư viện"),
]
CAMPAIGNS = [
    (
        "Tri ân Ngày Nhà giáo Việt Nam 20/11",
        "Tri ân thầy cô – Lan tỏa yêu thương",
        (11, 1),
        (11, 30),
    ),
    ("Tháng Công nhân", "Việc làm bền vững, thu nhập tốt hơn", (5, 1), (5, 31)),
    ("An toàn vệ sinh lao động", "Làm việc an toàn, sống khỏe mạnh", (5, 1), (5, 31)),
    ("Ngày Quốc tế Phụ nữ 8/3", "Tôn vinh phụ nữ nhà trường", (3, 1), (3, 10)),
]
SUBJECTS = [
    "Công đoàn trường",
    "Ban Chấp hành Công đoàn trường",
    "Ban Tuyên giáo – Truyền thông",
    "Ban Nữ công",
    "Ban Thanh tra nhân dân",
]
ACTIONS = [
    "tổ chức",
    "triển khai",
    "phát động",
    "tổng kết",
    "sơ kết",
    "hưởng ứng",
    "tập huấn về",
    "tuyên dương",
]
TOPICS = [
    "hội nghị cán bộ, viên chức",
    "đợt truyền thông cao điểm Ngày Nhà giáo Việt Nam 20/11",
    "Tháng Công nhân",
    "Tháng hành động về an toàn, vệ sinh lao động",
    "hoạt động tri ân, tôn vinh nhà giáo",
    "gương sáng nhà giáo",
    "phong trào gương người tốt việc tốt",
    "chuyển đổi số trong công tác truyền thông công đoàn",
    "kỹ năng truyền thông số cho cán bộ công đoàn",
    "khảo sát nhu cầu thông tin của đoàn viên",
    "chương trình thăm hỏi đoàn viên có hoàn cảnh khó khăn",
    "hội thao chào mừng ngày thành lập trường",
    "giải bóng đá giao hữu giữa các công đoàn bộ phận",
    "chính sách bảo hiểm xã hội mới cho người lao động",
    "quy chế chi tiêu nội bộ",
    "ngày hội hiến máu tình nguyện",
    "chương trình Mái ấm công đoàn",
    "hội thi nữ công gia chánh",
    "phong trào thi đua dạy tốt, học tốt",
    "tọa đàm về đạo đức nhà giáo",
]
PLACES = ["hội trường lớn", "giảng đường A2", "sân vận động trường", "phòng họp B1", "thư viện"]
TAGS = [
    "20/11",
    "khen thưởng",
    "bảo hiểm",
    "chuyển đổi số",
    "nữ công",
    "thể thao",
    "an sinh",
    "tập huấn",
    "chính sách",
    "văn nghệ",
    "thi đua",
    "hiến máu",
]
FIRST = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Thị", "Văn", "Minh", "Thu", "Hữu", "Ngọc", "Đức", "Thanh"]
LAST = ["Lan", "Hường", "Nam", "Hà", "Quang", "Mai", "Sơn", "Dũng", "Yến", "Phương"]
FALLBACK_SENTENCES = [
    "Hoạt động nhận được sự hưởng ứng của đông đảo cán bộ, nhà giáo, người lao động",
    "Ban Chấp hành đề nghị các công đoàn bộ phận phổ biến kế hoạch đến từng đoàn viên",
]


def refuse_in_production():
    module = getattr(settings, "SETTINGS_MODULE", "") or ""
    if module.endswith("production"):
        raise CommandError(
            f"Không chạy seed_bulk với cấu hình production ({module}): lệnh này thêm hàng nghìn "
            "bài viết thử. Hãy dùng settings.dev hoặc một cơ sở dữ liệu thử."
        )


def plan_sentences():
    """Sentences of the union's communication plan, the body text's word bank."""
    try:
        text = PLAN.read_text(encoding="utf-8")
    except OSError:
        return FALLBACK_SENTENCES
    text = re.sub(r"<!--.*?-->|[#*\[\]]", " ", text, flags=re.S)
    sentences = []
    for line in text.splitlines():
        line = line.strip(" -\t")
        for sentence in re.split(r"(?<=[.;:])\s+", line):
            sentence = sentence.strip(" .;:")
            if 40 <= len(sentence) <= 400:
                sentences.append(sentence)
    return sentences or FALLBACK_SENTENCES


@contextlib.contextmanager
def bulk_session():
    """Database settings for this connection while it writes in bulk, put back afterwards.

    SQLite: no fsync on commit (``synchronous=OFF``: a power cut, not a crash of the
    command, could lose the last commits of this throwaway data) and a 128 MB page cache.
    PostgreSQL: commits do not wait for the WAL flush (``synchronous_commit=off``, safe: at
    worst the last commits are lost on a crash, never corrupted). On both the new rows are
    ANALYZEd at the end so the planner knows the tables' new size.
    Inside an outer transaction (tests) nothing is changed.
    """
    vendor = connection.vendor
    if connection.in_atomic_block or vendor not in ("sqlite", "postgresql"):
        yield
        return
    with connection.cursor() as cursor:
        if vendor == "sqlite":
            cursor.execute("PRAGMA synchronous")
            synchronous = cursor.fetchone()[0]
            cursor.execute("PRAGMA cache_size")
            cache_size = cursor.fetchone()[0]
            cursor.execute("PRAGMA synchronous = OFF")
            cursor.execute("PRAGMA cache_size = -131072")
        else:
            cursor.execute("SET synchronous_commit = off")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if vendor == "sqlite":
                cursor.execute(f"PRAGMA synchronous = {int(synchronous)}")
                cursor.execute(f"PRAGMA cache_size = {int(cache_size)}")
            else:
                cursor.execute("RESET synchronous_commit")
            # Both databases: statistics, so the planner walks the article date index. SQLite:
            # every table (some analysed and others not mislead its planner; it takes < 1 s).
            if vendor == "sqlite":
                cursor.execute("ANALYZE")
            else:
                for model in (Page, ArticlePage, ArticlePageTag, Revision, IndexEntry):
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


@functools.lru_cache(maxsize=100_000)
def _fold_word(word):
    return fold(word)


def fold_by_words(text):
    """``fold(text)``, a space-separated piece at a time from a cache.

    The same result: decomposition, mark stripping, recomposition and lower-casing never
    cross a space. The bulk text repeats the same few thousand words, so folding each once
    saves most of the indexing time.
    """
    return " ".join(map(_fold_word, str(text).split(" ")))


@contextlib.contextmanager
def fast_indexing():
    """Make the search backends' own indexing fast for bulk text, with the same result.

    - The text extraction of rich text and the folding (pure functions of a string) are
      cached: the bulk articles reuse the plan's sentences, so most calls are repeats.
    - Their ObjectIndexer reads every search field of a page once per index column (title,
      body, autocomplete, and on PostgreSQL the plain title and body texts too); each field's
      prepared values are kept for the page, so it is read once.
    - The database backends' title-norm refresh (an average over the whole index table,
      after every batch: quadratic over a large run) is done once at the end, over the
      whole table, as ``update_index`` does. Yields those indexes (``refresh_title_norms``).
    """
    from wagtail.blocks import field_block

    from cms.models import pages as page_models

    patches = [
        (field_block, "get_text_for_indexing", functools.lru_cache(maxsize=100_000)),
        (page_models, "strip_tags", functools.lru_cache(maxsize=100_000)),
        (page_models, "fold", lambda original: fold_by_words),
    ]
    indexes = []
    for backend in get_search_backends(with_auto_update=False):
        index_class = type(backend.get_index_for_model(ArticlePage))
        indexer = getattr(sys.modules[index_class.__module__], "ObjectIndexer", None)
        if indexer is not None and "prepare_field" in vars(indexer):
            patches.append((indexer, "prepare_field", _prepared_once))
        if hasattr(index_class, "_refresh_title_norms"):
            original = index_class._refresh_title_norms
            indexes.append(TitleNorms(backend, original))
            patches.append((index_class, "_refresh_title_norms", lambda original: _no_refresh))
    saved = [(owner, name, vars(owner).get(name)) for owner, name, _ in patches]
    try:
        for owner, name, wrap in patches:
            setattr(owner, name, wrap(getattr(owner, name)))
        yield indexes
    finally:
        for owner, name, original in saved:
            if original is None:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


def _prepared_once(prepare_field):
    """ObjectIndexer.prepare_field, each (object, field) computed once per indexer."""

    def prepare_field_once(self, obj, field):
        prepared = self.__dict__.setdefault("_prepared_once", {})
        key = (id(obj), id(field))
        if key not in prepared:
            # The object is kept with its values, so its id cannot be reused meanwhile.
            prepared[key] = (obj, list(prepare_field(self, obj, field)))
        return iter(prepared[key][1])

    return prepare_field_once


def _no_refresh(self, full=False):
    return None


class TitleNorms:
    def __init__(self, backend, refresh):
        self.backend, self.refresh = backend, refresh

    def refresh_title_norms(self, full=True):
        self.refresh(self.backend.get_index_for_model(ArticlePage), full=full)


class Progress:
    """A one-line progress bar on stderr (or a line per tenth when not a terminal)."""

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, max(total, 1)
        self.started = time.monotonic()
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last_tenth = -1

    def update(self, done):
        fraction = done / self.total
        elapsed = time.monotonic() - self.started
        bar = "#" * int(fraction * 30)
        line = f"{self.label:<16} [{bar:<30}] {done}/{self.total} {elapsed:6.1f}s"
        if self.tty:
            self.stream.write("\r" + line)
            if done >= self.total:
                self.stream.write("\n")
            self.stream.flush()
        elif int(fraction * 10) != self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.stream.write(line + "\n")
            self.stream.flush()


class Command(BaseCommand):
    help = "Thêm N bài viết tiếng Việt (trang thật, đã đăng, đã đánh chỉ mục tìm kiếm) để đo tải."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, required=True, help="Số bài viết cần thêm.")
        parser.add_argument("--seed", type=int, default=2026, help="Hạt giống ngẫu nhiên.")
        parser.add_argument(
            "--years", type=int, default=5, help="Bài được rải đều trong bấy nhiêu năm gần nhất."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Không đánh chỉ mục tìm kiếm (đo riêng)."
        )

    def handle(self, *args, articles, seed, years, no_index, **options):
        refuse_in_production()
        if articles < 1:
            raise CommandError("--articles phải là số nguyên dương.")
        self.random = random.Random(seed)
        self.err = options.get("stderr") or sys.stderr
        started = time.monotonic()
        # DEBUG (settings.dev) would keep the text of every bulk INSERT, megabytes each,
        # and spend as long formatting it as writing it.
        with override_settings(DEBUG=False), bulk_session(), fast_indexing() as indexes:
            with transaction.atomic():
                structure = self.structure()
            self.prepare(structure, years)
            progress = Progress(self.err, "Tạo bài viết", articles)
            index_seconds = 0.0
            done = 0
            for start in range(0, articles, COMMIT_EVERY):
                # Big transactions: a commit per COMMIT_EVERY articles, each leaving a whole
                # tree (numchild recounted) so an interrupted run is still consistent.
                with transaction.atomic():
                    for batch in range(start, min(start + COMMIT_EVERY, articles), BATCH):
                        ids = self.create_batch(min(BATCH, articles - batch))
                        if not no_index:
                            began = time.monotonic()
                            self.index(ids)
                            index_seconds += time.monotonic() - began
                        done += len(ids)
                        progress.update(done)
                    self.recount()
            if not no_index:
                with transaction.atomic():
                    for search_index in indexes:
                        search_index.refresh_title_norms(full=True)
            # Bulk inserts send no signals: the kept article counts (archive hub, news
            # index) are recounted once, from scratch (listings.tally).
            from listings.tally import rebuild

            rebuild()
        elapsed = time.monotonic() - started
        self.stdout.write(
            f"Đã thêm {done} bài viết trong {elapsed:.1f} giây "
            f"(chỉ mục tìm kiếm: {index_seconds:.1f} giây; "
            f"tổng số bài: {ArticlePage.objects.count()})."
        )

    # Structure ----------------------------------------------------------------------------

    def structure(self):
        locale = Locale.get_default()
        site = Site.objects.filter(is_default_site=True).first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            home = HomePage.objects.filter(locale=locale).first()
        if home is None:
            root = Page.get_first_root_node()
            home = root.add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
            if site:
                site.root_page = home
                site.save()
            else:
                Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        news = NewsIndexPage.objects.child_of(home).first() or home.add_child(
            instance=NewsIndexPage(title="Tin tức", slug="tin-tuc")
        )
        departments = list(DepartmentPage.objects.live().filter(locale=home.locale))
        if not departments:
            index = DepartmentIndexPage.objects.child_of(home).first() or home.add_child(
                instance=DepartmentIndexPage(title="Công đoàn bộ phận", slug="cong-doan-bo-phan")
            )
            for title, short_name in DEPARTMENTS:
                department = DepartmentPage(title=title, short_name=short_name)
                departments.append(index.add_child(instance=department))
        campaigns = list(CampaignPage.objects.live().filter(locale=home.locale))
        if not campaigns:
            index = CampaignIndexPage.objects.child_of(home).first() or home.add_child(
                instance=CampaignIndexPage(title="Chiến dịch", slug="chien-dich")
            )
            year = timezone.localdate().year - 1
            for title, theme, start, end in CAMPAIGNS:
                campaign = CampaignPage(
                    title=title,
                    theme=theme,
                    summary=f"Đợt tuyên truyền cao điểm: {theme.lower()}.",
                    start_date=datetime.date(year, *start),
                    end_date=datetime.date(year, *end),
                )
                campaigns.append(index.add_child(instance=campaign))
        tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]
        return {
            "locale": home.locale,
            "parents": [news] * 3 + departments,
            "campaigns": campaigns,
            "tags": tags,
        }

    # Articles -----------------------------------------------------------------------------

    def text(self, departments_by_parent, parent, day):
        r = self.random
        unit = departments_by_parent.get(parent.pk)
        subject = unit.title if unit and r.random() < 0.8 else r.choice(SUBJECTS)
        topic = r.choice(TOPICS)
        title = f"{subject} {r.choice(ACTIONS)} {topic}"
        if r.random() < 0.4:
            title += f" năm {day.year}"
        place = r.choice(PLACES)
        lead = (
            f"Ngày {day:%d/%m/%Y}, tại {place}, {subject[0].lower() + subject[1:]} "
            f"{r.choice(ACTIONS)} {topic}. {r.choice(self.sentences)}."
        )
        body = []
        for _ in range(r.randint(3, 6)):
            sentences = ". ".join(r.sample(self.sentences, 2))
            body.append(
                {"type": "paragraph", "value": f"<p>{sentences}.</p>", "id": str(uuid.uuid4())}
            )
        byline = f"{r.choice(FIRST)} {r.choice(MIDDLE)} {r.choice(LAST)}"
        return title, lead, body, byline

    def prepare(self, structure, years):
        """Everything the batches share: parents, their next free path step, content types."""
        self.sentences = plan_sentences()
        self.structure_ = structure
        self.years = years
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.content_type = ContentType.objects.get_for_model(ArticlePage)
        self.page_type = ContentType.objects.get_for_model(Page)
        self.parents = structure["parents"]
        self.departments_by_parent = {
            p.pk: p for p in self.parents if isinstance(p, DepartmentPage)
        }
        # The next free child number of each parent (paths are never reused).
        self.next_step = {}
        for parent in {p.pk: p for p in self.parents}.values():
            last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
            last = last.order_by("-path").values_list("path", flat=True).first()
            self.next_step[parent.pk] = (Page._str2int(last[-Page.steplen :]) + 1) if last else 1
        self.next_number = ArticlePage.objects.count() + 1
        self.added_children = dict.fromkeys(self.next_step, 0)

    def create_batch(self, count):
        """Write ``count`` articles (pages, rows, tags, revisions) in bulk; return their ids."""
        r = self.random
        structure, now, today, years = self.structure_, self.now, self.today, self.years
        content_type, page_type = self.content_type, self.page_type
        departments_by_parent, next_step = self.departments_by_parent, self.next_step
        pages, specifics, taggings = [], [], []
        for number in range(self.next_number, self.next_number + count):
            parent = r.choice(self.parents)
            day = today - datetime.timedelta(days=r.randint(0, 365 * years - 1))
            title, lead, body, byline = self.text(departments_by_parent, parent, day)
            slug = f"{slugify_vi(title, max_length=70)}-{number}"
            step = next_step[parent.pk]
            next_step[parent.pk] += 1
            self.added_children[parent.pk] += 1
            published = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(r.randint(7, 17), r.randint(0, 59)))
            )
            published = min(published, now)
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, step),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    locale=structure["locale"],
                    translation_key=uuid.uuid4(),
                )
            )
            campaign = r.choice(structure["campaigns"]) if r.random() < 0.25 else None
            specifics.append(
                {
                    "date": day,
                    "lead": lead,
                    "body": body,
                    "byline": f"{byline} – Ban Tuyên giáo",
                    "campaign_id": campaign.pk if campaign else None,
                    "hero_caption": "",
                    "hero_credit": "",
                }
            )
            taggings.append(r.sample(structure["tags"], r.randint(0, 3)))
        self.next_number += count
        Page.objects.bulk_create(pages)
        if any(page.pk is None for page in pages):  # a backend that returns no ids
            paths = [page.path for page in pages]
            ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
            for page in pages:
                page.pk = page.id = ids[page.path]
        articles = []
        for page, fields in zip(pages, specifics, strict=True):
            article = ArticlePage(page_ptr_id=page.pk, **fields)
            article.__dict__.update(
                {f.attname: getattr(page, f.attname) for f in Page._meta.concrete_fields}
            )
            articles.append(article)
        local = list(ArticlePage._meta.local_concrete_fields)
        ArticlePage._base_manager._insert(articles, fields=local, using=connection.alias)
        ArticlePageTag.objects.bulk_create(
            ArticlePageTag(tag=tag, content_object_id=page.pk)
            for page, tags in zip(pages, taggings, strict=True)
            for tag in tags
        )
        Revision.objects.bulk_create(
            Revision(
                content_type=content_type,
                base_content_type=page_type,
                object_id=str(article.pk),
                created_at=article.first_published_at,
                object_str=article.title,
                content=self.revision_content(article, tags),
            )
            for article, tags in zip(articles, taggings, strict=True)
        )
        # One UPDATE for the batch (bulk_update's CASE per row is much slower).
        revision = Revision.objects.filter(
            base_content_type=page_type,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        ).values("pk")[:1]
        Page.objects.filter(pk__in=[page.pk for page in pages]).update(
            latest_revision_id=Subquery(revision), live_revision_id=Subquery(revision)
        )
        return [page.pk for page in pages]

    def recount(self):
        """Each parent's numchild from its children, once per commit."""
        for parent in self.parents:
            if self.added_children.get(parent.pk):
                Page.objects.filter(pk=parent.pk).update(
                    numchild=Page.objects.filter(
                        path__startswith=parent.path, depth=parent.depth + 1
                    ).count()
                )
                self.added_children[parent.pk] = 0

    def revision_content(self, article, tags):
        """What Wagtail stores in a revision: the fields, and each child relation's rows."""
        data = get_serializable_data_for_fields(article)
        for relation in get_all_child_relations(article):
            data[relation.get_accessor_name()] = []
        data["tagged_items"] = [
            {"pk": None, "tag": tag.pk, "content_object": article.pk} for tag in tags
        ]
        return data

    # Search index -------------------------------------------------------------------------

    def index(self, ids):
        """Index a batch with the backends' own add_bulk: the entries update_index writes."""
        pages = list(ArticlePage.objects.filter(pk__in=ids).prefetch_related("tags"))
        attach_departments(pages)
        for backend in get_search_backends(with_auto_update=False):
            backend.add_bulk(ArticlePage, pages)
