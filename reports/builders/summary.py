"""The summary report of one consultation, in the form of the UNECE pre-consultation
summary of 14 November 2023 (the source document): title and meeting facts, OVERVIEW,
attendance, one numbered section per speaker, the GCM thematic priorities with the
stakeholders' recommendations on content and on process and outcomes, documents and
links, contacts, footnotes."""

from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from consultations.enums import SessionKind
from consultations.models import Session
from consultations.selectors import attendance_by_sector, attendances
from reports.builders.common import (
    Localizer,
    direction,
    in_sentence,
    join_list,
    meeting_when,
    place_line,
    sector_label,
)
from reports.charts import Chart, bar_chart
from reports.markup import Block, Footnotes, Fragment, Point, blocks, points, roman
from roundtables.enums import InputStatus, InputType
from roundtables.models import Roundtable, StakeholderInput


@dataclass
class SpeakerSection:
    number: str
    heading: Fragment
    name: str
    function: Fragment
    points: list[Point]


@dataclass
class Link:
    title: Fragment
    url: str


@dataclass
class LinkGroup:
    title: Fragment
    links: list[Link] = field(default_factory=list)


@dataclass
class Contact:
    heading: Fragment
    name: str
    function: Fragment
    email: str


@dataclass
class SummaryReport:
    kind = "summary"
    language: str
    direction: str
    title: Fragment
    date_line: str
    time_line: str
    place_line: Fragment
    overview: list[Block]
    overview_lang: Fragment
    attendance: str
    attendance_count: int
    attendance_note: list[Block]
    attendance_note_lang: Fragment
    attendance_chart: Chart
    speakers: list[SpeakerSection]
    thematic_number: str
    roundtables_intro: Fragment
    roundtables: list[str]
    content_inputs: list[Fragment]
    process_inputs: list[Fragment]
    link_groups: list[LinkGroup]
    contacts: list[Contact]
    endnotes: list[Fragment]
    used_fallback: bool
    warnings: list[str]
    running_title: str = ""

    @property
    def has_thematic_section(self) -> bool:
        return bool(
            self.roundtables_intro or self.roundtables or self.content_inputs or self.process_inputs
        )


def session_for_summary(*, slug: str | None = None, pk: int | None = None) -> Session | None:
    lookup = {"slug": slug} if slug is not None else {"pk": pk}
    return (
        Session.objects.select_related("review")
        .prefetch_related("speakers", "links", "contacts", "footnotes")
        .filter(**lookup)
        .first()
    )


def _attendance_sentence(session: Session, count: int, sectors: list) -> str:
    subject = {
        SessionKind.PRE_CONSULTATION: pgettext("report attendance", "This pre-consultation"),
        SessionKind.THEMATIC: pgettext("report attendance", "This thematic consultation"),
        SessionKind.GLOBAL: pgettext("report attendance", "This global consultation"),
        SessionKind.MULTI_STAKEHOLDER: pgettext(
            "report attendance", "This multi-stakeholder consultation"
        ),
        SessionKind.GCM_TALK: pgettext("report attendance", "This GCM Talk"),
    }.get(session.kind, pgettext("report attendance", "This meeting"))
    names = join_list([in_sentence(sector.name) for sector, _count in sectors if sector])
    if count and names:
        return ngettext(
            "%(subject)s was attended by %(count)s civil society organization or "
            "stakeholder, representing the following sector listed in para. 44 of the "
            "GCM: %(sectors)s.",
            "%(subject)s was attended by %(count)s civil society organizations and "
            "stakeholders, representing the different sectors listed in para. 44 of the "
            "GCM (%(sectors)s).",
            count,
        ) % {"subject": subject, "count": count, "sectors": names}
    if count:
        return ngettext(
            "%(subject)s was attended by %(count)s civil society organization or stakeholder.",
            "%(subject)s was attended by %(count)s civil society organizations and stakeholders.",
            count,
        ) % {"subject": subject, "count": count}
    return ""


def objectives_line(number: int, objective_numbers: list[int]) -> str:
    numbers = join_list([str(n) for n in objective_numbers])
    if not objective_numbers:
        return gettext("Session %(number)s") % {"number": number}
    return ngettext(
        "Session %(number)s: GCM objective %(objectives)s",
        "Session %(number)s: GCM objectives %(objectives)s",
        len(objective_numbers),
    ) % {"number": number, "objectives": numbers}


def build_summary(*, session: Session, language: str) -> SummaryReport:
    """Gather a session's written record and attendance into a SummaryReport. Must run
    inside translation.override(language)."""
    loc = Localizer(language)
    warnings: list[str] = []

    footnote_rows = list(session.footnotes.all())
    texts, langs = {}, {}
    for footnote in footnote_rows:
        text, lang = loc.text(footnote, "text")
        texts[footnote.number] = text
        langs[footnote.number] = loc.wrap("", lang).lang
    notes = Footnotes(texts=texts, langs=langs)

    title = loc.fragment(session, "title")
    day, hours = meeting_when(session)
    overview_text, overview_lang = loc.text(session, "overview")
    overview = blocks(overview_text, notes)

    count = attendances(session_ids=[session.pk]).count()
    sectors = attendance_by_sector(session_ids=[session.pk])
    note_text, note_lang = loc.text(session, "attendance_note")
    chart = bar_chart(
        key="attendance-sector",
        title=gettext("Participants by stakeholder sector (GCM para. 44)"),
        unit=gettext("participants"),
        rows=[(sector_label(sector), n) for sector, n in sectors],
        rtl=direction() == "rtl",
        total=count,
    )

    speakers = [
        SpeakerSection(
            number=roman(index),
            heading=loc.fragment(speaker, "heading"),
            name=speaker.name,
            function=loc.fragment(speaker, "function"),
            points=points(loc.text(speaker, "points")[0], notes),
        )
        for index, speaker in enumerate(session.speakers.all(), start=1)
    ]

    roundtables = (
        Roundtable.objects.filter(review_id=session.review_id)
        .prefetch_related("objectives")
        .order_by("number")
    )
    roundtable_lines = [
        objectives_line(rt.number, sorted(o.number for o in rt.objectives.all()))
        for rt in roundtables
    ]
    intro = loc.fragment(session, "roundtables_intro", notes)

    inputs = StakeholderInput.objects.filter(
        source_session=session, status=InputStatus.ACCEPTED
    ).order_by("position", "created_at", "pk")
    content, process = [], []
    for item in inputs.only("text", "language", "input_type"):
        fragment = loc.wrap(blocks_html(item.text), item.language)
        (content if item.input_type == InputType.CONTENT else process).append(fragment)

    groups: list[LinkGroup] = []
    previous_group = None
    for link in session.links.all():
        group_text, group_lang = loc.text(link, "group")
        if not groups or previous_group != group_text:
            groups.append(LinkGroup(title=loc.wrap(escape(group_text), group_lang)))
            previous_group = group_text
        groups[-1].links.append(Link(title=loc.fragment(link, "title"), url=link.url))

    contacts = [
        Contact(
            heading=loc.fragment(contact, "heading"),
            name=contact.name,
            function=loc.fragment(contact, "function"),
            email=contact.email,
        )
        for contact in session.contacts.all()
    ]

    endnotes = []
    for number in notes.unused:
        warnings.append(
            gettext("Footnote %(number)s is not referenced in the text: printed at the end.")
            % {"number": number}
        )
        endnotes.append(loc.wrap(notes.call(number), langs.get(number) or language))
    for number in sorted(notes.missing):
        warnings.append(
            gettext("The marker [^%(number)s] refers to no footnote: left out.")
            % {"number": number}
        )
    if not count:
        warnings.append(gettext("No attendance is recorded for this session."))
    if not speakers:
        warnings.append(gettext("The session has no speakers."))
    if not overview:
        warnings.append(gettext("The session has no overview."))

    return SummaryReport(
        language=language,
        direction=direction(),
        title=title,
        date_line=day,
        time_line=hours,
        place_line=place_line(session, loc),
        overview=overview,
        overview_lang=loc.wrap("", overview_lang),
        attendance=_attendance_sentence(session, count, sectors),
        attendance_count=count,
        attendance_note=blocks(note_text, notes),
        attendance_note_lang=loc.wrap("", note_lang),
        attendance_chart=chart,
        speakers=speakers,
        thematic_number=roman(len(speakers) + 1),
        roundtables_intro=intro,
        roundtables=roundtable_lines,
        content_inputs=content,
        process_inputs=process,
        link_groups=groups,
        contacts=contacts,
        endnotes=endnotes,
        used_fallback=loc.used_fallback,
        warnings=warnings,
        running_title=gettext("Summary Report"),
    )


def blocks_html(text: str) -> SafeString:
    """A stakeholder's input as one list item: escaped, its paragraphs and bullet
    points kept apart by line breaks."""
    pieces = []
    for block in blocks(text):
        if block.items:
            pieces.extend(format_html("• {}", item) for item in block.items)
        else:
            pieces.append(block.html)
    return mark_safe("<br>".join(pieces))  # noqa: S308 - each piece is escaped
