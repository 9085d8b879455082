import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import StaffFactory

HEADER = "email,name,organisation,sector,country,language,consent,migrant_led,diaspora\n"


def csv_upload(lines: list[str], *, name="contacts.csv", header=HEADER) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (header + "\n".join(lines) + "\n").encode(), "text/csv")


def xlsx_upload(rows: list[list], *, name="contacts.xlsx") -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/octet-stream")


@pytest.fixture
def staff(db):
    return StaffFactory()


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
