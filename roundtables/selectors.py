"""Reads for roundtables, their objectives and the coverage of the 23 GCM objectives."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from consultations.models import RegionalReview
from consultations.selectors import session_public
from gcm.models import Objective
from roundtables.models import RapporteurCall, Roundtable, RoundtableRole


def roundtable_list(*, review: RegionalReview) -> QuerySet[Roundtable]:
    return Roundtable.objects.filter(review=review).prefetch_related(
        "objectives",
        Prefetch("roles", queryset=RoundtableRole.objects.select_related("user", "sector")),
        Prefetch("consultations", queryset=session_public().order_by("starts_at")),
    )


@dataclass(frozen=True)
class Coverage:
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
    objectives = list(Objective.objects.all())
    return Coverage(
        uncovered=[objective for objective in objectives if objective.pk not in covering],
        multiple=[
            (objective, covering[objective.pk])
            for objective in objectives
            if len(covering.get(objective.pk, [])) > 1
        ],
    )


def call_list_open(*, now=None) -> QuerySet[RapporteurCall]:
    now = now or timezone.now()
    return RapporteurCall.objects.filter(
        is_published=True, opens_at__lte=now, deadline__gt=now
    ).select_related("review")


def call_list_published() -> QuerySet[RapporteurCall]:
    return RapporteurCall.objects.filter(is_published=True).select_related("review")
