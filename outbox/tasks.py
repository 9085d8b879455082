from smtplib import SMTPException

from celery import shared_task

from outbox import services


@shared_task(
    name="outbox.send",
    bind=True,
    acks_late=True,
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    retry_jitter=True,
    max_retries=services.MAX_ATTEMPTS - 1,
)
def send_mail(self, *, mail_id: int) -> None:
    services.mail_send(mail_id=mail_id, final_attempt=self.request.retries >= self.max_retries)


@shared_task(name="outbox.relay", acks_late=True, ignore_result=True)
def relay() -> int:
    return services.mail_relay()
