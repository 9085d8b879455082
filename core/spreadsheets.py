"""CSV and XLSX downloads that spreadsheet programs cannot turn into formulas.

django-import-export's ESCAPE_FORMULAE setting only strips a leading "="; a cell that a
stakeholder typed as "+cmd|..." or "@SUM(...)" would still run. Here every text cell that
starts with = + - @ or a tab/carriage return is neutralised, as OWASP recommends: in CSV
by a leading apostrophe, in XLSX by storing the cell as a string, never as a formula.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(value) -> str:
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
    from openpyxl import Workbook

    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    for row in [header, *rows]:
        sheet.append([_xlsx_value(cell) for cell in row])
    for row in sheet.iter_rows():
        for cell in row:
            if cell.data_type == "f":  # openpyxl reads "=..." as a formula: keep it text
                cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def _xlsx_value(cell):
    if cell is None or isinstance(cell, bool | int | float):
        return cell
    return str(cell)
