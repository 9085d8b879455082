"""Reads for the Rapporteur call: published calls, a candidate's applications, the
assessors' queues and the ranking for selection."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from core.permissions import can
from roundtables.balance import Dimension, Labels, Person, compute
from roundtables.enums import ApplicationStatus
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    RapporteurCall,
    Recusal,
    Score,
)
from stakeholders.models import User
from stakeholders.selectors import profile_for


def call_list_published() -> QuerySet[RapporteurCall]:
    return RapporteurCall.objects.filter(is_published=True).select_related("review")


def call_list_open(*, now) -> QuerySet[RapporteurCall]:
    """Published calls taking applications now (RapporteurCall.is_open)."""
    return (
        call_list_published()
        .filter(opens_at__lte=now, deadline__gt=now)
        .prefetch_related("criteria")
        .order_by("deadline", "pk")
    )


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


def application_draft(*, call: RapporteurCall, user) -> Application:
    """A new, unsaved application of the user to the call, with the answers their profile
    already gives (sector, country, gender) and their language ticked."""
    application = Application(call=call, user=user, languages=[user.language])
    profile = profile_for(user=user)
    if profile is not None:
        application.sector = profile.sector
        application.country_of_residence = profile.country
        application.gender = profile.gender
        application.gender_self_description = profile.gender_self_description
    return application


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
    return not call.anonymised_assessment or call.selection_confirmed_at is not None


def assessment_queue(*, call: RapporteurCall, assessor) -> list[Application]:
    """The applications an assessor works through, with whether they have scored or
    recused themselves from each. Submitted ones appear once the assessment has started."""
    return list(
        call.applications.exclude(status=ApplicationStatus.SUBMITTED)
        .select_related("sector", "user")
        .annotate(
            scored_by_me=Exists(
                Score.objects.filter(application=OuterRef("pk"), assessor=assessor)
            ),
            recused=Exists(Recusal.objects.filter(application=OuterRef("pk"), assessor=assessor)),
        )
        .order_by("reference")
    )


def application_for_assessment(*, call: RapporteurCall, pk: int) -> Application | None:
    return (
        call.applications.exclude(status=ApplicationStatus.SUBMITTED)
        .select_related("sector", "user", "call")
        .filter(pk=pk)
        .first()
    )


def my_scores(*, application: Application, assessor) -> dict[int, Score]:
    return {
        score.criterion_id: score
        for score in Score.objects.filter(application=application, assessor=assessor)
    }


@dataclass
class Ranked:
    """An application on the selection page, with its mean scores and balance keys."""

    application: Application
    person: Person
    criterion_means: list[float | None]
    mean: float | None
    assessors: int
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


def call_of_review(*, review, now) -> RapporteurCall | None:
    """The review's Rapporteur call that has opened last: the open one while a call is
    open, otherwise the one that closed last (its pool stays of interest until the
    selection)."""
    return (
        RapporteurCall.objects.filter(review=review, opens_at__lte=now)
        .order_by("-deadline", "-pk")
        .first()
    )


def pool_balance(*, call: RapporteurCall, labels: Labels) -> list[Dimension]:
    """Who applied to a call, by gender, sub-region, sector and migrant voice
    (roundtables.balance): the pool's side of the selection page's balance, counted from
    the same applicant_person keys. One query, whatever the number of applications."""
    applications = call.applications.select_related("sector")
    return compute(
        [applicant_person(application, labels=labels) for application in applications],
        labels=labels,
    )


def selection_ranking(*, call: RapporteurCall, labels: Labels) -> list[Ranked]:
    """Every application of the call ranked by its mean score: the mean over the
    criteria of each criterion's mean over the assessors. Unscored ones come last."""
    criteria = list(call.criteria.all())
    applications = (
        call.applications.select_related("user", "sector")
        .prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("assessor", "criterion")),
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
                comments.append((str(score.assessor), score.criterion.name, score.comment))
        means = [_mean(by_criterion[c.pk]) for c in criteria]
        scored = [m for m in means if m is not None]
        ranked.append(
            Ranked(
                application=application,
                person=applicant_person(application, labels=labels),
                criterion_means=means,
                mean=_mean(scored),
                assessors=len({s.assessor_id for s in application.scores.all()}),
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
                queryset=Score.objects.select_related("assessor", "criterion").order_by(
                    "assessor__email", "criterion__position", "criterion__pk"
                ),
            ),
            Prefetch("recusals", queryset=Recusal.objects.select_related("assessor")),
        )
        .order_by("reference")
    )


def selection_managers() -> list[User]:
    """The active staff who may make a call's selection, to be told of what changes it.
    Asked of each staff account through the rule, so that whatever grants it (the role,
    superuser status) counts."""
    staff = User.objects.filter(is_active=True, is_staff=True).order_by("pk")
    return [user for user in staff if can(user, "roundtables.select_call")]
