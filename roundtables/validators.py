"""Checks shared by forms, model clean() and the admin."""

import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# The PDF check moved to core so that session documents share it; names kept here.
from core.pdf import MAX_PDF_BYTES, PDF_MAGIC, validate_pdf_upload  # noqa: F401
from roundtables.enums import RoleKind

logger = logging.getLogger(__name__)


def validate_role(
    *,
    kind: str,
    has_user: bool,
    name: str,
    affiliation: str,
    country: str,
    member_state_countries: set[str] | None,
    associate_member_countries: set[str] | frozenset[str] = frozenset(),
) -> None:
    """A Member State speaker is a country's representative, named with the country;
    a stakeholder moderator or panelist is a linked account, or a name and affiliation
    (A/RES/73/326 para 21 roundtables: a Member State opens, stakeholders moderate).

    The speaker's country must be a member State of the commission of the review's own
    region (`member_state_countries`; None when there is no roundtable to check against
    yet). An associate member of that commission (Puerto Rico, Hong Kong, China ...)
    is a territory, not a State, so it does not open a roundtable as Member State
    speaker; its people may moderate or sit on the panel."""
    errors = {}
    if kind == RoleKind.MEMBER_STATE_SPEAKER:
        if not country:
            errors["country"] = _("Give the country the Member State speaker represents.")
        elif member_state_countries is not None and country not in member_state_countries:
            if country in associate_member_countries:
                errors["country"] = _(
                    "An associate member of the commission is not a State: a roundtable "
                    "is opened by a member State of the review's region."
                )
            else:
                errors["country"] = _("This country is not a member State of the review's region.")
        if not name.strip():
            errors["name"] = _("Give the name of the Member State speaker.")
    elif not has_user:
        if not name.strip():
            errors["name"] = _("Link a stakeholder account, or give a name and an affiliation.")
        if not affiliation.strip():
            errors["affiliation"] = _(
                "Give the affiliation of a moderator or panelist who has no account."
            )
    if errors:
        raise ValidationError(errors)
