"""The inputs analysis paper of a Regional Review: what stakeholders submitted, counted
by GCM objective, roundtable cluster, sector and country, with quotes from accepted
inputs whose authors agreed to publication. The counts are the staff analysis page's
(roundtables.selectors.inputs.input_analysis), aggregated in the database, so that tens
of thousands of inputs stay cheap."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext, pgettext
from django_countries import countries

from consultations.models import RegionalReview
from reports.builders.common import (
    Localizer,
    direction,
    join_list,
    long_date,
    sector_label,
    short_date,
)
from reports.builders.outcome import Stat
from reports.charts import Chart, bar_chart
from reports.markup import Block, Fragment, blocks
from reports.models import ReviewReportText
from roundtables.enums import InputStatus, InputType
from roundtables.models import StakeholderInput
from roundtables.selectors.inputs import input_analysis, input_quotes

QUOTES_PER_CLUSTER = 3
QUOTE_WORDS = 80


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
class CountRow:
    label: str
    count: int
    share: str


@dataclass
class InputsReport:
    kind = "inputs"
    language: str
    direction: str
    title: Fragment
    region: str
    meeting_line: str
    introduction: list[Block]
    introduction_lang: Fragment
    method: str
    stats: list[Stat]
    objective_chart: Chart
    objective_rows: list[CountRow]
    objectives_without_inputs: str
    cluster_chart: Chart
    sector_chart: Chart
    country_chart: Chart
    country_rows: list[CountRow]
    language_chart: Chart
    quote_groups: list[QuoteGroup]
    used_fallback: bool
    warnings: list[str]
    issued: str
    running_title: str = ""


def _share(count: int, total: int) -> str:
    return f"{round(100 * count / total)} %" if total else "\u2013"


def _quote(item: StakeholderInput, loc: Localizer) -> Quote:
    objective_numbers = [objective.number for objective in item.objectives.all()]
    text = Truncator(" ".join(item.text.split())).words(QUOTE_WORDS, truncate="…")
    who = item.attributed_to or (item.sector.name if item.sector else gettext("A stakeholder"))
    where = countries.name(item.country) if item.country else ""
    return Quote(
        text=loc.wrap(blocks(text)[0].html if text else "", item.language),
        attribution=", ".join(x for x in (who, where) if x),
        objectives=(
            gettext("GCM objectives %(numbers)s")
            % {"numbers": join_list([str(n) for n in sorted(objective_numbers)])}
            if objective_numbers
            else ""
        ),
    )


def build_inputs(*, review: RegionalReview, language: str) -> InputsReport:
    """Must run inside translation.override(language)."""
    loc = Localizer(language)
    rtl = direction() == "rtl"
    warnings: list[str] = []
    texts = ReviewReportText.objects.filter(review=review).first() or ReviewReportText(
        review=review
    )
    analysis = input_analysis(review=review, statuses=[InputStatus.ACCEPTED])
    totals = analysis.totals
    total = totals.total
    stats = [
        Stat(str(total), gettext("accepted inputs")),
        Stat(str(totals.written), gettext("written inputs")),
        Stat(str(totals.oral), gettext("raised orally in consultations")),
        Stat(str(totals.by_type_value[InputType.PROCESS]), gettext("on process and outcomes")),
    ]

    objective_rows = [
        CountRow(f"{o.number}. {o.title}", n, _share(n, total)) for o, n in analysis.by_objective
    ]
    objective_chart = bar_chart(
        key="inputs-objective",
        title=gettext("Inputs by GCM objective"),
        unit=gettext("inputs"),
        rows=[(str(o.number), n) for o, n in analysis.by_objective],
        rtl=rtl,
        total=total,
        note=gettext("An input that addresses several objectives counts under each of them."),
    )
    missing = [str(o.number) for o, n in analysis.by_objective if not n]

    cluster_rows = [
        (gettext("Roundtable %(number)s") % {"number": rt.number}, n)
        for rt, n in analysis.by_cluster
    ]
    if analysis.no_cluster:
        cluster_rows.append((gettext("No roundtable"), analysis.no_cluster))
    cluster_chart = bar_chart(
        key="inputs-cluster",
        title=gettext("Inputs by roundtable cluster"),
        unit=gettext("inputs"),
        rows=cluster_rows,
        rtl=rtl,
        total=total,
        note=gettext(
            "An input belongs to the roundtable it was filed under and to every roundtable "
            "whose objectives it addresses."
        ),
    )
    sector_chart = bar_chart(
        key="inputs-sector",
        title=gettext("Inputs by stakeholder sector (GCM para. 44)"),
        unit=gettext("inputs"),
        rows=[(sector_label(sector), n) for sector, n in analysis.sectors],
        rtl=rtl,
        total=total,
    )
    country_rows = [
        CountRow(countries.name(code), n, _share(n, total))
        for code, n in analysis.countries
        if code
    ]
    country_chart = bar_chart(
        key="inputs-country",
        title=gettext("Inputs by country"),
        unit=gettext("inputs"),
        rows=[(row.label, row.count) for row in country_rows],
        rtl=rtl,
        limit=20,
        other_label=gettext("Other countries"),
        total=total,
    )
    language_chart = bar_chart(
        key="inputs-language",
        title=gettext("Inputs by language"),
        unit=gettext("inputs"),
        rows=[
            (get_language_info(code)["name_translated"] if code else "\u2013", n)
            for code, n in analysis.languages
        ],
        rtl=rtl,
        total=total,
    )

    groups = []
    roundtables = [rt for rt, _n in analysis.by_cluster]
    for rt, items in input_quotes(
        review=review, roundtables=roundtables, per_cluster=QUOTES_PER_CLUSTER
    ):
        title = (
            gettext("Roundtable %(number)s") % {"number": rt.number}
            if rt
            else gettext("Inputs outside the roundtable clusters")
        )
        groups.append(
            QuoteGroup(
                anchor=f"quotes-{rt.number if rt else 'other'}",
                title=title,
                quotes=[_quote(item, loc) for item in items],
            )
        )
    if not total:
        warnings.append(gettext("The review has no accepted input yet."))
    if missing:
        warnings.append(
            gettext("No accepted input addresses objective(s) %(numbers)s.")
            % {"numbers": join_list(missing)}
        )

    introduction, intro_lang = loc.text(texts, "inputs_introduction")
    today = timezone.localdate()
    return InputsReport(
        language=language,
        direction=direction(),
        title=loc.fragment(review, "title"),
        region=review.region.name,
        meeting_line=long_date(review.meeting_date),
        introduction=blocks(introduction),
        introduction_lang=loc.wrap("", intro_lang),
        method=gettext(
            "This paper counts the %(total)s stakeholder inputs accepted by the secretariat "
            "as of %(date)s: written inputs and points raised orally in consultations. "
            "Rejected inputs are left out, and inputs merged into another count once."
        )
        % {"total": total, "date": short_date(today)},
        stats=stats,
        objective_chart=objective_chart,
        objective_rows=objective_rows,
        objectives_without_inputs=join_list(missing),
        cluster_chart=cluster_chart,
        sector_chart=sector_chart,
        country_chart=country_chart,
        country_rows=country_rows,
        language_chart=language_chart,
        quote_groups=groups,
        used_fallback=loc.used_fallback,
        warnings=warnings,
        issued=short_date(today),
        running_title=pgettext("report title", "Inputs analysis paper"),
    )
