"""The kept article counts (listings.tally) equal a fresh count after every kind of change,
and the archive hub, the archives and the news index show them without counting the archive."""

import datetime

import pytest

from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, PageViewRestriction

from articles.models import ArticlePage
from listings import tally
from listings.models import ArticleTally
from tests import factories, utils
from tests.channels.conftest import translate


def assert_exact():
    """The kept rows are exactly a fresh count (rows of 0 aside)."""
    assert tally.stored_counts() == tally.fresh_counts()


def hub(client, url="/tin-tuc/luu-tru/"):
    """{link: "(count)"} and the total line of the archive hub, from a cold cache."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    response = client.get(url)
    assert response.status_code == 200
    document = utils.soup(response)
    links = {
        a["href"]: a.find_next_sibling(class_="archive-links__count").get_text(strip=True)
        for a in document.select(".archive-index a")
        if a.find_next_sibling(class_="archive-links__count")
    }
    return links, number(document.select_one(".result-count").get_text(" ", strip=True))


def number(text):
    """The first number in a line such as "Tất cả 2 tin bài"."""
    import re

    return int(re.search(r"\d+", text.replace(".", "")).group())


def publish(page, **changes):
    """Change a page as an editor does: a revision with the changes, published."""
    page = page.specific
    for name, value in changes.items():
        if name == "tags":
            page.tags.set(value)
        else:
            setattr(page, name, value)
    page.save_revision().publish()
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def site(home_page, news_index, department, department_index, campaign_index):
    campaign = factories.CampaignPageFactory(parent=campaign_index, title="Tháng Công nhân 2025")
    other_campaign = factories.CampaignPageFactory(parent=campaign_index, title="Xuân yêu thương")
    tag = factories.TagFactory(name="An toàn lao động")
    other_tag = factories.TagFactory(name="Chuyển đổi số")
    first = factories.ArticlePageFactory(
        parent=news_index,
        title="Hội nghị cán bộ công chức",
        date=datetime.date(2025, 11, 3),
        campaign=campaign,
        tags=[tag],
    )
    second = factories.ArticlePageFactory(
        parent=department, title="Khoa Toán thăm hỏi đoàn viên", date=datetime.date(2025, 10, 2)
    )
    return {
        "news": news_index,
        "department": department,
        "department_index": department_index,
        "campaign": campaign,
        "other_campaign": other_campaign,
        "tag": tag,
        "other_tag": other_tag,
        "first": first,
        "second": second,
    }


def test_counts_stay_exact_through_every_kind_of_change(client, site):
    first, second, department = site["first"], site["second"], site["department"]
    campaign, other_campaign = site["campaign"], site["other_campaign"]
    tag, other_tag = site["tag"], site["other_tag"]
    assert_exact()
    links, total = hub(client)
    assert total == 2
    assert links["/tin-tuc/nam/2025/thang/11/"] == "(1)"
    assert links[f"/tin-tuc/chien-dich/{campaign.slug}/"] == "(1)"
    assert links[f"/the/{tag.slug}/"] == "(1)"
    assert links[f"/tin-tuc/don-vi/{department.slug}/"] == "(1)"

    # A new article, published with a campaign and two tags.
    third = factories.ArticlePageFactory(
        parent=department,
        title="Giải bóng đá công đoàn",
        date=datetime.date(2025, 11, 20),
        campaign=campaign,
        tags=[tag, other_tag],
    )
    assert_exact()
    links, total = hub(client)
    assert total == 3
    assert links["/tin-tuc/nam/2025/thang/11/"] == "(2)"
    assert links[f"/tin-tuc/chien-dich/{campaign.slug}/"] == "(2)"
    assert links[f"/the/{tag.slug}/"] == "(2)"
    assert links[f"/tin-tuc/don-vi/{department.slug}/"] == "(2)"

    # Edited: another month, another campaign, one tag less.
    third = publish(
        third, date=datetime.date(2024, 3, 8), campaign=other_campaign, tags=[other_tag]
    )
    assert_exact()
    links, _ = hub(client)
    assert links["/tin-tuc/nam/2025/thang/11/"] == "(1)"
    assert links["/tin-tuc/nam/2024/thang/3/"] == "(1)"
    assert links[f"/tin-tuc/chien-dich/{campaign.slug}/"] == "(1)"
    assert links[f"/tin-tuc/chien-dich/{other_campaign.slug}/"] == "(1)"
    assert links[f"/the/{tag.slug}/"] == "(1)"

    # A draft changes nothing readers see.
    third.date = datetime.date(2020, 1, 1)
    third.save_revision()
    assert_exact()
    assert "/tin-tuc/nam/2020/" not in hub(client)[0]

    # Unpublished, then published again.
    third.unpublish()
    assert_exact()
    assert hub(client)[1] == 2
    third = publish(ArticlePage.objects.get(pk=third.pk))
    assert_exact()
    assert hub(client)[1] == 3

    # Moved out of the department into the news index.
    first.refresh_from_db()
    second.move(site["news"], pos="last-child")
    assert_exact()
    links, _ = hub(client)
    assert links[f"/tin-tuc/don-vi/{department.slug}/"] == "(1)"

    # The department made private, then public again.
    restriction = PageViewRestriction.objects.create(
        page=department, restriction_type=PageViewRestriction.LOGIN
    )
    assert_exact()
    links, total = hub(client)
    assert total == 2
    restriction.delete()
    assert_exact()
    assert hub(client)[1] == 3

    # Copied.
    first.copy(update_attrs={"slug": "hoi-nghi-ban-sao", "title": "Hội nghị (bản sao)"})
    assert_exact()
    assert hub(client)[1] == 4

    # A tag, a campaign, an article and a department deleted.
    other_tag.delete()
    assert_exact()
    assert f"/the/{other_tag.slug}/" not in hub(client)[0]
    campaign.delete()
    assert_exact()
    ArticlePage.objects.get(pk=first.pk).delete()
    assert_exact()
    assert hub(client)[1] == 3
    department.delete()
    assert_exact()
    assert hub(client)[1] == 2


def test_english_translations_have_their_own_counts(client, site):
    translate(site["first"])
    assert_exact()
    english = Locale.objects.get(language_code="en")
    assert tally.counts(english.pk).total == 1
    assert tally.counts(Locale.get_default().pk).total == 2


def test_news_index_and_archives_show_kept_counts_without_counting_the_archive(client, site):
    from django.core.cache import caches

    for index in range(30):
        factories.ArticlePageFactory(
            parent=site["news"], title=f"Tin số {index}", date=datetime.date(2025, 11, 5)
        )
    campaign, department = site["campaign"], site["department"]
    from cms.utils import PER_PAGE

    pages = {
        site["news"].url: -(-32 // PER_PAGE),  # its page count: "Trang 1/3"
        "/tin-tuc/nam/2025/": 32,
        "/tin-tuc/nam/2025/thang/11/": 31,
        f"/tin-tuc/chien-dich/{campaign.slug}/": 1,
        f"/tin-tuc/don-vi/{department.slug}/": 1,
    }
    for url, count in pages.items():
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counted = [
            q["sql"]
            for q in queries
            if "COUNT(" in q["sql"].upper() and "listings_articletally" not in q["sql"]
        ]
        assert counted == [], url
        document = utils.soup(response)
        if url == site["news"].url:
            text = document.select_one(".pagination__status").get_text(" ", strip=True)
            assert text.endswith(f"1/{count}"), text
        else:
            text = document.select_one(".result-count").get_text(" ", strip=True)
            assert number(text) == count, (url, text)
    # The tag page and the campaign page choose their plan from the kept counts too.
    for url in (f"/the/{site['tag'].slug}/", campaign.url):
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        counted = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
        assert counted == [], url
        assert "Hội nghị cán bộ công chức" in utils.visible_text(response), url
    assert "1 tin bài" in utils.visible_text(client.get(f"/the/{site['tag'].slug}/"))
    # The last page is where the count says: the oldest article there.
    for cache in caches.all():
        cache.clear()
    response = client.get(site["news"].url, {"trang": "99"})
    assert response.status_code == 200
    assert "Khoa Toán thăm hỏi đoàn viên" in utils.visible_text(response)


def test_members_count_their_own_articles(client, site, django_user_model):
    """A member's list counts members-only articles too (counted, not from the kept rows)."""
    private = factories.ArticlePageFactory(parent=site["department"], title="Tin nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert_exact()
    user = django_user_model.objects.create_user("doanvien", password="mat-khau-dai-123")
    client.force_login(user)
    response = client.get(site["news"].url)
    assert "Tin nội bộ" in utils.visible_text(response)
    client.logout()
    response = client.get(site["news"].url)
    assert "Tin nội bộ" not in utils.visible_text(response)


def test_rebuild_command_repairs_and_check_detects(site):
    row = ArticleTally.objects.filter(kind="month", key="2025-11").first()
    ArticleTally.objects.filter(pk=row.pk).update(count=row.count + 5)
    with pytest.raises(CommandError):
        call_command("rebuild_article_counts", "--check")
    call_command("rebuild_article_counts")
    assert_exact()
    call_command("rebuild_article_counts", "--check")


def test_counts_never_filled_are_filled_on_first_read(client, site):
    ArticleTally.objects.all().delete()
    links, total = hub(client)
    assert total == 2
    assert links["/tin-tuc/nam/2025/thang/10/"] == "(1)"
    assert_exact()


def test_seed_bulk_leaves_the_counts_exact(site):
    """seed_bulk writes articles with bulk inserts (no signals) and recounts once at the end."""
    import io

    call_command(
        "seed_bulk", articles=25, no_index=True, stdout=io.StringIO(), stderr=io.StringIO()
    )
    assert ArticlePage.objects.count() == 27
    assert_exact()


def test_a_deep_page_reached_directly_skips_only_rows_of_its_month(client, site):
    """?trang=N with nothing kept: the kept month counts say which month page N starts in, so
    the database skips rows of that month only, and every page shows what OFFSET would."""
    import re

    from django.core.cache import caches

    from cms.utils import PER_PAGE

    news = site["news"]
    for month, days in ((9, 20), (8, 25), (7, 18)):
        for index in range(days):
            factories.ArticlePageFactory(
                parent=news,
                title=f"Tin {month}-{index}",
                date=datetime.date(2025, month, 1 + index % 28),
            )
    expected = [
        a.title
        for a in ArticlePage.objects.live()
        .public()
        .filter(locale=news.locale)
        .order_by("-date", "-pk")
    ]
    pages = -(-len(expected) // PER_PAGE)
    assert pages >= 5
    for number in range(1, pages + 1):
        for cache in caches.all():
            cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(news.url, {"trang": number})
        shown = [a.get_text(strip=True) for a in utils.soup(response).select(".card__title a")]
        assert shown == expected[(number - 1) * PER_PAGE : number * PER_PAGE], number
        skipped = [int(n) for q in queries for n in re.findall(r"OFFSET (\d+)", q["sql"])]
        assert all(n < 25 for n in skipped), (number, skipped)
    # Kept whole, the page is served again without reading the counts or the articles.
    client.get(news.url, {"trang": 4})
    with CaptureQueriesContext(connection) as queries:
        client.get(news.url, {"trang": 4})
    read = [q["sql"] for q in queries if "articletally" in q["sql"] or "articlepage" in q["sql"]]
    assert read == []
