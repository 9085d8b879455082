"""Search across public sessions, roundtables, published inputs and published reports.

On PostgreSQL: full-text search with the text-search configuration of the language
(english, french, spanish, russian, arabic; simple for Chinese, which PostgreSQL cannot
stem), ranked with ts_rank and excerpted with ts_headline. Inputs are searched with the
configuration of the language each is written in. On SQLite (`make run`): every word
must appear in the item, ranked by how often the words appear, with an excerpt around
the first one. Both give the same Results.

An item is also found through the GCM objectives it addresses: a search whose words are
in an objective's title ("return and readmission") finds the inputs and roundtables on
that objective. Each kind costs a fixed number of queries, however many items match.
"""

import re
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Cast, Coalesce, NullIf
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from modeltranslation.utils import build_localized_fieldname

from consultations.selectors import session_filtered
from gcm.models import Objective
from gcm.selectors import objective_list
from reports.selectors import report_list_published
from roundtables.selectors.clusters import roundtable_public
from roundtables.selectors.inputs import inputs_published

SESSION, ROUNDTABLE, INPUT, REPORT = "session", "roundtable", "input", "report"
KINDS = (SESSION, ROUNDTABLE, INPUT, REPORT)
# PostgreSQL's text-search configurations by site language; Chinese has none.
CONFIGS = {
    "ar": "arabic",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "ru": "russian",
    "zh-hans": "simple",
}
MAX_PER_KIND = 200
MAX_WORDS = 8
# ts_headline's markers: private-use characters no text holds, turned into <mark> once
# the excerpt is escaped, so that the content itself can never bring markup along.
START, STOP = "\ue000", "\ue001"


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    excerpt: SafeString
    rank: float
    review: str
    language: str  # of the text, for the lang attribute
    objectives: list[int] = field(default_factory=list)


@dataclass
class Results:
    hits: list[Hit]
    total: int
    counts: dict[str, int]
    objectives: list[Objective]  # the objectives whose titles match the words


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query)[:MAX_WORDS]


def _mark(text: str) -> SafeString:
    return mark_safe(  # noqa: S308 - escaped first; only our own markers become tags
        escape(text).replace(START, "<mark>").replace(STOP, "</mark>")
    )


def _shown(name: str, language: str):
    """A translated column as the site shows it: the language's, else English."""
    localized = build_localized_fieldname(name, language)
    english = build_localized_fieldname(name, "en")
    if localized == english:
        return Cast(F(english), TextField())
    return Coalesce(
        NullIf(Cast(F(localized), TextField()), Value("")),
        Cast(F(english), TextField()),
        output_field=TextField(),
    )


def _input_config():
    return Case(
        *[When(language=code, then=Value(config)) for code, config in CONFIGS.items()],
        default=Value("simple"),
    )


# --- what each kind searches ------------------------------------------------------------


def _sessions(*, review: str, objective: Objective | None) -> QuerySet:
    sessions = session_filtered(review=review)
    if objective is not None:
        sessions = sessions.filter(roundtables__objectives=objective).distinct()
    return sessions


def _roundtables(*, review: str, objective: Objective | None) -> QuerySet:
    roundtables = roundtable_public()
    if review:
        roundtables = roundtables.filter(review__slug=review)
    if objective is not None:
        roundtables = roundtables.filter(objectives=objective)
    return roundtables


def _inputs(*, review: str, objective: Objective | None) -> QuerySet:
    inputs = inputs_published(review=None, objective=objective)
    if review:
        inputs = inputs.filter(review__slug=review)
    return inputs


def _reports(*, review: str, objective: Objective | None) -> QuerySet:
    reports = report_list_published(review=review)
    if objective is not None:
        reports = reports.filter(session__roundtables__objectives=objective).distinct()
    return reports


BASES = {SESSION: _sessions, ROUNDTABLE: _roundtables, INPUT: _inputs, REPORT: _reports}
# (title, text) columns; translated columns are read in the page's language.
FIELDS = {
    SESSION: ("title", ("description", "summary", "organisers", "venue")),
    ROUNDTABLE: ("title", ("description",)),
    INPUT: ("title", ("text", "attributed_to")),
}
LINKED = {ROUNDTABLE: "objectives", INPUT: "objectives", SESSION: "roundtables__objectives"}


def _hit(kind: str, item, *, excerpt: SafeString, rank: float, language: str) -> Hit:
    if kind == SESSION:
        return Hit(
            kind,
            item.title,
            item.get_absolute_url(),
            excerpt,
            rank,
            item.review.title,
            language,
        )
    if kind == ROUNDTABLE:
        url = f"{reverse('roundtables:index')}?review={item.review.slug}#roundtable-{item.number}"
        objectives = [objective.number for objective in item.objectives.all()]
        return Hit(kind, item.title, url, excerpt, rank, item.review.title, language, objectives)
    if kind == INPUT:
        objectives = [objective.number for objective in item.objectives.all()]
        url = f"{reverse('roundtables:inputs')}?review={item.review.slug}"
        if objectives:
            url += f"&objective={objectives[0]}"
        return Hit(
            kind, item.title, url, excerpt, rank, item.review.title, item.language, objectives
        )
    subject = item.subject
    review = subject.review.title if item.session_id else subject.title
    title = f"{item.get_kind_display()}: {subject.title}"
    url = reverse("reports:download", kwargs={"pk": item.pk})
    return Hit(kind, title, url, excerpt, rank, review, item.language)


def _report_text(item) -> str:
    return f"{item.get_kind_display()}: {item.subject.title}"


# --- PostgreSQL -------------------------------------------------------------------------


def _postgres(kind, base, *, query: str, language: str, linked_ids, limit):
    from django.contrib.postgres.search import (
        SearchHeadline,
        SearchQuery,
        SearchRank,
        SearchVector,
    )

    config = CONFIGS.get(language, "simple")
    if kind == REPORT:
        # A report is found by its subject's title; its own language is the PDF's.
        base = base.select_related("session__review", "review")
        title = Coalesce(
            _shown("session__title", language),
            _shown("review__title", language),
            output_field=TextField(),
        )
        vector = SearchVector(title, config=config)
        text = title
    else:
        title_field, text_fields = FIELDS[kind]
        translated = kind != INPUT
        show = (lambda name: _shown(name, language)) if translated else F
        row_config = config if translated else _input_config()
        vector = SearchVector(show(title_field), weight="A", config=row_config) + SearchVector(
            *[show(name) for name in text_fields], weight="B", config=row_config
        )
        text = show(text_fields[0])
    search = SearchQuery(query, search_type="websearch", config=config)
    condition = Q(search_vector=search)
    bonus = Value(0.0)
    if linked_ids and kind in LINKED:
        through = Q(**{f"{LINKED[kind]}__in": linked_ids})
        condition |= Q(pk__in=base.filter(through).values("pk"))
        bonus = Case(When(pk__in=base.filter(through).values("pk"), then=Value(0.1)), default=0.0)
    matching = (
        base.annotate(search_vector=vector)
        .filter(condition)
        .annotate(
            rank=SearchRank(vector, search) + bonus,
            excerpt=SearchHeadline(
                text,
                search,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=40,
                min_words=20,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
    )
    total = matching.order_by().count()
    rows = list(matching.order_by("-rank", "pk")[:limit])
    hits = []
    for item in rows:
        excerpt = _mark(item.excerpt or "")
        hits.append(_hit(kind, item, excerpt=excerpt, rank=float(item.rank), language=language))
    return total, hits


# --- SQLite -----------------------------------------------------------------------------


def _columns(kind: str, language: str) -> list[str]:
    if kind == REPORT:
        return [
            build_localized_fieldname(f"{subject}__title", code)
            for subject in ("session", "review")
            for code in {language, "en"}
        ]
    title_field, text_fields = FIELDS[kind]
    if kind == INPUT:
        return [title_field, *text_fields]
    return [
        build_localized_fieldname(name, code)
        for name in (title_field, *text_fields)
        for code in {language, "en"}
    ]


def _excerpt(text: str, words: list[str], *, width: int = 220) -> SafeString:
    lowered = text.lower()
    positions = [lowered.find(word.lower()) for word in words]
    first = min((p for p in positions if p >= 0), default=0)
    start = max(0, first - width // 3)
    piece = text[start : start + width]
    # Words are marked where they start a word ("rescue" in "rescues", not "at" in "sea").
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE
    )
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", piece)
    prefix = "… " if start else ""
    suffix = " …" if start + width < len(text) else ""
    return _mark(f"{prefix}{marked}{suffix}")


def _simple(kind, base, *, words: list[str], language: str, linked_ids, limit):
    columns = _columns(kind, language)
    condition = Q()
    for word in words:
        condition &= Q(
            *[Q(**{f"{column}__icontains": word}) for column in columns], _connector=Q.OR
        )
    if linked_ids and kind in LINKED:
        condition |= Q(pk__in=base.filter(**{f"{LINKED[kind]}__in": linked_ids}).values("pk"))
    if kind == REPORT:
        base = base.select_related("session__review", "review")
    rows = list(base.filter(condition).order_by("pk")[:MAX_PER_KIND])
    linked = set()
    if linked_ids and kind in LINKED:
        linked = set(
            base.filter(**{f"{LINKED[kind]}__in": linked_ids}).values_list("pk", flat=True)
        )
    hits = []
    for item in rows:
        if kind == REPORT:
            title, text = _report_text(item), _report_text(item)
        else:
            title = getattr(item, FIELDS[kind][0])
            text = getattr(item, FIELDS[kind][1][0]) or title
        haystack = f"{title} {title} {text}".lower()
        rank = sum(haystack.count(word.lower()) for word in words) / 10
        rank += 0.1 if item.pk in linked else 0
        hits.append(_hit(kind, item, excerpt=_excerpt(text, words), rank=rank, language=language))
    hits.sort(key=lambda hit: -hit.rank)
    return len(rows), hits[:limit]


# --- the search -------------------------------------------------------------------------


def _matching_objectives(*, words: list[str], query: str, language: str) -> list[Objective]:
    objectives = objective_list()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        config = CONFIGS.get(language, "simple")
        vector = SearchVector(_shown("title", language), config=config)
        search = SearchQuery(query, search_type="websearch", config=config)
        return list(objectives.annotate(search_vector=vector).filter(search_vector=search))
    condition = Q()
    for word in words:
        condition &= Q(**{f"{build_localized_fieldname('title', language)}__icontains": word})
    return list(objectives.filter(condition))


def search(
    *,
    query: str,
    language: str,
    review: str = "",
    objective: Objective | None = None,
    kinds=KINDS,
    page: int = 1,
    per_page: int = 20,
) -> Results:
    """One page of what matches, the best first, with the number found of each kind.
    Without words, everything on the chosen objective is listed (nothing without one)."""
    words = _words(query)
    if not words and objective is None:
        return Results(hits=[], total=0, counts=dict.fromkeys(KINDS, 0), objectives=[])
    linked = _matching_objectives(words=words, query=query, language=language) if words else []
    linked_ids = [o.pk for o in linked]
    limit = min(page * per_page, MAX_PER_KIND)
    counts, hits = {}, []
    for kind in KINDS:
        if kind not in kinds:
            counts[kind] = 0
            continue
        base = BASES[kind](review=review, objective=objective)
        if not words:
            rows = list(base.order_by("pk")[:limit])
            counts[kind] = base.order_by().count()
            excerpt = mark_safe("")
            hits += [
                _hit(kind, item, excerpt=excerpt, rank=0.0, language=language) for item in rows
            ]
        elif connection.vendor == "postgresql":
            counts[kind], found = _postgres(
                kind, base, query=query, language=language, linked_ids=linked_ids, limit=limit
            )
            hits += found
        else:
            counts[kind], found = _simple(
                kind, base, words=words, language=language, linked_ids=linked_ids, limit=limit
            )
            hits += found
    hits.sort(key=lambda hit: -hit.rank)
    start = (page - 1) * per_page
    return Results(
        hits=hits[start : start + per_page],
        total=sum(counts.values()),
        counts=counts,
        objectives=linked,
    )
