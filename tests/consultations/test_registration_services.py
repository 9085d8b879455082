import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.utils import timezone

from consultations import services
from consultations.enums import (
    REGISTRATION_TRANSITIONS,
    TALK_REQUEST_TRANSITIONS,
    Attendance,
    Mode,
    RegistrationStatus,
    SessionFormat,
    SessionStatus,
    TalkRequestStatus,
)
from consultations.models import AccreditationData, GcmTalkRequest, Registration, Session
from core.errors import DomainError
from tests.consultations.conftest import photo_upload
from tests.factories import (
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    StaffFactory,
    stakeholder,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def send_mail(django_capture_on_commit_callbacks):
    """Run the on-commit hand-over to the (eager) mail task inside a block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def register(session, user=None, mode=Mode.ONLINE, **kwargs):
    return services.registration_create(
        session=session, user=user or stakeholder(), mode=mode, **kwargs
    )


def test_registration_online_is_confirmed_with_calendar_file_and_join_link(send_mail):
    session = SessionFactory(join_url="https://zoom.example.org/j/42")
    user = stakeholder(user__language="fr")

    with send_mail():
        registration = register(session, user)

    assert registration.status == RegistrationStatus.CONFIRMED
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email]
    assert message.subject.startswith("Votre inscription est confirmée")
    assert "https://zoom.example.org/j/42" in message.body
    filename, content, content_type = message.attachments[0]
    assert (filename, content_type) == (f"{session.slug}.ics", "text/calendar")
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == session.starts_at
    assert "https://zoom.example.org/j/42" in str(event["description"])


def test_registration_in_person_stores_accreditation_and_sends_no_join_link(
    send_mail, accreditation
):
    session = SessionFactory(join_url="https://zoom.example.org/j/42")

    with send_mail():
        registration = register(session, mode=Mode.IN_PERSON, accreditation=accreditation)

    data = AccreditationData.objects.get(registration=registration)
    assert (data.id_document_number, data.nationality.code) == ("X1234567", "KE")
    assert data.photo.name == f"accreditation/{session.pk}/{registration.pk}.jpg"
    assert "zoom.example.org" not in mail.outbox[0].body


def test_registration_in_person_stores_the_photo_without_exif(accreditation):
    from dataclasses import replace

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from tests.core.test_files import _photo_with_gps

    upload = SimpleUploadedFile("me.jpg", _photo_with_gps().read(), content_type="image/jpeg")
    session = SessionFactory()

    registration = register(
        session, mode=Mode.IN_PERSON, accreditation=replace(accreditation, photo=upload)
    )

    stored = AccreditationData.objects.get(registration=registration).photo
    with stored.open("rb") as handle:
        image = Image.open(handle)
        assert (dict(image.getexif()), image.size) == ({}, (1600, 1067))


def test_registration_in_person_without_accreditation_is_refused():
    session = SessionFactory()

    with pytest.raises(services.RegistrationError) as error:
        register(session, mode=Mode.IN_PERSON)

    assert error.value.code == "accreditation"
    assert not Registration.objects.exists()


def test_registration_online_collects_no_accreditation(accreditation):
    registration = register(SessionFactory(), accreditation=accreditation)

    assert not AccreditationData.objects.filter(registration=registration).exists()


@pytest.mark.parametrize(
    ("session_format", "mode"),
    [(SessionFormat.ONLINE, Mode.IN_PERSON), (SessionFormat.IN_PERSON, Mode.ONLINE)],
)
def test_registration_in_a_mode_the_format_does_not_allow_is_refused(session_format, mode):
    session = SessionFactory(format=session_format, requires_accreditation=False)

    with pytest.raises(services.RegistrationError) as error:
        register(session, mode=mode)

    assert error.value.code == "mode"


def test_registration_twice_is_refused():
    session, user = SessionFactory(), stakeholder()
    register(session, user)

    with pytest.raises(services.RegistrationError) as error:
        register(session, user)

    assert error.value.code == "duplicate"
    assert Registration.objects.filter(session=session, user=user).count() == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": SessionStatus.CLOSED}, "Registration for this session is not open."),
        ({"status": SessionStatus.DRAFT}, "Registration for this session is not open."),
        ({"status": SessionStatus.CANCELLED}, "This session has been cancelled."),
        ({"status": SessionStatus.HELD}, "This session has already taken place."),
        (
            {"registration_opens_at": timezone.now() + dt.timedelta(days=2)},
            "Registration for this session has not opened yet.",
        ),
        (
            {"registration_closes_at": timezone.now() - dt.timedelta(minutes=1)},
            "Registration for this session has closed.",
        ),
        (
            {
                "starts_at": timezone.now() - dt.timedelta(days=2),
                "ends_at": timezone.now() - dt.timedelta(days=2, hours=-2),
                "registration_closes_at": None,
            },
            "This session has already taken place.",
        ),
    ],
)
def test_registration_outside_the_window_is_refused_with_a_message(changes, message):
    session = SessionFactory(**changes)

    with pytest.raises(services.RegistrationError) as error:
        register(session)

    assert error.value.message == message
    assert not Registration.objects.exists()


def test_registration_full_in_person_offers_waitlist_or_online(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)

    with pytest.raises(services.SeatsFull) as error:
        register(session, mode=Mode.IN_PERSON, accreditation=accreditation)

    assert error.value.message.startswith("All in-person seats are taken.")
    assert "attend online instead" in error.value.message


def test_registration_full_in_person_joins_the_waitlist(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)

    registration = register(
        session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist"
    )

    assert registration.status == RegistrationStatus.WAITLISTED
    assert services.waitlist_position(registration) == 1
    assert AccreditationData.objects.filter(registration=registration).exists()


def test_registration_full_in_person_can_attend_online_instead(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)

    registration = register(
        session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="online"
    )

    assert (registration.mode, registration.status) == (Mode.ONLINE, RegistrationStatus.CONFIRMED)
    assert not AccreditationData.objects.filter(registration=registration).exists()


def test_registration_online_capacity_is_enforced_too():
    session = SessionFactory(format=SessionFormat.ONLINE, capacity_online=1)
    register(session)

    registration = register(session, if_full="waitlist")

    assert registration.status == RegistrationStatus.WAITLISTED


def test_cancel_frees_the_seat_and_promotes_the_first_waitlisted(send_mail, accreditation):
    session = SessionFactory(capacity_in_person=1)
    first = register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    second = register(session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist")
    third = register(session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist")
    mail.outbox.clear()

    with send_mail():
        services.registration_cancel(registration_id=first.pk, user=first.user)

    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert first.status == RegistrationStatus.CANCELLED
    assert second.status == RegistrationStatus.CONFIRMED
    assert third.status == RegistrationStatus.WAITLISTED
    assert services.waitlist_position(third) == 1
    assert not AccreditationData.objects.filter(registration=first).exists()
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[first.user.email].startswith("Your registration is cancelled")
    assert subjects[second.user.email].startswith("A place has freed up for you")


def test_cancel_someone_elses_registration_is_not_found():
    registration = register(SessionFactory())

    with pytest.raises(Registration.DoesNotExist):
        services.registration_cancel(registration_id=registration.pk, user=stakeholder())


def test_cancelled_person_may_register_again():
    session, user = SessionFactory(), stakeholder()
    registration = register(session, user)
    services.registration_cancel(registration_id=registration.pk, user=user)

    again = register(session, user)

    assert again.pk == registration.pk
    assert again.status == RegistrationStatus.CONFIRMED


def test_change_mode_to_online_frees_the_in_person_seat(accreditation):
    session = SessionFactory(capacity_in_person=1)
    first = register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    waiting = register(
        session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist"
    )

    services.registration_change_mode(registration_id=first.pk, user=first.user, mode=Mode.ONLINE)

    first.refresh_from_db()
    waiting.refresh_from_db()
    assert first.mode == Mode.ONLINE
    assert not AccreditationData.objects.filter(registration=first).exists()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_change_mode_after_the_deadline_is_refused():
    session = SessionFactory(mode_change_deadline=timezone.now() - dt.timedelta(hours=1))
    registration = register(session)

    with pytest.raises(services.RegistrationError) as error:
        services.registration_change_mode(
            registration_id=registration.pk, user=registration.user, mode=Mode.IN_PERSON
        )

    assert error.value.code == "deadline"


def test_change_mode_into_a_full_mode_is_refused(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    online = register(session)

    with pytest.raises(services.SeatsFull):
        services.registration_change_mode(
            registration_id=online.pk,
            user=online.user,
            mode=Mode.IN_PERSON,
            accreditation=accreditation,
        )

    online.refresh_from_db()
    assert online.mode == Mode.ONLINE


def test_promote_needs_a_free_seat(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    waiting = register(
        session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist"
    )

    with pytest.raises(services.SeatsFull):
        services.registration_promote(registration_id=waiting.pk)
    session.capacity_in_person = 2
    session.save()
    services.registration_promote(registration_id=waiting.pk)

    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_raising_capacity_fills_from_the_waitlist_in_order(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    waiting = [
        register(session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist")
        for _ in range(3)
    ]
    session.capacity_in_person = 3
    session.save()

    promoted = services.session_fill_from_waitlist(session_id=session.pk)

    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert promoted == 2
    assert statuses == ["confirmed", "confirmed", "waitlisted"]


def test_reminders_go_once_to_confirmed_participants_of_sessions_within_a_day(send_mail):
    soon = SessionFactory(
        starts_at=timezone.now() + dt.timedelta(hours=20),
        ends_at=timezone.now() + dt.timedelta(hours=22),
        registration_closes_at=None,
    )
    later = SessionFactory()
    confirmed = RegistrationFactory(session=soon)
    RegistrationFactory(session=soon, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(session=later)

    with send_mail():
        first_run = services.reminders_send()
    second_run = services.reminders_send()

    assert (first_run, second_run) == (1, 0)
    assert [m.to for m in mail.outbox] == [[confirmed.user.email]]
    assert mail.outbox[0].subject.startswith("Reminder:")


def test_purge_deletes_accreditation_after_the_period(
    accreditation, django_capture_on_commit_callbacks
):
    session = SessionFactory(accreditation_purge_days=10)
    registration = register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    photo = AccreditationData.objects.get(registration=registration).photo
    storage, name = photo.storage, photo.name

    # The photo is deleted once the row's deletion has committed.
    with django_capture_on_commit_callbacks(execute=True):
        too_early = services.accreditation_purge(now=session.ends_at + dt.timedelta(days=9))
        purged = services.accreditation_purge(now=session.ends_at + dt.timedelta(days=10))

    assert (too_early, purged) == (0, 1)
    assert not AccreditationData.objects.exists()
    assert not storage.exists(name)


def test_mark_attendance_records_attended_and_no_show():
    session = SessionFactory()
    present, absent = RegistrationFactory(session=session), RegistrationFactory(session=session)

    services.registrations_mark_attendance(registration_ids=[present.pk], attendance="attended")
    services.registrations_mark_attendance(registration_ids=[absent.pk], attendance="no-show")

    present.refresh_from_db()
    absent.refresh_from_db()
    assert (present.attendance, absent.attendance) == (Attendance.ATTENDED, Attendance.NO_SHOW)
    assert present.checked_in_at is not None


def test_check_in_marks_attended_once():
    registration = RegistrationFactory(mode=Mode.IN_PERSON)

    first = services.registration_check_in(
        registration_id=registration.pk, session_id=registration.session_id
    )
    second = services.registration_check_in(
        registration_id=registration.pk, session_id=registration.session_id
    )

    assert first.checked_in_at == second.checked_in_at
    assert second.attendance == Attendance.ATTENDED


def test_email_participants_writes_to_confirmed_only_in_their_language(send_mail):
    session = SessionFactory()
    english = RegistrationFactory(session=session)
    RegistrationFactory(session=session, status=RegistrationStatus.WAITLISTED)

    with send_mail():
        count = services.session_email_participants(
            session_id=session.pk, subject="Room change", message="We meet in Room XVII & XIX."
        )

    assert count == 1
    assert [m.to for m in mail.outbox] == [[english.user.email]]
    assert "Room XVII & XIX." in mail.outbox[0].body


def test_photo_fixture_is_an_image():
    assert photo_upload().read(3) == b"\xff\xd8\xff"


# --- status transitions -------------------------------------------------------------------


def test_transition_tables_declare_every_status():
    assert set(REGISTRATION_TRANSITIONS.table) == set(RegistrationStatus.values)
    assert set(TALK_REQUEST_TRANSITIONS.table) == set(TalkRequestStatus.values)


def cancelled_registration(session=None) -> Registration:
    registration = register(session or SessionFactory())
    services.registration_cancel(registration_id=registration.pk, user=registration.user)
    return registration


def test_promote_a_cancelled_registration_is_refused(send_mail):
    registration = cancelled_registration()  # online: places without limit
    mail.outbox.clear()

    with send_mail(), pytest.raises(DomainError) as error:
        services.registration_promote(registration_id=registration.pk)

    assert (error.value.code, error.value.message) == (
        "transition",
        "Only waitlisted registrations can be promoted.",
    )
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.CANCELLED
    assert mail.outbox == []


def test_promote_a_confirmed_registration_is_refused(send_mail):
    registration = register(SessionFactory())
    mail.outbox.clear()

    with send_mail(), pytest.raises(DomainError) as error:
        services.registration_promote(registration_id=registration.pk)

    assert (error.value.code, error.value.message) == (
        "transition",
        "Only waitlisted registrations can be promoted.",
    )
    assert mail.outbox == []


def test_change_mode_of_a_cancelled_registration_is_refused():
    registration = cancelled_registration(SessionFactory(requires_accreditation=False))

    with pytest.raises(DomainError) as error:
        services.registration_change_mode(
            registration_id=registration.pk, user=registration.user, mode=Mode.IN_PERSON
        )

    assert (error.value.code, error.value.message) == (
        "transition",
        "This registration has been cancelled.",
    )
    registration.refresh_from_db()
    assert (registration.mode, registration.status) == (Mode.ONLINE, RegistrationStatus.CANCELLED)


def test_change_mode_of_a_waitlisted_registration_confirms_it(accreditation):
    session = SessionFactory(capacity_in_person=1)
    register(session, mode=Mode.IN_PERSON, accreditation=accreditation)
    waiting = register(
        session, mode=Mode.IN_PERSON, accreditation=accreditation, if_full="waitlist"
    )

    services.registration_change_mode(
        registration_id=waiting.pk, user=waiting.user, mode=Mode.ONLINE
    )

    waiting.refresh_from_db()
    assert (waiting.mode, waiting.status) == (Mode.ONLINE, RegistrationStatus.CONFIRMED)


def test_cancel_twice_changes_nothing_the_second_time(send_mail):
    registration = cancelled_registration()
    cancelled_at = Registration.objects.get(pk=registration.pk).cancelled_at
    mail.outbox.clear()

    with send_mail():
        again = services.registration_cancel(
            registration_id=registration.pk, user=registration.user
        )

    assert (again.status, again.cancelled_at) == (RegistrationStatus.CANCELLED, cancelled_at)
    assert mail.outbox == []


def talk_request() -> GcmTalkRequest:
    return GcmTalkRequest.objects.create(
        review=ReviewFactory(),
        requested_by=stakeholder(),
        title="Diaspora bonds",
        proposed_date=timezone.localdate() + dt.timedelta(days=30),
        proposed_format="online",
        description="Exchange",
    )


def decide(request: GcmTalkRequest, decision: str, by) -> GcmTalkRequest:
    if decision == TalkRequestStatus.APPROVED:
        starts_at = timezone.now() + dt.timedelta(days=30)
        return services.talk_request_approve(
            request_id=request.pk,
            by=by,
            message="Welcome",
            starts_at=starts_at,
            ends_at=starts_at + dt.timedelta(hours=2),
            time_zone="Europe/Zurich",
        )
    return services.talk_request_decline(request_id=request.pk, by=by, message="Not this time")


@pytest.mark.parametrize("first", [TalkRequestStatus.APPROVED, TalkRequestStatus.DECLINED])
@pytest.mark.parametrize("second", [TalkRequestStatus.APPROVED, TalkRequestStatus.DECLINED])
def test_talk_request_decided_twice_is_refused(send_mail, first, second):
    staff = StaffFactory()
    request = talk_request()
    with send_mail():
        decided = decide(request, first, by=staff)
    mail.outbox.clear()

    with send_mail(), pytest.raises(DomainError) as error:
        decide(request, second, by=StaffFactory())

    assert (error.value.code, error.value.message) == (
        "transition",
        "This request has already been decided.",
    )
    request.refresh_from_db()
    assert (request.status, request.decided_by, request.decided_at) == (
        first,
        staff,
        decided.decided_at,
    )
    assert Session.objects.filter(kind="gcm-talk").count() == (
        1 if first == TalkRequestStatus.APPROVED else 0
    )
    assert mail.outbox == []
