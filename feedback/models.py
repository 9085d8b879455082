"""What participants thought of a session: one short survey per registration."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from consultations.models import Registration, Session
from feedback.enums import Rating
from gcm.models import Sector

RATING_FIELDS = ("overall", "content", "interpretation", "accessibility", "hybrid_format")


def _rating(label, *, optional: bool, help_text=""):
    return models.PositiveSmallIntegerField(
        label, choices=Rating.choices, null=optional, blank=optional, help_text=help_text
    )


class SurveyRequest(models.Model):
    """That the survey was sent to a registration's participant, so that it is sent once."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="survey_request",
        verbose_name=_("registration"),
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("survey request")
        verbose_name_plural = _("survey requests")

    def __str__(self) -> str:
        return str(self.registration_id)


class SurveyResponse(models.Model):
    """One participant's answers. Staff see them without names; other stakeholders never
    see them. The mode and sector are kept as they were when the person answered, so
    that results by mode and sector survive a later change of profile."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="survey_response",
        verbose_name=_("registration"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="survey_responses",
        verbose_name=_("session"),
    )
    mode = models.CharField(_("attendance mode"), max_length=12)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    language = models.CharField(_("language"), max_length=10)
    overall = _rating(_("Overall, how was the consultation?"), optional=False)
    content = _rating(_("How useful was its content?"), optional=False)
    interpretation = _rating(
        _("Interpretation and language access"),
        optional=True,
        help_text=_("Choose “Does not apply” if you did not need it."),
    )
    accessibility = _rating(
        _("Accessibility"),
        optional=True,
        help_text=_("Of the venue or the platform, documents and captions."),
    )
    hybrid_format = _rating(_("How did the hybrid format work for you?"), optional=True)
    comments = models.TextField(_("Anything else you want to tell us?"), blank=True)
    created_at = models.DateTimeField(_("answered"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(overall__gte=1, overall__lte=5) & Q(content__gte=1, content__lte=5),
                name="survey_ratings_1_5",
            )
        ]

    def __str__(self) -> str:
        return f"{self.session} #{self.pk}"
