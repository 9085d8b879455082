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


def registration_with_accreditation(**kwargs):
    """An in-person registration with its ID data and photo, as staff would find it."""
    from consultations.enums import Mode
    from consultations.models import AccreditationData
    from tests.factories import RegistrationFactory

    registration = RegistrationFactory(mode=Mode.IN_PERSON, **kwargs)
    data = AccreditationData(
        registration=registration,
        id_document_number="P-998877",
        id_document_expiry="2031-01-01",
        nationality="UA",
        date_of_birth="1990-02-02",
    )
    data.photo.save("p.jpg", photo_upload(), save=False)
    data.save()
    return registration
