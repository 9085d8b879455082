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
    UNDER_ASSESSMENT = "under-assessment", pgettext_lazy("application status", "Under assessment")
    SHORTLISTED = "shortlisted", pgettext_lazy("application status", "Shortlisted")
    SELECTED = "selected", pgettext_lazy("application status", "Selected")
    NOT_SELECTED = "not-selected", pgettext_lazy("application status", "Not selected")


class LivedExperience(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = "prefer-not", _("Prefer not to say")


class Attribution(models.TextChoices):
    """How a published input names who it comes from."""

    ORGANISATION = "organisation", _("My organisation")
    PERSON = "person", _("My name")
    ANONYMOUS = "anonymous", _("Anonymously (sector and country only)")


class MigrantVoice(models.TextChoices):
    """A balance figure: migrant voices are encouraged to apply for the Rapporteur."""

    YES = "yes", _("Migrant voice")
    NO = "no", _("No lived experience of migration stated")
    NOT_STATED = "not-stated", _("Not stated")


class InputDecision(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    REJECT = "reject", _("Reject")
    MERGE = "merge", _("Merge into another input")
