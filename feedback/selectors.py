"""Survey results for staff: averages per question, by mode of attendance and by sector,
and the comments without names. A handful of queries, whatever the number of answers."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, QuerySet

from consultations.enums import Mode
from feedback.models import RATING_FIELDS, SurveyResponse
from gcm.models import Sector


@dataclass
class ResultRow:
    label: str
    count: int
    averages: list  # one per RATING_FIELDS, None where nobody answered

    @property
    def cells(self) -> list[tuple[float | None, float]]:
        """Each average with the length of its bar on a 0..100 track (5 fills it)."""
        return [(value, 0.0 if value is None else round(value * 20, 1)) for value in self.averages]


@dataclass
class Results:
    total: ResultRow
    by_mode: list[ResultRow] = field(default_factory=list)
    by_sector: list[ResultRow] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> list[ResultRow]:
        return [self.total] if self.total.count else []


def _aggregates():
    return {
        "n": Count("pk"),
        **{name: Avg(name) for name in RATING_FIELDS},
    }


def _row(label, values) -> ResultRow:
    return ResultRow(
        label=str(label),
        count=values["n"],
        averages=[
            None if values[name] is None else round(values[name], 1) for name in RATING_FIELDS
        ],
    )


def feedback_results(*, responses: QuerySet[SurveyResponse], total_label: str) -> Results:
    total = _row(total_label, responses.aggregate(**_aggregates()))
    modes = dict(Mode.choices)
    by_mode = [
        _row(modes.get(values["mode"], values["mode"]), values)
        for values in responses.order_by().values("mode").annotate(**_aggregates())
    ]
    sectors = {sector.pk: sector.name for sector in Sector.objects.all()}
    by_sector = [
        _row(sectors.get(values["sector"], "—"), values)
        for values in responses.order_by().values("sector").annotate(**_aggregates())
    ]
    comments = list(
        responses.exclude(comments="").order_by("-created_at").values_list("comments", flat=True)
    )
    return Results(
        total=total,
        by_mode=sorted(by_mode, key=lambda row: row.label),
        by_sector=sorted(by_sector, key=lambda row: row.label),
        comments=comments,
    )


def session_results(*, session, total_label: str) -> Results:
    return feedback_results(
        responses=SurveyResponse.objects.filter(session=session), total_label=total_label
    )


def review_results(*, review, total_label: str) -> Results:
    return feedback_results(
        responses=SurveyResponse.objects.filter(session__review=review), total_label=total_label
    )
