"""Named permissions of the roundtables staff pages and admin actions, and of the files
people upload (see core/permissions.py for how they are asked and what a refusal
answers)."""

import rules

from core.permissions import has_any_role, has_role, is_staff_account
from core.roles import INPUTS_MODERATOR, RAPPORTEUR_ASSESSOR, REPORT_EDITOR, SECRETARIAT_LEAD

is_lead = has_role(SECRETARIAT_LEAD)
moderates = is_lead | has_role(INPUTS_MODERATOR)


@rules.predicate
def is_named_assessor(user, call) -> bool:
    """Named on this call's assessors (asked without a call: holds the assessor role).
    Personal: a superuser who is not named does not score."""
    if not is_staff_account(user):
        return False
    if call is None:
        return user.is_superuser or has_role(RAPPORTEUR_ASSESSOR)(user)
    # Reads a prefetched assessors list when the caller loaded one.
    return any(assessor.pk == user.pk for assessor in call.assessors.all())


@rules.predicate
def is_author(user, obj) -> bool:
    owner_id = getattr(obj, "user_id", None) or getattr(obj, "author_id", None)
    return bool(user.is_authenticated and owner_id is not None and owner_id == user.pk)


@rules.predicate
def assesses_without_recusal(user, application) -> bool:
    if application is None or not is_named_assessor(user, application.call):
        return False
    return not application.recusals.filter(assessor=user).exists()


@rules.predicate
def is_published(user, stakeholder_input) -> bool:
    return stakeholder_input is not None and stakeholder_input.is_published


# The staff start page of roundtables: anyone holding a role.
rules.add_perm("roundtables.view_staff_home", has_any_role)
# Accept, reject, merge stakeholder inputs (page and admin action).
rules.add_perm("roundtables.moderate_inputs", moderates)
# The analysis of inputs by objective, sector and country.
rules.add_perm("roundtables.analyse_inputs", moderates | has_role(REPORT_EDITOR))
# Score the applications of a call (object: the call).
rules.add_perm("roundtables.assess_applications", is_named_assessor)
# Start the assessment, shortlist, select, confirm and export, for every call.
rules.add_perm("roundtables.select_call", is_lead)
# A candidate's CV (object: the application).
rules.add_perm("roundtables.view_cv", is_author | is_lead | assesses_without_recusal)
# An input's attachment (object: the input).
rules.add_perm(
    "roundtables.view_attachment", is_published | is_author | moderates | has_role(REPORT_EDITOR)
)
