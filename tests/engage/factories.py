"""Factories for surveys and the Q&A, on top of tests/factories.py."""

import factory

from engage.models import (
    QAIndexPage,
    QAPage,
    Question,
    SurveyFormField,
    SurveyIndexPage,
    SurveyPage,
)
from tests.factories import BasePageFactory, fake

TOPICS = "Chính sách, pháp luật\nChăm lo đời sống\nGương người tốt việc tốt\nVăn nghệ, thể thao"
CHANNELS = "Trang tin công đoàn\nFacebook\nZalo\nE-office"


class SurveyIndexPageFactory(BasePageFactory):
    title = "Khảo sát"
    intro = "<p>Công đoàn trường hỏi đoàn viên muốn đọc gì.</p>"

    class Meta:
        model = SurveyIndexPage


class SurveyPageFactory(BasePageFactory):
    title = "Khảo sát nhu cầu thông tin của CBNGNLĐ"
    intro = "<p>Phiếu mất khoảng 5 phút.</p>"
    thank_you_text = "<p>Ban Tuyên giáo – Truyền thông sẽ công bố kết quả.</p>"

    class Meta:
        model = SurveyPage


class SurveyFormFieldFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(SurveyPageFactory)
    sort_order = factory.Sequence(int)
    label = factory.LazyFunction(lambda: fake.sentence(nb_words=5))
    field_type = "singleline"
    required = False

    class Meta:
        model = SurveyFormField


def needs_survey(parent, **kwargs):
    """A survey with the questions the board asks every year."""
    survey = SurveyPageFactory(parent=parent, **kwargs)
    SurveyFormFieldFactory(
        page=survey,
        label="Bạn muốn đọc thêm về chủ đề nào?",
        field_type="checkboxes",
        choices=TOPICS,
        required=True,
    )
    SurveyFormFieldFactory(
        page=survey,
        label="Bạn thường đọc tin công đoàn ở đâu?",
        field_type="radio",
        choices=CHANNELS,
        required=True,
    )
    SurveyFormFieldFactory(page=survey, label="Góp ý khác", field_type="multiline", required=False)
    return SurveyPage.objects.get(pk=survey.pk)


class QAIndexPageFactory(BasePageFactory):
    title = "Hỏi đáp"
    intro = "<p>Giải đáp chính sách, pháp luật liên quan đến đoàn viên.</p>"

    class Meta:
        model = QAIndexPage


class QAPageFactory(BasePageFactory):
    title = "Nghỉ phép hằng năm được bao nhiêu ngày?"
    topic = "lao-dong"
    question = "Tôi làm việc ở phòng Đào tạo được 6 năm, mỗi năm được nghỉ phép bao nhiêu ngày?"
    answer = (
        "<p>Theo Điều 113 Bộ luật Lao động 2019, người lao động làm đủ 12 tháng được nghỉ "
        "12 ngày làm việc; cứ đủ 5 năm được tăng thêm 1 ngày.</p>"
    )
    legal_basis = "Bộ luật Lao động 2019, Điều 113, 114"

    class Meta:
        model = QAPage


class QuestionFactory(factory.django.DjangoModelFactory):
    topic = "bhxh"
    question = "Tôi nghỉ ốm 5 ngày có giấy của bệnh viện thì được hưởng chế độ thế nào?"
    email = factory.Sequence(lambda n: f"doanvien{n}@truong.edu.vn")

    class Meta:
        model = Question
