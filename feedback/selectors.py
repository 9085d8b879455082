"""Survey results for staff: averages per question, by mode of attendance and by sector,
and the comments without names. A handful of queries, whatever the number of answers.
Each table is drawn as numbers with bars (the geometry of core/charts.py) and downloads
as CSV."""

from dataclasses import dataclass, field

from django.db.models import Avg, Count, QuerySet
from django.utils.translation import get_language_bidi, gettext

from consultations.enums import Mode
from core.charts import bar_geometry
from feedback.models import RATING_FIELDS, SurveyResponse
from gcm.models import Sector

# Ratings go from 1 (very poor) to 5 (very good): a bar of 5 fills its track.
BEST_RATING = 5


@dataclass(frozen=True)
class Cell:
    value: float | None  # None where nobody answered
    x: float
    width: float


@dataclass
class ResultRow:
    label: str
    count: int
    averages: list  # one per RATING_FIELDS, None where nobody answered

    @property
    def cells(self) -> list[Cell]:
        """Each average with its bar on the track of core/charts.py (from the right in a
        right-to-left page)."""
        rtl = get_language_bidi()
        cells = []
        for value in self.averages:
            x, width = bar_geometry(value=value or 0, largest=BEST_RATING, rtl=rtl)
            cells.append(Cell(value=value, x=x, width=width))
        return cells


@dataclass
class ResultTable:
    """One table of the results page: a row per group, a column per question."""

    key: str  # for ?csv=<key>
    caption: str
    heading: str  # of the column of group labels
    rows: list[ResultRow]


@dataclass
class Results:
    total: ResultRow
    by_mode: list[ResultRow] = field(default_factory=list)
    by_sector: list[ResultRow] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def total_rows(self) -> list[ResultRow]:
        return [self.total] if self.total.count else []

    @property
    def tables(self) -> list[ResultTable]:
        return [
            ResultTable("all", gettext("All answers"), gettext("Answers"), self.total_rows),
            ResultTable(
                "mode", gettext("By mode of attendance"), gettext("Attendance mode"), self.by_mode
            ),
            ResultTable("sector", gettext("By sector"), gettext("Sector"), self.by_sector),
        ]


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
