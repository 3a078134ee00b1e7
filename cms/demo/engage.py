"""Demo surveys and Q&A (engage app): the staff needs survey with answers, answered questions.

Called once from seed_demo, before the standard pages, so the Survey and Q&A pages own the
addresses /khao-sat/ and /hoi-dap/ that the home page's shortcuts point to. Everything is found
again by type or slug first, so a second run changes nothing. Answers are general information
about Vietnamese law as of 2026, written carefully and cited; they are not legal advice.
"""

import datetime
import random

from django.utils import timezone

from cms.text import slugify_vi
from engage.models import (
    QAIndexPage,
    QAPage,
    Question,
    SurveyFormField,
    SurveyIndexPage,
    SurveyPage,
    SurveySubmission,
)

SURVEY_INDEX = {
    "title": "Khảo sát",
    "slug": "khao-sat",
    "intro": (
        "<p>Kế hoạch truyền thông Công đoàn giai đoạn 2023–2028 yêu cầu định kỳ khảo sát nhu "
        "cầu về nội dung và hình thức tiếp cận thông tin của cán bộ, nhà giáo, người lao động "
        "(CBNGNLĐ). Mỗi phiếu mất khoảng 5 phút và làm được trên điện thoại.</p>"
        "<p>Khảo sát năm 2025 có 412 đoàn viên trả lời; chủ đề được quan tâm nhất là chính "
        "sách, pháp luật (78%). Từ kết quả đó, trang tin đã mở mục <b>Hỏi đáp</b> chính sách, "
        "pháp luật.</p>"
    ),
}

NEEDS_SURVEY = {
    "title": "Khảo sát nhu cầu thông tin của CBNGNLĐ năm 2026",
    "slug": "khao-sat-nhu-cau-thong-tin-2026",
    "intro": (
        "<p>Công đoàn trường muốn biết bạn cần đọc gì, đọc ở đâu và muốn nhận tin bằng cách "
        "nào, để tin bài trên website, fanpage, nhóm Zalo và e-office đúng điều đoàn viên cần. "
        "Chỉ Ban Tuyên giáo – Truyền thông xem từng phiếu; kết quả được công bố dưới dạng số "
        "liệu tổng hợp.</p>"
    ),
    "thank_you_text": (
        "<p>Ban Tuyên giáo – Truyền thông sẽ tổng hợp và công bố kết quả trên trang tin sau khi "
        "khảo sát đóng. Bạn có câu hỏi về chế độ, chính sách? Hãy gửi ở mục Hỏi đáp.</p>"
    ),
}

ROLE = "Bạn là"
TOPICS = "Bạn muốn đọc thêm về chủ đề nào?"
CHANNELS = "Bạn thường đọc tin công đoàn qua kênh nào?"
NOTIFY = "Bạn muốn được báo tin mới qua kênh nào nhất?"
OFTEN = "Bạn đọc tin công đoàn thường xuyên đến đâu?"
FORMATS = "Bạn thích hình thức nào?"
SUGGEST = "Góp ý cho trang tin công đoàn"

QUESTIONS = [
    (ROLE, "radio", True, ["Giảng viên", "Viên chức hành chính", "Người lao động"], ""),
    (
        TOPICS,
        "checkboxes",
        True,
        [
            "Chính sách, pháp luật mới",
            "Chế độ, quyền lợi của CBNGNLĐ",
            "Hoạt động công đoàn, chăm lo đời sống",
            "Gương người tốt việc tốt, gương sáng nhà giáo",
            "Văn nghệ, thể thao",
            "Kỹ năng số, an toàn thông tin",
        ],
        "Chọn một hoặc nhiều chủ đề.",
    ),
    (
        CHANNELS,
        "checkboxes",
        True,
        [
            "Website Công đoàn trường",
            "Fanpage Facebook",
            "Nhóm Zalo",
            "E-office",
            "Bảng tin tại khoa, phòng",
        ],
        "Chọn tất cả các kênh bạn dùng.",
    ),
    (NOTIFY, "radio", True, ["Zalo", "E-office", "Thư điện tử", "Facebook"], ""),
    (
        OFTEN,
        "dropdown",
        False,
        ["Hằng ngày", "Vài lần một tuần", "Vài lần một tháng", "Hiếm khi"],
        "",
    ),
    (
        FORMATS,
        "checkboxes",
        False,
        ["Bài viết", "Infographic", "Video ngắn", "Tờ rơi số", "Hỏi đáp"],
        "",
    ),
    (SUGGEST, "multiline", False, [], "Nội dung bạn mong có thêm, điều bạn thấy chưa tiện."),
]

SUGGESTIONS = [
    "Mong có thêm bài hướng dẫn thủ tục hưởng chế độ thai sản, ốm đau.",
    "Nên gửi thông báo qua Zalo vì e-office ít khi mở trên điện thoại.",
    "Có thể làm infographic tóm tắt Luật Bảo hiểm xã hội 2024 không?",
    "",
    "Muốn đọc thêm về các thầy cô được khen thưởng ở các khoa.",
    "",
]

QA_INDEX = {
    "title": "Hỏi đáp",
    "slug": "hoi-dap",
    "intro": (
        "<p>Những câu hỏi đoàn viên gửi về chế độ nghỉ phép, bảo hiểm xã hội, thai sản, tiền "
        "lương và quyền lợi đoàn viên, cùng câu trả lời của Ban Tuyên giáo – Truyền thông "
        "Công đoàn trường.</p><p>Câu trả lời mang tính thông tin chung. Với trường hợp cụ thể, "
        "đoàn viên liên hệ công đoàn bộ phận, Phòng Tổ chức cán bộ hoặc Văn phòng Công đoàn "
        "trường để được hướng dẫn theo hồ sơ của mình.</p>"
    ),
}

ANSWERS = [
    {
        "title": "Viên chức khối phòng, ban được nghỉ phép hằng năm bao nhiêu ngày?",
        "topic": "lao-dong",
        "question": (
            "Tôi làm việc ở một phòng chức năng của Nhà trường được 6 năm. Mỗi năm tôi được "
            "nghỉ phép bao nhiêu ngày, và giảng viên có nghỉ phép giống như vậy không?"
        ),
        "answer": (
            "<p>Theo Bộ luật Lao động năm 2019, người làm việc đủ 12 tháng cho một người sử "
            "dụng lao động được nghỉ hằng năm, hưởng nguyên lương, <b>12 ngày làm việc</b> với "
            "công việc trong điều kiện bình thường. Cứ đủ <b>5 năm</b> làm việc thì số ngày "
            "nghỉ hằng năm được tăng thêm 1 ngày; người đã làm việc 6 năm như bạn được 13 "
            "ngày.</p><p>Giảng viên nghỉ hè thay cho nghỉ hằng năm theo quy định về chế độ "
            "làm việc của giảng viên và kế hoạch năm học của Nhà trường. Lịch nghỉ cụ thể do "
            "đơn vị sắp xếp và báo trước.</p>"
        ),
        "legal_basis": "Bộ luật Lao động năm 2019, Điều 113 và Điều 114",
        "when": datetime.date(2025, 3, 12),
    },
    {
        "title": "Kết hôn được nghỉ mấy ngày?",
        "topic": "lao-dong",
        "question": "Tôi sắp kết hôn. Tôi được nghỉ mấy ngày và có được hưởng lương không?",
        "answer": (
            "<p>Người lao động được nghỉ việc riêng mà vẫn hưởng nguyên lương và phải thông "
            "báo với người sử dụng lao động trong các trường hợp:</p><ul><li>kết hôn: nghỉ 3 "
            "ngày;</li><li>con đẻ, con nuôi kết hôn: nghỉ 1 ngày;</li><li>cha đẻ, mẹ đẻ, cha "
            "nuôi, mẹ nuôi; cha đẻ, mẹ đẻ, cha nuôi, mẹ nuôi của vợ hoặc chồng; vợ hoặc chồng; "
            "con đẻ, con nuôi chết: nghỉ 3 ngày.</li></ul><p>Bạn báo trước với lãnh đạo đơn "
            "vị theo quy định của Nhà trường. Công đoàn bộ phận cũng có mức mừng đoàn viên "
            "kết hôn theo Quy chế chi tiêu nội bộ của Công đoàn trường.</p>"
        ),
        "legal_basis": "Bộ luật Lao động năm 2019, Điều 115",
        "when": datetime.date(2025, 5, 6),
    },
    {
        "title": "Sinh con được nghỉ thai sản bao lâu? Chồng có được nghỉ không?",
        "topic": "thai-san",
        "question": (
            "Tôi dự sinh con vào tháng 3/2027. Tôi được nghỉ thai sản bao lâu, hưởng bao "
            "nhiêu, và chồng tôi (cũng đóng bảo hiểm xã hội) có được nghỉ không?"
        ),
        "answer": (
            "<p><b>Lao động nữ</b> sinh con được nghỉ chế độ thai sản trước và sau khi sinh "
            "con là <b>6 tháng</b>; thời gian nghỉ trước khi sinh không quá 2 tháng. Sinh đôi "
            "trở lên thì từ con thứ hai trở đi, cứ mỗi con được nghỉ thêm 1 tháng.</p>"
            "<p>Mức hưởng mỗi tháng bằng 100% mức bình quân tiền lương làm căn cứ đóng bảo "
            "hiểm xã hội của 6 tháng gần nhất trước khi nghỉ; ngoài ra có trợ cấp một lần khi "
            "sinh con nếu đủ điều kiện.</p><p><b>Lao động nam</b> đang đóng bảo hiểm xã hội "
            "khi vợ sinh con được nghỉ 5 ngày làm việc; 7 ngày nếu vợ sinh con phải phẫu "
            "thuật hoặc sinh con dưới 32 tuần tuổi; nhiều hơn khi vợ sinh đôi trở lên. Từ "
            "ngày 01/7/2025, thời gian nghỉ này được tính trong 60 ngày đầu kể từ ngày vợ "
            "sinh con.</p><p>Hồ sơ nộp qua Phòng Tổ chức cán bộ. Điều kiện cụ thể (số tháng "
            "đã đóng bảo hiểm xã hội trước khi sinh) được hướng dẫn theo hồ sơ của từng "
            "người.</p>"
        ),
        "legal_basis": "Bộ luật Lao động năm 2019, Điều 139; Luật Bảo hiểm xã hội năm 2024, Điều 53",
        "when": datetime.date(2025, 9, 18),
    },
    {
        "title": "Nghỉ ốm có giấy của bệnh viện thì hưởng chế độ thế nào?",
        "topic": "bhxh",
        "question": (
            "Tôi phải nằm viện 5 ngày và có giấy ra viện. Tôi có được hưởng chế độ ốm đau "
            "không, mức hưởng bao nhiêu?"
        ),
        "answer": (
            "<p>Người đang đóng bảo hiểm xã hội bắt buộc, nghỉ việc do ốm đau có xác nhận của "
            "cơ sở khám bệnh, chữa bệnh, được hưởng chế độ ốm đau từ quỹ bảo hiểm xã "
            "hội.</p><p>Mức hưởng bằng <b>75%</b> tiền lương làm căn cứ đóng bảo hiểm xã hội "
            "của tháng gần nhất trước khi nghỉ. Số ngày nghỉ tối đa trong một năm (điều kiện "
            "làm việc bình thường) là 30 ngày nếu đã đóng dưới 15 năm, 40 ngày nếu đã đóng "
            "từ đủ 15 năm đến dưới 30 năm, 60 ngày nếu đã đóng từ đủ 30 năm trở lên.</p><p>Bạn "
            "nộp giấy ra viện (hoặc giấy chứng nhận nghỉ việc hưởng bảo hiểm xã hội) cho "
            "Phòng Tổ chức cán bộ để được lập hồ sơ. Công đoàn bộ phận cũng thăm hỏi đoàn "
            "viên nằm viện theo quy chế của Công đoàn trường.</p>"
        ),
        "legal_basis": "Luật Bảo hiểm xã hội năm 2024 (hiệu lực từ 01/7/2025), Điều 43 và Điều 45",
        "when": datetime.date(2025, 10, 2),
    },
    {
        "title": "Đóng bảo hiểm xã hội bao nhiêu năm thì được hưởng lương hưu?",
        "topic": "bhxh",
        "question": (
            "Nghe nói luật mới giảm số năm đóng bảo hiểm xã hội để được lương hưu. Cụ thể "
            "là bao nhiêu năm?"
        ),
        "answer": (
            "<p>Từ ngày 01/7/2025, Luật Bảo hiểm xã hội năm 2024 có hiệu lực. Người lao động "
            "đủ tuổi nghỉ hưu theo Bộ luật Lao động và có thời gian đóng bảo hiểm xã hội bắt "
            "buộc <b>từ đủ 15 năm</b> trở lên thì được hưởng lương hưu (trước đây là 20 "
            "năm).</p><p>Mức lương hưu hằng tháng tính theo tỷ lệ phần trăm trên mức bình "
            "quân tiền lương làm căn cứ đóng bảo hiểm xã hội và tăng theo số năm đóng. Tuổi "
            "nghỉ hưu đang tăng dần theo lộ trình của Bộ luật Lao động năm 2019; bạn có thể "
            "hỏi Phòng Tổ chức cán bộ về thời điểm nghỉ hưu của mình.</p>"
        ),
        "legal_basis": "Luật Bảo hiểm xã hội năm 2024, Điều 64; Bộ luật Lao động năm 2019, Điều 169",
        "when": datetime.date(2025, 11, 14),
    },
    {
        "title": "Đoàn phí công đoàn được tính như thế nào?",
        "topic": "cong-doan",
        "question": "Đoàn phí công đoàn hằng tháng được tính thế nào và đóng ở đâu?",
        "answer": (
            "<p>Đoàn viên đóng đoàn phí bằng <b>1%</b> tiền lương làm căn cứ đóng bảo hiểm xã "
            "hội, có mức đóng tối đa theo quy định của Tổng Liên đoàn Lao động Việt Nam. "
            "Đoàn phí được thu qua bảng lương hằng tháng; đoàn viên xem lại trên phiếu "
            "lương.</p><p>Đoàn phí khác với kinh phí công đoàn (2% quỹ tiền lương) do Nhà "
            "trường đóng, không trừ vào lương của người lao động.</p>"
        ),
        "legal_basis": "Điều lệ Công đoàn Việt Nam; Luật Công đoàn",
        "when": datetime.date(2026, 2, 24),
    },
]

UNANSWERED = {
    "topic": "nha-giao",
    "question": (
        "Tôi là giảng viên tập sự, mới được tuyển dụng từ tháng 9. Trong thời gian tập sự "
        "tôi có được hưởng phụ cấp ưu đãi nghề không, và hưởng bao nhiêu phần trăm?"
    ),
    "name": "Thầy Khánh",
    "email": "giangvien.tapsu@example.org",
}


def _ensure_index(seeder, home, model, spec):
    existing = model.objects.child_of(home).first()
    if existing is not None:
        seeder.done(existing.title, False)
        return existing
    slug = spec["slug"]
    if home.get_children().filter(slug=slug).exists():  # an older demo's StandardPage
        slug = f"{slug}-doan-vien"
    page, created = seeder.ensure_child(home, model(**{**spec, "slug": slug}))
    seeder.done(page.title, created)
    return page


def ensure_survey(seeder, index):
    existing = SurveyPage.objects.child_of(index).filter(slug=NEEDS_SURVEY["slug"]).first()
    if existing is not None:
        seeder.done(existing.title, False)
        return existing
    today = timezone.localdate()
    survey = SurveyPage(
        **NEEDS_SURVEY,
        opens_at=timezone.make_aware(
            datetime.datetime.combine(today - datetime.timedelta(days=20), datetime.time(7, 0))
        ),
        closes_at=timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=30), datetime.time(23, 59))
        ),
    )
    survey.form_fields = [
        SurveyFormField(
            sort_order=number,
            label=label,
            field_type=field_type,
            required=required,
            choices="\n".join(choices),
            help_text=help_text,
        )
        for number, (label, field_type, required, choices, help_text) in enumerate(QUESTIONS)
    ]
    survey, created = seeder.ensure_child(index, survey, when=today - datetime.timedelta(days=20))
    seeder.done(survey.title, created)
    if created:
        add_answers(survey)
    return survey


def add_answers(survey):
    """Twenty-four answers, always the same ones (a fixed random seed)."""
    chooser = random.Random(2026)
    opened = survey.opens_at
    for number in range(24):
        data = {}
        for field in survey.get_form_fields():
            options = field.choices.splitlines()
            if field.field_type == "checkboxes":
                count = chooser.randint(1, min(3, len(options)))
                data[field.clean_name] = chooser.sample(options, count)
            elif field.field_type in ("radio", "dropdown"):
                data[field.clean_name] = chooser.choice(options)
            else:
                data[field.clean_name] = SUGGESTIONS[number % len(SUGGESTIONS)]
        submission = SurveySubmission.objects.create(page=survey, form_data=data)
        moment = min(opened + datetime.timedelta(hours=9 + 17 * number), timezone.now())
        SurveySubmission.objects.filter(pk=submission.pk).update(submit_time=moment)


def ensure_answers(seeder, index):
    for spec in ANSWERS:
        fields = {k: v for k, v in spec.items() if k != "when"}
        page = QAPage(**fields, slug=slugify_vi(spec["title"]))
        page, created = seeder.ensure_child(index, page, when=spec["when"], owner="truongban")
        if created:
            # The question as it came in; the asker was told when the answer went up.
            Question.objects.create(
                topic=page.topic,
                question=page.question,
                status=Question.Status.PUBLISHED,
                email="doanvien.hoi@example.org",
                page=page,
                notified_at=timezone.make_aware(
                    datetime.datetime.combine(spec["when"], datetime.time(9, 0))
                ),
            )
        seeder.done(page.title, created)
    created = not Question.objects.filter(question=UNANSWERED["question"]).exists()
    if created:
        Question.objects.create(**UNANSWERED)
    seeder.done("Câu hỏi chưa trả lời (giảng viên tập sự)", created)


def seed(seeder, home):
    """Survey list, the 2026 needs survey with answers, the Q&A page with answers."""
    seeder.say("Khảo sát và hỏi đáp…")
    surveys = _ensure_index(seeder, home, SurveyIndexPage, SURVEY_INDEX)
    ensure_survey(seeder, surveys)
    qa = _ensure_index(seeder, home, QAIndexPage, QA_INDEX)
    ensure_answers(seeder, qa)
