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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import IO

from django.http import HttpResponse, StreamingHttpResponse

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


class _Line:
    """A file-like object whose write() hands back what it was given: csv.writer then
    formats one row at a time, never the whole file in memory."""

    def write(self, value: str) -> str:
        return value


def csv_lines(*, header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """The CSV text row by row, formula-safe, starting with a byte-order mark so that
    Excel opens UTF-8 (Arabic, Cyrillic, Chinese names) right."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([csv_safe(cell) for cell in header])
    for row in rows:
        yield writer.writerow([csv_safe(cell) for cell in row])


def csv_streaming_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence]
) -> StreamingHttpResponse:
    """A CSV download sent as it is written: memory stays flat whatever the row count."""
    response = StreamingHttpResponse(
        (line.encode("utf-8") for line in csv_lines(header=header, rows=rows)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def csv_write(*, file: IO[bytes], header: Sequence[str], rows: Iterable[Sequence]) -> None:
    for line in csv_lines(header=header, rows=rows):
        file.write(line.encode("utf-8"))


def xlsx_write(*, file: IO[bytes], sheets: Sequence[Sheet]) -> None:
    """Write a workbook of one sheet per table in openpyxl's write-only mode: rows go to
    a temporary file as they come, so memory stays flat whatever the row count."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import TYPE_STRING

    workbook = Workbook(write_only=True)
    for table in sheets:
        sheet = workbook.create_sheet(str(table.title)[:31])
        sheet.freeze_panes = "A2"
        for row in chain([table.header], table.rows):
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=cell_value(value))
                # openpyxl reads a string that starts with "=" as a formula: keep it text.
                if isinstance(cell.value, str):
                    cell.data_type = TYPE_STRING
                cells.append(cell)
            sheet.append(cells)
    workbook.save(file)


def xlsx_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence], title: str = "Export"
) -> HttpResponse:
    """A workbook of one sheet."""
    return xlsx_workbook_response(filename=filename, sheets=[Sheet(title, header, rows)])


def xlsx_workbook_response(*, filename: str, sheets: Sequence[Sheet]) -> HttpResponse:
    """A workbook of one sheet per table, each with its header row frozen."""
    buffer = io.BytesIO()
    xlsx_write(file=buffer, sheets=sheets)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response
