from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.transitions import Transitions


class ReportKind(models.TextChoices):
    SUMMARY = "summary", _("Consultation summary report")
    OUTCOME = "outcome", _("Regional Review outcome report")
    INPUTS = "inputs", _("Inputs analysis paper")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("report status", "Queued")
    RENDERING = "rendering", pgettext_lazy("report status", "Rendering")
    READY = "ready", pgettext_lazy("report status", "Ready")
    FAILED = "failed", pgettext_lazy("report status", "Failed")


class ReportFailure(models.TextChoices):
    """Failures staff are told about in their own language (Report.error_message); the
    technical detail stays in Report.error."""

    STORAGE = "storage", _("the file storage failed")


# How a report's status may move. A worker takes a queued report; its attempt ends ready
# or failed, or the report goes back to the queue for another attempt (a transient error,
# or the watchdog finding that its worker died). Ready and failed are final: rendering
# again makes a new version, a new row.
REPORT_TRANSITIONS = Transitions(
    {
        ReportStatus.QUEUED: [ReportStatus.RENDERING],
        ReportStatus.RENDERING: [ReportStatus.READY, ReportStatus.FAILED, ReportStatus.QUEUED],
        ReportStatus.READY: [],
        ReportStatus.FAILED: [],
    }
)
# Statuses nothing moves a report out of; the others are "in flight".
REPORT_FINAL = frozenset(
    status.value for status in ReportStatus if not REPORT_TRANSITIONS.targets(status)
)
