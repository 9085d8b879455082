"""The relay and the send task on separate PostgreSQL connections, as beat and a worker.

A worker picks a task up within milliseconds of its publication. If the relay published
while its own transaction still held the mail's row (writing `handed_at`), the worker's
`select_for_update(skip_locked)` skipped the row and the mail waited for the two-minute
resend. Here the relay's transaction is slow to commit and the worker is quick.
"""

import threading
import time

import pytest
from django.core import mail
from django.db import connection, transaction

from outbox import services
from outbox.enums import MailStatus
from outbox.tasks import send_mail

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

BROKER_LATENCY_S = 0.1
SLOW_COMMIT_S = 0.5


@pytest.fixture
def worker(monkeypatch):
    """Tasks go to a "broker": each publication is received by a worker thread, on a
    database connection of its own, a moment later."""
    from config.celery import app

    app.conf.task_always_eager = False  # restored by the autouse _eager_celery fixture
    threads = []

    def run(mail_id):
        time.sleep(BROKER_LATENCY_S)
        try:
            send_mail(mail_id=mail_id)
        finally:
            connection.close()

    def publish(kwargs):
        thread = threading.Thread(target=run, args=(kwargs["mail_id"],))
        thread.start()
        threads.append(thread)

    monkeypatch.setattr(send_mail, "apply_async", publish)
    yield threads
    for thread in threads:
        thread.join(timeout=10)


def test_mail_handed_over_by_a_slow_relay_is_sent_on_the_first_attempt(worker):
    stored = services.mail_store(
        to="amina@example.org", subject="Hello", body="Body", language="en"
    )

    with transaction.atomic():  # the relay's transaction, slow to commit
        services.mail_relay()
        time.sleep(SLOW_COMMIT_S)
    for thread in worker:
        thread.join(timeout=10)

    stored.refresh_from_db()
    assert len(worker) == 1
    assert (stored.status, stored.attempts) == (MailStatus.SENT, 1)
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
