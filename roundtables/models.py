"""What is discussed: roundtable clusters and their GCM objectives, the people on each
panel, stakeholder inputs tagged to objectives, and the call for a stakeholder Rapporteur."""

import secrets
import zoneinfo

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from config.storage import get_private_storage
from consultations.models import RegionalReview, Session, validate_time_zone
from gcm.models import MemberState, Objective, Sector
from roundtables.enums import (
    ApplicationStatus,
    Attribution,
    InputStatus,
    InputType,
    LivedExperience,
    RoleKind,
)
from roundtables.validators import validate_role
from stakeholders.enums import Gender


class Roundtable(models.Model):
    """A thematic roundtable of a review, clustering GCM objectives as the four IMRF
    roundtables do (A/RES/73/326, para 21)."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="roundtables",
        verbose_name=_("Regional Review"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="roundtables", verbose_name=_("GCM objectives"), blank=True
    )
    # Declared here, not on Session, so that consultations never depends on roundtables.
    consultations = models.ManyToManyField(
        Session,
        related_name="roundtables",
        verbose_name=_("thematic consultations covering it"),
        blank=True,
    )

    class Meta:
        ordering = ["review", "number"]
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="roundtable_number_once")
        ]

    def __str__(self) -> str:
        return self.title


class RoundtableRole(models.Model):
    """A Member State speaker, moderator or panelist of a roundtable: a linked stakeholder
    account, or a name and affiliation for people without one."""

    roundtable = models.ForeignKey(
        Roundtable, on_delete=models.CASCADE, related_name="roles", verbose_name=_("roundtable")
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roundtable_roles",
        verbose_name=_("stakeholder account"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title or function"), max_length=250, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=250, blank=True)
    country = CountryField(_("country"), blank=True)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)

    class Meta:
        ordering = ["roundtable", "kind", "position", "pk"]
        verbose_name = _("roundtable role")
        verbose_name_plural = _("roundtable roles")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="role_has_person"
            ),
            # "For each thematic roundtable, a Member State speaker will start the
            # discussion": one opening speaker per roundtable.
            models.UniqueConstraint(
                fields=["roundtable"],
                condition=Q(kind=RoleKind.MEMBER_STATE_SPEAKER),
                name="one_member_state_speaker",
                violation_error_message=_("A roundtable is opened by one Member State speaker."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name or self.user}"

    def clean(self):
        countries = None
        if self.roundtable_id:
            countries = {
                str(code)
                for code in MemberState.objects.filter(
                    region_id=self.roundtable.review.region_id
                ).values_list("country", flat=True)
            }
        validate_role(
            kind=self.kind,
            has_user=self.user_id is not None,
            name=self.name,
            affiliation=self.affiliation,
            country=str(self.country or ""),
            member_state_countries=countries,
        )

    @property
    def display_name(self) -> str:
        """The printed name; a linked account's email address is never shown."""
        if self.name:
            return self.name
        return self.user.name if self.user_id else ""


def input_attachment_path(instance, filename: str) -> str:
    # Never derived from the uploaded name, which may identify the author.
    return f"inputs/{instance.review_id}/{secrets.token_hex(16)}.pdf"


class StakeholderInput(models.Model):
    """A written input to a review, or an oral one noted from a consultation."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="inputs",
        verbose_name=_("Regional Review"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("author"),
    )
    # Who it speaks for, as printed (oral inputs have no account: "Stakeholders").
    attributed_to = models.CharField(_("attributed to"), max_length=250, blank=True)
    attribution = models.CharField(
        _("published as"),
        max_length=14,
        choices=Attribution.choices,
        default=Attribution.ORGANISATION,
    )
    # Snapshot of the author's sector and country at submission, for the analysis.
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    country = CountryField(_("country"), blank=True)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    input_type = models.CharField(_("type"), max_length=10, choices=InputType.choices)
    objectives = models.ManyToManyField(
        Objective, related_name="inputs", verbose_name=_("GCM objectives addressed"), blank=True
    )
    roundtable = models.ForeignKey(
        Roundtable,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("roundtable"),
    )
    attachment = models.FileField(
        _("PDF attachment"),
        upload_to=input_attachment_path,
        storage=get_private_storage,
        blank=True,
        max_length=200,
    )
    source_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="oral_inputs",
        verbose_name=_("raised orally at"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    publish_consent = models.BooleanField(_("may be published"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=InputStatus.choices, default=InputStatus.SUBMITTED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["review", "position", "created_at", "pk"]
        verbose_name = _("stakeholder input")
        verbose_name_plural = _("stakeholder inputs")
        indexes = [models.Index(fields=["review", "status"], name="input_review_status")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == InputStatus.ACCEPTED and self.publish_consent


class KeyMessage(models.Model):
    """A key message of a review's outcome report, traceable to what it draws on."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="key_messages",
        verbose_name=_("Regional Review"),
    )
    roundtable = models.ForeignKey(
        Roundtable,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_messages",
        verbose_name=_("roundtable"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))
    sessions = models.ManyToManyField(
        Session, related_name="+", verbose_name=_("drawn from sessions"), blank=True
    )
    inputs = models.ManyToManyField(
        StakeholderInput, related_name="+", verbose_name=_("drawn from inputs"), blank=True
    )

    class Meta:
        ordering = ["review", "roundtable__number", "position", "pk"]
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")

    def __str__(self) -> str:
        return self.text[:80]


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
    anonymised_review = models.BooleanField(
        _("anonymised review"),
        default=False,
        help_text=_("Reviewers see no name, email or CV file name."),
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="rapporteur_calls_to_review",
        verbose_name=_("reviewers"),
        blank=True,
        limit_choices_to={"is_staff": True},
        help_text=_("Staff who score the applications of this call."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    review_started_at = models.DateTimeField(_("review started"), null=True, blank=True)
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
    """A short reference the candidate and reviewers can quote, e.g. RAP-7K2Q9D. It says
    nothing about the person, so anonymised reviews use it instead of a name."""
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
    motivation = models.TextField(_("motivation"))
    experience = models.TextField(_("relevant experience"))
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
    cv = models.FileField(_("CV"), upload_to=cv_path, storage=get_private_storage, max_length=200)
    cv_original_name = models.CharField(_("CV file name"), max_length=255, blank=True)
    status = models.CharField(
        _("status"),
        max_length=14,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    shortlisted = models.BooleanField(_("on the shortlist"), default=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["call", "submitted_at", "pk"]
        verbose_name = _("rapporteur application")
        verbose_name_plural = _("rapporteur applications")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="application_once")]
        permissions = [
            ("review_application", _("Can score rapporteur applications of calls they review")),
            ("select_application", _("Can shortlist and select the stakeholder Rapporteur")),
        ]

    def __str__(self) -> str:
        return f"{self.reference} — {self.call}"


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
        max_length=14,
        choices=ApplicationStatus.choices,
        blank=True,
    )
    to_status = models.CharField(
        pgettext_lazy("status change", "to"), max_length=14, choices=ApplicationStatus.choices
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
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reviewer"),
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
                fields=["application", "reviewer", "criterion"], name="score_once"
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
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("reviewer"),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recused"), auto_now_add=True)

    class Meta:
        verbose_name = _("recusal")
        verbose_name_plural = _("recusals")
        constraints = [
            models.UniqueConstraint(fields=["application", "reviewer"], name="recusal_once")
        ]

    def __str__(self) -> str:
        return str(self.reviewer)
