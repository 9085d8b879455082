"""Registration exports: streamed up to EXPORT_SYNC_MAX_ROWS, a private file written by a
task above it, downloadable by the staff member who asked for it only."""

import csv
import io

import openpyxl
import pytest
from django.urls import reverse

from consultations.enums import ExportStatus
from consultations.models import ExportJob
from tests.consultations.test_admin import action, hostile_registration
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = StaffFactory(is_superuser=True)
    client.force_login(user)
    return user


def _csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_export_is_streamed_in_session_order(client, staff):
    session = SessionFactory()
    registrations = RegistrationFactory.create_batch(3, session=session)

    response = action(client, "export_csv", registrations)

    assert response.streaming is True
    rows = _csv(b"".join(response.streaming_content))
    assert [row[2] for row in rows[1:]] == [r.user.email for r in registrations]
    assert rows[1][0] == session.title


def test_csv_export_runs_the_filters_once(client, staff, django_assert_max_num_queries):
    registrations = RegistrationFactory.create_batch(3, session=SessionFactory())

    response = action(client, "export_csv", registrations)
    with django_assert_max_num_queries(3):
        # The rows by primary key, the sectors and the one session's title.
        b"".join(response.streaming_content)


def test_streamed_csv_neutralises_formulas(client, staff):
    registration = hostile_registration()

    response = action(client, "export_csv", [registration])

    header, row = _csv(b"".join(response.streaming_content))
    values = dict(zip(header, row, strict=True))
    assert values["accessibility_needs"] == "'@SUM(1+1)"
    assert values["organisation"] == "'+cmd|' /C calc'!A0"


def test_export_above_the_limit_runs_as_a_task(
    client, staff, settings, django_capture_on_commit_callbacks
):
    settings.EXPORT_SYNC_MAX_ROWS = 1
    registrations = [hostile_registration(), RegistrationFactory()]

    with django_capture_on_commit_callbacks(execute=True):
        response = action(client, "export_xlsx", registrations)

    job = ExportJob.objects.get()
    assert response["Location"] == reverse("consultations:staff_export", args=[job.pk])
    assert (job.status, job.total, job.done, job.registration_ids) == ("ready", 2, 2, [])
    download = client.get(reverse("consultations:staff_export_download", args=[job.pk]))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content))).active
    assert sheet.max_row == 3
    assert sheet.cell(row=2, column=2).data_type == "s"
    assert sheet.cell(row=2, column=2).value.startswith("=HYPERLINK")


def test_export_task_is_safe_to_run_twice(staff):
    from consultations.exports import export_job_run

    registration = RegistrationFactory()
    job = ExportJob.objects.create(
        user=staff, format="csv", registration_ids=[registration.pk], total=1
    )

    first = export_job_run(job_id=job.pk)
    second = export_job_run(job_id=job.pk)
    missing = export_job_run(job_id=job.pk + 1000)

    assert (first, second, missing) == (True, False, False)


def test_export_page_refreshes_while_the_job_is_waiting(client, staff):
    job = ExportJob.objects.create(user=staff, format="csv", total=10, done=5)

    response = client.get(reverse("consultations:staff_export", args=[job.pk]))

    html = response.content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert 'value="50"' in html


@pytest.mark.parametrize(
    "route", ["consultations:staff_export", "consultations:staff_export_download"]
)
def test_another_staff_members_export_is_not_found(client, route):
    owner = StaffFactory()
    job = ExportJob.objects.create(user=owner, format="csv", status=ExportStatus.READY)
    client.force_login(StaffFactory(is_superuser=True))

    response = client.get(reverse(route, args=[job.pk]))

    assert response.status_code == 404


def test_exports_are_purged_with_their_files_after_the_retention_period(
    staff, settings, django_capture_on_commit_callbacks
):
    import datetime as dt

    from django.utils import timezone

    from consultations.exports import export_job_run
    from stakeholders.services import personal_data_purge

    settings.EXPORT_RETENTION_DAYS = 7
    registration = RegistrationFactory()
    old, recent = (
        ExportJob.objects.create(
            user=staff, format="csv", registration_ids=[registration.pk], total=1
        )
        for _ in range(2)
    )
    for job in (old, recent):
        export_job_run(job_id=job.pk)
    old.refresh_from_db()
    storage, name = old.file.storage, old.file.name
    assert storage.exists(name)
    ExportJob.objects.filter(pk=old.pk).update(created_at=timezone.now() - dt.timedelta(days=8))

    with django_capture_on_commit_callbacks(execute=True):
        first = personal_data_purge(only=["registration-exports"])
        second = personal_data_purge(only=["registration-exports"])

    assert (first, second) == ({"registration-exports": 1}, {"registration-exports": 0})
    assert list(ExportJob.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not storage.exists(name)
