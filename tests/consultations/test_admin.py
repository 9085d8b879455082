import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.urls import reverse

from consultations.enums import Mode, RegistrationStatus
from consultations.models import AccreditationData, Registration
from tests.consultations.conftest import photo_upload, registration_with_accreditation
from tests.factories import (
    ProfileFactory,
    RegistrationFactory,
    SessionFactory,
    StaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = "admin:consultations_registration_changelist"


@pytest.fixture
def staff_client(client):
    client.force_login(StaffFactory())
    return client


def action(client, name, registrations, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": name, "_selected_action": [r.pk for r in registrations], **extra},
    )


def hostile_registration():
    profile = ProfileFactory(
        user=UserFactory(name='=HYPERLINK("http://evil.example","click")'),
        organisation__name="+cmd|' /C calc'!A0",
    )
    return RegistrationFactory(user=profile.user, accessibility_needs="@SUM(1+1)")


def test_export_csv_neutralises_formulas(staff_client):
    registration = hostile_registration()

    response = action(staff_client, "export_csv", [registration])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    header, row = rows[0], rows[1]
    values = dict(zip(header, row, strict=True))
    assert values["name"] == '\'=HYPERLINK("http://evil.example","click")'
    assert values["organisation"] == "'+cmd|' /C calc'!A0"
    assert values["accessibility_needs"] == "'@SUM(1+1)"
    assert values["email"] == registration.user.email


def test_export_xlsx_stores_formulas_as_text(staff_client):
    registration = hostile_registration()

    response = action(staff_client, "export_xlsx", [registration])

    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    name_cell = sheet.cell(row=2, column=header.index("name") + 1)
    assert name_cell.data_type == "s"
    assert name_cell.value.startswith("=HYPERLINK")


def test_mark_attended_and_no_show_actions(staff_client):
    present, absent = RegistrationFactory(), RegistrationFactory()

    action(staff_client, "mark_attended", [present])
    action(staff_client, "mark_no_show", [absent])

    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.attendance, absent.attendance) == ("attended", "no-show")


def test_promote_from_waitlist_action_respects_capacity(staff_client):
    session = SessionFactory(capacity_in_person=1, requires_accreditation=False)
    RegistrationFactory(session=session, mode=Mode.IN_PERSON)
    waiting = RegistrationFactory(
        session=session, mode=Mode.IN_PERSON, status=RegistrationStatus.WAITLISTED
    )

    response = action(staff_client, "promote_from_waitlist", [waiting])
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.WAITLISTED
    assert response.status_code == 302

    session.capacity_in_person = 2
    session.save()
    action(staff_client, "promote_from_waitlist", [waiting])
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_email_participants_action_needs_one_session(staff_client):
    one, other = RegistrationFactory(), RegistrationFactory()

    mixed = action(staff_client, "email_participants", [one, other])
    single = action(staff_client, "email_participants", [one])

    assert mixed["Location"] == reverse(CHANGELIST)
    assert single["Location"] == reverse("consultations:staff_email", args=[one.session.slug])


ESTIMATE_QUERY = int(connection.vendor == "postgresql")


@pytest.mark.parametrize("rows", [2, 25])
def test_registration_changelist_query_count(staff_client, django_assert_num_queries, rows):
    session = SessionFactory()
    RegistrationFactory.create_batch(rows, session=session)

    # On PostgreSQL the paginator first reads the planner's row estimate (one query)
    # instead of counting the whole table (core/paginators.py).
    with django_assert_num_queries(6 + ESTIMATE_QUERY):
        response = staff_client.get(reverse(CHANGELIST))

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_session_changelist_query_count(staff_client, django_assert_num_queries, rows):
    SessionFactory.create_batch(rows)

    with django_assert_num_queries(8):
        response = staff_client.get(reverse("admin:consultations_session_changelist"))

    assert response.status_code == 200


def test_registration_filters_by_sector_country_and_gender(staff_client):
    wanted = RegistrationFactory(user=ProfileFactory(country="KZ", gender="woman").user)
    RegistrationFactory(user=ProfileFactory(country="FR", gender="man").user)

    html = staff_client.get(reverse(CHANGELIST), {"country": "KZ", "gender": "woman"}).content
    html = html.decode()

    assert wanted.user.email in html
    assert Registration.objects.exclude(pk=wanted.pk).get().user.email not in html


def test_accreditation_is_visible_to_allowed_staff_only(client):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    data = AccreditationData(
        registration=registration,
        id_document_number="P-998877",
        id_document_expiry="2031-01-01",
        nationality="UA",
        date_of_birth="1990-02-02",
    )
    data.photo.save("p.jpg", photo_upload(), save=False)
    data.save()
    url = reverse("admin:consultations_registration_change", args=[registration.pk])
    limited = StaffFactory(is_superuser=False)
    limited.user_permissions.add(
        Permission.objects.get(codename="view_registration"),
        Permission.objects.get(codename="change_registration"),
    )
    client.force_login(limited)
    without = client.get(url).content.decode()
    client.force_login(StaffFactory())
    with_permission = client.get(url).content.decode()

    assert "P-998877" not in without
    assert "P-998877" in with_permission


def test_session_admin_refuses_capacity_below_confirmed(staff_client):
    session = SessionFactory(capacity_in_person=3, requires_accreditation=False)
    RegistrationFactory.create_batch(2, session=session, mode=Mode.IN_PERSON)
    url = reverse("admin:consultations_session_change", args=[session.pk])

    response = staff_client.post(url, {**_session_post(session), "capacity_in_person": "1"})

    assert response.status_code == 200
    assert "2 people are already confirmed; the capacity cannot be lower." in (
        response.content.decode()
    )
    session.refresh_from_db()
    assert session.capacity_in_person == 3


def _session_post(session) -> dict:
    from django.utils import timezone

    local = timezone.localtime
    data = {
        "review": session.review_id,
        "slug": session.slug,
        "kind": session.kind,
        "format": session.format,
        "status": session.status,
        "title_en": session.title,
        "starts_at_0": local(session.starts_at).strftime("%Y-%m-%d"),
        "starts_at_1": local(session.starts_at).strftime("%H:%M:%S"),
        "ends_at_0": local(session.ends_at).strftime("%Y-%m-%d"),
        "ends_at_1": local(session.ends_at).strftime("%H:%M:%S"),
        "time_zone": session.time_zone,
        "capacity_in_person": session.capacity_in_person,
    }
    for prefix in ("speakers", "links", "contacts", "footnotes"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_session_admin_end_before_start_is_refused(staff_client):
    session = SessionFactory()
    data = _session_post(session)
    data["ends_at_0"] = data["starts_at_0"]
    data["ends_at_1"] = "00:00:01"
    data["starts_at_1"] = "10:00:00"

    response = staff_client.post(
        reverse("admin:consultations_session_change", args=[session.pk]), data
    )

    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()


def test_review_admin_shows_roadmap_warnings(staff_client):
    from django.core.management import call_command

    from consultations.models import RegionalReview

    call_command("load_demo", verbosity=0)
    review = RegionalReview.objects.get(slug="unece-2024")

    html = staff_client.get(
        reverse("admin:consultations_regionalreview_change", args=[review.pk])
    ).content.decode()

    assert "at least one day before the Regional Review meeting" in html


def test_admin_links_the_id_photo_to_the_permission_checked_view(client):
    registration = registration_with_accreditation()
    client.force_login(StaffFactory())
    url = reverse("admin:consultations_registration_change", args=[registration.pk])
    photo_url = reverse("consultations:staff_photo", kwargs={"pk": registration.pk})

    html = client.get(url).content.decode()
    photo = client.get(photo_url)

    assert f'href="{photo_url}"' in html
    assert "/media/" not in html
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/jpeg"
    assert photo["Cache-Control"] == "private, no-store"
    assert b"".join(photo.streaming_content)[:3] == b"\xff\xd8\xff"


@pytest.mark.parametrize("who", ["anonymous", "stakeholder", "staff without permission"])
def test_id_photo_is_refused_to_anyone_without_permission(client, who):
    registration = registration_with_accreditation()
    if who == "stakeholder":
        client.force_login(registration.user)
    elif who == "staff without permission":
        client.force_login(StaffFactory(is_superuser=False))

    response = client.get(reverse("consultations:staff_photo", kwargs={"pk": registration.pk}))

    # Anonymous people are sent to sign in, stakeholders see 404, staff without the
    # role 403 (core/permissions.py).
    expected = {"anonymous": 302, "stakeholder": 404, "staff without permission": 403}
    assert response.status_code == expected[who]
