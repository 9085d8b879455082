"""Retention runs by itself: each rule deletes what its period has run out for and
nothing else, twice is safe, a command runs them and the scheduler runs it daily."""

import datetime as dt
import io

import pytest
from allauth.account.models import EmailAddress
from celery.schedules import crontab
from django.conf import settings as django_settings
from django.core.management import call_command
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEvent
from outbox.enums import MailStatus
from outbox.models import OutgoingMail
from outbox.services import mail_purge
from stakeholders import privacy, services, tasks
from stakeholders.models import User
from tests.factories import StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 6, 1, 3, 0, tzinfo=dt.UTC)


def _joined(days_ago: int, *, verified: bool | None, **kwargs) -> User:
    """An account made `days_ago` before NOW; verified True/False, or None for no
    address on record at all."""
    user = UserFactory(
        date_joined=NOW - dt.timedelta(days=days_ago), verified=verified is True, **kwargs
    )
    if verified is False:
        EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


def test_unverified_accounts_purge_deletes_only_accounts_never_verified_after_the_period(
    settings,
):
    settings.UNVERIFIED_ACCOUNT_DAYS = 30
    old_unverified = _joined(31, verified=False)
    recent_unverified = _joined(29, verified=False)
    verified = _joined(400, verified=True)
    made_by_staff = _joined(400, verified=None)
    unverified_staff = _joined(400, verified=False, is_staff=True)

    first = services.unverified_accounts_purge(now=NOW)
    second = services.unverified_accounts_purge(now=NOW)

    assert (first, second) == (1, 0)
    assert set(User.objects.values_list("pk", flat=True)) == {
        recent_unverified.pk,
        verified.pk,
        made_by_staff.pk,
        unverified_staff.pk,
    }
    assert not EmailAddress.objects.filter(email=old_unverified.email).exists()


def test_unverified_accounts_purge_deletes_their_queued_mail(settings):
    settings.UNVERIFIED_ACCOUNT_DAYS = 30
    user = _joined(31, verified=False)
    OutgoingMail.objects.create(to=user.email, subject="Confirm", body="…", language="en")

    services.unverified_accounts_purge(now=NOW)

    assert not OutgoingMail.objects.filter(to=user.email).exists()


def _mail(days_ago: int, status: str) -> OutgoingMail:
    mail = OutgoingMail.objects.create(
        to="someone@example.org", subject="s", body="b", language="en", status=status
    )
    OutgoingMail.objects.filter(pk=mail.pk).update(created_at=NOW - dt.timedelta(days=days_ago))
    return mail


def test_outbox_purge_deletes_sent_and_failed_mail_after_the_period(settings):
    settings.OUTBOX_RETENTION_DAYS = 90
    _mail(91, MailStatus.SENT)
    _mail(91, MailStatus.FAILED)
    queued = _mail(91, MailStatus.QUEUED)
    recent = _mail(89, MailStatus.SENT)

    first, second = mail_purge(now=NOW), mail_purge(now=NOW)

    assert (first, second) == (2, 0)
    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {queued.pk, recent.pk}


def test_every_retention_rule_is_registered():
    assert [purge.name for purge in privacy.purges()] == [
        "unverified-accounts",
        "outbox",
        "accreditation",
        "registration-exports",
        "rapporteur",
    ]


def test_personal_data_purge_runs_each_rule_and_keeps_counts_in_the_audit_trail(settings):
    settings.UNVERIFIED_ACCOUNT_DAYS = 30
    settings.OUTBOX_RETENTION_DAYS = 90
    _joined(31, verified=False)
    _mail(91, MailStatus.SENT)

    results = services.personal_data_purge(now=NOW)

    assert results == {
        "unverified-accounts": 1,
        "outbox": 1,
        "accreditation": 0,
        "registration-exports": 0,
        "rapporteur": 0,
    }
    assert sorted(
        AuditEvent.objects.filter(action=AuditAction.PURGED_DATA).values_list("detail", flat=True),
        key=lambda detail: detail["purge"],
    ) == [{"purge": "outbox", "deleted": 1}, {"purge": "unverified-accounts", "deleted": 1}]


def test_personal_data_purge_goes_on_after_a_failing_rule_then_raises(monkeypatch, settings):
    settings.OUTBOX_RETENTION_DAYS = 90
    _mail(91, MailStatus.SENT)

    def broken(*, now):
        raise RuntimeError("storage down")

    monkeypatch.setitem(privacy._purges, "unverified-accounts", privacy.Purge("x", broken))

    with pytest.raises(RuntimeError, match="storage down"):
        services.personal_data_purge(now=NOW)

    assert OutgoingMail.objects.count() == 0


def test_purge_command_runs_the_rules_named(settings):
    settings.OUTBOX_RETENTION_DAYS = 1
    settings.UNVERIFIED_ACCOUNT_DAYS = 1
    unverified = UserFactory(verified=False, date_joined=timezone.now() - dt.timedelta(days=2))
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    mail = OutgoingMail.objects.create(to="a@example.org", subject="s", body="b", language="en")
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=MailStatus.SENT, created_at=timezone.now() - dt.timedelta(days=2)
    )
    out = io.StringIO()

    call_command("purge_personal_data", "--only", "outbox", stdout=out)

    assert out.getvalue() == "outbox: 1 deleted (sent and failed outgoing mail)\n"
    assert User.objects.filter(pk=unverified.pk).exists()


def test_purge_command_dry_run_deletes_nothing(settings):
    settings.UNVERIFIED_ACCOUNT_DAYS = 1
    unverified = UserFactory(verified=False, date_joined=timezone.now() - dt.timedelta(days=2))
    EmailAddress.objects.create(user=unverified, email=unverified.email, verified=False)
    out = io.StringIO()

    call_command("purge_personal_data", "--dry-run", stdout=out)

    assert "unverified-accounts: 1 would be deleted (unverified accounts)\n" in out.getvalue()
    assert User.objects.filter(pk=unverified.pk).exists()
    assert not AuditEvent.objects.exists()


def test_purge_task_runs_every_rule():
    StaffFactory()

    assert tasks.purge_personal_data.delay().get() == {
        "unverified-accounts": 0,
        "outbox": 0,
        "accreditation": 0,
        "registration-exports": 0,
        "rapporteur": 0,
    }


def test_scheduler_runs_the_purges_daily():
    entry = django_settings.CELERY_BEAT_SCHEDULE["personal-data-purge"]

    assert entry == {
        "task": "stakeholders.purge_personal_data",
        "schedule": crontab(hour=3, minute=0),
    }
