"""The survey answers of a person, for "Download my data" (stakeholders.privacy). They
carry no name and stay as anonymous figures when the account goes, like the
registration they belong to."""

from feedback.models import RATING_FIELDS, SurveyResponse
from stakeholders import privacy


def register() -> None:
    privacy.register("feedback", export=_export)


def _export(user) -> list[dict]:
    responses = (
        SurveyResponse.objects.filter(registration__user=user)
        .select_related("session")
        .order_by("created_at")
    )
    return [
        {
            "session": response.session.title,
            "answered_at": response.created_at,
            **{name: getattr(response, name) for name in RATING_FIELDS},
            "comments": response.comments,
        }
        for response in responses
    ]
