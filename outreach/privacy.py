"""What the directory holds about a person, for "Download my data" and "Delete my
account" (stakeholders.privacy). The directory entry is matched by the account's
address: it is kept apart from the account, but it is about the same person."""

from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from outreach.enums import ContactBasis
from outreach.models import Contact, Invitation
from stakeholders import privacy


def register() -> None:
    privacy.register("directory", export=_export, erase=_erase, explain=_explain)


def _contacts(user):
    return Contact.objects.annotate(lower=Lower("email")).filter(lower=user.email.lower())


def _export(user) -> list[dict]:
    contacts = _contacts(user).select_related("organisation", "sector")
    invitations = (
        Invitation.objects.filter(contact__in=_contacts(user))
        .select_related("campaign")
        .order_by("created_at")
    )
    return [
        {
            "email": contact.email,
            "name": contact.name,
            "organisation": contact.organisation.name if contact.organisation else None,
            "sector": contact.sector.code if contact.sector else None,
            "country": str(contact.country or ""),
            "language": contact.language,
            "basis_for_contact": contact.basis,
            "basis_recorded_at": contact.basis_recorded_at,
            "basis_source": contact.basis_source,
            "unsubscribed_at": contact.unsubscribed_at,
            "invitations": [
                {
                    "campaign": invitation.campaign.subject,
                    "sent_at": invitation.created_at,
                    "link_opened_at": invitation.opened_at,
                }
                for invitation in invitations
                if invitation.contact_id == contact.pk
            ],
        }
        for contact in contacts
    ]


def _erase(user, *, now) -> dict:
    """The entry goes, with its invitations; an unsubscribed address stays as the bare
    address and its date, so that no later campaign writes to it again."""
    contacts = _contacts(user)
    unsubscribed = list(contacts.filter(unsubscribed_at__isnull=False).values_list("pk", flat=True))
    Invitation.objects.filter(contact__in=contacts).delete()
    Contact.objects.filter(pk__in=unsubscribed).update(
        name="",
        organisation=None,
        sector=None,
        country="",
        basis=ContactBasis.NONE,
        basis_recorded_at=None,
        basis_source="",
    )
    deleted, _by_model = contacts.exclude(pk__in=unsubscribed).delete()
    return {"directory_entries_deleted": deleted, "unsubscriptions_kept": len(unsubscribed)}


def _explain(user, *, now) -> list[str]:
    contacts = _contacts(user)
    if not contacts.exists():
        return []
    if contacts.filter(unsubscribed_at__isnull=False).exists():
        return [
            _(
                "Your entry in the stakeholder directory will be deleted; your address is "
                "kept only to honour your unsubscription."
            )
        ]
    return [_("Your entry in the stakeholder directory will be deleted.")]
