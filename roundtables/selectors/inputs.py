"""Reads for stakeholder inputs: an author's own, the published ones by cluster and
objective, the moderation queue and the analysis counts."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import pgettext
from django_countries import countries

from consultations.models import RegionalReview
from gcm.models import Objective, Sector
from roundtables.enums import InputStatus, InputType
from roundtables.models import (
    Roundtable,
    StakeholderInput,
)
from roundtables.selectors.clusters import roundtables_with_objectives


def reviews_open_for_inputs(*, now=None) -> QuerySet[RegionalReview]:
    now = now or timezone.now()
    return RegionalReview.objects.filter(inputs_deadline__gt=now).order_by("inputs_deadline")


def inputs_of_user(*, user) -> QuerySet[StakeholderInput]:
    return (
        StakeholderInput.objects.filter(author=user)
        .select_related("review", "roundtable", "merged_into")
        .prefetch_related("objectives")
        .order_by("-created_at", "-pk")
    )


def input_of_user(*, user, pk: int) -> StakeholderInput | None:
    return inputs_of_user(user=user).filter(pk=pk).first()


def input_for_attachment(*, pk: int) -> StakeholderInput | None:
    return StakeholderInput.objects.filter(pk=pk).first()


def inputs_published(
    *, review: RegionalReview, roundtable: Roundtable | None = None, objective=None
) -> QuerySet[StakeholderInput]:
    """Accepted inputs whose authors consented to publication. An input belongs to a
    cluster if it names it or addresses one of the cluster's objectives."""
    inputs = StakeholderInput.objects.filter(
        review=review, status=InputStatus.ACCEPTED, publish_consent=True
    )
    if roundtable is not None:
        inputs = inputs.filter(
            Q(roundtable=roundtable) | Q(objectives__roundtables=roundtable)
        ).distinct()
    if objective is not None:
        inputs = inputs.filter(objectives=objective)
    return (
        inputs.select_related("sector", "roundtable", "source_session")
        .prefetch_related("objectives")
        .order_by("input_type", "position", "created_at", "pk")
    )


def inputs_by_cluster(
    *, inputs: list[StakeholderInput], roundtables: list[Roundtable]
) -> list[tuple[Roundtable | None, list[StakeholderInput]]]:
    """Group inputs under each cluster they belong to (an input addressing objectives
    of two clusters appears under both); the rest under None."""
    objective_cluster = {}
    for roundtable in roundtables:
        for objective in roundtable.objectives.all():
            objective_cluster.setdefault(objective.pk, set()).add(roundtable.pk)
    groups: dict[int | None, list[StakeholderInput]] = {rt.pk: [] for rt in roundtables}
    groups[None] = []
    for item in inputs:
        clusters = {item.roundtable_id} if item.roundtable_id else set()
        for objective in item.objectives.all():
            clusters |= objective_cluster.get(objective.pk, set())
        clusters &= set(groups)
        for cluster in clusters or {None}:
            groups[cluster].append(item)
    result = [(roundtable, groups[roundtable.pk]) for roundtable in roundtables]
    result.append((None, groups[None]))
    return [(cluster, items) for cluster, items in result if items]


def moderation_queue(*, review: RegionalReview | None, status: str) -> QuerySet:
    inputs = StakeholderInput.objects.all()
    if review is not None:
        inputs = inputs.filter(review=review)
    if status:
        inputs = inputs.filter(status=status)
    return (
        inputs.select_related(
            "review", "author", "sector", "roundtable", "source_session", "merged_into"
        )
        .prefetch_related("objectives")
        .order_by("created_at", "pk")
    )


def input_for_moderation(*, pk: int) -> StakeholderInput | None:
    return (
        StakeholderInput.objects.select_related(
            "review", "author", "sector", "roundtable", "source_session", "merged_into"
        )
        .prefetch_related("objectives")
        .filter(pk=pk)
        .first()
    )


@dataclass
class Analysis:
    total: int
    by_objective: list[tuple[Objective, int]]
    by_cluster: list[tuple[Roundtable, int]]
    no_cluster: int
    by_sector: list[tuple[str, int]]
    by_country: list[tuple[str, int]]
    by_type: list[tuple[str, int]]
    by_status: list[tuple[str, int]]


def input_analysis(*, review: RegionalReview, statuses: list[str]) -> Analysis:
    """Counts of a review's inputs by objective (all 23, zeros included), cluster,
    sector, country and type. The Reports issue turns these into the analysis paper."""
    inputs = list(
        StakeholderInput.objects.filter(review=review, status__in=statuses).prefetch_related(
            "objectives"
        )
    )
    roundtables = list(roundtables_with_objectives(review=review))
    objectives = list(Objective.objects.all())
    per_objective = Counter(o.pk for item in inputs for o in item.objectives.all())
    groups = inputs_by_cluster(inputs=inputs, roundtables=roundtables)
    per_cluster = {cluster.pk: len(items) for cluster, items in groups if cluster}
    no_cluster = next((len(items) for cluster, items in groups if cluster is None), 0)
    sectors = {sector.pk: sector.name for sector in Sector.objects.all()}
    sector_counts = Counter(item.sector_id for item in inputs)
    country_counts = Counter(str(item.country) for item in inputs)
    type_counts = Counter(item.input_type for item in inputs)
    status_rows = (
        StakeholderInput.objects.filter(review=review)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    status_labels = dict(InputStatus.choices)
    not_given = _not_given()
    return Analysis(
        total=len(inputs),
        by_objective=[(objective, per_objective.get(objective.pk, 0)) for objective in objectives],
        by_cluster=[(roundtable, per_cluster.get(roundtable.pk, 0)) for roundtable in roundtables],
        no_cluster=no_cluster,
        by_sector=sorted(
            (
                (sectors.get(pk, not_given) if pk else not_given, n)
                for pk, n in sector_counts.items()
            ),
            key=lambda row: (-row[1], str(row[0])),
        ),
        by_country=sorted(
            (
                (countries.name(code) if code else not_given, n)
                for code, n in country_counts.items()
            ),
            key=lambda row: (-row[1], str(row[0])),
        ),
        by_type=[(label, type_counts.get(value, 0)) for value, label in InputType.choices],
        by_status=[(status_labels[row["status"]], row["n"]) for row in status_rows],
    )


def _not_given() -> str:
    return pgettext("analysis", "Not given")
