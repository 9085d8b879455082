"""Reads of the outreach app: the directory, a campaign's segment and its funnel."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext

from consultations.enums import Attendance, RegistrationStatus
from consultations.models import Registration
from gcm.models import MemberState, Sector
from outreach.models import Campaign, Contact, ContactImport, Invitation
from stakeholders.models import Organisation, User


def contact_directory(*, q: str = "", sector=None, country: str = "") -> QuerySet[Contact]:
    contacts = Contact.objects.select_related("organisation", "sector").order_by("email")
    if q:
        contacts = contacts.filter(
            Q(email__icontains=q) | Q(name__icontains=q) | Q(organisation__name__icontains=q)
        )
    if sector is not None:
        contacts = contacts.filter(sector=sector)
    if country:
        contacts = contacts.filter(country=country)
    return contacts


def organisation_directory() -> QuerySet[Organisation]:
    return Organisation.objects.select_related("sector").order_by("name", "pk")


def import_list() -> QuerySet[ContactImport]:
    return ContactImport.objects.select_related("created_by").order_by("-created_at")


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("review", "session").order_by("-created_at")


def campaign_segment(*, campaign: Campaign) -> QuerySet[Contact]:
    """Every contact the campaign's criteria select, before anyone is skipped."""
    contacts = Contact.objects.all()
    if campaign.sector_id:
        contacts = contacts.filter(sector_id=campaign.sector_id)
    if campaign.country:
        contacts = contacts.filter(country=campaign.country)
    if campaign.subregion_id:
        contacts = contacts.filter(
            country__in=MemberState.objects.filter(subregion_id=campaign.subregion_id).values(
                "country"
            )
        )
    if campaign.migrant_led:
        contacts = contacts.filter(organisation__migrant_led=True)
    if campaign.diaspora:
        contacts = contacts.filter(organisation__diaspora=True)
    if campaign.past_review_id:
        participants = Registration.objects.filter(
            session__review_id=campaign.past_review_id,
            status=RegistrationStatus.CONFIRMED,
            user__isnull=False,
        ).annotate(lower=Lower("user__email"))
        contacts = contacts.annotate(lower=Lower("email")).filter(
            lower__in=participants.values("lower")
        )
    if campaign.contact_list_id:
        contacts = contacts.filter(imports=campaign.contact_list_id)
    return contacts


def campaign_recipients(*, campaign: Campaign) -> QuerySet[Contact]:
    """The segment without unsubscribed contacts and those with no basis for contact."""
    return (
        campaign_segment(campaign=campaign)
        .filter(unsubscribed_at__isnull=True)
        .exclude(basis="")
        .order_by("pk")
    )


STAGES = ("invited", "signed_up", "registered", "attended")


@dataclass
class FunnelRow:
    label: str
    invited: int = 0
    opened: int = 0
    signed_up: int = 0
    registered: int = 0
    attended: int = 0

    def add(self, *, opened: bool, signed_up: bool, registered: bool, attended: bool) -> None:
        self.invited += 1
        self.opened += opened
        self.signed_up += signed_up
        self.registered += registered
        self.attended += attended


@dataclass
class Funnel:
    total: FunnelRow
    by_sector: list[FunnelRow] = field(default_factory=list)
    by_language: list[FunnelRow] = field(default_factory=list)

    @property
    def total_rows(self) -> list[FunnelRow]:
        return [self.total]


def campaign_funnel(*, campaign: Campaign) -> Funnel:
    """Invited → signed up → registered → attended, from what people did, not from
    tracking: a person counts as signed up when an account has their address, as
    registered when that account holds a registration (confirmed or waitlisted) for the
    campaign's session (or any session of its review), and as attended when staff
    recorded their attendance. Two queries, whatever the number of invitations."""
    email = Lower(OuterRef("contact__email"))
    registrations = Registration.objects.annotate(lower=Lower("user__email")).filter(
        lower=email,
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
    )
    if campaign.session_id:
        registrations = registrations.filter(session_id=campaign.session_id)
    else:
        registrations = registrations.filter(session__review_id=campaign.review_id)
    rows = (
        Invitation.objects.filter(campaign=campaign)
        .annotate(
            signed_up=Exists(User.objects.annotate(lower=Lower("email")).filter(lower=email)),
            registered=Exists(registrations),
            attended=Exists(registrations.filter(attendance=Attendance.ATTENDED)),
        )
        .values_list("sector_id", "language", "opened_at", "signed_up", "registered", "attended")
    )
    sectors = {sector.pk: sector.name for sector in Sector.objects.all()}
    languages = dict(_languages())
    total = FunnelRow(label=gettext("All"))
    by_sector: dict = defaultdict(lambda: None)
    by_language: dict = defaultdict(lambda: None)
    for sector_id, language, opened_at, signed_up, registered, attended in rows:
        flags = {
            "opened": opened_at is not None,
            "signed_up": signed_up,
            "registered": registered,
            "attended": attended,
        }
        total.add(**flags)
        if by_sector[sector_id] is None:
            by_sector[sector_id] = FunnelRow(label=sectors.get(sector_id, "—"))
        by_sector[sector_id].add(**flags)
        if by_language[language] is None:
            by_language[language] = FunnelRow(label=str(languages.get(language, language)))
        by_language[language].add(**flags)
    return Funnel(
        total=total,
        by_sector=sorted(by_sector.values(), key=lambda row: row.label),
        by_language=sorted(by_language.values(), key=lambda row: row.label),
    )


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
