"""The inputs analysis paper of a Regional Review: what stakeholders submitted, counted
by GCM objective, roundtable cluster, sector and country, with quotes from accepted
inputs whose authors agreed to publication. The counts are the staff analysis page's
(roundtables.selectors.inputs.input_analysis), aggregated in the database, so that tens
of thousands of inputs stay cheap.

One function per section of the document; build_inputs puts them together."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext, pgettext
from django_countries import countries

from consultations.models import RegionalReview
from core.charts import Chart, bar_chart
from gcm.models import Objective
from reports.builders.common import (
    CountRow,
    Localizer,
    ReviewCover,
    Stat,
    Text,
    direction,
    join_list,
    review_cover,
    sector_label,
    share,
    short_date,
    text_of,
)
from reports.enums import ReportKind
from reports.markup import Fragment, blocks
from reports.selectors import review_report_text
from roundtables.enums import InputStatus, InputType
from roundtables.models import Roundtable, StakeholderInput
from roundtables.selectors.inputs import Analysis, ClusterCounts, input_analysis, input_quotes

QUOTES_PER_CLUSTER = 3
QUOTE_WORDS = 80


@dataclass
class Overview:
    introduction: Text
    method: str
    stats: list[Stat]


@dataclass
class ObjectivesSection:
    chart: Chart
    rows: list[CountRow]
    without_inputs: str  # "1, 2 and 21": objectives no input addresses


@dataclass
class ContributorsSection:
    sectors: Chart
    countries: Chart
    languages: Chart
    country_rows: list[CountRow]  # all of them, for the annex


@dataclass
class Quote:
    text: Fragment
    attribution: str
    objectives: str


@dataclass
class QuoteGroup:
    anchor: str
    title: str
    quotes: list[Quote]


@dataclass
class InputsReport:
    kind = ReportKind.INPUTS
    language: str
    direction: str
    cover: ReviewCover
    overview: Overview
    by_objective: ObjectivesSection
    by_cluster: Chart
    contributors: ContributorsSection
    quote_groups: list[QuoteGroup]
    used_fallback: bool
    warnings: list[str]
    issued: str
    running_title: str = ""


def build_inputs(*, review: RegionalReview, language: str) -> InputsReport:
    """Must run inside translation.override(language)."""
    loc = Localizer(language)
    analysis = input_analysis(review=review, statuses=[InputStatus.ACCEPTED])
    today = short_date(timezone.localdate())
    return InputsReport(
        language=language,
        direction=direction(),
        cover=review_cover(review, loc),
        overview=_overview(review, analysis, loc, today=today),
        by_objective=_by_objective(analysis),
        by_cluster=_by_cluster(analysis),
        contributors=_contributors(analysis),
        quote_groups=_quote_groups(review, [rt for rt, _n in analysis.by_cluster], loc),
        used_fallback=loc.used_fallback,
        warnings=_warnings(analysis),
        issued=today,
        running_title=pgettext("report title", "Inputs analysis paper"),
    )


def _overview(review: RegionalReview, analysis: Analysis, loc: Localizer, *, today: str):
    totals = analysis.totals
    return Overview(
        introduction=text_of(review_report_text(review=review), "inputs_introduction", loc),
        method=gettext(
            "This paper counts the %(total)s stakeholder inputs accepted by the secretariat "
            "as of %(date)s: written inputs and points raised orally in consultations. "
            "Rejected inputs are left out, and inputs merged into another count once."
        )
        % {"total": totals.total, "date": today},
        stats=[
            Stat(str(totals.total), gettext("accepted inputs")),
            Stat(str(totals.written), gettext("written inputs")),
            Stat(str(totals.oral), gettext("raised orally in consultations")),
            Stat(str(totals.by_type_value[InputType.PROCESS]), gettext("on process and outcomes")),
        ],
    )


def _by_objective(analysis: Analysis) -> ObjectivesSection:
    total = analysis.total
    return ObjectivesSection(
        chart=objective_chart(analysis.by_objective, total=total),
        rows=[
            CountRow(f"{o.number}. {o.title}", n, share(n, total)) for o, n in analysis.by_objective
        ],
        without_inputs=join_list(_without_inputs(analysis)),
    )


def objective_chart(
    by_objective: list[tuple[Objective, int]], *, total: int | None = None, titled: bool = False
) -> Chart:
    """Inputs by GCM objective (roundtables.selectors.inputs.input_count_by_objective),
    for the paper and the staff dashboard. The paper labels bars with the objective's
    number and lists the titles in a table; `titled` puts the title in the label."""
    return bar_chart(
        key="inputs-objective",
        title=gettext("Inputs by GCM objective"),
        unit=gettext("inputs"),
        rows=[(f"{o.number}. {o.title}" if titled else str(o.number), n) for o, n in by_objective],
        rtl=direction() == "rtl",
        total=total,
        note=gettext("An input that addresses several objectives counts under each of them."),
    )


def _without_inputs(analysis: Analysis) -> list[str]:
    return [str(o.number) for o, n in analysis.by_objective if not n]


def _by_cluster(analysis: Analysis) -> Chart:
    return cluster_chart(
        ClusterCounts(by_cluster=analysis.by_cluster, outside=analysis.no_cluster),
        total=analysis.total,
    )


def cluster_chart(counts: ClusterCounts, *, total: int | None = None) -> Chart:
    """Inputs by roundtable cluster (roundtables.selectors.inputs.input_count_by_cluster),
    for the paper and the staff dashboard."""
    rows = [
        (gettext("Roundtable %(number)s") % {"number": rt.number}, n) for rt, n in counts.by_cluster
    ]
    if counts.outside:
        rows.append((gettext("No roundtable"), counts.outside))
    return bar_chart(
        key="inputs-cluster",
        title=gettext("Inputs by roundtable cluster"),
        unit=gettext("inputs"),
        rows=rows,
        rtl=direction() == "rtl",
        total=total,
        note=gettext(
            "An input belongs to the roundtable it was filed under and to every roundtable "
            "whose objectives it addresses."
        ),
    )


def _contributors(analysis: Analysis) -> ContributorsSection:
    total, rtl = analysis.total, direction() == "rtl"
    country_rows = [
        CountRow(countries.name(code), n, share(n, total)) for code, n in analysis.countries if code
    ]
    return ContributorsSection(
        sectors=bar_chart(
            key="inputs-sector",
            title=gettext("Inputs by stakeholder sector (GCM para. 44)"),
            unit=gettext("inputs"),
            rows=[(sector_label(sector), n) for sector, n in analysis.sectors],
            rtl=rtl,
            total=total,
        ),
        countries=bar_chart(
            key="inputs-country",
            title=gettext("Inputs by country"),
            unit=gettext("inputs"),
            rows=[(row.label, row.count) for row in country_rows],
            rtl=rtl,
            limit=20,
            other_label=gettext("Other countries"),
            total=total,
        ),
        languages=bar_chart(
            key="inputs-language",
            title=gettext("Inputs by language"),
            unit=gettext("inputs"),
            rows=[
                (get_language_info(code)["name_translated"] if code else "\u2013", n)
                for code, n in analysis.languages
            ],
            rtl=rtl,
            total=total,
        ),
        country_rows=country_rows,
    )


def _quote_groups(
    review: RegionalReview, roundtables: list[Roundtable], loc: Localizer
) -> list[QuoteGroup]:
    """Quotes only from inputs whose authors agreed to publication, a few per cluster."""
    groups = input_quotes(review=review, roundtables=roundtables, per_cluster=QUOTES_PER_CLUSTER)
    return [
        QuoteGroup(
            anchor=f"quotes-{rt.number if rt else 'other'}",
            title=(
                gettext("Roundtable %(number)s") % {"number": rt.number}
                if rt
                else gettext("Inputs outside the roundtable clusters")
            ),
            quotes=[_quote(item, loc) for item in items],
        )
        for rt, items in groups
    ]


def _quote(item: StakeholderInput, loc: Localizer) -> Quote:
    text = Truncator(" ".join(item.text.split())).words(QUOTE_WORDS, truncate="…")
    who = item.attributed_to or (item.sector.name if item.sector else gettext("A stakeholder"))
    where = countries.name(item.country) if item.country else ""
    numbers = sorted(objective.number for objective in item.objectives.all())
    return Quote(
        text=loc.wrap(blocks(text)[0].html if text else "", item.language),
        attribution=", ".join(x for x in (who, where) if x),
        objectives=(
            gettext("GCM objectives %(numbers)s")
            % {"numbers": join_list([str(n) for n in numbers])}
            if numbers
            else ""
        ),
    )


def _warnings(analysis: Analysis) -> list[str]:
    """What staff should know before publishing; never printed."""
    warnings = []
    if not analysis.total:
        warnings.append(gettext("The review has no accepted input yet."))
    if missing := _without_inputs(analysis):
        warnings.append(
            gettext("No accepted input addresses objective(s) %(numbers)s.")
            % {"numbers": join_list(missing)}
        )
    return warnings
