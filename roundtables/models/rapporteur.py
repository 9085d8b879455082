"""The open call for a stakeholder Rapporteur: the call and its criteria, applications with
their history, and the scores and recusals of those who assess them."""

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from consultations.models import RegionalReview, validate_time_zone
from core.storage import get_private_storage
from gcm.models import Sector
from roundtables.enums import ON_SHORTLIST, ApplicationStatus, LivedExperience
from stakeholders.enums import Gender
from stakeholders.validators import validate_gender_description


class RapporteurCall(models.Model):
    """The open call for expressions of interest for the stakeholder Rapporteur, who
    conveys the outcomes of the multi-stakeholder consultation to the review."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="rapporteur_calls",
        verbose_name=_("Regional Review"),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"))
    eligibility = models.TextField(_("eligibility"))
    opens_at = models.DateTimeField(_("opens"))
    deadline = models.DateTimeField(_("deadline"))
    time_zone = models.CharField(
        _("time zone of the deadline"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Candidates see the deadline in this time zone, e.g. Europe/Zurich."),
    )
    places = models.PositiveSmallIntegerField(
        _("rapporteurs to select"),
        default=1,
        help_text=_("How many candidates can be selected."),
    )
    anonymised_assessment = models.BooleanField(
        _("anonymised assessment"),
        default=False,
        help_text=_("Assessors see no name, email or CV file name."),
    )
    assessors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="rapporteur_calls_to_assess",
        verbose_name=_("assessors"),
        blank=True,
        limit_choices_to={"is_staff": True},
        help_text=_("Staff who score the applications of this call."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    assessment_started_at = models.DateTimeField(_("assessment started"), null=True, blank=True)
    selection_confirmed_at = models.DateTimeField(_("selection confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-deadline"]
        verbose_name = _("rapporteur call")
        verbose_name_plural = _("rapporteur calls")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("opens_at")), name="call_deadline_after_opening"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="call_places_at_least_one"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("roundtables:call", kwargs={"slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_deadline(self):
        return self.deadline.astimezone(self.tzinfo)

    def is_open(self, *, now) -> bool:
        """Open from its opening instant up to, not including, its deadline instant:
        both are absolute, so the candidate's own time zone never matters."""
        return self.is_published and self.opens_at <= now < self.deadline

    def has_closed(self, *, now) -> bool:
        return now >= self.deadline


class Criterion(models.Model):
    call = models.ForeignKey(
        RapporteurCall, on_delete=models.CASCADE, related_name="criteria", verbose_name=_("call")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")

    def __str__(self) -> str:
        return self.name


def cv_path(instance, filename: str) -> str:
    # The stored name never carries the uploaded name (it may identify the candidate),
    # and a random one cannot be guessed nor collide with an earlier version.
    return f"cv/{instance.call_id}/{secrets.token_hex(16)}.pdf"


def new_reference() -> str:
    """A short reference the candidate and assessors can quote, e.g. RAP-7K2Q9D. It says
    nothing about the person, so an anonymised assessment uses it instead of a name."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "RAP-" + "".join(secrets.choice(alphabet) for _ in range(6))


class Application(models.Model):
    """An expression of interest in the Rapporteur call."""

    call = models.ForeignKey(
        RapporteurCall,
        on_delete=models.CASCADE,
        related_name="applications",
        verbose_name=_("call"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="rapporteur_applications",
        verbose_name=_("candidate"),
    )
    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    # The limits are what the form allows (TextField does not enforce them in the database).
    motivation = models.TextField(_("motivation"), max_length=5000)
    experience = models.TextField(_("relevant experience"), max_length=5000)
    languages = models.JSONField(_("working languages"), default=list)
    other_languages = models.CharField(_("other languages"), max_length=200, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    country_of_residence = CountryField(_("country of residence"))
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    gender_self_description = models.CharField(
        _("gender, in your own words"), max_length=100, blank=True
    )
    lived_migration_experience = models.CharField(
        _("lived experience of migration"),
        max_length=12,
        choices=LivedExperience.choices,
        blank=True,
    )
    # Empty once the retention period after the call's selection has run out
    # (roundtables.services.rapporteur.rapporteur_retention_purge).
    cv = models.FileField(
        _("CV"), upload_to=cv_path, storage=get_private_storage, max_length=200, blank=True
    )
    cv_original_name = models.CharField(_("CV file name"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["call", "submitted_at", "pk"]
        verbose_name = _("rapporteur application")
        verbose_name_plural = _("rapporteur applications")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="application_once")]
        # The admin list's default order (the Meta ordering) and its status filter.
        indexes = [
            models.Index(fields=["call", "submitted_at", "id"], name="application_list"),
            models.Index(fields=["status"], name="application_status"),
        ]
        permissions = [
            ("assess_application", _("Can score rapporteur applications of calls they assess")),
            ("select_application", _("Can shortlist and select the stakeholder Rapporteur")),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.call}"

    def clean(self):
        validate_gender_description(
            gender=self.gender,
            description=self.gender_self_description,
            field="gender_self_description",
        )

    @property
    def shortlisted(self) -> bool:
        """On the shortlist: shortlisted, or selected from it (derived from the status)."""
        return self.status in ON_SHORTLIST


class ApplicationStatusChange(models.Model):
    """One step in an application's history: who moved it, when, from what to what."""

    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("application"),
    )
    from_status = models.CharField(
        pgettext_lazy("status change", "from"),
        max_length=20,
        choices=ApplicationStatus.choices,
        blank=True,
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=20, choices=ApplicationStatus.choices
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    changed_at = models.DateTimeField(_("changed"), auto_now_add=True)

    class Meta:
        ordering = ["application", "changed_at", "pk"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self) -> str:
        return f"{self.from_status or '-'} -> {self.to_status}"


class Score(models.Model):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="scores",
        verbose_name=_("application"),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("assessor"),
    )
    criterion = models.ForeignKey(
        Criterion, on_delete=models.CASCADE, related_name="scores", verbose_name=_("criterion")
    )
    value = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("scored"), auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor", "criterion"], name="score_once"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=1) & Q(value__lte=5), name="score_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Recusal(models.Model):
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="recusals",
        verbose_name=_("application"),
    )
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("assessor"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recused"), auto_now_add=True)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["application", "assessor"], name="recusal_once")
        ]

    def __str__(self) -> str:
        return str(self.assessor)
