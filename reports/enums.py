from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    SUMMARY = "summary", _("Consultation summary report")
    OUTCOME = "outcome", _("Regional Review outcome report")
    INPUTS = "inputs", _("Inputs analysis paper")


class ReportStatus(models.TextChoices):
    QUEUED = "queued", pgettext_lazy("report status", "Queued")
    RENDERING = "rendering", pgettext_lazy("report status", "Rendering")
    READY = "ready", pgettext_lazy("report status", "Ready")
    FAILED = "failed", pgettext_lazy("report status", "Failed")
