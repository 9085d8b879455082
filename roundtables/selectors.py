"""Reads for roundtables, their objectives and the coverage of the 23 GCM objectives,
stakeholder inputs, and the Rapporteur call's applications, reviews and selection."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import pgettext
from django_countries import countries

from consultations.models import RegionalReview
from consultations.selectors import session_public
from gcm.models import Objective, Sector
from roundtables.balance import MEMBER_STATE, Labels, Person
from roundtables.enums import ApplicationStatus, InputStatus, InputType, RoleKind
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    RapporteurCall,
    Recusal,
    Roundtable,
    RoundtableRole,
    Score,
    StakeholderInput,
)

ROLE_SELECT = (
    "user__profile__organisation",
    "user__profile__sector",
    "sector",
)


def roundtables_with_objectives(*, review: RegionalReview) -> QuerySet[Roundtable]:
    """The clusters of a review with their objectives only (filters, coverage, counts)."""
    return Roundtable.objects.filter(review=review).prefetch_related("objectives")


def roundtable_list(*, review: RegionalReview) -> QuerySet[Roundtable]:
    return Roundtable.objects.filter(review=review).prefetch_related(
        "objectives",
        Prefetch("roles", queryset=RoundtableRole.objects.select_related(*ROLE_SELECT)),
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


# --- Panels ------------------------------------------------------------------------------


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


# --- Rapporteur calls --------------------------------------------------------------------


def call_list_published() -> QuerySet[RapporteurCall]:
    return RapporteurCall.objects.filter(is_published=True).select_related("review")


def call_published(*, slug: str) -> RapporteurCall | None:
    return call_list_published().prefetch_related("criteria").filter(slug=slug).first()


def call_for_staff(*, slug: str) -> RapporteurCall | None:
    return (
        RapporteurCall.objects.select_related("review__region")
        .prefetch_related("criteria")
        .filter(slug=slug)
        .first()
    )


def application_of(*, call: RapporteurCall, user) -> Application | None:
    if not user.is_authenticated:
        return None
    return Application.objects.select_related("sector").filter(call=call, user=user).first()


def applications_of_user(*, user) -> QuerySet[Application]:
    return (
        Application.objects.filter(user=user)
        .select_related("call", "sector")
        .prefetch_related(
            Prefetch(
                "status_changes",
                queryset=ApplicationStatusChange.objects.order_by("changed_at", "pk"),
            )
        )
        .order_by("-submitted_at", "-pk")
    )


def application_for_cv(*, pk: int) -> Application | None:
    return Application.objects.select_related("call").filter(pk=pk).first()


def show_identity(call: RapporteurCall) -> bool:
    """Names, emails and CV file names stay hidden on staff pages of an anonymised call
    until its selection is confirmed."""
    return not call.anonymised_review or call.selection_confirmed_at is not None


def review_queue(*, call: RapporteurCall, reviewer) -> list[Application]:
    """The applications a reviewer works through, with whether they have scored or
    recused themselves from each. Submitted ones appear once the review has started."""
    return list(
        call.applications.exclude(status=ApplicationStatus.SUBMITTED)
        .select_related("sector", "user")
        .annotate(
            scored_by_me=Exists(
                Score.objects.filter(application=OuterRef("pk"), reviewer=reviewer)
            ),
            recused=Exists(Recusal.objects.filter(application=OuterRef("pk"), reviewer=reviewer)),
        )
        .order_by("reference")
    )


def application_for_review(*, call: RapporteurCall, pk: int) -> Application | None:
    return (
        call.applications.exclude(status=ApplicationStatus.SUBMITTED)
        .select_related("sector", "user", "call")
        .filter(pk=pk)
        .first()
    )


def my_scores(*, application: Application, reviewer) -> dict[int, Score]:
    return {
        score.criterion_id: score
        for score in Score.objects.filter(application=application, reviewer=reviewer)
    }


@dataclass
class Ranked:
    """An application on the selection page, with its mean scores and balance keys."""

    application: Application
    person: Person
    criterion_means: list[float | None]
    mean: float | None
    reviewers: int
    recusals: int
    rank: int = 0
    comments: list[tuple[str, str, str]] = field(default_factory=list)


def _mean(values: list[int | float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def applicant_person(application: Application, *, labels: Labels) -> Person:
    return labels.person(
        gender=application.gender,
        country=str(application.country_of_residence),
        sector_code=application.sector.code,
        lived_experience=application.lived_migration_experience,
    )


def selection_ranking(*, call: RapporteurCall, labels: Labels) -> list[Ranked]:
    """Every application of the call ranked by its mean score: the mean over the
    criteria of each criterion's mean over the reviewers. Unscored ones come last."""
    criteria = list(call.criteria.all())
    applications = (
        call.applications.select_related("user", "sector")
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("reviewer", "criterion")),
            "recusals",
        )
        .order_by("submitted_at", "pk")
    )
    ranked = []
    for application in applications:
        by_criterion = defaultdict(list)
        comments = []
        for score in application.scores.all():
            by_criterion[score.criterion_id].append(score.value)
            if score.comment:
                comments.append((str(score.reviewer), score.criterion.name, score.comment))
        means = [_mean(by_criterion[c.pk]) for c in criteria]
        scored = [m for m in means if m is not None]
        ranked.append(
            Ranked(
                application=application,
                person=applicant_person(application, labels=labels),
                criterion_means=means,
                mean=_mean(scored),
                reviewers=len({s.reviewer_id for s in application.scores.all()}),
                recusals=len(application.recusals.all()),
                comments=comments,
            )
        )
    ranked.sort(key=lambda r: (r.mean is None, -(r.mean or 0), r.application.submitted_at))
    for position, row in enumerate(ranked, start=1):
        row.rank = position
    return ranked


def export_rows(*, call: RapporteurCall) -> list[Application]:
    return list(
        call.applications.select_related("user", "sector")
        .prefetch_related(
            Prefetch(
                "scores",
                queryset=Score.objects.select_related("reviewer", "criterion").order_by(
                    "reviewer__email", "criterion__position", "criterion__pk"
                ),
            ),
            Prefetch("recusals", queryset=Recusal.objects.select_related("reviewer")),
        )
        .order_by("reference")
    )


# --- Stakeholder inputs ------------------------------------------------------------------


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
