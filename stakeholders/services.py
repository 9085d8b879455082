import datetime as dt
import io
import json
import logging
import zipfile
from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries.fields import Country

from audit.enums import AuditAction
from audit.services import audit_record
from core.errors import DomainError
from gcm.models import Sector
from stakeholders import privacy
from stakeholders.enums import EcosocStatus
from stakeholders.models import Consent, Organisation, Profile, User

logger = logging.getLogger(__name__)


@transaction.atomic
def profile_update(
    *,
    user: User,
    name: str,
    language: str,
    job_title: str,
    sector: Sector,
    country: str | Country,
    gender: str,
    gender_self_description: str,
    organisation_name: str = "",
    organisation_acronym: str = "",
    ecosoc_status: str = EcosocStatus.NONE,
    migrant_led: bool = False,
    diaspora: bool = False,
    website: str = "",
    consent: bool,
) -> Profile:
    """Create or update a stakeholder's profile and organisation.

    The organisation takes the person's sector and country. A person edits only an
    organisation they created; naming another one creates their own record, which staff
    can reconcile in the admin. Without an organisation name the person takes part as an
    individual. Consent is recorded with the notice version it was given for, once per
    version.
    """
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])

    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    profile.job_title = job_title
    profile.sector = sector
    profile.country = country
    profile.gender = gender
    profile.gender_self_description = gender_self_description

    if organisation_name:
        organisation = profile.organisation
        if organisation is None or organisation.created_by_id != user.pk:
            organisation = Organisation(created_by=user)
        organisation.name = organisation_name
        organisation.acronym = organisation_acronym
        organisation.ecosoc_status = ecosoc_status
        organisation.migrant_led = migrant_led
        organisation.diaspora = diaspora
        organisation.website = website
        organisation.sector = profile.sector
        organisation.country = profile.country
        organisation.save()
        profile.organisation = organisation
    else:
        profile.organisation = None
    profile.save()

    if consent:
        Consent.objects.get_or_create(user=user, text_version=settings.CONSENT_TEXT_VERSION)
    return profile


# --- people's rights over their data ------------------------------------------------------


def account_export(*, user: User, now: dt.datetime | None = None) -> bytes:
    """Everything the project holds about the person, as a ZIP: `data.json` with one key
    per registered part (stakeholders.privacy) and the person's own files under `files/`
    (CVs, attachments of inputs, ID photos). The download is kept in the audit trail."""
    now = now or timezone.now()
    data = {"generated_at": now, "notice_version": settings.CONSENT_TEXT_VERSION}
    files = []
    for part in privacy.parts():
        if part.export is not None:
            data[part.name] = part.export(user)
        if part.files is not None:
            files.extend(part.files(user))
    buffer = io.BytesIO()
    written = 0
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "data.json", json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
        for name, field_file in files:
            try:
                with field_file.open("rb") as handle:
                    archive.writestr(name, handle.read())
            except OSError:
                # A file already gone from the storage (e.g. purged meanwhile): the
                # export still lists the record.
                logger.warning("File %s of user %s is missing from the storage", name, user.pk)
                continue
            written += 1
    audit_record(
        actor=user,
        action=AuditAction.DOWNLOADED_OWN_DATA,
        target=user,
        subject_id=user.pk,
        detail={"files": written},
    )
    return buffer.getvalue()


def account_consequences(*, user: User, now: dt.datetime | None = None) -> list[str]:
    """What deleting the account would do to each part, in sentences for the person."""
    now = now or timezone.now()
    return [
        sentence
        for part in privacy.parts()
        if part.explain is not None
        for sentence in part.explain(user, now=now)
    ]


def account_erase(*, user: User, now: dt.datetime | None = None) -> dict:
    """Erase a person's account and everything hanging from it, part by part in the
    reverse order of registration (stakeholders.privacy), in one transaction; files are
    deleted after commit. Returns what each part did, in counts (for the audit trail,
    which keeps the person by numeric reference only). The callers record the event."""
    now = now or timezone.now()
    with transaction.atomic():
        # Two submissions of the same deletion are serialised here; the second finds
        # no account.
        user = User.objects.select_for_update().get(pk=user.pk)
        return {
            part.name: part.erase(user, now=now)
            for part in reversed(privacy.parts())
            if part.erase is not None
        }


def account_delete(*, user: User, now: dt.datetime | None = None) -> dict:
    """A stakeholder deletes their own account (GCM Consultations privacy notice: the
    right to erasure). Personal data goes; registrations and attendance stay as anonymous
    figures; published inputs stay as their consent allows. Staff accounts are closed by
    the secretariat instead, which keeps the record of who held a staff role."""
    if user.is_staff or user.is_superuser:
        raise DomainError(
            _(
                "Staff accounts cannot be deleted here: ask the secretariat's administrator "
                "to close yours."
            ),
            code="staff",
        )
    subject_id = user.pk
    try:
        with transaction.atomic():
            summary = account_erase(user=user, now=now)
            audit_record(
                actor=None,
                action=AuditAction.DELETED_ACCOUNT,
                subject_id=subject_id,
                detail=summary,
            )
    except User.DoesNotExist:
        raise DomainError(_("This account has already been deleted."), code="gone") from None
    return summary


def account_close(*, user: User, by: User, now: dt.datetime | None = None) -> dict:
    """The secretariat closes an account (a staff member's, or a person's at their
    request, from the admin): the same erasure as the person's own deletion, recorded
    under the name of the staff member who did it."""
    subject_id = user.pk
    with transaction.atomic():
        summary = account_erase(user=user, now=now)
        audit_record(
            # An administrator closing their own account is gone by now.
            actor=by if by.pk != subject_id else None,
            action=AuditAction.DELETED_ACCOUNT,
            subject_id=subject_id,
            detail={**summary, "closed_by_secretariat": True},
        )
    return summary


def unverified_accounts_purge(*, now: dt.datetime | None = None) -> int:
    """Delete accounts whose email address was never verified, UNVERIFIED_ACCOUNT_DAYS
    after sign-up: such an account cannot sign in, and it holds an address that may not
    be its owner's. Accounts without any address on record (made by staff, the demo's
    synthetic participants) and staff accounts are never touched. Safe to run twice."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.UNVERIFIED_ACCOUNT_DAYS)
    addresses = EmailAddress.objects.filter(user=OuterRef("pk"))
    due = (
        User.objects.filter(is_staff=False, is_superuser=False, date_joined__lt=cutoff)
        .filter(Exists(addresses))
        .exclude(Exists(addresses.filter(verified=True)))
        .values_list("pk", flat=True)
    )
    purged = 0
    for user_id in list(due):
        user = User.objects.filter(pk=user_id).first()
        if user is None:
            continue
        account_erase(user=user, now=now)
        purged += 1
    return purged


def personal_data_purge(
    *, now: dt.datetime | None = None, only: Iterable[str] = ()
) -> dict[str, int]:
    """Run every retention rule registered in stakeholders.privacy (or those named in
    `only`), each on its own, and keep in the audit trail how much each deleted. A rule
    that fails does not stop the others; the first failure is raised at the end."""
    now = now or timezone.now()
    wanted = set(only)
    results, failure = {}, None
    for purge in privacy.purges():
        if wanted and purge.name not in wanted:
            continue
        try:
            with transaction.atomic():
                count = purge.purge(now=now)
                if count:
                    audit_record(
                        actor=None,
                        action=AuditAction.PURGED_DATA,
                        detail={"purge": purge.name, "deleted": count},
                    )
        except Exception as exc:
            logger.exception("The %s purge failed", purge.name)
            failure = failure or exc
            continue
        results[purge.name] = count
    if failure is not None:
        raise failure
    return results
