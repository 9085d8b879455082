"""CSV and XLSX downloads that spreadsheet programs cannot turn into formulas.

Every export of the project writes through here, so that all follow the same rules:

- Formulas: a text cell that a person typed may start with = + - @ or a tab/carriage
  return ("=HYPERLINK(...)", "+cmd|...", "@SUM(...)"); a spreadsheet program would run it.
  In CSV such a cell gets a leading apostrophe, as OWASP recommends; in XLSX every text
  cell is stored as a string, never as a formula.
- Empty values: None and "" are an empty cell in both formats (nothing in CSV, no value
  in XLSX), never the text "None" nor an empty string cell.
- Numbers stay numbers in XLSX; anything else (dates, lazy translations, countries) is
  written as its text.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Sheet:
    """One table of a workbook: a title, a header row and the rows below it."""

    title: str
    header: Sequence[str]
    rows: Iterable[Sequence]


def cell_value(value) -> bool | int | float | str | None:
    """The one rule for what a cell holds, before either format writes it: None for an
    empty value, numbers and booleans as they are, text for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, bool | int | float):
        return value
    return str(value)


def csv_safe(value) -> str:
    value = cell_value(value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_response(*, filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        writer.writerow([csv_safe(cell) for cell in row])
    # A byte-order mark so that Excel opens UTF-8 (Arabic, Cyrillic, Chinese names) right.
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence], title: str = "Export"
) -> HttpResponse:
    """A workbook of one sheet."""
    return xlsx_workbook_response(filename=filename, sheets=[Sheet(title, header, rows)])


def xlsx_workbook_response(*, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """A workbook of one sheet per table, each with its header row frozen."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in sheets:
        sheet = workbook.create_sheet(str(table.title)[:31])
        for row in [table.header, *table.rows]:
            sheet.append([cell_value(cell) for cell in row])
        for cells in sheet.iter_rows():
            for cell in cells:
                # openpyxl reads a string that starts with "=" as a formula: keep it text.
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
