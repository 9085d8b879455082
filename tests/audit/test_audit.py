"""The audit trail: what is recorded, that it cannot be changed, and its retention."""

import datetime as dt
from unittest import mock

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AppendOnly, AuditEvent
from audit.services import audit_purge, audit_record
from tests.consultations.conftest import registration_with_accreditation
from tests.factories import RegistrationFactory, StaffFactory, stakeholder

pytestmark = pytest.mark.django_db


def test_audit_record_keeps_staff_by_name_and_stakeholders_by_reference_only():
    staff, person = StaffFactory(email="lead@un.example"), stakeholder()

    by_staff = audit_record(actor=staff, action=AuditAction.DOWNLOADED_CV)
    by_person = audit_record(actor=person, action=AuditAction.DOWNLOADED_OWN_DATA)

    assert (by_staff.actor_id, by_staff.actor_label) == (staff.pk, "lead@un.example")
    assert (by_person.actor_id, by_person.actor_label) == (person.pk, "")


def test_audit_event_cannot_be_changed_or_deleted():
    event = audit_record(actor=None, action=AuditAction.PURGED_DATA)
    event.detail = {"changed": True}

    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()


@pytest.mark.postgres
def test_audit_trigger_refuses_updates_and_deletes_in_the_database():
    event = audit_record(actor=None, action=AuditAction.PURGED_DATA)

    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(action=AuditAction.DOWNLOADED_CV)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()

    assert AuditEvent.objects.get(pk=event.pk).action == AuditAction.PURGED_DATA
    assert connection.vendor == "postgresql"


@pytest.mark.postgres
def test_audit_trigger_lets_a_deleted_staff_account_null_its_link():
    staff = StaffFactory(email="gone@un.example")
    event = audit_record(actor=staff, action=AuditAction.DOWNLOADED_CV)

    staff.delete()

    event = AuditEvent.objects.get(pk=event.pk)
    assert (event.actor_id, event.actor_label) == (None, "gone@un.example")


def test_audit_purge_deletes_only_events_past_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() - dt.timedelta(days=31)
    ):
        audit_record(actor=None, action=AuditAction.DOWNLOADED_CV)
    recent = audit_record(actor=None, action=AuditAction.DOWNLOADED_CV)

    deleted = audit_purge()

    assert deleted == 1
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [recent.pk]


def test_viewing_an_id_photo_is_recorded(client):
    registration = registration_with_accreditation()
    staff = StaffFactory()
    client.force_login(staff)

    response = client.get(reverse("consultations:staff_photo", kwargs={"pk": registration.pk}))
    b"".join(response.streaming_content)

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.target_type, event.target_id, event.subject_id) == (
        staff,
        AuditAction.VIEWED_ID_PHOTO,
        "consultations.registration",
        str(registration.pk),
        registration.user_id,
    )


def test_viewing_accreditation_data_in_the_admin_is_recorded(client):
    registration = registration_with_accreditation()
    client.force_login(StaffFactory())

    client.get(reverse("admin:consultations_registration_change", args=[registration.pk]))

    assert list(AuditEvent.objects.values_list("action", "subject_id")) == [
        (AuditAction.VIEWED_ACCREDITATION, registration.user_id)
    ]


def test_exporting_registrations_is_recorded_with_the_number_of_rows(client):
    RegistrationFactory.create_batch(3)
    client.force_login(StaffFactory())

    client.post(
        reverse("admin:consultations_registration_changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(
                RegistrationFactory._meta.model.objects.values_list("pk", flat=True)
            ),
        },
    )

    event = AuditEvent.objects.get()
    assert (event.action, event.detail) == (
        AuditAction.EXPORTED_PERSONAL_DATA,
        {"what": "registrations", "format": "csv", "rows": 3},
    )


def test_emailing_participants_is_recorded(client):
    registration = RegistrationFactory()
    staff = StaffFactory()
    client.force_login(staff)

    client.post(
        reverse("consultations:staff_email", kwargs={"slug": registration.session.slug}),
        {"subject": "Room change", "message": "We meet in room XIX."},
    )

    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.detail) == (
        staff,
        AuditAction.EMAILED_PARTICIPANTS,
        {"recipients": 1, "subject": "Room change"},
    )


def test_audit_trail_admin_is_read_only(client):
    audit_record(actor=None, action=AuditAction.PURGED_DATA)
    client.force_login(StaffFactory())

    changelist = client.get(reverse("admin:audit_auditevent_changelist"))
    add = client.get(reverse("admin:audit_auditevent_add"))

    assert changelist.status_code == 200
    assert add.status_code == 403


def _events(action):
    return list(
        AuditEvent.objects.filter(action=action)
        .order_by("pk")
        .values_list("actor_id", "target_type", "target_id", "subject_id", "detail")
    )


def test_checking_a_person_in_is_recorded_as_a_status_change(client):
    registration = RegistrationFactory(mode="in-person")
    staff = StaffFactory()
    client.force_login(staff)
    url = reverse("consultations:staff_check_in", kwargs={"slug": registration.session.slug})

    client.post(url, {"registration": registration.pk})
    client.post(url, {"registration": registration.pk})  # already in: nothing changes

    assert _events(AuditAction.CHANGED_STATUS) == [
        (
            staff.pk,
            "consultations.registration",
            str(registration.pk),
            registration.user_id,
            {"from": "", "to": "attended"},
        )
    ]


def test_marking_attendance_in_the_admin_records_each_registration(client):
    first, second = RegistrationFactory.create_batch(2)
    staff = StaffFactory()
    client.force_login(staff)

    client.post(
        reverse("admin:consultations_registration_changelist"),
        {"action": "mark_no_show", "_selected_action": [first.pk, second.pk]},
    )

    assert [row[2] for row in _events(AuditAction.CHANGED_STATUS)] == [
        str(first.pk),
        str(second.pk),
    ]
    assert {row[4]["to"] for row in _events(AuditAction.CHANGED_STATUS)} == {"no-show"}


def test_promoting_from_the_waitlist_in_the_admin_is_recorded(client):
    registration = RegistrationFactory(status="waitlisted")
    staff = StaffFactory()
    client.force_login(staff)

    client.post(
        reverse("admin:consultations_registration_changelist"),
        {"action": "promote_from_waitlist", "_selected_action": [registration.pk]},
    )

    assert _events(AuditAction.CHANGED_STATUS) == [
        (
            staff.pk,
            "consultations.registration",
            str(registration.pk),
            registration.user_id,
            {"from": "waitlisted", "to": "confirmed"},
        )
    ]


def test_a_system_promotion_without_a_person_is_not_a_staff_act():
    from consultations import services

    registration = RegistrationFactory(status="waitlisted")

    services.registration_promote(registration_id=registration.pk)

    assert _events(AuditAction.CHANGED_STATUS) == []


def test_deciding_a_gcm_talk_request_is_recorded():
    from tests.consultations.test_registration_services import decide, talk_request

    request = talk_request()
    staff = StaffFactory()

    decide(request, "declined", staff)

    assert _events(AuditAction.CHANGED_STATUS) == [
        (
            staff.pk,
            "consultations.gcmtalkrequest",
            str(request.pk),
            request.requested_by_id,
            {"from": "pending", "to": "declined"},
        )
    ]


def test_moderating_an_input_is_recorded():
    from roundtables.services.inputs import input_accept
    from tests.factories.roundtables import InputFactory

    item = InputFactory()
    staff = StaffFactory()

    input_accept(stakeholder_input=item, by=staff)

    assert _events(AuditAction.CHANGED_STATUS) == [
        (
            staff.pk,
            "roundtables.stakeholderinput",
            str(item.pk),
            item.author_id,
            {"from": "submitted", "to": "accepted"},
        )
    ]
