from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000
XLSX_MAGIC = b"PK\x03\x04"


def validate_contact_file(upload) -> None:
    """A contact list is a CSV or an XLSX file (checked by its content, not only its
    name) of at most 5 MB."""
    name = (upload.name or "").lower()
    if upload.size > MAX_IMPORT_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."), code="too_big")
    start = upload.read(4)
    upload.seek(0)
    if name.endswith(".xlsx"):
        if start != XLSX_MAGIC:
            raise ValidationError(
                _("This file is not an XLSX workbook, whatever its name says."), code="not_xlsx"
            )
    elif name.endswith(".csv"):
        if start.startswith(XLSX_MAGIC) or b"\x00" in start:
            raise ValidationError(
                _("This file is not a CSV text file, whatever its name says."), code="not_csv"
            )
    else:
        raise ValidationError(_("Upload a .csv or .xlsx file."), code="extension")


def validate_campaign_session(*, review, session, field: str | None = None) -> None:
    if review is not None and session is not None and session.review_id != review.pk:
        raise ValidationError(
            {field: _("This session belongs to another Regional Review.")}
            if field
            else _("This session belongs to another Regional Review."),
            code="other_review",
        )
