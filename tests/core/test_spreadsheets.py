import csv
import io

from openpyxl import load_workbook

from core.spreadsheets import Sheet, csv_response, xlsx_response, xlsx_workbook_response

HEADER = ["text", "none", "blank", "zero", "flag", "formula"]
ROW = ["Amina", None, "", 0, True, "@SUM(1+1)"]


def test_csv_response_writes_empty_values_as_empty_cells_and_escapes_formulas():
    response = csv_response(filename="people", header=HEADER, rows=[ROW])

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [HEADER, ["Amina", "", "", "0", "True", "'@SUM(1+1)"]]
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'


def test_xlsx_response_writes_empty_values_as_empty_cells_and_text_never_formulas():
    response = xlsx_response(filename="people", header=HEADER, rows=[ROW], title="People")

    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = sheet[2]
    assert [cell.value for cell in cells] == ["Amina", None, None, 0, True, "@SUM(1+1)"]
    assert (sheet.title, cells[5].data_type, sheet.freeze_panes) == ("People", "s", "A2")
    assert response["Content-Disposition"] == 'attachment; filename="people.xlsx"'


def test_xlsx_workbook_response_writes_one_sheet_per_table_in_order():
    response = xlsx_workbook_response(
        filename="book",
        sheets=[
            Sheet("First", ["a"], [["=1+1"]]),
            Sheet("A title longer than thirty-one characters", ["b"], [[2.5]]),
        ],
    )

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["First", "A title longer than thirty-one "]
    first = workbook["First"]["A2"]
    assert (first.value, first.data_type) == ("=1+1", "s")
    assert workbook.worksheets[1]["A2"].value == 2.5
