"""Queue and send outgoing mail through the database outbox.

A mail is written to the database inside the caller's transaction, so it exists exactly
when what it announces exists. With a broker, a relay (`mail_relay`, run by Celery beat
every few seconds) hands queued rows to the workers: the web request pays for one INSERT,
not for a publish to the broker, and a broker outage only delays mail. Without a broker
(the embedded default, no beat) the mail is sent in-process right after commit.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation

from outbox.enums import MailStatus
from outbox.models import OutgoingMail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
RESEND_AFTER = timedelta(minutes=2)


def mail_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str,
    attachments: Iterable[dict] = (),
    headers: dict | None = None,
) -> OutgoingMail:
    """Render `<template>_subject.txt` and `<template>_body.txt` in the recipient's
    language, store the mail and send it once the current transaction commits."""
    subject, body = _render(template, context, language)
    return mail_store(
        to=to,
        subject=subject,
        body=body,
        language=language,
        attachments=attachments,
        headers=headers,
    )


def _render(template: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, "language": language, **context}
        subject = render_to_string(f"{template}_subject.txt", context, using="text")
        body = render_to_string(f"{template}_body.txt", context, using="text")
    return " ".join(subject.split()), body


# Renderers of mail written by the worker: name -> function(**render_args) returning the
# template context and attachments, or None when there is nothing to say any more.
MailContent = tuple[dict, list[dict]]
_RENDERERS: dict[str, Callable[..., MailContent | None]] = {}


def mail_renderer(name: str):
    """Register a renderer for mail_queue_later (apps above the outbox register theirs
    when they load, so that every process, web or worker, knows them)."""

    def register(function: Callable[..., MailContent | None]):
        _RENDERERS[name] = function
        return function

    return register


def mail_queue_later(
    *, to: str, template: str, language: str, renderer: str, args: dict
) -> OutgoingMail:
    """Store a mail that the worker writes just before sending it: the request that
    causes it pays for one INSERT, in its own transaction, and none of the rendering.
    `renderer` (see mail_renderer) turns `args`, which must be JSON, into the context
    and attachments at sending time, from what is true then."""
    if renderer not in _RENDERERS:
        raise LookupError(f"No mail renderer named {renderer!r}")
    return _queue(
        to=to,
        subject="",
        body="",
        language=language,
        template=template,
        renderer=renderer,
        render_args=args,
    )


def _write(mail: OutgoingMail) -> bool:
    """Write a mail queued with mail_queue_later, in its language; False when its
    renderer finds nothing to say any more (what it was about is gone)."""
    with translation.override(mail.language):
        content = _RENDERERS[mail.renderer](**mail.render_args)
    if content is None:
        return False
    context, attachments = content
    mail.subject, mail.body = _render(mail.template, context, mail.language)
    mail.subject = mail.subject[:300]
    mail.attachments = attachments
    mail.renderer = ""
    return True


def mail_store(
    *,
    to: str,
    subject: str,
    body: str,
    language: str,
    attachments: Iterable[dict] = (),
    headers: dict | None = None,
) -> OutgoingMail:
    """Store an already rendered mail and send it once the current transaction commits."""
    return _queue(
        to=to,
        subject=subject[:300],
        body=body,
        language=language,
        attachments=list(attachments),
        headers=dict(headers or {}),
    )


def _queue(**fields) -> OutgoingMail:
    """Insert the row; with eager Celery (no worker, no relay) send it once the current
    transaction commits. With a worker the relay hands it over (mail_relay)."""
    mail = OutgoingMail.objects.create(**fields)
    if _celery_app().conf.task_always_eager:
        transaction.on_commit(lambda: _hand_to_worker(mail.pk))
    return mail


def _celery_app():
    # The app the project configured (config.celery); outbox sits below config.
    from celery import current_app

    return current_app


def _hand_to_worker(mail_id: int) -> bool:
    from outbox.tasks import send_mail

    try:
        send_mail.apply_async(kwargs={"mail_id": mail_id})
    except Exception:
        # The broker is unreachable: the row stays queued and the relay tries again.
        logger.exception("Could not queue outgoing mail %s; it stays in the outbox", mail_id)
        return False
    return True


def mail_send(*, mail_id: int, final_attempt: bool = False) -> None:
    """Send one queued mail; raises on an SMTP failure so that the task can retry.

    Mail is sent at least once, never silently twice: the attempt is counted and
    committed on its own before the SMTP conversation, and every attempt carries the
    row's one Message-ID. A worker killed after the server accepted the message leaves a
    queued row that says so (attempts, last_attempt_at); the task delivered again sends
    it a second time under the same Message-ID, which mail clients fold into one. A mail
    that has used up its attempts, however they ended, is given up on.
    """
    attempt = _attempt_start(mail_id=mail_id)
    if attempt is None:
        return
    failure = None
    with transaction.atomic():
        # The row lock is held through the SMTP conversation: a second worker handed the
        # same mail skips it while it is in flight, or finds it sent afterwards.
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=MailStatus.QUEUED, attempts=attempt)
            .first()
        )
        if mail is None:
            # Another worker started a later attempt in between, or holds the row.
            return
        if mail.renderer and not _write(mail):
            mail.status = MailStatus.FAILED
            mail.error = "Nothing to send: what the mail was about no longer exists."
            mail.save(update_fields=["status", "error"])
            return
        try:
            _message(mail).send()
        except Exception as exc:
            failure = exc
            mail.error = f"{type(exc).__name__}: {exc}"
            if final_attempt or mail.attempts >= MAX_ATTEMPTS:
                mail.status = MailStatus.FAILED
                logger.error("Giving up on outgoing mail %s: %s", mail.pk, mail.error)
        else:
            mail.status = MailStatus.SENT
            mail.sent_at = timezone.now()
            mail.error = ""
        mail.save(
            update_fields=[
                "error",
                "status",
                "sent_at",
                *(["subject", "body", "attachments", "renderer"] if mail.template else []),
            ]
        )
    if failure is not None and mail.status == MailStatus.QUEUED:
        raise failure


def _attempt_start(*, mail_id: int) -> int | None:
    """Count an attempt in its own committed transaction, before any SMTP conversation.
    Returns the attempt's number, or None when there is nothing to send (sent, failed,
    missing, in flight in another worker, or out of attempts)."""
    with transaction.atomic():
        mail = (
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(pk=mail_id, status=MailStatus.QUEUED)
            .first()
        )
        if mail is None:
            return None
        if mail.attempts >= MAX_ATTEMPTS:
            # Every attempt so far died without recording its end (a worker killed, a
            # database gone after the send): stop rather than send it forever.
            mail.status = MailStatus.FAILED
            mail.error = mail.error or f"{mail.attempts} attempts did not finish"
            mail.save(update_fields=["status", "error"])
            logger.error("Giving up on outgoing mail %s: %s", mail.pk, mail.error)
            return None
        mail.attempts += 1
        mail.last_attempt_at = timezone.now()
        mail.save(update_fields=["attempts", "last_attempt_at"])
        return mail.attempts


def _message(mail: OutgoingMail) -> EmailMessage:
    message = EmailMessage(
        subject=mail.subject,
        body=mail.body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        # The same Message-ID on every attempt: a duplicate is recognisable as one.
        headers={**(mail.headers or {}), "Message-ID": mail.message_id},
    )
    for attachment in mail.attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["content_type"])
    return message


def mail_relay(*, now=None, resend_after: timedelta = RESEND_AFTER, limit: int = 1000) -> int:
    """Hand queued mail to the workers: mail never handed over, and mail handed over
    long enough ago that its task was lost (a broker outage, a worker that died). Sending
    is idempotent, so a mail handed over twice is still sent once. Returns how many.

    The rows are marked `handed_at` under their lock, and the tasks are published only
    once that transaction has committed (`on_commit`). Published earlier, a worker can
    pick a task up within milliseconds, find the row still locked by the relay, skip it
    (`skip_locked`, which is how the send task leaves a mail in flight alone) and leave
    the mail to the resend two minutes later. Publishing after commit keeps skip_locked
    meaning "another worker is sending it" and every mail leaves within seconds.
    A mail in flight (locked by its send task) is skipped here too, not handed again.
    """
    now = now or timezone.now()
    published: list[int] = []
    with transaction.atomic():
        ids = list(
            OutgoingMail.objects.select_for_update(skip_locked=True)
            .filter(status=MailStatus.QUEUED)
            .filter(Q(handed_at__isnull=True) | Q(handed_at__lt=now - resend_after))
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:limit]
        )
        OutgoingMail.objects.filter(pk__in=ids).update(handed_at=now)
        transaction.on_commit(lambda: published.extend(_publish(ids, handed_at=now)))
    # Inside a caller's transaction the tasks leave when it commits; count them as handed.
    return len(published) if transaction.get_autocommit() else len(ids)


def _publish(ids: list[int], *, handed_at) -> list[int]:
    """Queue a send task per mail; a mail the broker refused goes back to "never handed
    over", so that the next run of the relay tries it first."""
    published = [mail_id for mail_id in ids if _hand_to_worker(mail_id)]
    refused = set(ids) - set(published)
    if refused:
        OutgoingMail.objects.filter(pk__in=refused, handed_at=handed_at).update(handed_at=None)
    return published


def mail_purge(*, now=None) -> int:
    """Delete mail sent or given up on more than OUTBOX_RETENTION_DAYS ago: the outbox is
    a delivery queue, not an archive of what people were told. Queued mail is never
    purged. Safe to run twice. Returns how many were deleted."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OUTBOX_RETENTION_DAYS)
    deleted, _by_model = (
        OutgoingMail.objects.filter(status__in=(MailStatus.SENT, MailStatus.FAILED))
        .filter(created_at__lt=cutoff)
        .delete()
    )
    return deleted
