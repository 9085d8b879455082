"""The staff roles of the secretariat, in one place.

A role is a Django group (created by the data migration `core/migrations/0002_staff_roles.py`)
that a secretariat lead gives to staff accounts in the admin. The group carries the model
permissions the role needs in the admin; what a role may do on the staff pages, in admin
actions and in the staff API are named permissions, the rules of `<app>/rules.py`, built on
`has_role` below. A role is held only by an active staff account: staff pass the second
factor (stakeholders/mfa.py), so membership of a group alone opens nothing to a stakeholder.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Role:
    slug: str
    # The group's name in the database (English, never translated: it is the key).
    group: str
    label: str
    description: str
    # "app_label.codename" of the model permissions the role needs in the admin.
    model_permissions: tuple[str, ...]


def _crud(app_label: str, *models: str, actions=("view", "add", "change", "delete")):
    return tuple(f"{app_label}.{action}_{model}" for model in models for action in actions)


SECRETARIAT_LEAD = Role(
    slug="secretariat_lead",
    group="Secretariat lead",
    label=_("Secretariat lead"),
    description=_(
        "Everything on the staff pages: sessions, GCM Talks, inputs, the selection of the "
        "Rapporteur, reports and the audit trail."
    ),
    model_permissions=(
        *_crud(
            "consultations",
            "regionalreview",
            "session",
            "registration",
            "speaker",
            "sessionlink",
            "sessioncontact",
            "footnote",
            "gcmtalkrequest",
            "accreditationdata",
        ),
        *_crud(
            "roundtables",
            "roundtable",
            "roundtablerole",
            "stakeholderinput",
            "keymessage",
            "rapporteurcall",
            "criterion",
            "application",
        ),
        "roundtables.view_applicationstatuschange",
        *_crud("reports", "report", "reviewreporttext"),
        "audit.view_auditevent",
        "outbox.view_outgoingmail",
        "stakeholders.view_user",
        "stakeholders.view_profile",
        "stakeholders.view_organisation",
    ),
)
SESSION_MANAGER = Role(
    slug="session_manager",
    group="Session manager",
    label=_("Session manager"),
    description=_(
        "Plans sessions, checks people in, sees the counts, emails participants and "
        "decides on GCM Talks."
    ),
    model_permissions=(
        *_crud(
            "consultations",
            "regionalreview",
            "session",
            "speaker",
            "sessionlink",
            "sessioncontact",
            "footnote",
            "gcmtalkrequest",
        ),
        *_crud("consultations", "registration", actions=("view", "change")),
        "consultations.view_accreditationdata",
    ),
)
INPUTS_MODERATOR = Role(
    slug="inputs_moderator",
    group="Inputs moderator",
    label=_("Inputs moderator"),
    description=_("Moderates stakeholder inputs and reads their analysis."),
    model_permissions=_crud("roundtables", "stakeholderinput", actions=("view", "change")),
)
RAPPORTEUR_ASSESSOR = Role(
    slug="rapporteur_assessor",
    group="Rapporteur call assessor",
    label=_("Rapporteur call assessor"),
    description=_("Scores the applications of the Rapporteur calls they are named on."),
    model_permissions=(),
)
REPORT_EDITOR = Role(
    slug="report_editor",
    group="Report editor",
    label=_("Report editor"),
    description=_("Writes the report texts, renders reports and publishes them."),
    model_permissions=(
        *_crud("reports", "report", actions=("view", "change")),
        *_crud("reports", "reviewreporttext", actions=("view", "add", "change")),
        # The "render" actions sit on the session and review lists.
        "consultations.view_session",
        "consultations.view_regionalreview",
    ),
)

ROLES: tuple[Role, ...] = (
    SECRETARIAT_LEAD,
    SESSION_MANAGER,
    INPUTS_MODERATOR,
    RAPPORTEUR_ASSESSOR,
    REPORT_EDITOR,
)
