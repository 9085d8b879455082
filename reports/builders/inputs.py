"""The inputs analysis paper of a Regional Review: what stakeholders submitted, counted
by GCM objective, roundtable cluster, sector and country, with quotes from accepted
inputs whose authors agreed to publication. Counts are aggregated in the database and
in plain dictionaries, so that tens of thousands of inputs stay cheap."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language_info, gettext, pgettext
from django_countries import countries

from consultations.models import RegionalReview
from gcm.models import Objective, Sector
from reports.builders.common import Localizer, direction, join_list, long_date, short_date
from reports.builders.outcome import Stat
from reports.charts import Chart, bar_chart
from reports.markup import Block, Fragment, blocks
from reports.models import ReviewReportText
from roundtables.enums import InputStatus, InputType
from roundtables.models import Roundtable, StakeholderInput

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


def _quote(item: StakeholderInput, objective_numbers: list[int], loc: Localizer) -> Quote:
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
    accepted = StakeholderInput.objects.filter(review=review, status=InputStatus.ACCEPTED)
    total = accepted.count()

    pairs = list(
        StakeholderInput.objectives.through.objects.filter(
            stakeholderinput__review=review, stakeholderinput__status=InputStatus.ACCEPTED
        ).values_list("stakeholderinput_id", "objective_id")
    )
    objectives_of: dict[int, list[int]] = defaultdict(list)
    for input_id, objective_id in pairs:
        objectives_of[input_id].append(objective_id)
    objectives = list(Objective.objects.order_by("number"))
    number_of = {o.pk: o.number for o in objectives}
    per_objective = Counter(objective_id for _input, objective_id in pairs)

    roundtables = list(
        Roundtable.objects.filter(review=review).prefetch_related("objectives").order_by("number")
    )
    cluster_of_objective: dict[int, set[int]] = defaultdict(set)
    for rt in roundtables:
        for objective in rt.objectives.all():
            cluster_of_objective[objective.pk].add(rt.pk)
    input_roundtable = dict(accepted.values_list("pk", "roundtable_id"))
    clusters_of: dict[int, set[int]] = {}
    for input_id, roundtable_id in input_roundtable.items():
        found = {roundtable_id} if roundtable_id else set()
        for objective_id in objectives_of.get(input_id, ()):
            found |= cluster_of_objective.get(objective_id, set())
        clusters_of[input_id] = found
    per_cluster = Counter(rt for found in clusters_of.values() for rt in found)
    outside = sum(1 for input_id in input_roundtable if not clusters_of[input_id])

    by_type = dict(
        accepted.values_list("input_type").annotate(n=Count("pk")).values_list("input_type", "n")
    )
    written = accepted.filter(source_session__isnull=True).count()
    stats = [
        Stat(str(total), gettext("accepted inputs")),
        Stat(str(written), gettext("written inputs")),
        Stat(str(total - written), gettext("raised orally in consultations")),
        Stat(str(by_type.get(InputType.PROCESS, 0)), gettext("on process and outcomes")),
    ]

    objective_rows = [
        CountRow(f"{o.number}. {o.title}", per_objective.get(o.pk, 0), "") for o in objectives
    ]
    for row in objective_rows:
        row.share = _share(row.count, total)
    objective_chart = bar_chart(
        key="inputs-objective",
        title=gettext("Inputs by GCM objective"),
        unit=gettext("inputs"),
        rows=[(str(o.number), per_objective.get(o.pk, 0)) for o in objectives],
        rtl=rtl,
        total=total,
        note=gettext("An input that addresses several objectives counts under each of them."),
    )
    missing = [str(o.number) for o in objectives if not per_objective.get(o.pk)]

    cluster_rows = [
        (gettext("Roundtable %(number)s") % {"number": rt.number}, per_cluster.get(rt.pk, 0))
        for rt in roundtables
    ]
    if outside:
        cluster_rows.append((gettext("No roundtable"), outside))
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

    sector_counts = dict(
        accepted.values_list("sector").annotate(n=Count("pk")).values_list("sector", "n")
    )
    sector_rows = [
        (sector.name, sector_counts[sector.pk])
        for sector in Sector.objects.filter(pk__in=[k for k in sector_counts if k]).order_by(
            "position"
        )
    ]
    if sector_counts.get(None):
        sector_rows.append((gettext("Sector not stated"), sector_counts[None]))
    sector_chart = bar_chart(
        key="inputs-sector",
        title=gettext("Inputs by stakeholder sector (GCM para. 44)"),
        unit=gettext("inputs"),
        rows=sector_rows,
        rtl=rtl,
        total=total,
    )

    country_counts = list(
        accepted.exclude(country="")
        .values_list("country")
        .annotate(n=Count("pk"))
        .order_by("-n", "country")
        .values_list("country", "n")
    )
    country_rows = [
        CountRow(countries.name(code), count, _share(count, total))
        for code, count in country_counts
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
    language_counts = (
        accepted.values_list("language").annotate(n=Count("pk")).order_by("-n", "language")
    )
    language_chart = bar_chart(
        key="inputs-language",
        title=gettext("Inputs by language"),
        unit=gettext("inputs"),
        rows=[
            (get_language_info(code)["name_translated"] if code else "\u2013", count)
            for code, count in language_counts.values_list("language", "n")
        ],
        rtl=rtl,
        total=total,
    )

    # Quotes: only inputs whose authors agreed to publication, a few per cluster, the
    # ones addressing most objectives of the cluster first, then the earliest.
    quotable = set(accepted.filter(publish_consent=True).values_list("pk", flat=True))
    candidates: dict[int | None, list[tuple[int, int]]] = defaultdict(list)
    for input_id in quotable:
        found = clusters_of.get(input_id) or {None}
        for rt in found:
            weight = sum(
                1
                for objective_id in objectives_of.get(input_id, ())
                if rt in cluster_of_objective.get(objective_id, set())
            )
            candidates[rt].append((-weight, input_id))
    chosen: dict[int | None, list[int]] = {
        rt: [input_id for _w, input_id in sorted(items)[:QUOTES_PER_CLUSTER]]
        for rt, items in candidates.items()
    }
    quoted = StakeholderInput.objects.select_related("sector").in_bulk(
        [pk for ids in chosen.values() for pk in ids]
    )
    groups = []
    for rt in [*roundtables, None]:
        ids = chosen.get(rt.pk if rt else None, [])
        if not ids:
            continue
        title = (
            gettext("Roundtable %(number)s") % {"number": rt.number}
            if rt
            else gettext("Inputs outside the roundtable clusters")
        )
        groups.append(
            QuoteGroup(
                anchor=f"quotes-{rt.number if rt else 'other'}",
                title=title,
                quotes=[
                    _quote(quoted[pk], [number_of[o] for o in objectives_of.get(pk, ())], loc)
                    for pk in ids
                ],
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
