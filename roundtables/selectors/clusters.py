"""Reads for roundtables, their panels and the coverage of the 23 GCM objectives."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from consultations.models import RegionalReview
from consultations.selectors import session_public
from gcm.models import Objective
from roundtables.balance import MEMBER_STATE, Labels, Person
from roundtables.enums import RoleKind
from roundtables.models import (
    Roundtable,
    RoundtableRole,
)

ROLE_SELECT = (
    "user__profile__organisation",
    "user__profile__sector",
    "sector",
)


def roundtables_with_objectives(*, review: RegionalReview) -> QuerySet[Roundtable]:
    """The clusters of a review with their objectives only (filters, coverage, counts)."""
    return Roundtable.objects.filter(review=review).prefetch_related("objectives")


def roundtable_public() -> QuerySet[Roundtable]:
    """Every review's roundtables, all public, with their review and objectives."""
    return Roundtable.objects.select_related("review").prefetch_related("objectives")


def roundtable_list(*, review: RegionalReview) -> QuerySet[Roundtable]:
    return Roundtable.objects.filter(review=review).prefetch_related(
        "objectives",
        Prefetch("roles", queryset=RoundtableRole.objects.select_related(*ROLE_SELECT)),
        Prefetch("consultations", queryset=session_public().order_by("starts_at")),
    )


@dataclass(frozen=True)
class Coverage:
    # All 23 objectives in number order, each with the roundtables covering it.
    objectives: list[tuple[Objective, list[Roundtable]]]
    uncovered: list[Objective]
    multiple: list[tuple[Objective, list[Roundtable]]]


def objective_coverage(*, roundtables: list[Roundtable]) -> Coverage:
    """Which of the 23 objectives no roundtable covers, and which more than one does.
    Gaps are shown to staff, never filled in silently (objective 21 in the 2024 UNECE
    mapping is in no cluster)."""
    covering: dict[int, list[Roundtable]] = {}
    for roundtable in roundtables:
        for objective in roundtable.objectives.all():
            covering.setdefault(objective.pk, []).append(roundtable)
    objectives = list(Objective.objects.order_by("number"))
    return Coverage(
        objectives=[(objective, covering.get(objective.pk, [])) for objective in objectives],
        uncovered=[objective for objective in objectives if objective.pk not in covering],
        multiple=[
            (objective, covering[objective.pk])
            for objective in objectives
            if len(covering.get(objective.pk, [])) > 1
        ],
    )


def role_person(role: RoundtableRole, *, labels: Labels) -> Person:
    """A panel member as the balance counts them: what the role records, completed from
    the linked stakeholder's profile."""
    profile = getattr(role.user, "profile", None) if role.user_id else None
    sector = role.sector or (profile.sector if profile else None)
    sector_code = sector.code if sector else ""
    if not sector_code and role.kind == RoleKind.MEMBER_STATE_SPEAKER:
        sector_code = MEMBER_STATE
    return labels.person(
        gender=role.gender or (profile.gender if profile else ""),
        country=str(role.country or (profile.country if profile else "")),
        sector_code=sector_code,
    )


def panel_people(*, roundtable: Roundtable, labels: Labels) -> list[Person]:
    roles = RoundtableRole.objects.filter(roundtable=roundtable).select_related(*ROLE_SELECT)
    return [role_person(role, labels=labels) for role in roles]
