from engage.models.qa import QAIndexPage, QAPage, Question, Topic  # noqa: F401
from engage.models.surveys import (  # noqa: F401
    SurveyFormField,
    SurveyIndexPage,
    SurveyPage,
    SurveySubmission,
)
