import datetime as dt
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from consultations.services import Accreditation

PHOTO = (Path(__file__).resolve().parents[1] / "fixtures" / "photo.jpg").read_bytes()


def photo_upload(name="photo.jpg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PHOTO, content_type="image/jpeg")


@pytest.fixture
def accreditation() -> Accreditation:
    return Accreditation(
        id_document_number="X1234567",
        id_document_expiry=dt.date(2035, 1, 1),
        nationality="KE",
        date_of_birth=dt.date(1985, 5, 17),
        photo=photo_upload(),
    )
