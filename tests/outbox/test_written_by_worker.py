"""Mail written by the worker that sends it (outbox.services.mail_queue_later): the
request that causes a registration email stores one row, and the worker writes it in
the registrant's language, from the registration as it is then."""

import pytest
from django.core import mail

from consultations import services as consultations
from consultations.enums import Mode
from outbox import services
from outbox.enums import MailStatus
from outbox.models import OutgoingMail
from tests.factories import SessionFactory, stakeholder

pytestmark = pytest.mark.django_db


def test_registration_stores_its_mail_unwritten_and_the_worker_writes_it_in_french():
    session = SessionFactory(format="online", capacity_in_person=None)
    user = stakeholder(user__language="fr")

    consultations.registration_create(session=session, user=user, mode=Mode.ONLINE)

    row = OutgoingMail.objects.get(to=user.email)
    assert (row.subject, row.body, row.renderer) == ("", "", consultations.REGISTRATION_MAIL)
    assert row.template == "emails/registration_confirmed"

    services.mail_send(mail_id=row.pk)

    row.refresh_from_db()
    assert row.status == MailStatus.SENT
    assert row.renderer == ""
    assert row.subject.startswith("Votre inscription est confirmée")
    assert session.join_url in row.body
    [message] = mail.outbox
    assert (message.subject, message.body) == (row.subject, row.body)
    assert message.attachments[0][0] == f"{session.slug}.ics"


def test_mail_about_a_registration_that_is_gone_is_not_sent():
    session = SessionFactory(format="online", capacity_in_person=None)
    registration = consultations.registration_create(
        session=session, user=stakeholder(), mode=Mode.ONLINE
    )
    row = OutgoingMail.objects.get()
    registration.delete()

    services.mail_send(mail_id=row.pk)

    row.refresh_from_db()
    assert row.status == MailStatus.FAILED
    assert row.error.startswith("Nothing to send")
    assert mail.outbox == []


def test_a_mail_sent_twice_is_written_once():
    session = SessionFactory(format="online", capacity_in_person=None)
    consultations.registration_create(session=session, user=stakeholder(), mode=Mode.ONLINE)
    row = OutgoingMail.objects.get()

    services.mail_send(mail_id=row.pk)
    services.mail_send(mail_id=row.pk)

    assert len(mail.outbox) == 1


def test_an_unknown_renderer_is_refused_when_queued():
    with pytest.raises(LookupError):
        services.mail_queue_later(
            to="a@example.org", template="emails/x", language="en", renderer="nope", args={}
        )
    assert not OutgoingMail.objects.exists()
