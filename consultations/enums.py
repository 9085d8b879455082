from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.transitions import Transitions


class SessionKind(models.TextChoices):
    GLOBAL = "global", _("Global stakeholder consultation")
    PRE_CONSULTATION = "pre-consultation", _("Regional pre-consultation")
    THEMATIC = "thematic", _("Thematic consultation")
    MULTI_STAKEHOLDER = "multi-stakeholder", _("Multi-stakeholder consultation")
    REVIEW_MEETING = "review-meeting", _("Regional Review meeting")
    GCM_TALK = "gcm-talk", _("GCM Talk")


class SessionFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")
    IN_PERSON = "in-person", _("In person")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("session status", "Draft")
    OPEN = "open", pgettext_lazy("session status", "Open for registration")
    CLOSED = "closed", pgettext_lazy("session status", "Registration closed")
    HELD = "held", pgettext_lazy("session status", "Held")
    CANCELLED = "cancelled", pgettext_lazy("session status", "Cancelled")


class Mode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", pgettext_lazy("registration status", "Confirmed")
    WAITLISTED = "waitlisted", pgettext_lazy("registration status", "On the waitlist")
    CANCELLED = "cancelled", pgettext_lazy("registration status", "Cancelled")


# A registration's moves (services.registration_cancel, registration_promote,
# registration_change_mode and the promotion from the waitlist when a seat frees up). A
# mode change keeps a confirmed place, so it is no move. A cancelled registration is
# final; registering again (registration_create) starts a new one in the same row.
REGISTRATION_TRANSITIONS = Transitions(
    {
        RegistrationStatus.CONFIRMED: {RegistrationStatus.CANCELLED},
        RegistrationStatus.WAITLISTED: {RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED},
        RegistrationStatus.CANCELLED: set(),
    }
)


class Attendance(models.TextChoices):
    UNKNOWN = "", _("Not recorded")
    ATTENDED = "attended", _("Attended")
    NO_SHOW = "no-show", _("Did not attend")


class TalkRequestStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("request status", "Pending")
    APPROVED = "approved", pgettext_lazy("request status", "Approved")
    DECLINED = "declined", pgettext_lazy("request status", "Declined")


# Staff decide a pending GCM Talk request once (services.talk_request_approve, _decline).
TALK_REQUEST_TRANSITIONS = Transitions(
    {
        TalkRequestStatus.PENDING: {TalkRequestStatus.APPROVED, TalkRequestStatus.DECLINED},
        TalkRequestStatus.APPROVED: set(),
        TalkRequestStatus.DECLINED: set(),
    }
)


class ExportStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("export status", "Waiting")
    RUNNING = "running", pgettext_lazy("export status", "Being written")
    READY = "ready", pgettext_lazy("export status", "Ready")
    FAILED = "failed", pgettext_lazy("export status", "Failed")


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    XLSX = "xlsx", "Excel (XLSX)"


class DocumentKind(models.TextChoices):
    AGENDA = "agenda", _("Agenda")
    CONCEPT_NOTE = "concept-note", _("Concept note")
    PRESENTATION = "presentation", _("Presentation")
    BACKGROUND = "background", _("Background paper")
    OTHER = "other", _("Other document")


class DocumentVisibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    REGISTRANTS = "registrants", _("Registered participants only")
