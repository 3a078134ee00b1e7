"""Every figure of every report over the known history (see conftest), as the board reads it
and as the spreadsheet exports give it."""

import csv
import io

import openpyxl
import pytest
from freezegun import freeze_time

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.planning.conftest import at, publish_now
from tests.utils import soup, visible_text
from tests.workflow.helpers import is_refused

pytestmark = pytest.mark.django_db

BOARD = "Ban Tuyên giáo – Truyền thông (trang của Ban)"
TOAN = "Khoa Toán – Tin"
VAN = "Khoa Ngữ văn"


def csv_rows(client, name, **params):
    response = client.get(reverse(name), {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(client, name, **params):
    response = client.get(reverse(name), {**params, "export": "xlsx"})
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)]


def trimmed(row):
    row = list(row)
    while row and row[-1] is None:
        row.pop()
    return row


@pytest.fixture
def board(as_user, now):
    return as_user("board")


# Contributions ----------------------------------------------------------------------------


def test_contributions_per_department_this_school_year(board):
    assert csv_rows(board, "planning_report_contributions") == [
        ["Công đoàn bộ phận", "Bài viết", "Chiến dịch", "Gương sáng", "Tổng cộng"],
        [VAN, "1", "0", "1", "2"],
        [TOAN, "2", "0", "0", "2"],
        [BOARD, "1", "2", "0", "3"],
        ["Tổng cộng", "4", "2", "1", "7"],
    ]


def test_contributions_per_author(board):
    assert csv_rows(board, "planning_report_contributions", group="nguoi-viet") == [
        ["Người viết", "Công đoàn bộ phận", "Bài viết", "Chiến dịch", "Gương sáng", "Tổng cộng"],
        ["Board", BOARD, "1", "2", "0", "3"],
        ["Editor B", VAN, "1", "0", "1", "2"],
        ["Editor A", TOAN, "1", "0", "0", "1"],
        ["Editor A2", TOAN, "1", "0", "0", "1"],
        ["Tổng cộng", "", "4", "2", "1", "7"],
    ]


def test_contributions_xlsx_has_the_same_rows_as_numbers(board):
    assert xlsx_rows(board, "planning_report_contributions") == [
        ["Công đoàn bộ phận", "Bài viết", "Chiến dịch", "Gương sáng", "Tổng cộng"],
        [VAN, 1, 0, 1, 2],
        [TOAN, 2, 0, 0, 2],
        [BOARD, 1, 2, 0, 3],
        ["Tổng cộng", 4, 2, 1, 7],
    ]


HEAD = "Công đoàn bộ phận"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Last school year: only A0 (20/08/2025).
        (
            {"period": "nam-hoc-truoc"},
            [
                [HEAD, "Bài viết", "Tổng cộng"],
                [VAN, "0", "0"],
                [TOAN, "1", "1"],
                [BOARD, "0", "0"],
                ["Tổng cộng", "1", "1"],
            ],
        ),
        # November 2025, typed as the admin shows dates: A1, A2, B1.
        (
            {"period": "tuy-chon", "start": "01/11/2025", "end": "30/11/2025"},
            [
                [HEAD, "Bài viết", "Tổng cộng"],
                [VAN, "1", "1"],
                [TOAN, "2", "2"],
                [BOARD, "0", "0"],
                ["Tổng cộng", "3", "3"],
            ],
        ),
        # Calendar year 2026 (today is 03/06/2026): E1, N1 and the May campaign.
        (
            {"period": "nam-nay"},
            [
                [HEAD, "Bài viết", "Chiến dịch", "Gương sáng", "Tổng cộng"],
                [VAN, "0", "0", "1", "1"],
                [TOAN, "0", "0", "0", "0"],
                [BOARD, "1", "1", "0", "2"],
                ["Tổng cộng", "1", "1", "1", "3"],
            ],
        ),
        # This month (June 2026): nothing published yet.
        (
            {"period": "thang-nay"},
            [[HEAD, "Tổng cộng"], [VAN, "0"], [TOAN, "0"], [BOARD, "0"], ["Tổng cộng", "0"]],
        ),
        # This quarter (April–June 2026): the May campaign, published 01/04/2026.
        (
            {"period": "quy-nay"},
            [
                [HEAD, "Chiến dịch", "Tổng cộng"],
                [VAN, "0", "0"],
                [TOAN, "0", "0"],
                [BOARD, "1", "1"],
                ["Tổng cộng", "1", "1"],
            ],
        ),
    ],
)
def test_contributions_follow_the_period(board, params, expected):
    assert csv_rows(board, "planning_report_contributions", **params) == expected


def test_contributions_page_shows_period_and_links_departments(board, history):
    response = board.get(reverse("planning_report_contributions"))
    assert response.status_code == 200
    text = visible_text(response)
    assert "Đóng góp tin bài" in text
    assert "01/09/2025 – 31/08/2026" in text
    link = soup(response).find("a", string=TOAN)
    assert link["href"] == reverse("lantoa_report_pages") + f"?department={history.dept_a.pk}"
    # The department's row leads to its pages.
    pages = board.get(link["href"])
    assert pages.status_code == 200
    assert "A1 hội giảng" in visible_text(pages)
    assert "B1 văn nghệ" not in visible_text(pages)


@pytest.mark.parametrize(
    "params",
    [
        {"period": "tuy-chon", "start": "32/13/2025", "end": "hôm qua"},
        {"period": "không-có"},
        {"group": "\x00"},
        {"period": "tuy-chon", "start": "30/11/2025", "end": "01/11/2025"},
    ],
)
def test_bad_filters_never_fail(board, params):
    response = board.get(reverse("planning_report_contributions"), params)
    assert response.status_code == 200


def test_reversed_custom_dates_are_swapped(board):
    rows = csv_rows(
        board,
        "planning_report_contributions",
        period="tuy-chon",
        start="30/11/2025",
        end="01/11/2025",
    )
    assert rows[-1] == ["Tổng cộng", "3", "3"]


# Member contributions ---------------------------------------------------------------------

MEMBER_HEAD = ["Tin gửi đến", "Đề cử gửi đến", "Đã đăng", "Đã từ chối"]


def test_member_contributions_per_department_this_school_year(board):
    assert csv_rows(board, "planning_report_members") == [
        ["Công đoàn bộ phận", *MEMBER_HEAD],
        # The 10/02 tip sent and declined; the nomination sent 04/01, published 06/01.
        [VAN, "1", "1", "1", "1"],
        # A1's tip and the 20/05 tip sent; A1 published; last summer's tip declined 05/09.
        [TOAN, "2", "0", "1", "1"],
        ["Tổng cộng", "3", "1", "2", "2"],
    ]


def test_member_contributions_per_member_with_their_pages(board):
    assert csv_rows(board, "planning_report_members", group="doan-vien") == [
        ["Đoàn viên", "Công đoàn bộ phận", *MEMBER_HEAD, "Các trang đã đăng"],
        [
            "Member",
            VAN,
            "1",
            "1",
            "2",
            "0",
            "A1 hội giảng (11/11/2025); Nguyễn Thị Lan (06/01/2026)",
        ],
        # Two in each department (a tip and a decline): the first by name.
        ["Member2", VAN, "2", "0", "0", "2", ""],
        ["Tổng cộng", "", "3", "1", "2", "2", ""],
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # Last school year: only last summer's tip, sent 10/08/2025 (declined in September).
        ({"period": "nam-hoc-truoc"}, [[VAN, "0", "0", "0", "0"], [TOAN, "1", "0", "0", "0"]]),
        # November 2025: A1's tip sent and published.
        (
            {"period": "tuy-chon", "start": "01/11/2025", "end": "30/11/2025"},
            [[VAN, "0", "0", "0", "0"], [TOAN, "1", "0", "1", "0"]],
        ),
        # February 2026: the tip sent on the 10th and declined on the 12th.
        (
            {"period": "tuy-chon", "start": "01/02/2026", "end": "28/02/2026"},
            [[VAN, "1", "0", "0", "1"], [TOAN, "0", "0", "0", "0"]],
        ),
    ],
)
def test_member_contributions_follow_the_period(board, params, expected):
    rows = csv_rows(board, "planning_report_members", **params)
    assert rows[1:-1] == expected


def test_member_contributions_xlsx(board):
    assert xlsx_rows(board, "planning_report_members") == [
        ["Công đoàn bộ phận", *MEMBER_HEAD],
        [VAN, 1, 1, 1, 1],
        [TOAN, 2, 0, 1, 1],
        ["Tổng cộng", 3, 1, 2, 2],
    ]


def test_member_contributions_count_a_decline_at_once(board, history):
    from contributions.models import Contribution
    from contributions.services import decline

    before = csv_rows(board, "planning_report_members")
    assert before[2] == [TOAN, "2", "0", "1", "1"]
    waiting = Contribution.objects.get(title="Tin thể thao")
    decline(waiting, "Trùng tin.", history.user("board"))
    assert csv_rows(board, "planning_report_members")[2] == [TOAN, "2", "0", "1", "2"]


def test_member_contributions_list_a_verified_visitor_by_their_address(board, history):
    """A visitor who sent from a verified e-mail (no account) is a row of their own, named by
    the address — not a "(deleted account)"."""
    from contributions.models import Contribution

    with freeze_time(at(2026, 3, 2, 9)):
        Contribution.objects.create(
            kind=Contribution.KIND_TIP,
            submitter=None,
            submitter_email="ban.doc@example.com",
            department=history.dept_b,
            title="Tin từ bạn đọc",
        )
    with freeze_time(at(2026, 3, 3, 9)):
        Contribution.objects.create(
            kind=Contribution.KIND_TIP,
            submitter=None,
            submitter_email="ban.doc@example.com",
            department=history.dept_b,
            title="Tin thứ hai",
        )
    rows = csv_rows(board, "planning_report_members", group="doan-vien")
    visitor = [row for row in rows if row[0] == "ban.doc@example.com"]
    assert visitor == [["ban.doc@example.com", VAN, "2", "0", "0", "0", ""]]
    assert not [row for row in rows if "(" in row[0]]


# Moderation -------------------------------------------------------------------------------


def test_moderation_per_department(board):
    assert csv_rows(board, "planning_report_moderation") == [
        [
            "Công đoàn bộ phận",
            "Lượt gửi duyệt",
            "Lượt duyệt",
            "Lượt yêu cầu sửa",
            "Đã đăng sau duyệt",
            "Trung vị số ngày đến khi đăng",
            "Phân vị 90 (ngày)",
        ],
        # B1 (2 days) and E1 (1 day); the step without a head is skipped, not approved.
        [VAN, "2", "2", "0", "2", "1.5", "2.0"],
        # A1 (1 day: 2 approvals) and A2 (3 days: 2 requests for changes, 2 resubmissions,
        # 3 approvals), and W1 submitted.
        [TOAN, "5", "5", "2", "2", "2.0", "3.0"],
        [BOARD, "0", "0", "0", "0", "", ""],
    ]


def test_moderation_per_reviewer(board):
    assert csv_rows(board, "planning_report_moderation", group="nguoi-duyet") == [
        [
            "Người duyệt",
            "Lượt duyệt",
            "Lượt yêu cầu sửa",
            "Đã đăng sau duyệt",
            "Trung vị số ngày đến khi đăng",
            "Phân vị 90 (ngày)",
        ],
        ["Board", "4", "1", "4", "1.5", "3.0"],
        ["Head A", "3", "1", "2", "2.0", "3.0"],
    ]


def test_moderation_pages_waiting_now(board, history):
    rows = csv_rows(board, "planning_report_moderation", group="dang-cho")
    assert rows == [
        [
            "Trang",
            "Công đoàn bộ phận",
            "Người gửi",
            "Đang chờ ở bước",
            "Gửi duyệt lúc",
            "Đã chờ (ngày)",
        ],
        ["W1 chờ duyệt", TOAN, "Editor A", "Công đoàn bộ phận duyệt", "01/06/2026 08:00", "2.0"],
    ]
    response = board.get(reverse("planning_report_moderation"), {"group": "dang-cho"})
    link = soup(response).find("a", string="W1 chờ duyệt")
    assert link["href"] == reverse("wagtailadmin_pages:edit", args=[history.pks["w1"]])


def test_moderation_in_november_only(board):
    rows = csv_rows(
        board,
        "planning_report_moderation",
        period="tuy-chon",
        start="01/11/2025",
        end="30/11/2025",
    )
    assert rows[1:] == [
        [VAN, "1", "1", "0", "1", "2.0", "2.0"],
        [TOAN, "4", "5", "2", "2", "2.0", "3.0"],
        [BOARD, "0", "0", "0", "0", "", ""],
    ]


# Campaigns --------------------------------------------------------------------------------


def test_campaigns_per_department(board):
    assert csv_rows(board, "planning_report_campaigns") == [
        [
            "Chiến dịch",
            "Ngày cao điểm",
            VAN,
            TOAN,
            "Ban Tuyên giáo",
            "Tổng cộng",
            "Số đơn vị tham gia",
            "Đơn vị chưa tham gia",
        ],
        ["Tri ân thầy cô 20/11/2025", "20/11/2025", "1", "2", "0", "3", "2", ""],
        ["Tháng Công nhân 2026", "01/05/2026", "0", "0", "0", "0", "0", f"{VAN}, {TOAN}"],
    ]


def test_campaigns_per_day_around_the_key_date(board):
    rows = csv_rows(board, "planning_report_campaigns", group="theo-ngay")
    header = rows[0]
    assert header[:3] == ["Chiến dịch", "Ngày cao điểm", "Sớm hơn"]
    assert header[3:18] == [f"D{n:+d}" if n else "D" for n in range(-7, 8)]
    assert header[18:] == ["Muộn hơn", "Tổng cộng"]
    november = dict(zip(header, rows[1], strict=True))
    # A1 on 11/11 (D-9), A2 on 15/11 (D-5), B1 on 20/11 (D).
    assert november["Sớm hơn"] == "1"
    assert november["D-5"] == "1"
    assert november["D"] == "1"
    assert november["Tổng cộng"] == "3"
    assert sum(int(november[h]) for h in header[2:18]) == 3


# Exemplars --------------------------------------------------------------------------------


def test_exemplars_per_category_and_unit(board):
    assert csv_rows(board, "planning_report_exemplars") == [
        ["Năm", "Danh hiệu", "Số gương"],
        ["2026", "Người tốt việc tốt", "1"],
        ["", "Tổng cộng", "1"],
    ]
    assert csv_rows(board, "planning_report_exemplars", group="don-vi") == [
        ["Năm", "Đơn vị công tác", "Số gương"],
        ["2026", VAN, "1"],
        ["", "Tổng cộng", "1"],
    ]


# Plan targets -----------------------------------------------------------------------------


def test_plan_targets(board):
    rows = csv_rows(board, "planning_report_targets")
    assert rows[0] == ["Năm", "Chỉ tiêu", "Đạt được", "Mục tiêu", "Tiến độ (%)", "Chi tiết"]
    by_year = {}
    for row in rows[1:]:
        by_year.setdefault(row[0], []).append(row[1:])
    assert sorted(by_year) == ["2023", "2024", "2025", "2026", "2027", "2028"]
    assert by_year["2025"] == [
        ["Chiến dịch về các hoạt động lớn của công đoàn", "1", "1", "100", ""],
        [
            "Đợt cao điểm (20/11, Tháng Công nhân …)",
            "1",
            "2",
            "50",
            "Còn thiếu: Tháng Công nhân – Tháng hành động về An toàn, vệ sinh lao động",
        ],
        ["Công đoàn bộ phận đăng ít nhất 2 trang", "1", "2", "50", f"Chưa đạt: {VAN} (1)"],
        [
            "Ủy viên Ban Chấp hành được tập huấn truyền thông",
            "0",
            "50",
            "0",
            "0/2 ủy viên; chỉ tiêu 50% vào năm 2028",
        ],
    ]
    assert by_year["2026"] == [
        ["Chiến dịch về các hoạt động lớn của công đoàn", "1", "1", "100", ""],
        [
            "Đợt cao điểm (20/11, Tháng Công nhân …)",
            "1",
            "2",
            "50",
            "Còn thiếu: Ngày Nhà giáo Việt Nam 20/11",
        ],
        [
            "Công đoàn bộ phận đăng ít nhất 2 trang",
            "0",
            "2",
            "0",
            f"Chưa đạt: {VAN} (1), {TOAN} (0)",
        ],
        [
            "Ủy viên Ban Chấp hành được tập huấn truyền thông",
            "50",
            "50",
            "100",
            "1/2 ủy viên; chỉ tiêu 50% vào năm 2028",
        ],
    ]


def test_plan_targets_page_draws_progress_bars(board):
    response = board.get(reverse("planning_report_targets"))
    bars = soup(response).select(".planning-progress[role=progressbar]")
    assert len(bars) == 24
    assert {bar["aria-valuenow"] for bar in bars} >= {"0", "50", "100"}


# Commendation shortlist -------------------------------------------------------------------


def test_shortlist(board):
    rows = csv_rows(board, "planning_report_shortlist")
    assert rows == [
        ["Thứ hạng", "Loại", "Tên", "Công đoàn bộ phận", "Số trang", "Các trang đã đăng"],
        [
            "1",
            "Cá nhân",
            "Board",
            BOARD,
            "3",
            "Tri ân thầy cô 20/11/2025 (01/10/2025); N1 hội nghị (01/03/2026); "
            "Tháng Công nhân 2026 (01/04/2026)",
        ],
        [
            "2",
            "Cá nhân",
            "Editor B",
            VAN,
            "2",
            "B1 văn nghệ (20/11/2025); Nguyễn Thị Lan (06/01/2026)",
        ],
        ["3", "Cá nhân", "Editor A", TOAN, "1", "A1 hội giảng (11/11/2025)"],
        ["4", "Cá nhân", "Editor A2", TOAN, "1", "A2 tri ân (15/11/2025)"],
        [
            "1",
            "Công đoàn bộ phận",
            VAN,
            VAN,
            "2",
            "B1 văn nghệ (20/11/2025); Nguyễn Thị Lan (06/01/2026)",
        ],
        [
            "2",
            "Công đoàn bộ phận",
            TOAN,
            TOAN,
            "2",
            "A1 hội giảng (11/11/2025); A2 tri ân (15/11/2025)",
        ],
        # Members whose tips and nominations became pages (the count is of those pages).
        [
            "1",
            "Đoàn viên",
            "Member",
            VAN,
            "2",
            "A1 hội giảng (11/11/2025); Nguyễn Thị Lan (06/01/2026)",
        ],
        ["2", "Đoàn viên", "Member2", VAN, "0", ""],
    ]
    members = csv_rows(board, "planning_report_shortlist", group="doan-vien")
    assert [row[:5] for row in members[1:]] == [
        ["1", "Đoàn viên", "Member", VAN, "2"],
        ["2", "Đoàn viên", "Member2", VAN, "0"],
    ]


def test_shortlist_size_is_a_setting(board):
    from wagtail.models import Site

    from planning.models import PlanSettings

    plan = PlanSettings.for_site(Site.objects.get(is_default_site=True))
    plan.shortlist_size = 1
    plan.save()
    rows = csv_rows(board, "planning_report_shortlist")
    assert [row[:3] for row in rows[1:]] == [
        ["1", "Cá nhân", "Board"],
        ["1", "Công đoàn bộ phận", VAN],
        ["1", "Đoàn viên", "Member"],
    ]


# Overview ---------------------------------------------------------------------------------


def test_overview_has_every_section_and_one_workbook(board):
    response = board.get(reverse("planning_report_overview"))
    assert response.status_code == 200
    text = visible_text(response)
    for heading in [
        "Chỉ tiêu kế hoạch",
        "Đóng góp theo đơn vị",
        "Đóng góp theo người viết",
        "Đoàn viên gửi tin theo đơn vị",
        "Đoàn viên gửi tin – từng người",
        "Kiểm duyệt theo đơn vị",
        "Kiểm duyệt theo người duyệt",
        "Trang đang chờ duyệt",
        "Chiến dịch theo đơn vị",
        "Chiến dịch theo ngày",
        "Gương sáng theo danh hiệu",
        "Gương sáng theo đơn vị",
        "Đề xuất khen thưởng",
    ]:
        assert heading in text
    assert "W1 chờ duyệt" in text and "Tri ân thầy cô 20/11/2025" in text

    workbook = board.get(reverse("planning_report_overview"), {"export": "xlsx"})
    assert workbook.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(workbook.streaming_content)))
    assert len(book.sheetnames) == 13
    members = [
        trimmed(r) for r in book["Đoàn viên gửi tin theo đơn vị"].iter_rows(values_only=True)
    ]
    assert members[-1] == ["Tổng cộng", 3, 1, 2, 2]
    sheet = book["Đóng góp theo đơn vị"]
    rows = [trimmed(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["Khoảng thời gian", "01/09/2025 – 31/08/2026"]
    assert rows[-1] == ["Tổng cộng", 4, 2, 1, 7]
    waiting = [trimmed(r) for r in book["Trang đang chờ duyệt"].iter_rows(values_only=True)]
    assert waiting[2][0] == "W1 chờ duyệt"
    assert waiting[2][4].strftime("%d/%m/%Y %H:%M") == "01/06/2026 08:00"


def test_overview_follows_the_period(board):
    response = board.get(
        reverse("planning_report_overview"),
        {"period": "tuy-chon", "start": "01/11/2025", "end": "30/11/2025"},
    )
    assert "01/11/2025 – 30/11/2025" in visible_text(response)


def test_reports_menu_lists_every_report(board):
    response = board.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    for name in [
        "planning_report_overview",
        "planning_report_contributions",
        "planning_report_members",
        "planning_report_moderation",
        "planning_report_campaigns",
        "planning_report_exemplars",
        "planning_report_targets",
        "planning_report_shortlist",
        "planning_calendar",
    ]:
        assert reverse(name) in html


# A fixed number of queries whatever the range and the history -----------------------------

REPORTS = [
    ("planning_report_contributions", {}),
    ("planning_report_contributions", {"group": "nguoi-viet"}),
    ("planning_report_members", {}),
    ("planning_report_members", {"group": "doan-vien"}),
    ("planning_report_moderation", {}),
    ("planning_report_moderation", {"group": "nguoi-duyet"}),
    ("planning_report_moderation", {"group": "dang-cho"}),
    ("planning_report_campaigns", {}),
    ("planning_report_campaigns", {"group": "theo-ngay"}),
    ("planning_report_exemplars", {}),
    ("planning_report_targets", {}),
    ("planning_report_shortlist", {}),
    ("planning_report_overview", {}),
    ("planning_calendar", {"thang": "2025-11"}),
    ("planning_calendar_agenda", {"tu": "01/09/2025", "so-ngay": "366"}),
]
WIDE = {"period": "tuy-chon", "start": "01/01/2000", "end": "31/12/2030"}


def count_queries(client, name, params, report_cache=None):
    """Queries of one request; with ``report_cache``, emptied first (figures counted anew)."""
    if report_cache is not None:
        report_cache.clear()
    with CaptureQueriesContext(connection) as context:
        response = client.get(reverse(name), params)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_query_counts_do_not_grow_with_range_or_history(
    board, history, report_cache, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    for name, params in REPORTS:
        count_queries(board, name, params)  # caches (content types, site) warm
    # Counted anew: the school year and thirty years take the same queries.
    small = {
        (name, str(params)): count_queries(board, name, params, report_cache)
        for name, params in REPORTS
    }
    wide = {
        (name, str(params)): count_queries(board, name, {**params, **WIDE}, report_cache)
        for name, params in REPORTS
    }
    assert wide == small
    # From the cache (the second of two readings): never more, and the heavy reports fewer.
    warm = {}
    for name, params in REPORTS:
        count_queries(board, name, {**params, **WIDE}, report_cache)
        warm[(name, str(params))] = count_queries(board, name, {**params, **WIDE})
    assert all(warm[key] <= small[key] for key in small)
    for name in (
        "planning_report_overview",
        "planning_report_shortlist",
        "planning_report_contributions",
        "planning_report_moderation",
        "planning_report_targets",
    ):
        assert warm[(name, "{}")] < small[(name, "{}")], name

    # Forty more pages, by both departments, over two years (the report summary counts them
    # once the publications commit, as after a real request).
    users = [history.user("editor_a"), history.user("editor_b")]
    parents = [history.dept_a, history.dept_b]
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(40):
            publish_now(
                parents[n % 2],
                users[n % 2],
                history.user("board"),
                at(2025 + n % 2, 1 + n % 12, 1 + n % 28),
                title=f"Thêm {n}",
            )
    for name, params in REPORTS:
        report_cache.clear()
        with django_assert_max_num_queries(small[(name, str(params))], info=name):
            board.get(reverse(name), {**params, **WIDE})


def test_cached_figures_follow_a_publication_at_once(board, history):
    """The second reading comes from the cache; a publication is counted at the next one."""
    first = csv_rows(board, "planning_report_contributions")
    assert first[-1] == ["Tổng cộng", "4", "2", "1", "7"]
    assert csv_rows(board, "planning_report_contributions") == first
    publish_now(
        history.dept_b, history.user("editor_b"), history.user("board"), at(2026, 6, 2), title="Mới"
    )
    assert csv_rows(board, "planning_report_contributions")[-1] == [
        "Tổng cộng",
        "5",
        "2",
        "1",
        "8",
    ]
    targets = csv_rows(board, "planning_report_targets")
    van_2026 = [row for row in targets if row[0] == "2026" and row[1].startswith("Công đoàn bộ")]
    assert van_2026[0][5] == f"Chưa đạt: {TOAN} (0)"


# Who sees the reports and the calendar ----------------------------------------------------

READERS = {"board", "executive", "superuser"}
ROLES = ["anonymous", "member", "editor_a", "editor_b", "head_a", "board", "executive", "superuser"]
PAGES = [
    "planning_report_overview",
    "planning_report_contributions",
    "planning_report_members",
    "planning_report_moderation",
    "planning_report_campaigns",
    "planning_report_exemplars",
    "planning_report_targets",
    "planning_report_shortlist",
    "planning_calendar",
    "planning_calendar_agenda",
    "planning_calendar_ics",
]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_board_the_executive_committee_and_administrators_see_reports(as_user, now, role):
    client = as_user(role)
    for name in PAGES:
        response = client.get(reverse(name))
        if role in READERS:
            assert response.status_code == 200, name
        else:
            assert is_refused(response), name
        export = client.get(reverse(name), {"export": "csv"})
        if role not in READERS:
            assert is_refused(export), name
    home = client.get(reverse("wagtailadmin_home"))
    if role in {"anonymous", "member"}:
        return
    shown = reverse("planning_report_overview") in home.content.decode()
    assert shown == (role in READERS)


@pytest.mark.parametrize("role", ["editor_a", "board", "executive"])
def test_the_board_edits_occasions_and_training_the_executive_committee_reads_them(
    as_user, now, role
):
    from planning.models import Occasion

    client = as_user(role)
    occasion = Occasion.objects.first()
    for model in ("occasion", "trainingsession"):
        listing = client.get(reverse(f"wagtailsnippets_planning_{model}:list"))
        assert (listing.status_code == 200) == (role in {"board", "executive"}), model
    edit = client.get(reverse("wagtailsnippets_planning_occasion:edit", args=[occasion.pk]))
    assert (edit.status_code == 200) == (role == "board")
    if role != "board":
        assert is_refused(edit)
