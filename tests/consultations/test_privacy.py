"""A registration outlives its participant's account as anonymous figures: every count the
staff counts page and the reports print stays exactly as it was, session by session."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from consultations import services
from consultations.enums import Attendance, Mode, RegistrationStatus, SessionStatus
from consultations.models import AccreditationData, Registration
from consultations.selectors import (
    attendance_by_country,
    attendance_by_mode,
    attendance_by_sector,
    attendance_totals,
    check_in_list,
    participation_by_session,
    registrations_by_mode_status,
    session_counts,
)
from gcm.models import Sector
from stakeholders import services as account_services
from stakeholders.models import Profile
from tests.consultations.conftest import photo_upload
from tests.factories import (
    OrganisationFactory,
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    StaffFactory,
    UserFactory,
    stakeholder,
)

pytestmark = pytest.mark.django_db


def _held(review, *, days_ago):
    starts = timezone.now() - dt.timedelta(days=days_ago)
    return SessionFactory(
        review=review,
        status=SessionStatus.HELD,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        registration_opens_at=None,
        registration_closes_at=None,
    )


def _figures(sessions) -> dict:
    """Every figure the staff counts page (session_counts) and the summary and outcome
    reports (consultations.selectors) print, per session and over the review."""
    ids = [session.pk for session in sessions]
    per_session = {
        session.pk: {
            "counts": session_counts(session=session),
            "by_mode_status": registrations_by_mode_status(session=session),
            "sector": attendance_by_sector(session_ids=[session.pk]),
            "country": attendance_by_country(session_ids=[session.pk]),
            "totals": attendance_totals(session_ids=[session.pk]),
            "mode": attendance_by_mode(session_ids=[session.pk]),
        }
        for session in sessions
    }
    return {
        "sessions": per_session,
        "participation": participation_by_session(session_ids=ids),
        "totals": attendance_totals(session_ids=ids),
        "sector": attendance_by_sector(session_ids=ids),
        "country": attendance_by_country(session_ids=ids),
        "mode": attendance_by_mode(session_ids=ids),
    }


@pytest.fixture
def review_with_attendance():
    """Two held sessions; people of several sectors and countries, with and without an
    organisation, one without a profile, one shared organisation, a no-show, a
    cancellation, someone who came to both sessions."""
    review = ReviewFactory()
    first, second = _held(review, days_ago=40), _held(review, days_ago=20)
    academia = Sector.objects.get(code="academia")
    shared = OrganisationFactory(sector=academia, country="FR")
    people = {
        "ngo_ke": stakeholder(country="KE"),
        "individual_ua": stakeholder(country="UA", organisation=None),
        "shared_a": stakeholder(country="FR", organisation=shared),
        "shared_b": stakeholder(country="DE", organisation=shared),
        "no_profile": UserFactory(),
        "both": stakeholder(country="KE", organisation=None, sector=academia),
    }
    attended = {"attendance": Attendance.ATTENDED}
    RegistrationFactory(session=first, user=people["ngo_ke"], mode=Mode.IN_PERSON, **attended)
    RegistrationFactory(session=first, user=people["individual_ua"], **attended)
    RegistrationFactory(session=first, user=people["shared_a"], **attended)
    RegistrationFactory(session=first, user=people["shared_b"], mode=Mode.IN_PERSON, **attended)
    RegistrationFactory(session=first, user=people["no_profile"], **attended)
    RegistrationFactory(session=first, user=people["both"], mode=Mode.IN_PERSON, **attended)
    RegistrationFactory(session=second, user=people["both"], **attended)
    RegistrationFactory(session=second, user=people["ngo_ke"], attendance=Attendance.NO_SHOW)
    RegistrationFactory(
        session=second, user=people["shared_a"], status=RegistrationStatus.CANCELLED
    )
    RegistrationFactory(session=second, user=people["individual_ua"], **attended)
    return [first, second], people


@pytest.mark.parametrize(
    "leaving",
    [
        ["ngo_ke"],
        ["individual_ua"],
        ["shared_a"],
        ["shared_a", "shared_b"],
        ["no_profile"],
        ["both"],
        ["ngo_ke", "individual_ua", "shared_a", "shared_b", "no_profile", "both"],
    ],
)
def test_account_delete_keeps_every_count_of_every_session(review_with_attendance, leaving):
    sessions, people = review_with_attendance
    before = _figures(sessions)
    theirs = set(
        Registration.objects.filter(user__in=[people[key] for key in leaving]).values_list(
            "pk", flat=True
        )
    )

    for key in leaving:
        account_services.account_delete(user=people[key])

    assert _figures(sessions) == before
    assert set(Registration.objects.filter(user__isnull=True).values_list("pk", flat=True)) == (
        theirs
    )


def test_erased_registrations_keep_no_link_to_the_person_but_one_key_for_all_of_theirs(
    review_with_attendance,
):
    _sessions, people = review_with_attendance
    person = people["both"]
    ids = list(Registration.objects.filter(user=person).values_list("pk", flat=True))
    Registration.objects.filter(pk__in=ids).update(accessibility_needs="Sign interpretation")

    account_services.account_delete(user=person)

    rows = Registration.objects.filter(pk__in=ids)
    assert {r.user_id for r in rows} == {None}
    assert {r.accessibility_needs for r in rows} == {""}
    assert len({r.anonymous_key for r in rows}) == 1
    assert {(r.anonymous_sector.code, r.anonymous_country) for r in rows} == {("academia", "KE")}
    assert {r.anonymous_organisation for r in rows} == {None}


def test_erased_registration_counts_under_the_organisations_sector(review_with_attendance):
    _sessions, people = review_with_attendance
    person = people["shared_a"]
    organisation_id = person.profile.organisation_id
    Profile.objects.filter(user=person).update(sector=Sector.objects.get(code="migrants"))

    account_services.account_delete(user=person)

    row = Registration.objects.filter(user__isnull=True).first()
    assert (row.anonymous_sector.code, row.anonymous_organisation) == ("academia", organisation_id)


def test_account_delete_gives_up_a_place_to_come_to_the_waitlist(
    accreditation, django_capture_on_commit_callbacks
):
    session = SessionFactory(capacity_in_person=1)
    leaving = stakeholder()
    place = services.registration_create(
        session=session, user=leaving, mode=Mode.IN_PERSON, accreditation=accreditation
    )
    waiting = services.registration_create(
        session=session,
        user=stakeholder(),
        mode=Mode.IN_PERSON,
        accreditation=accreditation,
        if_full="waitlist",
    )
    photo = AccreditationData.objects.get(registration=place).photo
    storage, name = photo.storage, photo.name
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        account_services.account_delete(user=leaving)

    place.refresh_from_db()
    waiting.refresh_from_db()
    assert (place.user, place.status) == (None, RegistrationStatus.CANCELLED)
    assert waiting.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]
    assert not AccreditationData.objects.filter(registration=place).exists()
    assert not storage.exists(name)


def test_account_delete_keeps_the_attendance_of_a_session_under_way():
    starts = timezone.now() - dt.timedelta(hours=1)
    session = SessionFactory(
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        registration_opens_at=None,
        registration_closes_at=None,
    )
    registration = RegistrationFactory(session=session, attendance=Attendance.ATTENDED)

    account_services.account_delete(user=registration.user)

    registration.refresh_from_db()
    assert (registration.status, registration.attendance) == (
        RegistrationStatus.CONFIRMED,
        Attendance.ATTENDED,
    )


def test_registration_without_participant_or_anonymous_key_is_refused():
    registration = RegistrationFactory()
    registration.user = None

    with pytest.raises(ValidationError) as refused:
        registration.full_clean()

    assert refused.value.messages == ["A registration needs a participant."]


def test_check_in_list_leaves_out_erased_participants():
    session = SessionFactory()
    present = RegistrationFactory(session=session, mode=Mode.IN_PERSON)
    gone = RegistrationFactory(session=session, mode=Mode.IN_PERSON)
    Registration.objects.filter(pk=gone.pk).update(user=None, anonymous_key="0" * 32)

    assert check_in_list(session=session) == [present]


def test_checking_in_an_erased_participant_answers_not_found(client):
    session = SessionFactory()
    gone = RegistrationFactory(session=session, mode=Mode.IN_PERSON)
    Registration.objects.filter(pk=gone.pk).update(user=None, anonymous_key="0" * 32)
    client.force_login(StaffFactory())

    response = client.post(
        reverse("consultations:staff_check_in", kwargs={"slug": session.slug}),
        {"registration": gone.pk},
        follow=True,
    )

    assert "This registration was not found for this session." in response.content.decode()


def test_emailing_participants_skips_erased_ones(django_capture_on_commit_callbacks):
    session = SessionFactory()
    present = RegistrationFactory(session=session)
    gone = RegistrationFactory(session=session)
    Registration.objects.filter(pk=gone.pk).update(user=None, anonymous_key="0" * 32)

    with django_capture_on_commit_callbacks(execute=True):
        count = services.session_email_participants(
            session_id=session.pk, subject="Room change", message="Room XIX."
        )

    assert count == 1
    assert [m.to for m in mail.outbox] == [[present.user.email]]


def test_registration_admin_lists_an_erased_participant(client):
    gone = RegistrationFactory()
    Registration.objects.filter(pk=gone.pk).update(user=None, anonymous_key="0" * 32)
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:consultations_registration_changelist"))

    assert response.status_code == 200
    assert "deleted account" in response.content.decode()


def test_registration_export_of_an_erased_participant(client):
    gone = RegistrationFactory()
    Registration.objects.filter(pk=gone.pk).update(user=None, anonymous_key="0" * 32)
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:consultations_registration_changelist"),
        {"action": "export_csv", "_selected_action": [gone.pk]},
    )

    rows = b"".join(response.streaming_content).decode().splitlines()
    assert response.status_code == 200
    assert rows[1].split(",")[1:3] == ["", ""]


def test_accreditation_purge_runs_from_the_retention_registry(
    django_capture_on_commit_callbacks,
):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    data = AccreditationData(
        registration=registration,
        id_document_number="P-1",
        id_document_expiry="2031-01-01",
        nationality="UA",
        date_of_birth="1990-02-02",
    )
    data.photo.save("p.jpg", photo_upload(), save=False)
    data.save()
    ends = registration.session.ends_at

    with django_capture_on_commit_callbacks(execute=True):
        early = account_services.personal_data_purge(
            now=ends + dt.timedelta(days=29), only=["accreditation"]
        )
        due = account_services.personal_data_purge(
            now=ends + dt.timedelta(days=30), only=["accreditation"]
        )
        again = account_services.personal_data_purge(
            now=ends + dt.timedelta(days=31), only=["accreditation"]
        )

    assert (early, due, again) == (
        {"accreditation": 0},
        {"accreditation": 1},
        {"accreditation": 0},
    )
    assert not data.photo.storage.exists(data.photo.name)
