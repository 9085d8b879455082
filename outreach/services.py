"""Writes of the outreach app: imports, merges, unsubscriptions and campaigns."""

import logging

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from consultations.enums import RegistrationStatus
from consultations.models import Registration
from core.errors import DomainError
from outbox.services import mail_queue
from outreach import selectors
from outreach.enums import CampaignStatus, ContactBasis, ImportStatus
from outreach.models import Campaign, Contact, ContactImport, Invitation, OrganisationMerge
from outreach.tokens import INVITATION_SALT, UNSUBSCRIBE_SALT, make_token
from stakeholders.models import Organisation

logger = logging.getLogger(__name__)


# --- Imports ------------------------------------------------------------------------------


def contact_import_create(*, name: str, filename: str, rows: list[dict], by) -> ContactImport:
    """Keep checked rows for the preview; nothing reaches the directory yet."""
    return ContactImport.objects.create(
        name=name, filename=filename[:255], rows=rows, created_by=by
    )


def contact_import_apply(*, import_id: int, by) -> ContactImport:
    """Write every row of a previewed import to the directory in one transaction: all
    rows or none. An address already in the directory updates that contact (its
    unsubscription stays); organisations are matched by name and country, case aside."""
    now = timezone.now()
    with transaction.atomic():
        contact_import = ContactImport.objects.select_for_update().filter(pk=import_id).first()
        if contact_import is None:
            raise DomainError(_("This import no longer exists."), code="missing")
        if contact_import.status != ImportStatus.PREVIEW:
            raise DomainError(_("This list has already been imported."), code="applied")
        rows = contact_import.rows
        organisations = _organisations_for(rows, by=by)
        emails = [row["email"] for row in rows]
        existing = {
            contact.email: contact
            for contact in Contact.objects.annotate(lower=Lower("email")).filter(lower__in=emails)
        }
        source = _("list “%(name)s”") % {"name": contact_import.name}
        new, changed = [], []
        for row in rows:
            contact = existing.get(row["email"]) or Contact(email=row["email"])
            contact.name = row["name"] or contact.name
            organisation = organisations.get(_organisation_key(row))
            if organisation is not None:
                contact.organisation = organisation
            contact.sector_id = row["sector"] or contact.sector_id
            contact.country = row["country"] or contact.country
            contact.language = row["language"]
            if row["consent"]:
                contact.basis = ContactBasis.CONSENT
                contact.basis_recorded_at = now
                contact.basis_source = source[:200]
            (changed if contact.pk else new).append(contact)
        Contact.objects.bulk_create(new, batch_size=500)
        Contact.objects.bulk_update(
            changed,
            [
                "name",
                "organisation",
                "sector",
                "country",
                "language",
                "basis",
                "basis_recorded_at",
                "basis_source",
            ],
            batch_size=500,
        )
        ids = Contact.objects.annotate(lower=Lower("email")).filter(lower__in=emails)
        Through = ContactImport.contacts.through
        Through.objects.bulk_create(
            [
                Through(contactimport_id=contact_import.pk, contact_id=pk)
                for pk in ids.values_list("pk", flat=True)
            ],
            batch_size=500,
        )
        contact_import.status = ImportStatus.APPLIED
        contact_import.applied_at = now
        contact_import.rows = []
        contact_import.save(update_fields=["status", "applied_at", "rows"])
    return contact_import


def _organisation_key(row: dict) -> tuple[str, str] | None:
    if not row.get("organisation"):
        return None
    return (row["organisation"].casefold(), row["country"])


def _organisations_for(rows: list[dict], *, by) -> dict[tuple[str, str], Organisation]:
    wanted = {}
    for row in rows:
        key = _organisation_key(row)
        if key is not None and key not in wanted:
            wanted[key] = row
    if not wanted:
        return {}
    found = {}
    names = {key[0] for key in wanted}
    for organisation in Organisation.objects.annotate(lower=Lower("name")).filter(lower__in=names):
        found.setdefault((organisation.name.casefold(), str(organisation.country)), organisation)
    for key, row in wanted.items():
        if key not in found:
            found[key] = Organisation.objects.create(
                name=row["organisation"],
                sector_id=row["sector"],
                country=row["country"],
                migrant_led=row["migrant_led"],
                diaspora=row["diaspora"],
                created_by=by,
            )
    return found


# --- Organisations --------------------------------------------------------------------


MERGE_FILL = ("acronym", "website")


def organisation_merge(*, keep_id: int, merge_id: int, by) -> OrganisationMerge:
    """Make two organisations one. Every row that points to the merged one (members,
    contacts, and whatever the apps above link to it) moves to the one kept; empty
    details of the kept one are filled from the merged one; a record keeps what the
    merged organisation was."""
    if keep_id == merge_id:
        raise DomainError(_("Choose two different organisations."), code="same")
    with transaction.atomic():
        pair = {
            organisation.pk: organisation
            for organisation in Organisation.objects.select_for_update().filter(
                pk__in=[keep_id, merge_id]
            )
        }
        if len(pair) != 2:
            raise DomainError(_("One of the organisations no longer exists."), code="missing")
        keep, merged = pair[keep_id], pair[merge_id]
        moved = {}
        for relation in Organisation._meta.get_fields(include_hidden=True):
            if not (relation.auto_created and not relation.concrete):
                continue
            if not (relation.one_to_many or relation.one_to_one):
                continue
            model = relation.related_model
            label = f"{model._meta.label}.{relation.field.name}"
            try:
                with transaction.atomic():
                    count = model._default_manager.filter(**{relation.field.name: merged}).update(
                        **{relation.field.name: keep}
                    )
            except IntegrityError:
                raise DomainError(
                    _(
                        "These organisations cannot be merged: both have a link that must stay "
                        "unique (%(link)s)."
                    )
                    % {"link": model._meta.verbose_name},
                    code="conflict",
                ) from None
            if count:
                moved[label] = count
        data = {
            "name": merged.name,
            "acronym": merged.acronym,
            "sector": merged.sector.code,
            "country": str(merged.country),
            "ecosoc_status": merged.ecosoc_status,
            "migrant_led": merged.migrant_led,
            "diaspora": merged.diaspora,
            "website": merged.website,
        }
        for name in MERGE_FILL:
            if not getattr(keep, name):
                setattr(keep, name, getattr(merged, name))
        keep.migrant_led = keep.migrant_led or merged.migrant_led
        keep.diaspora = keep.diaspora or merged.diaspora
        keep.save(update_fields=[*MERGE_FILL, "migrant_led", "diaspora"])
        record = OrganisationMerge.objects.create(
            kept=keep,
            merged_id=merged.pk,
            merged_name=merged.name,
            merged_data=data,
            moved=moved,
            merged_by=by,
        )
        merged.delete()
    return record


# --- Unsubscribing ----------------------------------------------------------------------


def contact_unsubscribe(*, contact_id: int, now=None) -> Contact | None:
    """Record that a contact wants no more campaign mail. Every later campaign skips
    them. Safe to run twice: the first date stays."""
    now = now or timezone.now()
    Contact.objects.filter(pk=contact_id, unsubscribed_at__isnull=True).update(unsubscribed_at=now)
    return Contact.objects.filter(pk=contact_id).first()


# --- Campaigns --------------------------------------------------------------------------


def campaign_check_editable(campaign: Campaign) -> None:
    """Only a draft can change: once sending starts, its invitations carry the text and
    its funnel counts the segment that was chosen."""
    if campaign.status != CampaignStatus.DRAFT:
        raise DomainError(
            _("This campaign has already been sent: only a draft campaign can be edited."),
            code="sent",
        )


def campaign_update(*, campaign_id: int, changes: dict) -> Campaign:
    """Write a draft campaign's new subject, message or segment. The row is locked, so
    that a campaign whose sending starts at the same moment is refused, not changed under
    its delivery."""
    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None:
            raise DomainError(_("This campaign no longer exists."), code="missing")
        campaign_check_editable(campaign)
        for name, value in changes.items():
            setattr(campaign, name, value)
        campaign.save()
    return campaign


def campaign_send(*, campaign_id: int, by=None) -> Campaign:
    """Start sending a draft campaign; the invitations are written by a task, so that
    a list of thousands does not hold the request."""
    from outreach.tasks import deliver_campaign

    with transaction.atomic():
        campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
        if campaign is None:
            raise DomainError(_("This campaign no longer exists."), code="missing")
        if campaign.status != CampaignStatus.DRAFT:
            raise DomainError(_("This campaign has already been sent."), code="sent")
        campaign.status = CampaignStatus.SENDING
        campaign.save(update_fields=["status"])
        transaction.on_commit(lambda: _hand_over(deliver_campaign, campaign.pk))
    return campaign


def _hand_over(task, campaign_id: int) -> None:
    try:
        task.delay(campaign_id=campaign_id)
    except Exception:
        # The broker is unreachable: campaigns_resume hands the campaign over again.
        logger.exception("Could not queue campaign %s; it will be resumed", campaign_id)


def campaigns_resume() -> int:
    """Hand every campaign still sending to a worker again (run by the scheduler): a
    task lost with a broker outage or a worker that died is finished later. Delivery
    is idempotent and locks the campaign per batch, so a campaign being delivered
    meanwhile is not invited twice. Returns how many were handed over."""
    from outreach.tasks import deliver_campaign

    ids = list(Campaign.objects.filter(status=CampaignStatus.SENDING).values_list("pk", flat=True))
    for campaign_id in ids:
        _hand_over(deliver_campaign, campaign_id)
    return len(ids)


def campaign_deliver(*, campaign_id: int, batch: int = 500) -> int:
    """Write one invitation and one mail per recipient of a sending campaign, in each
    recipient's language. Unsubscribed contacts and contacts without a basis for being
    contacted are skipped and counted. Safe to run twice: a contact already invited is
    not invited again, and a sent campaign is left alone. Returns the invitations made."""
    campaign = Campaign.objects.filter(pk=campaign_id).select_related("review", "session").first()
    if campaign is None or campaign.status != CampaignStatus.SENDING:
        return 0
    if campaign.past_review_id:
        _contacts_for_participants(review_id=campaign.past_review_id)
    segment = selectors.campaign_segment(campaign=campaign)
    skipped_unsubscribed = segment.filter(unsubscribed_at__isnull=False).count()
    skipped_no_basis = segment.filter(unsubscribed_at__isnull=True, basis="").count()
    recipients = selectors.campaign_recipients(campaign=campaign).exclude(
        invitations__campaign=campaign
    )
    made = 0
    ids = list(recipients.values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        with transaction.atomic():
            # Skip the campaign if another run finished it meanwhile.
            locked = (
                Campaign.objects.select_for_update()
                .filter(pk=campaign.pk, status=CampaignStatus.SENDING)
                .exists()
            )
            if not locked:
                return made
            contacts = Contact.objects.filter(
                pk__in=ids[start : start + batch], unsubscribed_at__isnull=True
            ).exclude(invitations__campaign=campaign)
            for contact in contacts:
                invitation = Invitation.objects.create(
                    campaign=campaign,
                    contact=contact,
                    language=contact.language,
                    sector_id=contact.sector_id,
                )
                invitation.mail = _invitation_mail(campaign, invitation, contact)
                invitation.save(update_fields=["mail"])
                made += 1
    Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
        status=CampaignStatus.SENT,
        sent_at=timezone.now(),
        skipped_unsubscribed=skipped_unsubscribed,
        skipped_no_basis=skipped_no_basis,
    )
    return made


def _invitation_mail(campaign: Campaign, invitation: Invitation, contact: Contact):
    unsubscribe_url = unsubscribe_link(contact=contact, language=invitation.language)
    return mail_queue(
        to=contact.email,
        template="emails/campaign_invitation",
        context=invitation_context(
            campaign=campaign,
            language=invitation.language,
            name=contact.name,
            invitation_url=invitation_link(invitation=invitation),
            unsubscribe_url=unsubscribe_url,
        ),
        language=invitation.language,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def invitation_context(
    *, campaign: Campaign, language: str, name: str, invitation_url: str, unsubscribe_url: str
) -> dict:
    """What the invitation template shows, in one language (also used by the preview).
    modeltranslation falls back to English where staff left a language empty."""
    with translation.override(language):
        return {
            "campaign": campaign,
            "subject": campaign.subject,
            "message": campaign.message,
            "review_title": campaign.review.title,
            "session": campaign.session,
            "name": name,
            "invitation_url": invitation_url,
            "unsubscribe_url": unsubscribe_url,
        }


def invitation_link(*, invitation: Invitation) -> str:
    from django.conf import settings

    token = make_token(invitation.pk, salt=INVITATION_SALT)
    with translation.override(invitation.language):
        return settings.SITE_URL + reverse("outreach:invitation", args=[token])


def unsubscribe_link(*, contact: Contact, language: str) -> str:
    from django.conf import settings

    token = make_token(contact.pk, salt=UNSUBSCRIBE_SALT)
    with translation.override(language):
        return settings.SITE_URL + reverse("outreach:unsubscribe", args=[token])


def _contacts_for_participants(*, review_id: int) -> None:
    """Put the past participants of a review in the directory (if they are not there
    yet) so that they can be invited; having taken part is their basis for contact."""
    registrations = (
        Registration.objects.filter(
            session__review_id=review_id,
            status=RegistrationStatus.CONFIRMED,
            user__isnull=False,
        )
        .select_related("user", "user__profile")
        .order_by("user_id")
        .distinct()
    )
    users = {registration.user.email.lower(): registration.user for registration in registrations}
    if not users:
        return
    known = set(
        Contact.objects.annotate(lower=Lower("email"))
        .filter(lower__in=list(users))
        .values_list("lower", flat=True)
    )
    now = timezone.now()
    new = []
    for email, user in users.items():
        if email in known:
            continue
        profile = getattr(user, "profile", None)
        new.append(
            Contact(
                email=email,
                name=user.name,
                organisation_id=profile.organisation_id if profile else None,
                sector_id=profile.sector_id if profile else None,
                country=profile.country if profile else "",
                language=user.language,
                basis=ContactBasis.PARTICIPANT,
                basis_recorded_at=now,
                basis_source=_("registration")[:200],
            )
        )
    Contact.objects.bulk_create(new, ignore_conflicts=True)


def invitation_open(*, invitation_id: int, now=None) -> Invitation | None:
    """Note the first time an invitation's link was opened."""
    now = now or timezone.now()
    Invitation.objects.filter(pk=invitation_id, opened_at__isnull=True).update(opened_at=now)
    return (
        Invitation.objects.filter(pk=invitation_id)
        .select_related("campaign__review", "campaign__session", "contact")
        .first()
    )
