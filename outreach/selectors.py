"""Reads of the outreach app: the directory, a campaign's segment and its funnel."""

from dataclasses import dataclass, field

from django.db.models import BooleanField, Case, Count, Exists, OuterRef, Q, QuerySet, When
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


@dataclass
class FunnelRow:
    label: str
    invited: int = 0
    opened: int = 0
    signed_up: int = 0
    registered: int = 0
    attended: int = 0

    def add(self, counts: dict[str, int]) -> None:
        self.invited += counts["invited"]
        self.opened += counts["opened"]
        self.signed_up += counts["signed_up"]
        self.registered += counts["registered"]
        self.attended += counts["attended"]


@dataclass
class Funnel:
    total: FunnelRow
    by_sector: list[FunnelRow] = field(default_factory=list)
    by_language: list[FunnelRow] = field(default_factory=list)

    @property
    def total_rows(self) -> list[FunnelRow]:
        return [self.total]


def _registered(*, attended: bool) -> Case:
    """Whether the invited address holds a registration (confirmed or waitlisted) for the
    campaign's session, or for any session of its review when the campaign invites to
    the review as a whole; with `attended`, one whose attendance staff recorded."""
    registrations = Registration.objects.annotate(lower=Lower("user__email")).filter(
        lower=Lower(OuterRef("contact__email")),
        status__in=(RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED),
    )
    if attended:
        registrations = registrations.filter(attendance=Attendance.ATTENDED)
    return Case(
        When(
            campaign__session__isnull=True,
            then=Exists(registrations.filter(session__review_id=OuterRef("campaign__review_id"))),
        ),
        default=Exists(registrations.filter(session_id=OuterRef("campaign__session_id"))),
        output_field=BooleanField(),
    )


def campaign_funnels(*, campaigns: QuerySet[Campaign]) -> dict[int, Funnel]:
    """Invited → opened the link → signed up → registered → attended, for each campaign
    of the queryset that invited anyone, by campaign id.

    Counted from what people did, not from tracking: a person counts as signed up when an
    account has their address, as registered when that account holds a registration
    (confirmed or waitlisted) for the campaign's session (or any session of its review),
    and as attended when staff recorded their attendance. The invitations are counted in
    the database, grouped by campaign, sector and language: two queries, whatever the
    number of campaigns and invitations. A review's dashboard and a campaign's page both
    read their funnels here."""
    rows = (
        Invitation.objects.filter(campaign__in=campaigns)
        .annotate(
            is_signed_up=Exists(
                User.objects.annotate(lower=Lower("email")).filter(
                    lower=Lower(OuterRef("contact__email"))
                )
            ),
            is_registered=_registered(attended=False),
            is_attended=_registered(attended=True),
        )
        .order_by()
        .values("campaign_id", "sector_id", "language")
        .annotate(
            invited=Count("pk"),
            opened=Count("opened_at"),
            signed_up=Count("pk", filter=Q(is_signed_up=True)),
            registered=Count("pk", filter=Q(is_registered=True)),
            attended=Count("pk", filter=Q(is_attended=True)),
        )
    )
    sectors = {sector.pk: sector.name for sector in Sector.objects.all()}
    languages = dict(_languages())
    grouped: dict[int, dict] = {}
    for counts in rows:
        funnel = grouped.setdefault(
            counts["campaign_id"],
            {"total": FunnelRow(label=gettext("All")), "sector": {}, "language": {}},
        )
        funnel["total"].add(counts)
        sector_id, language = counts["sector_id"], counts["language"]
        if sector_id not in funnel["sector"]:
            funnel["sector"][sector_id] = FunnelRow(label=sectors.get(sector_id, "—"))
        funnel["sector"][sector_id].add(counts)
        if language not in funnel["language"]:
            funnel["language"][language] = FunnelRow(label=str(languages.get(language, language)))
        funnel["language"][language].add(counts)
    return {
        campaign_id: Funnel(
            total=funnel["total"],
            by_sector=sorted(funnel["sector"].values(), key=lambda row: row.label),
            by_language=sorted(funnel["language"].values(), key=lambda row: row.label),
        )
        for campaign_id, funnel in grouped.items()
    }


def campaign_funnel(*, campaign: Campaign) -> Funnel:
    """One campaign's funnel (see campaign_funnels): zeros before anyone is invited."""
    funnels = campaign_funnels(campaigns=Campaign.objects.filter(pk=campaign.pk))
    return funnels.get(campaign.pk) or Funnel(total=FunnelRow(label=gettext("All")))


def review_campaign_funnels(*, review) -> list[tuple[Campaign, FunnelRow]]:
    """Every campaign of a review, the oldest first, with its funnel's totals: three
    queries, whatever the number of campaigns."""
    campaigns = Campaign.objects.filter(review=review)
    funnels = campaign_funnels(campaigns=campaigns)
    return [
        (
            campaign,
            funnels[campaign.pk].total
            if campaign.pk in funnels
            else FunnelRow(label=gettext("All")),
        )
        for campaign in campaigns.order_by("created_at", "pk")
    ]


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
