"""The editorial story, clicked through the real admin (in Vietnamese) by the demo accounts.

The editor of Khoa Toán – Tin writes an article with a hero picture, tags and a paragraph, saves
a draft, previews it and submits it; the department head approves from the dashboard; the board
opens it from its dashboard and asks for changes with a comment; the editor reads the comment,
fixes the article and resubmits; the head and then the board approve; an anonymous reader finds
the live article from the home page and through the search page.

The story writes its own article (a title no demo page has), so the other modules, which read
the demo's own pages, are unaffected by it, whatever order they run in.
"""

import datetime
import os
import re
import zoneinfo

import pytest
from PIL import Image, ImageDraw
from playwright.sync_api import expect

from cms.roles import DEMO_PASSWORD
from tests.browser.helpers import broken_images

pytestmark = pytest.mark.browser

TITLE = "Khoa Toán – Tin tổ chức hội thảo dạy học xác suất thống kê bằng học liệu số"
LEAD = (
    "Sáng 24/11, Công đoàn Khoa Toán – Tin phối hợp với bộ môn Toán ứng dụng tổ chức hội thảo "
    "chia sẻ kinh nghiệm dạy học xác suất thống kê bằng học liệu số."
)
PARAGRAPH = (
    "Hơn 40 giảng viên đã cùng trao đổi cách dùng bảng tính và mô phỏng trực tuyến để sinh viên "
    "tự kiểm chứng các định lý giới hạn ngay trên lớp."
)
TAGS = ["hội thảo khoa học", "học liệu số"]
CAPTION = "Giảng viên Khoa Toán – Tin trao đổi tại hội thảo."
CREDIT = "Ảnh: Phạm Thu Hà"
CHANGES = "Đề nghị ghi rõ nguồn ảnh đầu trang trước khi đăng."
SEARCH_WORDS = "xác suất thống kê học liệu số"
SEARCH_WORDS_PLAIN = "xac suat thong ke hoc lieu so"

SAVED = re.compile(r"Đã (tạo|cập nhật) trang")

# What the story leaves for the reader's tests: the live article's address.
STORY = {}


def log_in(page, demo_site, username):
    page.goto(demo_site("/admin/login/"))
    page.get_by_label("Tên đăng nhập").fill(username)
    # The password field's label is still the English "Password" (catalog gap), so by id.
    page.locator("#id_password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(demo_site("/admin/"))
    return page


def keep_date_parseable(page):
    """Work around the admin's date bug until it is fixed (see ``test_prefilled_date_is_kept``).

    The admin shows dates as WAGTAIL_DATE_FORMAT ("%d/%m/%Y") but parses them with Django's
    DATE_INPUT_FORMATS, which lack that format: from the 13th of a month on, every save,
    preview and edit-view workflow action is refused with "Nhập một ngày hợp lệ." Rewrite the
    pre-filled date as ISO, which Django always accepts, without focusing the field (the date
    picker rewrites it on blur). Harmless once the formats are fixed.
    """
    page.locator("#id_date").evaluate(
        """input => {
            const [day, month, year] = input.value.split('/');
            if (year) input.value = `${year}-${month}-${day}`;
        }"""
    )


def let_autosave_settle(page):
    """Wait out Wagtail 8's autosave before pressing a button that posts the form.

    The editor autosaves 500 ms after the last change. A click on "Lưu bản nháp" while the
    first autosave of a new page is in flight posts a second "create" that collides on the
    slug and ends in a server error (500): a real race, reported; a person would rarely hit it,
    a test that clicks at machine speed would. Once dates parse (see keep_date_parseable) the
    autosaves succeed and this matters.
    """
    idle = """() => {
        const indicator = document.getElementById('w-autosave-indicator');
        return !indicator || indicator.dataset.wAutosaveStateValue !== 'saving';
    }"""
    for _ in range(2):
        page.wait_for_timeout(800)
        page.wait_for_function(idle)


def flash(page):
    return page.locator(".messages").inner_text()


def hero_picture(path):
    """A 1200×675 PNG, the shape the hero field asks for."""
    image = Image.new("RGB", (1200, 675), (24, 88, 150))
    draw = ImageDraw.Draw(image)
    for i in range(12):
        draw.ellipse((60 + i * 90, 420, 130 + i * 90, 490), fill=(250, 250, 255))
    draw.rectangle((420, 120, 780, 360), fill=(245, 196, 40))
    draw.line((440, 340, 760, 140), fill=(24, 88, 150), width=12)
    # A few pixels that differ on every run, so that Wagtail never sees a duplicate upload.
    for x, byte in enumerate(os.urandom(16)):
        image.putpixel((x, 0), (byte, byte, byte))
    image.save(path)
    return path


def department_row(page, title):
    """The row for ``title`` in the editor's "Trang của Khoa Toán – Tin" dashboard panel."""
    return page.locator("[id^=lantoa-department-] tbody tr", has_text=title)


def approve_from_dashboard(page, demo_site, title):
    """A reviewer approves ``title`` from the dashboard's "Đang chờ bạn duyệt" panel."""
    page.goto(demo_site("/admin/"))
    row = page.locator("#awaiting-review-section tbody tr", has_text=title)
    expect(row).to_have_count(1)
    row.get_by_role("button", name="Thao tác").click()
    with page.expect_navigation():  # the button posts a form, then comes back here
        row.get_by_role("button", name="Duyệt", exact=True).click()
    page.goto(demo_site("/admin/"))
    expect(page.locator("#awaiting-review-section tbody tr", has_text=title)).to_have_count(0)


def test_editorial_story(new_page, demo_site, tmp_path):
    picture = hero_picture(tmp_path / "hoi-thao-xac-suat.png")

    # The editor starts from the dashboard: "Viết bài mới" in the department's panel.
    editor = log_in(new_page("desktop"), demo_site, "bientap.toan")
    panel = editor.locator("section", has=editor.get_by_role("heading", name="Trang của Khoa Toán"))
    panel.get_by_role("link", name="Viết bài mới").click()
    expect(editor.locator("h1")).to_contain_text("Công đoàn Khoa Toán – Tin")
    editor.get_by_role("link", name="Bài viết", exact=True).click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/add/articles/articlepage/\d+/$"))

    editor.get_by_role("textbox", name="Tiêu đề*").fill(TITLE)
    editor.get_by_role("textbox", name="Sa-pô").fill(LEAD)

    # The hero picture, uploaded from the image chooser.
    editor.get_by_role("button", name="Chọn ảnh").click()
    chooser = editor.locator(".modal-content")
    chooser.get_by_role("tab", name="Tải lên").click()
    chooser.get_by_label("Tệp").set_input_files(str(picture))
    chooser.get_by_label("Tiêu đề").fill("Hội thảo dạy học xác suất thống kê")
    chooser.get_by_label("Mô tả").fill(CAPTION)
    chooser.get_by_role("button", name="Tải lên").click()
    expect(chooser).to_be_hidden()
    expect(editor.locator("#id_hero_image")).not_to_have_value("")
    editor.get_by_role("textbox", name="Chú thích ảnh").fill(CAPTION)

    # One paragraph in the body.
    body = editor.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Chèn khối").click()
    editor.get_by_role("option", name="Đoạn văn").click()
    body.locator("[contenteditable=true]").first.click()
    editor.keyboard.type(PARAGRAPH)

    # Tags, typed one at a time.
    tag_input = editor.locator("[data-contentpath=tags] .tagit-new input")
    for tag in TAGS:
        tag_input.fill(tag)
        tag_input.press("Enter")
    expect(editor.locator("#id_tags")).to_have_value(",".join(f'"{tag}"' for tag in TAGS))

    keep_date_parseable(editor)
    let_autosave_settle(editor)
    editor.get_by_role("button", name="Lưu bản nháp").click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # "created", or "updated" when the admin's autosave created the page while we typed.
    expect(editor.locator(".messages")).to_have_text(SAVED)
    expect(
        editor.locator("[data-contentpath=body] [contenteditable=true]").first,
        "the saved draft lost the paragraph typed into the body (seen once, intermittently, "
        "when the admin's autosave turned the create form into an edit form during typing)",
    ).to_contain_text(PARAGRAPH)
    edit_path = re.search(r"/admin/pages/\d+/edit/$", editor.url).group(0)

    # The preview panel shows the article as readers will see it, picture included.
    keep_date_parseable(editor)
    editor.get_by_role("button", name="Mở/đóng xem trước").click()
    preview = editor.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE, timeout=30_000)
    expect(preview.locator("main")).to_contain_text(PARAGRAPH)
    hero = preview.locator("img.hero__img")
    expect(hero).to_be_visible()
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0"), "preview picture"
    editor.get_by_role("button", name="Mở/đóng xem trước").click()

    # Submitted for review: step 1, the department's head.
    keep_date_parseable(editor)
    let_autosave_settle(editor)
    editor.get_by_role("button", name="Thao tác khác").click()
    editor.get_by_role("button", name="Gửi duyệt theo Quy trình duyệt tin bài").click()
    expect(editor.locator(".messages")).to_contain_text("Đã gửi duyệt")
    editor.goto(demo_site("/admin/"))
    expect(department_row(editor, TITLE)).to_contain_text("Đang duyệt")

    # The head approves from the dashboard.
    head = log_in(new_page("desktop"), demo_site, "truong.toan")
    approve_from_dashboard(head, demo_site, TITLE)

    # The board finds it in its queue, opens it and asks for changes with a comment.
    board = log_in(new_page("desktop"), demo_site, "truongban")
    queue = board.locator("#lantoa-board-queue-section tbody tr", has_text=TITLE)
    expect(queue).to_contain_text("Khoa Toán – Tin")
    expect(queue).to_contain_text("Phạm Thu Hà")
    queue.get_by_role("link", name=TITLE).click()
    expect(board).to_have_url(demo_site(edit_path))
    expect(board.get_by_role("textbox", name="Tiêu đề*")).to_have_value(TITLE)
    keep_date_parseable(board)
    board.get_by_role("button", name="Thao tác khác").click()
    board.locator("footer").get_by_role("button", name="Yêu cầu chỉnh sửa").click()
    modal = board.locator(".modal-content")
    modal.get_by_label("Góp ý").fill(CHANGES)
    with board.expect_navigation():  # the modal hands the comment to the edit form, posted
        modal.get_by_role("button", name="Yêu cầu chỉnh sửa").click()
    assert "lỗi" not in flash(board), flash(board)
    board.goto(demo_site("/admin/"))
    expect(board.locator("#lantoa-board-queue-section tbody tr", has_text=TITLE)).to_have_count(0)

    # The editor reads the comment on the dashboard, adds the credit and resubmits.
    editor.goto(demo_site("/admin/"))
    row = department_row(editor, TITLE)
    expect(row).to_contain_text("Cần sửa")
    expect(row).to_contain_text(CHANGES)
    row.get_by_role("link", name=TITLE).click()
    expect(editor).to_have_url(demo_site(edit_path))
    editor.get_by_role("textbox", name="Nguồn ảnh").fill(CREDIT)
    keep_date_parseable(editor)
    let_autosave_settle(editor)
    editor.get_by_role("button", name="Thao tác khác").click()
    resubmit = editor.locator("footer button[name=action-submit]")
    expect(resubmit).to_contain_text("Gửi")
    resubmit.click()
    expect(editor.locator(".messages")).to_contain_text("Đã gửi duyệt")

    # An edited page starts again at step 1: the head, then the board, approve it.
    approve_from_dashboard(head, demo_site, TITLE)
    approve_from_dashboard(board, demo_site, TITLE)

    # It is live.
    editor.goto(demo_site("/admin/"))
    expect(department_row(editor, TITLE)).to_contain_text("Đã đăng")
    reader = new_page("desktop")
    reader.goto(demo_site("/"))
    link = reader.get_by_role("link", name=TITLE).first
    STORY["path"] = link.get_attribute("href")


@pytest.fixture
def live_article():
    if "path" not in STORY:
        pytest.skip("the editorial story did not publish its article")
    return STORY["path"]


def check_article(page):
    expect(page.locator("h1")).to_have_text(TITLE)
    main = page.locator("main")
    expect(main).to_contain_text(LEAD)
    expect(main).to_contain_text(PARAGRAPH)
    expect(main).to_contain_text(CREDIT)
    for tag in TAGS:
        expect(main.locator("a.tag", has_text=tag)).to_be_visible()
    hero = page.locator("img.hero__img")
    expect(hero).to_be_visible()
    expect(hero).to_have_attribute("alt", CAPTION)
    page.wait_for_load_state("networkidle")
    assert broken_images(page) == []
    assert page.problems.errors == []


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_reader_finds_the_article_from_the_home_page(live_article, new_page, demo_site, viewport):
    page = new_page(viewport)
    page.goto(demo_site("/"))
    card = page.locator("main article", has=page.get_by_role("link", name=TITLE))
    expect(card.first).to_contain_text("Khoa Toán – Tin")
    card.first.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(demo_site(live_article))
    check_article(page)


def search_for(page, demo_site, words):
    page.goto(demo_site("/tim-kiem/"))
    field = page.locator("main").get_by_role("searchbox")
    field.fill(words)
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/tim-kiem/\?q="))
    return page.locator(".search-results").get_by_role("link", name=TITLE)


def test_reader_finds_the_article_by_searching(live_article, new_page, demo_site):
    page = new_page("phone")
    result = search_for(page, demo_site, SEARCH_WORDS)
    expect(result).to_have_count(1)
    result.click()
    expect(page).to_have_url(demo_site(live_article))
    check_article(page)


def test_reader_finds_the_article_typing_without_diacritics(live_article, new_page, demo_site):
    page = new_page("desktop")
    expect(search_for(page, demo_site, SEARCH_WORDS_PLAIN)).to_have_count(1, timeout=5_000)


def test_prefilled_date_is_kept(new_page, demo_site):
    """Saving a new article with the date the admin pre-filled keeps that date.

    Fails while WAGTAIL_DATE_FORMAT ("%d/%m/%Y") is not among the date input formats Django
    parses: from the 13th of a month the draft is refused ("Nhập một ngày hợp lệ."), and before
    it the day and month are silently swapped.
    """
    today = datetime.datetime.now(zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")).date()
    editor = log_in(new_page("desktop"), demo_site, "bientap.toan")
    editor.get_by_role("link", name="Viết bài mới").click()
    editor.get_by_role("link", name="Bài viết", exact=True).click()
    expect(editor.locator("#id_date")).to_have_value(today.strftime("%d/%m/%Y"))
    editor.get_by_role("textbox", name="Tiêu đề*").fill("Bản nháp kiểm tra ngày đăng")
    editor.get_by_role("textbox", name="Sa-pô").fill("Bản nháp do bài kiểm thử tạo.")
    body = editor.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Chèn khối").click()
    editor.get_by_role("option", name="Đoạn văn").click()
    body.locator("[contenteditable=true]").first.click()
    editor.keyboard.type("Nội dung nháp.")
    let_autosave_settle(editor)
    with editor.expect_navigation():
        editor.get_by_role("button", name="Lưu bản nháp").click()
    errors = editor.locator(".w-field__errors").all_inner_texts()
    assert SAVED.search(flash(editor)), (
        f"the draft was refused: {flash(editor).strip()!r}, field errors "
        f"{[e.strip() for e in errors if e.strip()]}. WAGTAIL_DATE_FORMAT is %d/%m/%Y but "
        "Django's DATE_INPUT_FORMATS (vi/en) do not accept it: add it to the input formats."
    )
    expect(
        editor.locator("#id_date"),
        "the saved date is not the one pre-filled: its day and month were swapped "
        "(parsed as %m/%d/%Y)",
    ).to_have_value(today.strftime("%d/%m/%Y"))
