"""Reading a contact list: a CSV or XLSX file becomes rows checked one by one by
`ContactRowForm`. Nothing here writes; `services.contact_import_apply` does, all rows or
none."""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from core.errors import DomainError
from gcm.models import Sector
from outreach.forms import ContactRowForm
from outreach.validators import MAX_IMPORT_ROWS

COLUMNS = (
    "email",
    "name",
    "organisation",
    "sector",
    "country",
    "language",
    "consent",
    "migrant_led",
    "diaspora",
)


@dataclass
class RowError:
    number: int  # the row's number in the spreadsheet, the header being row 1
    messages: list[str]


@dataclass
class ImportCheck:
    rows: list[dict] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _header_key(text) -> str:
    return str(text or "").strip().lower().replace(" ", "_").replace("-", "_")


def read_table(upload) -> list[list[str]]:
    """The cells of the file's first sheet as text. A file that cannot be read is a
    DomainError with a message for the person who uploaded it."""
    name = (upload.name or "").lower()
    content = upload.read()
    if name.endswith(".xlsx"):
        return _read_xlsx(content)
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DomainError(
            _("The CSV file is not UTF-8 text: save it as “CSV UTF-8” and upload it again."),
            code="encoding",
            field="file",
        ) from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        return [row for row in csv.reader(io.StringIO(text), dialect) if any(row)]
    except csv.Error as exc:
        raise DomainError(
            _("The CSV file could not be read: %(error)s") % {"error": str(exc)[:200]},
            code="malformed",
            field="file",
        ) from None


def _read_xlsx(content: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise DomainError(
            _("The XLSX file could not be read: it is damaged or not a workbook."),
            code="malformed",
            field="file",
        ) from None
    sheet = workbook.worksheets[0]
    rows = []
    for values in sheet.iter_rows(values_only=True):
        cells = ["" if value is None else str(value) for value in values]
        if any(cell.strip() for cell in cells):
            rows.append(cells)
        if len(rows) > MAX_IMPORT_ROWS + 1:
            break
    workbook.close()
    return rows


def _sector_lookup() -> dict[str, int]:
    lookup = {}
    for sector in Sector.objects.all():
        lookup[sector.code.casefold()] = sector.pk
        lookup[sector.name.casefold()] = sector.pk
    return lookup


def check_table(table: list[list[str]]) -> ImportCheck:
    """Check every row; a duplicate address within the file is an error of its second
    row, so that the person sees which ones to reconcile."""
    if not table:
        raise DomainError(_("The file is empty."), code="empty", field="file")
    header = [_header_key(cell) for cell in table[0]]
    if "email" not in header:
        raise DomainError(
            _("The first row must name the columns, one of them “email”."),
            code="no_header",
            field="file",
        )
    body = table[1:]
    if not body:
        raise DomainError(_("The file has no contacts below its header."), field="file")
    if len(body) > MAX_IMPORT_ROWS:
        raise DomainError(
            _("The file has more than %(max)s rows: split it.") % {"max": MAX_IMPORT_ROWS},
            code="too_many",
            field="file",
        )
    sectors = _sector_lookup()
    check = ImportCheck()
    seen: dict[str, int] = {}
    for offset, cells in enumerate(body):
        number = offset + 2
        data = {
            key: (cells[index].strip() if index < len(cells) else "")
            for index, key in enumerate(header)
            if key in COLUMNS
        }
        form = ContactRowForm(data, sectors=sectors)
        if not form.is_valid():
            check.errors.append(RowError(number, _row_messages(form)))
            continue
        row = form.cleaned_data
        if row["email"] in seen:
            check.errors.append(
                RowError(
                    number,
                    [
                        _("The address %(email)s is already on row %(row)s.")
                        % {"email": row["email"], "row": seen[row["email"]]}
                    ],
                )
            )
            continue
        seen[row["email"]] = number
        check.rows.append(row)
    return check


def _row_messages(form) -> list[str]:
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        for error in errors:
            messages.append(f"{label}: {error}" if label else str(error))
    return messages
