from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class RoleKind(models.TextChoices):
    MEMBER_STATE_SPEAKER = "member-state", _("Member State speaker")
    MODERATOR = "moderator", _("Moderator")
    PANELIST = "panelist", _("Panelist")


class InputType(models.TextChoices):
    CONTENT = "content", _("Content")
    PROCESS = "process", _("Process and outcomes")


class InputStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("input status", "Submitted")
    ACCEPTED = "accepted", pgettext_lazy("input status", "Accepted")
    REJECTED = "rejected", pgettext_lazy("input status", "Rejected")
    MERGED = "merged", pgettext_lazy("input status", "Merged into another input")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    UNDER_REVIEW = "under-review", pgettext_lazy("application status", "Under review")
    SHORTLISTED = "shortlisted", pgettext_lazy("application status", "Shortlisted")
    SELECTED = "selected", pgettext_lazy("application status", "Selected")
    NOT_SELECTED = "not-selected", pgettext_lazy("application status", "Not selected")


class LivedExperience(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = "prefer-not", _("Prefer not to say")
