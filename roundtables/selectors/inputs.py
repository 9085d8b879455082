"""Reads for stakeholder inputs: an author's own, the published ones by cluster and
objective, the moderation queue and the analysis counts."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Max, Q, QuerySet, Value
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


def inputs_public() -> QuerySet[StakeholderInput]:
    """What the public may read: accepted inputs whose authors consented to publication
    (StakeholderInput.is_published)."""
    return StakeholderInput.objects.filter(status=InputStatus.ACCEPTED, publish_consent=True)


def inputs_last_change() -> tuple[str, dt.datetime | None]:
    """A token that changes whenever an input is written or deleted (a moderation
    decision, a withdrawal), and the time of the latest change: one aggregate query."""
    latest = StakeholderInput.objects.order_by().aggregate(at=Max("updated_at"), n=Count("pk"))
    return f"{latest['at']}|{latest['n']}", latest["at"]


def inputs_published(
    *,
    review: RegionalReview | None,
    roundtable: Roundtable | None = None,
    objective=None,
    sector: str = "",
    country: str = "",
    language: str = "",
    input_type: str = "",
    roundtable_number: int | None = None,
) -> QuerySet[StakeholderInput]:
    """Accepted inputs whose authors consented to publication, of one review or of all
    (None). An input belongs to a cluster if it names it or addresses one of the
    cluster's objectives; `roundtable_number` is the cluster of that number in each
    input's own review."""
    inputs = inputs_public()
    if roundtable_number is not None:
        inputs = inputs.filter(
            Q(roundtable__number=roundtable_number)
            | Q(
                objectives__roundtables__number=roundtable_number,
                objectives__roundtables__review=F("review"),
            )
        ).distinct()
    if review is not None:
        inputs = inputs.filter(review=review)
    if sector:
        inputs = inputs.filter(sector__code=sector)
    if country:
        inputs = inputs.filter(country=country)
    if language:
        inputs = inputs.filter(language=language)
    if input_type:
        inputs = inputs.filter(input_type=input_type)
    if roundtable is not None:
        inputs = inputs.filter(
            Q(roundtable=roundtable) | Q(objectives__roundtables=roundtable)
        ).distinct()
    if objective is not None:
        inputs = inputs.filter(objectives=objective)
    return (
        inputs.select_related("review", "sector", "roundtable", "source_session")
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


def inputs_raised_at(*, session) -> QuerySet[StakeholderInput]:
    """The accepted inputs noted at a consultation, in the order of its record."""
    return (
        StakeholderInput.objects.filter(source_session=session, status=InputStatus.ACCEPTED)
        .order_by("position", "created_at", "pk")
        .only("text", "language", "input_type")
    )


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


def _in_cluster(roundtable: Roundtable) -> Q:
    """An input belongs to a cluster if it was filed under it or addresses one of its
    objectives (the roundtable's objectives must be prefetched)."""
    condition = Q(roundtable_id=roundtable.pk)
    objective_ids = [objective.pk for objective in roundtable.objectives.all()]
    if objective_ids:
        condition |= Q(pk__in=_addressing(objective_ids))
    return condition


def _addressing(objective_ids) -> QuerySet:
    return StakeholderInput.objectives.through.objects.filter(
        objective_id__in=objective_ids
    ).values("stakeholderinput_id")


def _outside_clusters(roundtables: list[Roundtable]) -> Q:
    """Neither filed under a cluster of the review nor addressing any of their objectives."""
    condition = ~Q(roundtable_id__in=[roundtable.pk for roundtable in roundtables])
    objective_ids = {o.pk for roundtable in roundtables for o in roundtable.objectives.all()}
    if objective_ids:
        condition &= ~Q(pk__in=_addressing(objective_ids))
    return condition


@dataclass(frozen=True)
class InputTotals:
    total: int
    written: int  # not raised orally at a consultation
    by_type_value: dict[str, int]  # every InputType, zeros included

    @property
    def oral(self) -> int:
        return self.total - self.written


def input_totals(*, review: RegionalReview, statuses: list[str]) -> InputTotals:
    """How many of a review's inputs are in these statuses: written ones, and by type."""
    types = {f"type_{index}": value for index, value in enumerate(InputType.values)}
    counts = StakeholderInput.objects.filter(review=review, status__in=statuses).aggregate(
        total=Count("pk"),
        written=Count("pk", filter=Q(source_session__isnull=True)),
        **{key: Count("pk", filter=Q(input_type=value)) for key, value in types.items()},
    )
    return InputTotals(
        total=counts["total"],
        written=counts["written"],
        by_type_value={value: counts[key] for key, value in types.items()},
    )


@dataclass
class Analysis:
    """The counts of a review's inputs in some statuses: the one source of the staff
    analysis page and of the inputs analysis paper."""

    totals: InputTotals
    by_objective: list[tuple[Objective, int]]  # all 23, in number order, zeros included
    by_cluster: list[tuple[Roundtable, int]]  # the review's roundtables, in number order
    no_cluster: int
    sectors: list[tuple[Sector | None, int]]  # in para-44 order, not stated last
    countries: list[tuple[str, int]]  # ("" = not given), the most first, then by code
    languages: list[tuple[str, int]]  # the most first, then by code
    by_status: list[tuple[str, int]]  # (label, count) of all the review's inputs

    @property
    def total(self) -> int:
        return self.totals.total

    @property
    def by_type(self) -> list[tuple[str, int]]:
        return [(label, self.totals.by_type_value[value]) for value, label in InputType.choices]

    @property
    def by_sector(self) -> list[tuple[str, int]]:
        """(label, count), the most first, as the staff page lists them."""
        return _most_first(
            (sector.name if sector else _not_given(), n) for sector, n in self.sectors
        )

    @property
    def by_country(self) -> list[tuple[str, int]]:
        return _most_first(
            (countries.name(code) if code else _not_given(), n) for code, n in self.countries
        )


def _inputs(review: RegionalReview, statuses: list[str]) -> QuerySet[StakeholderInput]:
    return StakeholderInput.objects.filter(review=review, status__in=statuses)


def input_count_by_objective(
    *, review: RegionalReview, statuses: list[str]
) -> list[tuple[Objective, int]]:
    """How many of a review's inputs in these statuses address each of the 23 objectives
    (all of them, in number order, zeros included): an input addressing several counts
    under each. Two queries."""
    per_objective = dict(
        StakeholderInput.objectives.through.objects.filter(
            stakeholderinput__in=_inputs(review, statuses)
        )
        .values_list("objective_id")
        .annotate(n=Count("pk"))
    )
    return [(o, per_objective.get(o.pk, 0)) for o in Objective.objects.order_by("number")]


@dataclass(frozen=True)
class ClusterCounts:
    by_cluster: list[tuple[Roundtable, int]]  # the review's roundtables, in number order
    outside: int  # in no cluster of the review


def input_count_by_cluster(*, review: RegionalReview, statuses: list[str]) -> ClusterCounts:
    """How many of a review's inputs in these statuses belong to each of its roundtable
    clusters (filed under it or addressing one of its objectives, so an input may count
    under several), and how many to none. Three queries."""
    roundtables = list(roundtables_with_objectives(review=review).order_by("number"))
    clusters = _inputs(review, statuses).aggregate(
        **{f"cluster_{rt.pk}": Count("pk", filter=_in_cluster(rt)) for rt in roundtables},
        outside=Count("pk", filter=_outside_clusters(roundtables)),
    )
    return ClusterCounts(
        by_cluster=[(rt, clusters[f"cluster_{rt.pk}"]) for rt in roundtables],
        outside=clusters["outside"],
    )


def input_analysis(*, review: RegionalReview, statuses: list[str]) -> Analysis:
    """Counts of a review's inputs in these statuses by objective, cluster, sector,
    country, language and type, aggregated in the database: the number of queries does
    not grow with the number of inputs."""
    inputs = _inputs(review, statuses)
    clusters = input_count_by_cluster(review=review, statuses=statuses)
    return Analysis(
        totals=input_totals(review=review, statuses=statuses),
        by_objective=input_count_by_objective(review=review, statuses=statuses),
        by_cluster=clusters.by_cluster,
        no_cluster=clusters.outside,
        sectors=_by_sector(inputs),
        countries=_count(inputs, "country"),
        languages=_count(inputs, "language"),
        by_status=_by_status(review),
    )


def _count(inputs: QuerySet, field: str) -> list[tuple[str, int]]:
    return list(inputs.values_list(field).annotate(n=Count("pk")).order_by("-n", field))


def _by_sector(inputs: QuerySet) -> list[tuple[Sector | None, int]]:
    # order_by(): the model's default ordering would join the review for nothing.
    counts = dict(inputs.order_by().values_list("sector").annotate(n=Count("pk")))
    sectors = Sector.objects.filter(pk__in=[key for key in counts if key]).order_by("position")
    rows: list[tuple[Sector | None, int]] = [(sector, counts[sector.pk]) for sector in sectors]
    if counts.get(None):
        rows.append((None, counts[None]))
    return rows


def _by_status(review: RegionalReview) -> list[tuple[str, int]]:
    labels = dict(InputStatus.choices)
    rows = (
        StakeholderInput.objects.filter(review=review)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by("status")
    )
    return [(labels[status], n) for status, n in rows]


def _most_first(rows) -> list[tuple[str, int]]:
    return sorted(rows, key=lambda row: (-row[1], str(row[0])))


def input_quotes(
    *, review: RegionalReview, roundtables: list[Roundtable], per_cluster: int
) -> list[tuple[Roundtable | None, list[StakeholderInput]]]:
    """A few published inputs (accepted, their authors agreed) to quote for each cluster
    and for those outside the clusters: the ones addressing most objectives of the
    cluster first, then the earliest. An input may be quoted under several clusters.
    The roundtables' objectives must be prefetched; the inputs come with their sector
    and objectives."""
    published = inputs_public().filter(review=review)
    chosen: list[tuple[Roundtable | None, list[int]]] = []
    for roundtable in roundtables:
        objective_ids = [objective.pk for objective in roundtable.objectives.all()]
        weight = (
            Count("objectives", filter=Q(objectives__in=objective_ids))
            if objective_ids
            else Value(0)
        )
        ids = (
            published.filter(_in_cluster(roundtable))
            .annotate(weight=weight)
            .order_by("-weight", "pk")
            .values_list("pk", flat=True)[:per_cluster]
        )
        chosen.append((roundtable, list(ids)))
    outside = published.filter(_outside_clusters(roundtables)).order_by("pk")
    chosen.append((None, list(outside.values_list("pk", flat=True)[:per_cluster])))
    quoted = (
        StakeholderInput.objects.select_related("sector")
        .prefetch_related("objectives")
        .in_bulk([pk for _cluster, ids in chosen for pk in ids])
    )
    return [(cluster, [quoted[pk] for pk in ids]) for cluster, ids in chosen if ids]


def _not_given() -> str:
    return pgettext("analysis", "Not given")
