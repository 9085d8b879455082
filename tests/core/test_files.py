"""Private files have no URL; photos are stored re-encoded, without EXIF or GPS data."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from core.errors import DomainError
from core.files import storage_write
from core.images import reencode_jpeg
from core.storage import PrivateFileURLError, private_storage


def _photo_with_gps() -> io.BytesIO:
    image = Image.new("RGB", (3000, 2000), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {1: "N", 2: (46.0, 13.0, 30.0), 3: "E", 4: (6.0, 8.0, 40.0)}  # GPS
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif)
    buffer.seek(0)
    return buffer


def test_private_storage_has_no_url_for_any_file():
    name = private_storage.save("cv/secret.pdf", ContentFile(b"%PDF-1.4"))

    with pytest.raises(PrivateFileURLError):
        private_storage.url(name)


def test_reencode_jpeg_drops_exif_and_gps():
    original = _photo_with_gps()
    assert Image.open(original).getexif()  # the fixture carries EXIF with GPS
    original.seek(0)

    stored = reencode_jpeg(original)

    image = Image.open(io.BytesIO(stored.read()))
    assert dict(image.getexif()) == {}
    assert "exif" not in image.info
    assert image.format == "JPEG"


def test_reencode_jpeg_caps_the_size_and_keeps_the_aspect():
    stored = reencode_jpeg(_photo_with_gps())

    assert Image.open(io.BytesIO(stored.read())).size == (1600, 1067)


@pytest.mark.parametrize(
    "error",
    [
        OSError(28, "No space left on device"),
        PermissionError(13, "Permission denied"),
        ConnectionError("object store unreachable"),
    ],
)
def test_storage_write_turns_a_storage_error_into_a_domain_error(error):
    with pytest.raises(DomainError) as raised, storage_write(field="cv"):
        raise error

    assert (raised.value.code, raised.value.field) == ("storage", "cv")
    assert raised.value.__cause__ is error


def test_storage_write_turns_an_object_store_error_into_a_domain_error():
    from botocore.exceptions import ClientError, EndpointConnectionError

    errors = [
        EndpointConnectionError(endpoint_url="https://s3.example.org"),
        ClientError({"Error": {"Code": "SlowDown", "Message": "Slow down"}}, "PutObject"),
    ]
    for error in errors:
        with pytest.raises(DomainError) as raised, storage_write():
            raise error
        assert raised.value.code == "storage"


def test_storage_write_lets_other_errors_through():
    with pytest.raises(ValueError, match="a bug"), storage_write():
        raise ValueError("a bug")
