from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.transitions import Transitions


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


# Moderation (roundtables.services.inputs). A moderator may reconsider a decision: an
# accepted input may still be rejected (e.g. found abusive once published) or merged into a
# duplicate found later, and a rejected one may be accepted after all. A merged input is
# final: its objectives and the inputs merged into it have moved to the input kept, which
# no later decision could sort out again. Accepting an accepted input changes nothing.
INPUT_TRANSITIONS = Transitions(
    {
        InputStatus.SUBMITTED: {InputStatus.ACCEPTED, InputStatus.REJECTED, InputStatus.MERGED},
        InputStatus.ACCEPTED: {InputStatus.REJECTED, InputStatus.MERGED},
        InputStatus.REJECTED: {InputStatus.ACCEPTED},
        InputStatus.MERGED: set(),
    }
)


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
    UNDER_ASSESSMENT = "under-assessment", pgettext_lazy("application status", "Under assessment")
    SHORTLISTED = "shortlisted", pgettext_lazy("application status", "Shortlisted")
    SELECTED = "selected", pgettext_lazy("application status", "Selected")
    NOT_SELECTED = "not-selected", pgettext_lazy("application status", "Not selected")


# The Rapporteur call (roundtables.services.rapporteur). After the deadline every
# application goes under assessment; staff move it on and off the shortlist, select from
# the shortlist and may undo a selection (a candidate declines) until they confirm the
# selection, which tells every other candidate, whatever their stage, that they are not
# selected. Nothing moves after that.
APPLICATION_TRANSITIONS = Transitions(
    {
        ApplicationStatus.SUBMITTED: {
            ApplicationStatus.UNDER_ASSESSMENT,
            ApplicationStatus.NOT_SELECTED,
        },
        ApplicationStatus.UNDER_ASSESSMENT: {
            ApplicationStatus.SHORTLISTED,
            ApplicationStatus.NOT_SELECTED,
        },
        ApplicationStatus.SHORTLISTED: {
            ApplicationStatus.UNDER_ASSESSMENT,
            ApplicationStatus.SELECTED,
            ApplicationStatus.NOT_SELECTED,
        },
        ApplicationStatus.SELECTED: {ApplicationStatus.SHORTLISTED},
        ApplicationStatus.NOT_SELECTED: set(),
    }
)

# On the shortlist: shortlisted, or selected from it. The status says it; no other column.
ON_SHORTLIST = frozenset({ApplicationStatus.SHORTLISTED, ApplicationStatus.SELECTED})


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
