"""Sending the survey after a session and recording the answers."""

import datetime as dt

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.enums import Attendance
from consultations.models import Registration
from core.errors import DomainError
from feedback.models import SurveyRequest, SurveyResponse
from outbox.services import mail_queue

SURVEY_SALT = "feedback.survey"
SEND_WITHIN = dt.timedelta(days=7)


def survey_token(registration_id: int) -> str:
    return signing.dumps(registration_id, salt=SURVEY_SALT, compress=True)


def survey_registration_id(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=SURVEY_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def survey_link(*, registration: Registration, language: str) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse("feedback:survey", args=[survey_token(registration.pk)])


def survey_requests_send(*, now=None, within: dt.timedelta = SEND_WITHIN) -> int:
    """Write the survey to everyone recorded as attending (in person or online) a session
    that ended within `within`, once per registration, in their language. Safe to run
    twice: the SurveyRequest row is inserted first, and a second run finds it."""
    now = now or timezone.now()
    due = (
        Registration.objects.filter(
            attendance=Attendance.ATTENDED,
            user__isnull=False,
            session__ends_at__lte=now,
            session__ends_at__gte=now - within,
            survey_request__isnull=True,
        )
        .select_related("session", "user")
        .order_by("pk")
    )
    sent = 0
    for registration in due:
        try:
            with transaction.atomic():
                SurveyRequest.objects.create(registration=registration)
                language = registration.user.language
                mail_queue(
                    to=registration.user.email,
                    template="emails/feedback_survey",
                    context={
                        "session": registration.session,
                        "user": registration.user,
                        "survey_url": survey_link(registration=registration, language=language),
                    },
                    language=language,
                )
        except IntegrityError:
            continue  # another run sent it meanwhile
        sent += 1
    return sent


def feedback_submit(*, registration_id: int, **answers) -> SurveyResponse:
    """Record a participant's answers, once per registration: the unique registration
    of SurveyResponse refuses a second answer, even from two requests at once."""
    registration = (
        Registration.objects.select_related("session", "user__profile")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.attendance != Attendance.ATTENDED:
        raise DomainError(_("This survey is only for the participants of the session."))
    profile = getattr(registration.user, "profile", None) if registration.user else None
    try:
        with transaction.atomic():
            return SurveyResponse.objects.create(
                registration=registration,
                session=registration.session,
                mode=registration.mode,
                sector_id=profile.sector_id if profile else registration.anonymous_sector_id,
                language=translation.get_language() or settings.LANGUAGE_CODE,
                **answers,
            )
    except IntegrityError:
        raise DomainError(
            _("You have already answered this survey. Thank you!"), code="answered"
        ) from None
