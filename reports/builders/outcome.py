"""The non-negotiated outcome report of a Regional Review. Every key message cites the
consultations, GCM Talks and stakeholder inputs it draws on (roundtables.KeyMessage
sessions / inputs), as numbered references at the end of the PDF, so that a reader
can trace each message to its sources.

One function per section of the document; build_outcome puts them together."""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django_countries import countries

from consultations.enums import Mode, SessionKind
from consultations.models import RegionalReview, Session
from consultations.selectors import (
    Participation,
    attendance_by_country,
    attendance_by_mode,
    attendance_by_sector,
    attendance_totals,
    participation_by_session,
)
from core.charts import Chart, bar_chart
from reports.builders.common import (
    Localizer,
    ReviewCover,
    Stat,
    Text,
    direction,
    join_list,
    review_cover,
    sector_label,
    short_date,
    text_of,
)
from reports.enums import ReportKind
from reports.markup import Block, Footnotes, Fragment, blocks
from reports.models import ReviewReportText
from reports.selectors import (
    general_key_messages,
    review_report_text,
    roundtables_for_outcome,
    sessions_held,
)
from roundtables.enums import InputStatus, InputType, RoleKind
from roundtables.models import Roundtable, RoundtableRole, StakeholderInput
from roundtables.selectors.clusters import objective_coverage
from roundtables.selectors.inputs import input_totals

CONSULTATION_KINDS = (
    SessionKind.GLOBAL,
    SessionKind.PRE_CONSULTATION,
    SessionKind.THEMATIC,
    SessionKind.MULTI_STAKEHOLDER,
)
ROLE_ORDER = {RoleKind.MEMBER_STATE_SPEAKER: 0, RoleKind.MODERATOR: 1, RoleKind.PANELIST: 2}


@dataclass
class Reference:
    number: int
    anchor: str
    kind: str  # "session" or "input"
    text: str
    detail: str = ""


@dataclass
class Citations:
    """Numbers references in the order the report first cites them."""

    references: list[Reference] = field(default_factory=list)
    _by_key: dict[tuple[str, int], Reference] = field(default_factory=dict)

    def cite(self, key: tuple[str, int], make) -> Reference:
        if key not in self._by_key:
            number = len(self.references) + 1
            text, detail = make()
            reference = Reference(number, f"ref-{number}", key[0], text, detail)
            self._by_key[key] = reference
            self.references.append(reference)
        return self._by_key[key]


@dataclass
class Message:
    text: Fragment
    references: list[Reference]


@dataclass
class Person:
    role: str
    name: str
    detail: str


@dataclass
class ObjectiveLine:
    number: int
    title: str


@dataclass
class Rapporteur:
    name: str
    function: Fragment
    presentation: Text


@dataclass
class RoundtableSection:
    number: int
    anchor: str
    title: Fragment
    description: list[Block]
    objectives: list[ObjectiveLine]
    people: list[Person]
    consultations: list[str]
    messages: list[Message]
    has_member_state_speaker: bool


@dataclass
class SessionSummary:
    anchor: str
    title: Fragment
    meta: str
    blocks: list[Block]
    lang: Fragment


@dataclass
class ParticipationRow:
    title: str
    kind: str
    date: str
    format: str
    registered: int
    attended: int
    in_person: int
    online: int


@dataclass
class ParticipationSection:
    stats: list[Stat]
    charts: list[Chart]
    rows: list[ParticipationRow]
    inputs: list[Stat]


@dataclass
class OutcomeReport:
    kind = ReportKind.OUTCOME
    language: str
    direction: str
    cover: ReviewCover
    introduction: Text
    rapporteur: Rapporteur
    roundtables: list[RoundtableSection]
    uncovered_objectives: list[ObjectiveLine]
    general_messages: list[Message]
    consultations: list[SessionSummary]
    talks: list[SessionSummary]
    participation: ParticipationSection
    conclusions: Text
    references: list[Reference]
    used_fallback: bool
    warnings: list[str]
    issued: str
    running_title: str = ""


def build_outcome(*, review: RegionalReview, language: str) -> OutcomeReport:
    """Gather a review's roundtables, key messages and their sources, consultation and
    GCM Talk summaries and participation into an OutcomeReport. Must run inside
    translation.override(language)."""
    loc = Localizer(language)
    texts = review_report_text(review=review)
    citations = Citations()  # numbered in the order of the document: roundtables first
    roundtables = roundtables_for_outcome(review=review)
    sections = [_roundtable(rt, loc, citations) for rt in roundtables]
    general = _messages(general_key_messages(review=review), loc, citations)
    uncovered = _uncovered(roundtables)
    held = sessions_held(review=review)
    rapporteur = _rapporteur(texts, loc)
    return OutcomeReport(
        language=language,
        direction=direction(),
        cover=review_cover(review, loc, venue=True),
        introduction=text_of(texts, "introduction", loc),
        rapporteur=rapporteur,
        roundtables=sections,
        uncovered_objectives=uncovered,
        general_messages=general,
        consultations=_summaries(
            [s for s in held if s.kind in CONSULTATION_KINDS], loc, "consultation"
        ),
        talks=_summaries([s for s in held if s.kind == SessionKind.GCM_TALK], loc, "talk"),
        participation=_participation(review, held),
        conclusions=text_of(texts, "conclusions", loc),
        references=citations.references,
        used_fallback=loc.used_fallback,
        warnings=_warnings(sections, uncovered, rapporteur),
        issued=short_date(timezone.localdate()),
        running_title=pgettext("report title", "Outcome report"),
    )


def _rapporteur(texts: ReviewReportText, loc: Localizer) -> Rapporteur:
    return Rapporteur(
        name=texts.rapporteur_name,
        function=loc.fragment(texts, "rapporteur_function"),
        presentation=text_of(texts, "rapporteur_presentation", loc),
    )


# --- roundtables and key messages --------------------------------------------------------


def _roundtable(rt: Roundtable, loc: Localizer, citations: Citations) -> RoundtableSection:
    roles = sorted(rt.roles.all(), key=lambda r: (ROLE_ORDER.get(r.kind, 9), r.position))
    description, _lang = loc.text(rt, "description")
    return RoundtableSection(
        number=rt.number,
        anchor=f"roundtable-{rt.number}",
        title=loc.fragment(rt, "title"),
        description=blocks(description),
        objectives=[ObjectiveLine(o.number, o.title) for o in rt.objectives.all()],
        people=[_person(role) for role in roles],
        consultations=[session.title for session in rt.consultations.all()],
        messages=_messages(rt.ordered_messages, loc, citations),
        has_member_state_speaker=any(r.kind == RoleKind.MEMBER_STATE_SPEAKER for r in roles),
    )


def _person(role: RoundtableRole) -> Person:
    name = role.name or (role.user.name if role.user else "") or str(role.user or "")
    country = countries.name(role.country) if role.country else ""
    detail = ", ".join(x for x in (role.title, role.affiliation, country) if x)
    return Person(role=role.get_kind_display(), name=name, detail=detail)


def _messages(queryset, loc: Localizer, citations: Citations) -> list[Message]:
    result = []
    for message in queryset:
        references = [
            citations.cite(("session", session.pk), lambda s=session: _session_reference(s))
            for session in message.sessions.all()
        ]
        references += [
            citations.cite(("input", item.pk), lambda i=item: _input_reference(i))
            for item in message.inputs.all()
        ]
        references.sort(key=lambda ref: ref.number)
        result.append(Message(text=loc.fragment(message, "text"), references=references))
    return result


def _session_reference(session: Session) -> tuple[str, str]:
    return (
        session.title,
        f"{session.get_kind_display()}, {short_date(session.local_starts_at.date())}",
    )


def _input_reference(item: StakeholderInput) -> tuple[str, str]:
    if not item.publish_consent:
        # Cited so that the message stays traceable for staff, but neither the title nor
        # the author of an input its author did not agree to publish is printed.
        return gettext("A stakeholder input (not published)"), short_date(item.created_at.date())
    who = item.attributed_to or (item.sector.name if item.sector else gettext("A stakeholder"))
    where = countries.name(item.country) if item.country else ""
    if item.source_session_id:
        origin = gettext("raised orally at: %(session)s") % {"session": item.source_session.title}
    else:
        origin = gettext("written input, %(date)s") % {"date": short_date(item.created_at.date())}
    return f"“{item.title}”", ", ".join(x for x in (who, where, origin) if x)


def _uncovered(roundtables: list[Roundtable]) -> list[ObjectiveLine]:
    coverage = objective_coverage(roundtables=roundtables)
    return [ObjectiveLine(o.number, o.title) for o in coverage.uncovered]


# --- summaries of consultations and GCM Talks --------------------------------------------


def _summaries(sessions: list[Session], loc: Localizer, prefix: str) -> list[SessionSummary]:
    """A session's summary, or its overview when it has none; sessions with neither are
    left out."""
    result = []
    for session in sessions:
        summary, lang = loc.text(session, "summary")
        notes = None
        if not summary.strip():
            summary, lang = loc.text(session, "overview")
            notes = Footnotes(
                texts={f.number: loc.text(f, "text")[0] for f in session.footnotes.all()}
            )
        if summary.strip():
            result.append(
                SessionSummary(
                    anchor=f"{prefix}-{session.pk}",
                    title=loc.fragment(session, "title"),
                    meta=" · ".join(_session_meta(session)),
                    blocks=blocks(summary, notes),
                    lang=loc.wrap("", lang),
                )
            )
    return result


def _session_meta(session: Session) -> list[str]:
    meta = [
        session.get_kind_display(),
        short_date(session.local_starts_at.date()),
        session.get_format_display(),
    ]
    if session.organisers:
        meta.append(gettext("organised by %(who)s") % {"who": session.organisers})
    return meta


# --- participation -----------------------------------------------------------------------


def _participation(review: RegionalReview, held: list[Session]) -> ParticipationSection:
    session_ids = [session.pk for session in held]
    rtl = direction() == "rtl"
    rows = _participation_rows(held)
    totals = attendance_totals(session_ids=session_ids)
    by_country = attendance_by_country(session_ids=session_ids)
    charts = [
        _session_chart(rows, rtl=rtl),
        _sector_chart(session_ids, total=totals.attendances, rtl=rtl),
        _country_chart(by_country, total=totals.attendances, rtl=rtl),
        _mode_chart(session_ids, total=totals.attendances, rtl=rtl),
    ]
    return ParticipationSection(
        stats=[
            Stat(str(totals.attendances), gettext("attendances")),
            Stat(str(totals.people), gettext("different participants")),
            Stat(str(totals.organisations), gettext("organisations")),
            Stat(str(len(by_country)), gettext("countries of residence")),
        ],
        charts=[chart for chart in charts if chart],
        rows=rows,
        inputs=_input_stats(review),
    )


def _participation_rows(sessions: list[Session]) -> list[ParticipationRow]:
    counts = participation_by_session(session_ids=[session.pk for session in sessions])
    rows = []
    for session in sessions:
        row = counts.get(session.pk, Participation())
        rows.append(
            ParticipationRow(
                title=session.title,
                kind=session.get_kind_display(),
                date=short_date(session.local_starts_at.date()),
                format=session.get_format_display(),
                registered=row.registered,
                attended=row.attended,
                in_person=row.in_person,
                online=row.online,
            )
        )
    return rows


def _session_chart(rows: list[ParticipationRow], *, rtl: bool) -> Chart:
    return bar_chart(
        key="participation-session",
        title=gettext("Attendance by session"),
        unit=gettext("attendances"),
        rows=[(row.title, row.attended) for row in rows if row.attended],
        rtl=rtl,
        limit=25,
        other_label=gettext("Other sessions"),
    )


def _sector_chart(session_ids: list[int], *, total: int, rtl: bool) -> Chart:
    return bar_chart(
        key="participation-sector",
        title=gettext("Attendance by stakeholder sector (GCM para. 44)"),
        unit=gettext("attendances"),
        rows=[
            (sector_label(sector), n) for sector, n in attendance_by_sector(session_ids=session_ids)
        ],
        rtl=rtl,
        total=total,
    )


def _country_chart(by_country: list[tuple[str, int]], *, total: int, rtl: bool) -> Chart:
    return bar_chart(
        key="participation-country",
        title=gettext("Attendance by country of residence"),
        unit=gettext("attendances"),
        rows=[(countries.name(code), n) for code, n in by_country],
        rtl=rtl,
        limit=15,
        other_label=gettext("Other countries"),
        total=total,
    )


def _mode_chart(session_ids: list[int], *, total: int, rtl: bool) -> Chart:
    by_mode = attendance_by_mode(session_ids=session_ids)
    return bar_chart(
        key="participation-mode",
        title=gettext("Attendance in person and online"),
        unit=gettext("attendances"),
        rows=[(label, by_mode.get(value, 0)) for value, label in Mode.choices],
        rtl=rtl,
        total=total,
    )


def _input_stats(review: RegionalReview) -> list[Stat]:
    totals = input_totals(review=review, statuses=[InputStatus.ACCEPTED])
    return [
        Stat(str(totals.total), gettext("accepted stakeholder inputs")),
        Stat(str(totals.by_type_value[InputType.CONTENT]), gettext("on content")),
        Stat(str(totals.by_type_value[InputType.PROCESS]), gettext("on process and outcomes")),
        Stat(str(totals.written), gettext("written inputs")),
    ]


# --- for staff only ----------------------------------------------------------------------


def _warnings(
    sections: list[RoundtableSection], uncovered: list[ObjectiveLine], rapporteur: Rapporteur
) -> list[str]:
    """What staff should know before publishing; never printed."""
    warnings = []
    for section in sections:
        if not section.messages:
            warnings.append(
                gettext("Roundtable %(number)s has no key message yet.")
                % {"number": section.number}
            )
        if not section.has_member_state_speaker:
            warnings.append(
                gettext("Roundtable %(number)s has no Member State speaker.")
                % {"number": section.number}
            )
    if uncovered and sections:
        warnings.append(
            gettext("No roundtable covers objective(s) %(numbers)s.")
            % {"numbers": join_list([str(o.number) for o in uncovered])}
        )
    if not rapporteur.presentation:
        warnings.append(gettext("The Rapporteur's presentation has not been written yet."))
    return warnings
