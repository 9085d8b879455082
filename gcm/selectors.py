"""Reads of the reference data that other apps share."""

from django.db.models import QuerySet

from gcm.models import MemberState, Objective, Sector


def objective_list() -> QuerySet[Objective]:
    return Objective.objects.order_by("number")


def sector_list() -> QuerySet[Sector]:
    """The para-44 sectors in the Compact's order."""
    return Sector.objects.order_by("position")


def region_memberships(*, region_id: int | None) -> dict[str, MemberState]:
    """Every membership of one region's commission (member States and associate members)
    by ISO code, with its sub-region: one query, however many people are looked up
    in it afterwards."""
    memberships = MemberState.objects.select_related("subregion").filter(region_id=region_id)
    return {str(membership.country): membership for membership in memberships}


def region_membership_kinds(*, region_id: int | None) -> dict[str, str]:
    """ISO code -> MembershipKind of one region's commission, in one query."""
    return {
        str(country): kind
        for country, kind in MemberState.objects.filter(region_id=region_id).values_list(
            "country", "kind"
        )
    }
