"""Taking a published page down: the board does it with a reason on record; a department's
editors can only ask the board, who decide from their dashboard."""

from bs4 import BeautifulSoup

from django.urls import reverse

from wagtail.models import PageLogEntry

from cms.admin_views import TAKEDOWN_ACTION, TAKEDOWN_REQUEST_ACTION
from cms.models import TakedownRequest
from tests.workflow.helpers import edit_url, is_login_redirect

REASON = "Bài đăng nhầm số liệu kinh phí, cần gỡ để rà soát lại."


def takedown_url(page, request_pk=None):
    url = reverse("lantoa_takedown", args=[page.pk])
    return f"{url}?de-nghi={request_pk}" if request_pk else url


def pending_takedowns_on_dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    document = BeautifulSoup(response.content, "html.parser")
    return [
        (link["href"], " ".join(link.parent.get_text(" ").split()))
        for link in document.select("a[href*='/admin/lantoa/go-bai/']")
        if "de-nghi=" in link["href"]
    ]


def test_board_unpublish_asks_for_a_reason_and_records_it(editorial, as_user, mailoutbox):
    page = editorial.page("live_a")
    client = as_user("board")

    # Wagtail's own unpublish does not take the page down: it leads to the reasoned form.
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302 and response["Location"] == takedown_url(page)
    page.refresh_from_db()
    assert page.live

    # The edit page's action menu offers the reasoned takedown. (Wagtail's header menu still
    # links to its unpublish view, whose POST comes here as above.)
    edit_page = client.get(edit_url(page)).text
    assert takedown_url(page) in edit_page and "Gỡ bài (ghi lý do)" in edit_page

    form = client.get(takedown_url(page))
    assert form.status_code == 200 and "Gỡ bài khỏi trang công khai" in form.text

    for reason in ("", "quá ngắn"):  # required, at least ten characters
        response = client.post(takedown_url(page), {"reason": reason})
        assert response.status_code == 200 and response.context["form"].errors["reason"]
        page.refresh_from_db()
        assert page.live

    response = client.post(takedown_url(page), {"reason": REASON})
    assert response.status_code == 302 and response["Location"] == edit_url(page)
    page.refresh_from_db()
    assert not page.live
    assert as_user("anonymous").get(page.url).status_code == 404

    entry = PageLogEntry.objects.get(page=page, action=TAKEDOWN_ACTION)
    assert entry.user == editorial.user("board") and entry.data == {"reason": REASON}
    assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish").exists()
    takedown = TakedownRequest.objects.get(page=page)
    assert takedown.status == TakedownRequest.STATUS_DONE
    assert takedown.reason == REASON and takedown.decided_by == editorial.user("board")
    history = as_user("board").get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert f"Gỡ bài. Lý do: {REASON}" in history.text
    assert mailoutbox == []


def test_editor_can_only_request_a_takedown_and_the_board_decides(editorial, as_user, mailoutbox):
    page = editorial.page("live_a")
    client = as_user("editor_a")

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    page.refresh_from_db()
    assert page.live

    assert "Đề nghị gỡ bài" in client.get(edit_url(page)).text
    form = client.get(takedown_url(page))
    assert form.status_code == 200 and "Gửi đề nghị" in form.text

    response = client.post(takedown_url(page), {"reason": REASON})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live, "an editor's request does not take the page down"
    request = TakedownRequest.objects.get(page=page)
    assert request.status == TakedownRequest.STATUS_PENDING
    assert request.requested_by == editorial.user("editor_a") and request.reason == REASON
    entry = PageLogEntry.objects.get(page=page, action=TAKEDOWN_REQUEST_ACTION)
    assert entry.user == editorial.user("editor_a") and entry.data == {"reason": REASON}

    # The board is e-mailed (all of it, nobody else).
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert sorted(message.to) == ["board2@truong.edu.vn", "board@truong.edu.vn"]
    assert page.title in message.subject and REASON in message.body
    assert f"http://testserver{edit_url(page)}" in message.body
    history = as_user("board").get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert f"Đề nghị gỡ bài. Lý do: {REASON}" in history.text

    # … and sees it on the dashboard, which the editor's dashboard does not list.
    assert pending_takedowns_on_dashboard(as_user("editor_a")) == []
    listed = pending_takedowns_on_dashboard(as_user("board"))
    assert [href for href, _text in listed] == [takedown_url(page, request.pk)]
    assert page.title in listed[0][1] and "Editor A" in listed[0][1]

    # The board opens the request (the reason is filled in) and takes the page down.
    client = as_user("board")
    form = client.get(takedown_url(page, request.pk))
    assert form.status_code == 200 and REASON in form.text and "Không gỡ" in form.text
    response = client.post(takedown_url(page, request.pk), {"reason": "Đồng ý gỡ để rà soát."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    request.refresh_from_db()
    assert request.status == TakedownRequest.STATUS_DONE
    assert request.decided_by == editorial.user("board") and request.reason == REASON
    assert request.decision_note == "Đồng ý gỡ để rà soát."
    assert TakedownRequest.objects.count() == 1
    assert pending_takedowns_on_dashboard(client) == []


def test_board_may_decline_a_takedown_request(editorial, as_user):
    page = editorial.page("live_a")
    as_user("editor_a").post(takedown_url(page), {"reason": REASON})
    request = TakedownRequest.objects.get(page=page)

    response = as_user("board").post(
        takedown_url(page, request.pk), {"reason": "Số liệu đã đúng.", "tu-choi": "1"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    request.refresh_from_db()
    assert request.status == TakedownRequest.STATUS_DECLINED
    assert request.decided_by == editorial.user("board")
    assert request.decision_note == "Số liệu đã đúng."


def test_editor_cannot_decide_a_request(editorial, as_user):
    """``?de-nghi=`` is the board's: an editor posting "Không gỡ" only files another request."""
    page = editorial.page("live_a")
    as_user("editor_a").post(takedown_url(page), {"reason": REASON})
    request = TakedownRequest.objects.get(page=page)
    as_user("editor_a").post(takedown_url(page, request.pk), {"reason": REASON, "tu-choi": "1"})
    request.refresh_from_db()
    assert request.status == TakedownRequest.STATUS_PENDING
    assert TakedownRequest.objects.filter(status=TakedownRequest.STATUS_PENDING).count() == 2
    page.refresh_from_db()
    assert page.live


def test_only_people_who_can_edit_the_page_may_ask(editorial, as_user):
    page = editorial.page("live_a")
    for role in ("anonymous", "member"):
        assert is_login_redirect(as_user(role).post(takedown_url(page), {"reason": REASON}))
    for role in ("editor_b", "executive"):
        response = as_user(role).post(takedown_url(page), {"reason": REASON})
        assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert not TakedownRequest.objects.exists()
    page.refresh_from_db()
    assert page.live


def test_a_page_that_is_not_live_needs_no_takedown(editorial, as_user):
    page = editorial.page("draft_a")
    response = as_user("board").post(takedown_url(page), {"reason": REASON})
    assert response.status_code == 302 and response["Location"] == edit_url(page)
    assert not TakedownRequest.objects.exists()
