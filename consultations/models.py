"""When and how: Regional Reviews, their roadmap of sessions, registrations, attendance."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from consultations.enums import (
    Attendance,
    DocumentKind,
    DocumentVisibility,
    ExportFormat,
    ExportStatus,
    Mode,
    RegistrationStatus,
    SessionFormat,
    SessionKind,
    SessionStatus,
    TalkRequestStatus,
)
from core.storage import get_private_storage
from gcm.models import Objective, Region, Sector


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a known time zone (for example Europe/Zurich)."),
            params={"value": value},
            code="invalid_time_zone",
        )


class RegionalReview(models.Model):
    """A Regional Review of the GCM and the roadmap of consultations leading to it."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=250)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("region")
    )
    meeting_date = models.DateField(_("meeting date"))
    venue = models.CharField(_("venue"), max_length=250)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    description = models.TextField(_("description"), blank=True)
    inputs_deadline = models.DateTimeField(_("deadline for written inputs"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-meeting_date"]
        verbose_name = _("Regional Review")
        verbose_name_plural = _("Regional Reviews")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:list") + f"?review={self.slug}"


class Session(models.Model):
    """One consultation or meeting on a review's roadmap."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="sessions",
        verbose_name=_("Regional Review"),
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind.choices)
    format = models.CharField(_("format"), max_length=12, choices=SessionFormat.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=SessionStatus.choices, default=SessionStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    organisers = models.CharField(
        _("organised by"),
        max_length=400,
        blank=True,
        help_text=_("For GCM Talks and co-organised events."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Zurich", validators=[validate_time_zone]
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    platform = models.CharField(_("online platform"), max_length=100, blank=True)
    join_url = models.URLField(
        _("join link"),
        max_length=500,
        blank=True,
        help_text=_("Shown only to registered participants and staff."),
    )
    external_url = models.URLField(_("public web page"), max_length=500, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    interpretation = models.JSONField(_("interpretation offered"), default=list, blank=True)
    capacity_in_person = models.PositiveIntegerField(
        _("in-person seats"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    capacity_online = models.PositiveIntegerField(
        _("online places"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    mode_change_deadline = models.DateTimeField(
        _("participants may switch mode until"),
        null=True,
        blank=True,
        help_text=_("Empty: until registration closes."),
    )
    requires_accreditation = models.BooleanField(
        _("in-person attendance needs UN accreditation"),
        default=True,
        help_text=_("Collect ID document, nationality, date of birth and photo in person."),
    )
    accreditation_purge_days = models.PositiveSmallIntegerField(
        _("delete accreditation data after (days)"),
        null=True,
        blank=True,
        help_text=_("Empty: the site default."),
    )
    # The written record of a held session, from which its summary report is built.
    overview = models.TextField(_("overview"), blank=True)
    attendance_note = models.TextField(_("note on attendance"), blank=True)
    # What a source document says about attendance when the attendees are not recorded
    # one by one (e.g. "attended by 111 organisations from these sectors"): the summary
    # report then gives these and draws no breakdown the source never gave.
    declared_attendance = models.PositiveIntegerField(
        _("attendance given by the source"),
        null=True,
        blank=True,
        help_text=_(
            "Only when attendees were not recorded here: the number the source gives. "
            "The summary report then shows it instead of counting attendance."
        ),
    )
    declared_sectors = models.ManyToManyField(
        Sector,
        blank=True,
        related_name="+",
        verbose_name=_("sectors given by the source"),
        help_text=_("The stakeholder sectors the source says the attendees came from."),
    )
    roundtables_intro = models.CharField(
        _("introduction to the roundtable clusters"),
        max_length=300,
        blank=True,
        help_text=_(
            "The sentence that introduces the list of roundtable clusters; it may hold a "
            "footnote marker such as [^4]."
        ),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("A short summary of what was said.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"], name="session_status_start")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_starts_at(self):
        return self.starts_at.astimezone(self.tzinfo)

    @property
    def local_ends_at(self):
        return self.ends_at.astimezone(self.tzinfo)

    @property
    def modes(self) -> list[str]:
        """The attendance modes this session's format allows."""
        return {
            SessionFormat.ONLINE: [Mode.ONLINE],
            SessionFormat.IN_PERSON: [Mode.IN_PERSON],
            SessionFormat.HYBRID: [Mode.IN_PERSON, Mode.ONLINE],
        }[self.format]

    def capacity_for(self, mode: str) -> int | None:
        return self.capacity_in_person if mode == Mode.IN_PERSON else self.capacity_online


class Speaker(models.Model):
    """A speaker's part in a session, as a summary report records it: a numbered section
    with its heading, the speaker's name and function, and the points made."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("section heading"), max_length=300, blank=True)
    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=300, blank=True)
    points = models.TextField(
        _("points made"),
        blank=True,
        help_text=_("One point per line; indent a line with two spaces for a sub-point."),
    )

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")

    def __str__(self) -> str:
        return self.name


class SessionLink(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="links", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    group = models.CharField(_("group"), max_length=200, blank=True)
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("document or link")
        verbose_name_plural = _("documents and links")

    def __str__(self) -> str:
        return self.title


def session_document_path(instance, filename: str) -> str:
    import secrets

    return f"session-documents/{instance.session_id}/{secrets.token_hex(16)}.pdf"


class SessionDocument(models.Model):
    """A file of a session (agenda, concept note, presentation, background paper) in one
    language, for everyone or for registered participants only. Kept in the private
    storage and served by a view that checks who asks; checked like a CV (a real PDF,
    no active content, 5 MB at most)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="documents", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    title = models.CharField(_("title"), max_length=300)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    visibility = models.CharField(
        _("visible to"),
        max_length=12,
        choices=DocumentVisibility.choices,
        default=DocumentVisibility.PUBLIC,
    )
    file = models.FileField(
        _("PDF file"), upload_to=session_document_path, storage=get_private_storage, max_length=200
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
        constraints = [
            models.CheckConstraint(
                condition=Q(visibility__in=DocumentVisibility.values),
                name="session_document_visibility_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=DocumentKind.values), name="session_document_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("consultations:document", kwargs={"slug": self.session.slug, "pk": self.pk})


class SessionContact(models.Model):
    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    heading = models.CharField(_("heading"), max_length=200)
    name = models.CharField(_("name"), max_length=200, blank=True)
    function = models.CharField(_("function"), max_length=300, blank=True)
    email = models.EmailField(_("email"))

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return self.heading


class Footnote(models.Model):
    """A footnote of a session's written record, referenced as [^number] in its text."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="footnotes", verbose_name=_("session")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["session", "number"]
        verbose_name = _("footnote")
        verbose_name_plural = _("footnotes")
        constraints = [
            models.UniqueConstraint(fields=["session", "number"], name="footnote_number_once")
        ]

    def __str__(self) -> str:
        return f"[^{self.number}]"


class Registration(models.Model):
    session = models.ForeignKey(
        Session,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("session"),
    )
    # Empty once the participant has deleted their account: the registration then
    # outlives them only as the anonymous figures below, for the counts and reports.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="registrations",
        verbose_name=_("participant"),
    )
    mode = models.CharField(_("attendance mode"), max_length=12, choices=Mode.choices)
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, blank=True
    )
    accessibility_needs = models.TextField(_("accessibility needs"), blank=True)
    wants_to_speak = models.BooleanField(_("asks to take the floor"), default=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    waitlisted_at = models.DateTimeField(_("waitlisted"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    # Written when the participant's account is erased (consultations.privacy), so that
    # every count of the staff pages and reports stays as it was: the sector, country and
    # organisation the person counted under, and a random key that is the same on all
    # their registrations (people are counted once across sessions). Nothing here names
    # them or leads back to them.
    anonymous_key = models.UUIDField(_("anonymous participant key"), null=True, blank=True)
    anonymous_sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector of an anonymous participant"),
    )
    # Null, not empty, when the person had no profile: counted like a profile-less
    # participant ("not given") before and after.
    anonymous_country = CountryField(
        _("country of an anonymous participant"), null=True, blank=True
    )
    # The organisation's key only: the count of organisations stays right even if the
    # organisation itself is deleted later.
    anonymous_organisation = models.PositiveBigIntegerField(
        _("organisation of an anonymous participant"), null=True, blank=True
    )

    class Meta:
        ordering = ["session", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="registration_once"),
            # A registration without a participant is one whose account was erased.
            models.CheckConstraint(
                condition=Q(user__isnull=False) | Q(anonymous_key__isnull=False),
                name="registration_participant_or_anonymous",
                violation_error_message=_("A registration needs a participant."),
            ),
        ]
        indexes = [
            models.Index(fields=["session", "mode", "status"], name="registration_seats"),
            models.Index(fields=["session", "status", "waitlisted_at"], name="registration_queue"),
            # The admin list's default order (the Meta ordering), so that a page is an index
            # range scan with any filter of low selectivity (mode, status, attendance).
            models.Index(fields=["session", "created_at", "id"], name="registration_list"),
        ]

    def __str__(self) -> str:
        who = self.user if self.user_id else _("deleted account")
        return f"{who} — {self.session}"


def accreditation_photo_path(instance, filename: str) -> str:
    return f"accreditation/{instance.registration.session_id}/{instance.registration_id}.jpg"


class AccreditationData(models.Model):
    """What UN premises need to admit an in-person participant. Collected only from
    in-person registrants, visible only to staff, and purged after the session."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="accreditation",
        verbose_name=_("registration"),
    )
    id_document_number = models.CharField(_("ID document number"), max_length=50)
    id_document_expiry = models.DateField(_("ID document expiry date"))
    nationality = CountryField(_("nationality"))
    date_of_birth = models.DateField(_("date of birth"))
    photo = models.ImageField(
        _("photo"), upload_to=accreditation_photo_path, storage=get_private_storage, max_length=200
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("accreditation data")
        verbose_name_plural = _("accreditation data")

    def __str__(self) -> str:
        return str(self.registration)


class GcmTalkRequest(models.Model):
    """A stakeholder's proposal to organise a GCM Talk, a peer-learning exchange."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="talk_requests",
        verbose_name=_("Regional Review"),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="talk_requests",
        verbose_name=_("requested by"),
    )
    title = models.CharField(_("title"), max_length=300)
    co_organisers = models.TextField(_("co-organisers"), blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="talk_requests", verbose_name=_("GCM objectives addressed")
    )
    proposed_date = models.DateField(_("proposed date"))
    proposed_format = models.CharField(
        _("proposed format"), max_length=12, choices=SessionFormat.choices
    )
    description = models.TextField(_("description"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TalkRequestStatus.choices,
        default=TalkRequestStatus.PENDING,
    )
    staff_message = models.TextField(_("message to the requester"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    session = models.OneToOneField(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talk_request",
        verbose_name=_("session"),
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("GCM Talk request")
        verbose_name_plural = _("GCM Talk requests")

    def __str__(self) -> str:
        return self.title


def export_file_path(instance, filename: str) -> str:
    return f"exports/{instance.pk}/{filename}"


class ExportJob(models.Model):
    """A registrations export too big to answer in the request: a Celery task writes it
    to the private storage, and its owner polls this row's status and progress. The ids
    are taken once, when staff ask, so the changelist's filters run once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="export_jobs",
        verbose_name=_("requested by"),
    )
    format = models.CharField(_("format"), max_length=4, choices=ExportFormat.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    registration_ids = models.JSONField(_("registrations"), default=list)
    total = models.PositiveIntegerField(_("rows"), default=0)
    done = models.PositiveIntegerField(_("rows written"), default=0)
    file = models.FileField(
        _("file"), upload_to=export_file_path, storage=get_private_storage, blank=True
    )
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registrations export")
        verbose_name_plural = _("registrations exports")

    def __str__(self) -> str:
        return f"{self.get_format_display()} #{self.pk}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else min(100, self.done * 100 // self.total)
