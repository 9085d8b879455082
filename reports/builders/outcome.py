"""The non-negotiated outcome report of a Regional Review. Every key message cites the
consultations, GCM Talks and stakeholder inputs it draws on (roundtables.KeyMessage
sessions / inputs), as numbered references at the end of the PDF, so that a reader
can trace each message to its sources."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext, pgettext
from django_countries import countries

from consultations.enums import Mode, SessionKind, SessionStatus
from consultations.models import RegionalReview, Session
from consultations.selectors import (
    Participation,
    attendance_by_country,
    attendance_by_mode,
    attendance_by_sector,
    attendance_totals,
    participation_by_session,
    session_public,
)
from reports.builders.common import (
    Localizer,
    direction,
    join_list,
    long_date,
    sector_label,
    short_date,
)
from reports.charts import Chart, bar_chart
from reports.markup import Block, Footnotes, Fragment, blocks
from reports.models import ReviewReportText
from roundtables.enums import InputStatus, InputType, RoleKind
from roundtables.models import KeyMessage, Roundtable, RoundtableRole, StakeholderInput
from roundtables.selectors.clusters import objective_coverage
from roundtables.selectors.inputs import input_totals

CONSULTATION_KINDS = (
    SessionKind.GLOBAL,
    SessionKind.PRE_CONSULTATION,
    SessionKind.THEMATIC,
    SessionKind.MULTI_STAKEHOLDER,
)


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
class RoundtableSection:
    number: int
    anchor: str
    title: Fragment
    description: list[Block]
    objectives: list[ObjectiveLine]
    people: list[Person]
    consultations: list[str]
    messages: list[Message]


@dataclass
class SessionSummary:
    anchor: str
    title: Fragment
    meta: str
    blocks: list[Block]
    lang: Fragment


@dataclass
class Stat:
    value: str
    label: str


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
class OutcomeReport:
    kind = "outcome"
    language: str
    direction: str
    title: Fragment
    region: str
    meeting_line: str
    venue_line: str
    introduction: list[Block]
    introduction_lang: Fragment
    rapporteur_name: str
    rapporteur_function: Fragment
    rapporteur_presentation: list[Block]
    rapporteur_lang: Fragment
    roundtables: list[RoundtableSection]
    uncovered_objectives: list[ObjectiveLine]
    general_messages: list[Message]
    consultations: list[SessionSummary]
    talks: list[SessionSummary]
    stats: list[Stat]
    participation: list[ParticipationRow]
    charts: list[Chart]
    inputs_stats: list[Stat]
    conclusions: list[Block]
    conclusions_lang: Fragment
    references: list[Reference]
    used_fallback: bool
    warnings: list[str]
    issued: str
    running_title: str = ""


def review_for_report(*, slug: str | None = None, pk: int | None = None):
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    return RegionalReview.objects.select_related("region").filter(**lookup).first()


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


def _messages(queryset, loc: Localizer, citations: Citations) -> list[Message]:
    result = []
    for message in queryset:
        references = []
        for session in message.sessions.all():
            references.append(
                citations.cite(("session", session.pk), lambda s=session: _session_reference(s))
            )
        for item in message.inputs.all():
            references.append(
                citations.cite(("input", item.pk), lambda i=item: _input_reference(i))
            )
        references.sort(key=lambda ref: ref.number)
        result.append(Message(text=loc.fragment(message, "text"), references=references))
    return result


def _person(role: RoundtableRole) -> Person:
    name = role.name or (role.user.name if role.user else "") or str(role.user or "")
    detail = ", ".join(
        x
        for x in (
            role.title,
            role.affiliation,
            countries.name(role.country) if role.country else "",
        )
        if x
    )
    return Person(role=role.get_kind_display(), name=name, detail=detail)


def _summaries(sessions, loc: Localizer, prefix: str) -> list[SessionSummary]:
    result = []
    for session in sessions:
        summary, lang = loc.text(session, "summary")
        notes = None
        if not summary.strip():
            summary, lang = loc.text(session, "overview")
            texts = {}
            for footnote in session.footnotes.all():
                texts[footnote.number] = loc.text(footnote, "text")[0]
            notes = Footnotes(texts=texts)
        if not summary.strip():
            continue
        meta = [session.get_kind_display(), short_date(session.local_starts_at.date())]
        meta.append(session.get_format_display())
        if session.organisers:
            meta.append(gettext("organised by %(who)s") % {"who": session.organisers})
        result.append(
            SessionSummary(
                anchor=f"{prefix}-{session.pk}",
                title=loc.fragment(session, "title"),
                meta=" · ".join(meta),
                blocks=blocks(summary, notes),
                lang=loc.wrap("", lang),
            )
        )
    return result


def _participation(sessions: list[Session]) -> list[ParticipationRow]:
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


def participation_charts(session_ids: list[int], *, rtl: bool) -> tuple[list[Stat], list[Chart]]:
    totals = attendance_totals(session_ids=session_ids)
    total = totals.attendances
    by_country = attendance_by_country(session_ids=session_ids)
    stats = [
        Stat(str(total), gettext("attendances")),
        Stat(str(totals.people), gettext("different participants")),
        Stat(str(totals.organisations), gettext("organisations")),
        Stat(str(len(by_country)), gettext("countries of residence")),
    ]
    charts = [
        bar_chart(
            key="participation-sector",
            title=gettext("Attendance by stakeholder sector (GCM para. 44)"),
            unit=gettext("attendances"),
            rows=[
                (sector_label(sector), n)
                for sector, n in attendance_by_sector(session_ids=session_ids)
            ],
            rtl=rtl,
            total=total,
        ),
        bar_chart(
            key="participation-country",
            title=gettext("Attendance by country of residence"),
            unit=gettext("attendances"),
            rows=[(countries.name(code), n) for code, n in by_country],
            rtl=rtl,
            limit=15,
            other_label=gettext("Other countries"),
            total=total,
        ),
    ]
    by_mode = attendance_by_mode(session_ids=session_ids)
    charts.append(
        bar_chart(
            key="participation-mode",
            title=gettext("Attendance in person and online"),
            unit=gettext("attendances"),
            rows=[(label, by_mode.get(value, 0)) for value, label in Mode.choices],
            rtl=rtl,
            total=total,
        )
    )
    return stats, [chart for chart in charts if chart]


def build_outcome(*, review: RegionalReview, language: str) -> OutcomeReport:
    """Gather a review's roundtables, key messages and their sources, consultation and
    GCM Talk summaries and participation into an OutcomeReport. Must run inside
    translation.override(language)."""
    loc = Localizer(language)
    warnings: list[str] = []
    rtl = direction() == "rtl"
    texts = ReviewReportText.objects.filter(review=review).first() or ReviewReportText(
        review=review
    )
    citations = Citations()
    message_queryset = KeyMessage.objects.filter(review=review).prefetch_related(
        Prefetch("sessions", queryset=session_public().order_by("starts_at", "pk")),
        Prefetch(
            "inputs",
            queryset=StakeholderInput.objects.select_related("sector", "source_session").order_by(
                "pk"
            ),
        ),
    )

    roundtables = list(
        Roundtable.objects.filter(review=review)
        .prefetch_related(
            "objectives",
            Prefetch("roles", queryset=RoundtableRole.objects.select_related("user")),
            Prefetch("consultations", queryset=session_public().order_by("starts_at")),
            Prefetch(
                "key_messages",
                queryset=message_queryset.order_by("position", "pk"),
                to_attr="ordered_messages",
            ),
        )
        .order_by("number")
    )
    role_order = {RoleKind.MEMBER_STATE_SPEAKER: 0, RoleKind.MODERATOR: 1, RoleKind.PANELIST: 2}
    sections = []
    for rt in roundtables:
        roles = sorted(rt.roles.all(), key=lambda r: (role_order.get(r.kind, 9), r.position))
        description, _lang = loc.text(rt, "description")
        section = RoundtableSection(
            number=rt.number,
            anchor=f"roundtable-{rt.number}",
            title=loc.fragment(rt, "title"),
            description=blocks(description),
            objectives=[ObjectiveLine(o.number, o.title) for o in rt.objectives.all()],
            people=[_person(role) for role in roles],
            consultations=[session.title for session in rt.consultations.all()],
            messages=_messages(rt.ordered_messages, loc, citations),
        )
        sections.append(section)
        if not section.messages:
            warnings.append(
                gettext("Roundtable %(number)s has no key message yet.") % {"number": rt.number}
            )
        if not any(role.kind == RoleKind.MEMBER_STATE_SPEAKER for role in roles):
            warnings.append(
                gettext("Roundtable %(number)s has no Member State speaker.")
                % {"number": rt.number}
            )
    general = _messages(
        message_queryset.filter(roundtable=None).order_by("position", "pk"), loc, citations
    )
    coverage = objective_coverage(roundtables=roundtables)
    uncovered = [ObjectiveLine(o.number, o.title) for o in coverage.uncovered]
    if uncovered and roundtables:
        warnings.append(
            gettext("No roundtable covers objective(s) %(numbers)s.")
            % {"numbers": join_list([str(o.number) for o in uncovered])}
        )

    held = list(
        Session.objects.filter(review=review)
        .exclude(status__in=[SessionStatus.DRAFT, SessionStatus.CANCELLED])
        .prefetch_related("footnotes")
        .order_by("starts_at", "pk")
    )
    consultations = _summaries(
        [s for s in held if s.kind in CONSULTATION_KINDS], loc, "consultation"
    )
    talks = _summaries([s for s in held if s.kind == SessionKind.GCM_TALK], loc, "talk")
    stats, charts = participation_charts([s.pk for s in held], rtl=rtl)
    participation = _participation(held)
    session_chart = bar_chart(
        key="participation-session",
        title=gettext("Attendance by session"),
        unit=gettext("attendances"),
        rows=[(row.title, row.attended) for row in participation if row.attended],
        rtl=rtl,
        limit=25,
        other_label=gettext("Other sessions"),
    )
    if session_chart:
        charts.insert(0, session_chart)

    totals = input_totals(review=review, statuses=[InputStatus.ACCEPTED])
    inputs_stats = [
        Stat(str(totals.total), gettext("accepted stakeholder inputs")),
        Stat(str(totals.by_type_value[InputType.CONTENT]), gettext("on content")),
        Stat(str(totals.by_type_value[InputType.PROCESS]), gettext("on process and outcomes")),
        Stat(str(totals.written), gettext("written inputs")),
    ]

    introduction, intro_lang = loc.text(texts, "introduction")
    presentation, presentation_lang = loc.text(texts, "rapporteur_presentation")
    conclusions, conclusions_lang = loc.text(texts, "conclusions")
    if not presentation:
        warnings.append(gettext("The Rapporteur's presentation has not been written yet."))

    where = ", ".join(x for x in (loc.text(review, "venue")[0], review.city) if x)
    return OutcomeReport(
        language=language,
        direction=direction(),
        title=loc.fragment(review, "title"),
        region=review.region.name,
        meeting_line=long_date(review.meeting_date),
        venue_line=where,
        introduction=blocks(introduction),
        introduction_lang=loc.wrap("", intro_lang),
        rapporteur_name=texts.rapporteur_name,
        rapporteur_function=loc.fragment(texts, "rapporteur_function"),
        rapporteur_presentation=blocks(presentation),
        rapporteur_lang=loc.wrap("", presentation_lang),
        roundtables=sections,
        uncovered_objectives=uncovered,
        general_messages=general,
        consultations=consultations,
        talks=talks,
        stats=stats,
        participation=participation,
        charts=charts,
        inputs_stats=inputs_stats,
        conclusions=blocks(conclusions),
        conclusions_lang=loc.wrap("", conclusions_lang),
        references=citations.references,
        used_fallback=loc.used_fallback,
        warnings=warnings,
        issued=short_date(timezone.localdate()),
        running_title=pgettext("report title", "Outcome report"),
    )
