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


@pytest.fixture
def relay(django_capture_on_commit_callbacks):
    """The relay as beat runs it: its tasks are published once its transaction commits."""

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.mail_relay(**kwargs)

    return run


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
    django_capture_on_commit_callbacks, monkeypatch, relay
):
    def broker_down(*args, **kwargs):
        raise ConnectionError("broker unreachable")

    monkeypatch.setattr(send_mail, "apply_async", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        stored = queue()
    relay()
    stored.refresh_from_db()
    assert (stored.status, stored.handed_at) == (MailStatus.QUEUED, None)
    monkeypatch.undo()

    handed_over = relay()

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


def test_relay_hands_each_mail_over_once_until_it_looks_lost(broker_mode, relay):
    stored = queue()
    now = timezone.now()

    first = relay(now=now)
    again = relay(now=now + dt.timedelta(seconds=30))
    lost = relay(now=now + services.RESEND_AFTER + dt.timedelta(seconds=1))

    assert (first, again, lost) == (1, 0, 1)
    assert broker_mode == [stored.pk, stored.pk]


def test_relay_publishes_only_after_its_transaction_commits(
    broker_mode, django_capture_on_commit_callbacks
):
    stored = queue()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.mail_relay()
        stored.refresh_from_db()
        assert stored.handed_at is not None
        assert broker_mode == []

    callbacks[0]()
    assert broker_mode == [stored.pk]


def test_relay_skips_sent_and_failed_mail(broker_mode, relay):
    queue()
    OutgoingMail.objects.update(status=MailStatus.SENT)
    failed = queue()
    OutgoingMail.objects.filter(pk=failed.pk).update(status=MailStatus.FAILED)

    assert relay() == 0
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


@pytest.fixture
def worker_killed_after_smtp(monkeypatch):
    """The SMTP server accepts the message, then the worker dies before its transaction
    commits (SystemExit, as a SIGTERM'd pool process; no `except Exception` catches it)."""
    from django.core.mail.backends.locmem import EmailBackend

    real = EmailBackend.send_messages

    def send_then_die(self, messages):
        real(self, messages)
        raise SystemExit("worker killed")

    monkeypatch.setattr(EmailBackend, "send_messages", send_then_die)
    return monkeypatch


def test_a_send_killed_after_smtp_counts_its_attempt_and_keeps_its_message_id(
    worker_killed_after_smtp,
):
    stored = queue()
    with pytest.raises(SystemExit):
        services.mail_send(mail_id=stored.pk)
    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.QUEUED, 1)
    assert stored.last_attempt_at is not None
    worker_killed_after_smtp.undo()

    services.mail_send(mail_id=stored.pk)  # the task, delivered again

    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.SENT, 2)
    assert [m.extra_headers["Message-ID"] for m in mail.outbox] == [stored.message_id] * 2
    assert [m.message()["Message-ID"] for m in mail.outbox] == [stored.message_id] * 2


def test_each_mail_has_its_own_message_id():
    first, second = queue(), queue()

    assert first.message_id.startswith("<")
    assert first.message_id.endswith(">")
    assert first.message_id != second.message_id


def test_a_mail_that_keeps_killing_its_worker_is_given_up(worker_killed_after_smtp):
    stored = queue()
    for _ in range(services.MAX_ATTEMPTS):
        with pytest.raises(SystemExit):
            services.mail_send(mail_id=stored.pk)

    services.mail_send(mail_id=stored.pk)

    stored.refresh_from_db()
    assert (stored.status, stored.attempts) == (MailStatus.FAILED, services.MAX_ATTEMPTS)
    assert len(mail.outbox) == services.MAX_ATTEMPTS


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
