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


def test_broker_outage_keeps_the_mail_queued_for_the_relay(
    django_capture_on_commit_callbacks, monkeypatch
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(send_mail, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    assert services.mail_relay() == 0
    stored.refresh_from_db()
    assert (stored.status, stored.handed_at) == (MailStatus.QUEUED, None)
    monkeypatch.undo()

    handed_over = services.mail_relay()

    stored.refresh_from_db()
    assert handed_over == 1
    assert stored.status == MailStatus.SENT
    assert len(mail.outbox) == 1


@pytest.fixture
def broker_mode(monkeypatch):
    """Tasks go to a broker (recorded here, never sent)."""
    from config.celery import app

    published = []
    app.conf.task_always_eager = False  # the autouse _eager_celery fixture restores it
    monkeypatch.setattr(
        send_mail, "apply_async", lambda kwargs: published.append(kwargs["mail_id"])
    )
    return published


def test_with_a_broker_the_request_only_writes_the_row(
    django_capture_on_commit_callbacks, broker_mode
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        stored = queue()

    assert callbacks == []
    assert broker_mode == []
    stored.refresh_from_db()
    assert (stored.status, stored.handed_at) == (MailStatus.QUEUED, None)


def test_relay_hands_each_mail_over_once_until_it_looks_lost(broker_mode):
    stored = queue()
    now = timezone.now()

    first = services.mail_relay(now=now)
    again = services.mail_relay(now=now + dt.timedelta(seconds=30))
    lost = services.mail_relay(now=now + services.RESEND_AFTER + dt.timedelta(seconds=1))

    assert (first, again, lost) == (1, 0, 1)
    assert broker_mode == [stored.pk, stored.pk]


def test_relay_skips_sent_and_failed_mail(broker_mode):
    queue()
    OutgoingMail.objects.update(status=MailStatus.SENT)
    failed = queue()
    OutgoingMail.objects.filter(pk=failed.pk).update(status=MailStatus.FAILED)

    assert services.mail_relay() == 0
    assert broker_mode == []


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
    stored = queue()  # transactional_db: committed at once
    assert services.mail_relay() == 1  # what Celery beat does every few seconds

    for _ in range(50):
        stored.refresh_from_db()
        if stored.status == MailStatus.SENT:
            break
        import time

        time.sleep(0.1)

    assert stored.status == MailStatus.SENT
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]


def test_mail_keeps_its_headers():
    headers = {
        "List-Unsubscribe": "<https://example.org/en/unsubscribe/t/>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    stored = queue(headers=headers)

    send_mail(mail_id=stored.pk)

    message = mail.outbox[0].message()
    assert message["List-Unsubscribe"] == headers["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
