"""The tag page /the/<slug>/: everything tagged, nothing else; unknown tags are 404."""

import pytest

from cms.models import Tag
from tests import factories, utils


@pytest.fixture
def tagged(news_index, exemplar_index, campaign_index, department):
    tag = "Nhà giáo Việt Nam"
    return {
        "article": factories.ArticlePageFactory(
            parent=news_index, title="Gặp mặt nhà giáo lão thành", tags=[tag, "Tri ân"]
        ),
        "department_article": factories.ArticlePageFactory(
            parent=department, title="Khoa Toán tri ân thầy cô", tags=[tag]
        ),
        "exemplar": factories.ExemplarPageFactory(
            parent=exemplar_index, title="Đỗ Thị Mai", tags=[tag]
        ),
        "campaign": factories.CampaignPageFactory(
            parent=campaign_index, title="Tri ân Ngày Nhà giáo 20/11", tags=[tag]
        ),
    }


def test_tag_page_lists_tagged_articles_exemplars_and_campaigns(client, tagged, news_index):
    untagged = factories.ArticlePageFactory(parent=news_index, title="Thông báo lịch họp")
    other_tag = factories.ArticlePageFactory(
        parent=news_index, title="Giải bóng đá đoàn viên", tags=["Thể thao"]
    )
    draft = factories.ArticlePageFactory(
        parent=news_index, title="Bài chưa đăng", tags=["Nhà giáo Việt Nam"]
    )
    draft.unpublish()

    response = client.get("/the/nha-giao-viet-nam/")

    assert response.status_code == 200
    text = utils.visible_text(response)
    assert "Nhà giáo Việt Nam" in text
    for page in tagged.values():
        assert page.title in text
    for page in (untagged, other_tag, draft):
        assert page.title not in text


def test_tag_links_on_an_article_lead_to_the_tag_page(client, tagged):
    response = client.get(tagged["article"].url)
    assert 'href="/the/nha-giao-viet-nam/"' in response.content.decode()
    assert 'href="/the/tri-an/"' in response.content.decode()


def test_tag_match_ignores_case(client, news_index):
    # As editors type it; SQLite folds ASCII case only, so "À"/"à" stay apart there.
    article = factories.ArticlePageFactory(parent=news_index, tags=["nhà giáo việt nam"])
    factories.ExemplarPageFactory(
        parent=factories.ExemplarIndexPageFactory(parent=news_index.get_parent()),
        tags=["Nhà Giáo Việt Nam"],
    )
    assert Tag.objects.count() == 1
    assert article.title in utils.visible_text(client.get("/the/nha-giao-viet-nam/"))


def test_unused_tag_page_answers(client, db):
    Tag.objects.create(name="Chưa dùng")
    assert client.get("/the/chua-dung/").status_code == 200


@pytest.mark.parametrize(
    "path",
    ["/the/khong-co-the-nay/", "/the/Nhà-giáo/", "/the/%00/", "/the/" + "x" * 300 + "/"],
)
def test_unknown_tag_is_404(client, tagged, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("trang", ["2", "99", "abc", "-1", "\x00"])
def test_tag_page_parameter_never_errors(client, news_index, trang):
    for i in range(13):
        factories.ArticlePageFactory(parent=news_index, title=f"Tin số {i:02d}", tags=["Tin"])
    response = client.get("/the/tin/", {"trang": trang})
    assert response.status_code == 200
    assert response.context["articles"].paginator.num_pages == 2


def test_english_tag_address_answers(client, tagged):
    assert client.get("/en/tag/nha-giao-viet-nam/").status_code == 200
    assert client.get("/en/tag/khong-co/").status_code == 404
