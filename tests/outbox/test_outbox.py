import datetime as dt
from smtplib import SMTPException

import pytest
from django.core import mail
from django.utils import timezone

from outbox import services
from outbox.enums import MailStatus
from outbox.models import OutgoingMail
from outbox.tasks import send_mail

pytestmark = pytest.mark.django_db


def queue(**overrides):
    fields = {"to": "amina@example.org", "subject": "Hello", "body": "Body", "language": "en"}
    fields.update(overrides)
    return services.mail_store(**fields)


def test_mail_is_sent_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        stored = queue()
        assert mail.outbox == []

    assert len(callbacks) == 1
    callbacks[0]()
    stored.refresh_from_db()
    assert stored.status == MailStatus.SENT
    assert [m.subject for m in mail.outbox] == ["Hello"]


def test_mail_keeps_its_attachment():
    stored = queue(
        attachments=[
            {"filename": "a.ics", "content_type": "text/calendar", "content": "BEGIN:VCALENDAR"}
        ]
    )

    services.mail_send(mail_id=stored.pk)

    assert mail.outbox[0].attachments == [("a.ics", "BEGIN:VCALENDAR", "text/calendar")]


def test_broker_outage_keeps_the_mail_queued_for_the_flush(
    django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(send_mail, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    stored.refresh_from_db()
    assert stored.status == MailStatus.QUEUED
    monkeypatch.undo()
    OutgoingMail.objects.filter(pk=stored.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=5)
    )

    handed_over = services.mail_flush()

    stored.refresh_from_db()
    assert handed_over == 1
    assert stored.status == MailStatus.SENT
    assert len(mail.outbox) == 1


def test_sending_twice_sends_once():
    stored = queue()

    send_mail(mail_id=stored.pk)
    send_mail(mail_id=stored.pk)

    assert len(mail.outbox) == 1


def test_send_task_for_a_missing_mail_does_nothing():
    send_mail(mail_id=987654)

    assert mail.outbox == []


def test_smtp_failure_is_recorded_and_the_mail_fails_after_the_last_attempt(monkeypatch):
    stored = queue()

    def smtp_down(self, *args, **kwargs):
        raise SMTPException("451 try later")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", smtp_down)
    with pytest.raises(SMTPException):
        services.mail_send(mail_id=stored.pk)
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.QUEUED, 1)
    assert "451 try later" in stored.error

    services.mail_send(mail_id=stored.pk, final_attempt=True)

    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.FAILED, 2)


@pytest.mark.redis
def test_a_real_worker_sends_the_mail(celery_worker):
    stored = queue()  # transactional_db: commits at once, so the task is queued on Redis

    for _ in range(50):
        stored.refresh_from_db()
        if stored.status == MailStatus.SENT:
            break
        import time

        time.sleep(0.1)

    assert stored.status == MailStatus.SENT
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
