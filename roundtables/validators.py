"""Checks shared by forms, model clean() and the admin."""

import logging
import warnings

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.pdf import TooComplex, active_content
from roundtables.enums import RoleKind

logger = logging.getLogger(__name__)

MAX_PDF_BYTES = 5 * 1024 * 1024
PDF_MAGIC = b"%PDF-"


def validate_pdf_upload(upload) -> None:
    """A PDF of at most 5 MB, recognised by what it contains, not by its name or the
    content type the browser claims: it must start like a PDF and pypdf must be able to
    read its pages. A renamed executable, an empty file or a damaged PDF is refused."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file is empty. Please choose your PDF again."), code="empty")
    if size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is %(size)s MB; the limit is 5 MB. Please upload a smaller PDF.")
            % {"size": f"{size / (1024 * 1024):.1f}"},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    # The PDF standard allows a little garbage before the header; readers look in the
    # first 1024 bytes.
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("This file is not a PDF. Please save your document as PDF and upload that."),
            code="not_pdf",
        )
    _check_pdf_structure(upload)
    upload.seek(0)


def _check_pdf_structure(upload) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(upload, strict=False)
            if reader.is_encrypted:
                raise ValidationError(
                    _(
                        "This PDF is protected by a password. Please upload a copy "
                        "without a password, so that staff can open it."
                    ),
                    code="encrypted",
                )
            pages = len(reader.pages)
            active = active_content(reader)
    except ValidationError:
        raise
    except (
        PyPdfError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        AttributeError,
        OSError,
        RecursionError,
        TooComplex,
    ):
        # pypdf raises many kinds of error on a damaged file; all mean "unreadable".
        logger.info("Refused an unreadable PDF upload", exc_info=True)
        pages, active = 0, set()
    if pages == 0:
        raise ValidationError(
            _("This PDF could not be read: it may be damaged. Please export it again."),
            code="unreadable",
        )
    if active:
        logger.info("Refused a PDF upload with active content: %s", sorted(active))
        raise ValidationError(
            _(
                "This PDF contains active content (scripts, actions that run when it is "
                "opened, or embedded files), which cannot be accepted for safety. Please "
                'print it to a new PDF ("Save as PDF") and upload that.'
            ),
            code="active_content",
        )


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
