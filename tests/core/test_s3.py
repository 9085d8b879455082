"""Private files in an S3-compatible object store: a CV is stored and served through the
S3 backend against a local S3 server (moto's server mode), privately, with no URL."""

import socket

import boto3
import pytest
from django.urls import reverse

from core.storage import PrivateFileURLError, private_storage
from roundtables.models import Application
from tests.factories import stakeholder
from tests.factories.roundtables import CallFactory, pdf_bytes, pdf_upload
from tests.roundtables.test_applications import form_data

pytestmark = pytest.mark.django_db

BUCKET = "gcm-test"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing", "region_name": "us-east-1"}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    yield endpoint, client
    server.stop()


@pytest.fixture
def s3(settings, s3_endpoint):
    endpoint, client = s3_endpoint
    options = {**CREDENTIALS, "bucket_name": BUCKET, "endpoint_url": endpoint}
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**options, "location": "media"},
        },
        "private": {
            "BACKEND": "core.storage_s3.PrivateS3Storage",
            "OPTIONS": {**options, "location": "private", "default_acl": "private"},
        },
    }
    return client


def test_s3_cv_is_stored_in_the_object_store_and_served_to_its_author(client, s3, tmp_path):
    call = CallFactory()
    user = stakeholder()
    client.force_login(user)
    content = pdf_bytes(pages=2, text="Amina's CV")

    response = client.post(
        reverse("roundtables:apply", kwargs={"slug": call.slug}),
        {**form_data(), "cv": pdf_upload("Amina CV.pdf", content)},
    )

    assert response.status_code == 302
    application = Application.objects.get()
    key = f"private/{application.cv.name}"
    stored = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()
    assert stored == content
    assert not (tmp_path / "private").exists()  # nothing on the web machine's disk
    grants = s3.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]  # owner only

    download = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert download.status_code == 200
    assert b"".join(download.streaming_content) == content


def test_s3_cv_is_not_found_for_another_stakeholder(client, s3):
    call = CallFactory()
    client.force_login(stakeholder())
    client.post(
        reverse("roundtables:apply", kwargs={"slug": call.slug}),
        {**form_data(), "cv": pdf_upload()},
    )
    application = Application.objects.get()
    client.force_login(stakeholder())

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_s3_private_files_have_no_url(s3):
    from django.core.files.base import ContentFile

    name = private_storage.save("cv/secret.pdf", ContentFile(b"%PDF-1.4"))

    with pytest.raises(PrivateFileURLError):
        private_storage.url(name)
    assert s3.head_object(Bucket=BUCKET, Key=f"private/{name}")["ContentLength"] == 8


@pytest.fixture
def s3_down(settings):
    """The object store is unreachable: nothing listens on its port."""
    from botocore.config import Config

    options = {
        **CREDENTIALS,
        "bucket_name": BUCKET,
        "endpoint_url": f"http://127.0.0.1:{_free_port()}",
        "client_config": Config(connect_timeout=1, retries={"max_attempts": 1}),
    }
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.storage_s3.PrivateS3Storage",
            "OPTIONS": {**options, "location": "private", "default_acl": "private"},
        },
    }


def test_s3_down_apply_keeps_the_typed_text_with_a_message(client, s3_down):
    call, candidate = CallFactory(), stakeholder()
    client.force_login(candidate)
    data = form_data(motivation="Carry the voices of seasonal workers.", cv=pdf_upload("cv.pdf"))

    response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your file could not be stored just now because of a technical problem" in page
    assert "Carry the voices of seasonal workers." in page
    assert Application.objects.count() == 0


def test_s3_down_report_fails_at_once_with_the_reason(s3_down):
    from reports import tasks
    from reports.enums import ReportStatus
    from tests.factories.reports import ReportFactory

    report = ReportFactory()

    tasks.render_report(report_id=report.pk)

    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.failure == "storage"
    assert report.error.startswith("EndpointConnectionError: ")
