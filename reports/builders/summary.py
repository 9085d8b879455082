"""The summary report of one consultation, in the form of the UNECE pre-consultation
summary of 14 November 2023 (the source document): title and meeting facts, OVERVIEW,
attendance, one numbered section per speaker, the GCM thematic priorities with the
stakeholders' recommendations on content and on process and outcomes, documents and
links, contacts, footnotes.

One function per section of the document, called in the document's order: a footnote
is printed at its first marker, so the order in which sections read their text is the
order a reader meets them."""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from consultations.enums import SessionKind
from consultations.models import Session
from consultations.selectors import attendance_by_sector, attendances, session_documents
from core.charts import Chart, bar_chart
from feedback.models import RATING_FIELDS, SurveyResponse
from feedback.selectors import Results, session_results
from gcm.models import Sector
from reports.builders.common import (
    Localizer,
    Text,
    direction,
    in_sentence,
    join_list,
    meeting_when,
    place_line,
    sector_label,
    text_of,
)
from reports.enums import ReportKind
from reports.markup import Footnotes, Fragment, Point, blocks, points, roman
from roundtables.enums import InputType
from roundtables.selectors.clusters import roundtables_with_objectives
from roundtables.selectors.inputs import inputs_raised_at


@dataclass
class Cover:
    title: Fragment
    date_line: str
    time_line: str
    place_line: Fragment


@dataclass
class AttendanceSection:
    sentence: str
    count: int
    note: Text
    chart: Chart | None  # None when the source gives no breakdown


@dataclass
class SpeakerSection:
    number: str
    heading: Fragment
    name: str
    function: Fragment
    points: list[Point]


@dataclass
class ThematicSection:
    number: str
    intro: Fragment
    roundtables: list[str]
    content_inputs: list[Fragment]
    process_inputs: list[Fragment]

    def __bool__(self) -> bool:
        return bool(self.intro or self.roundtables or self.content_inputs or self.process_inputs)


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
class DocumentLink:
    title: str
    url: str
    language: str


@dataclass
class FeedbackSection:
    """Participants' feedback: average ratings overall and by mode of attendance."""

    labels: list[str]
    results: Results


@dataclass
class SummaryReport:
    kind = ReportKind.SUMMARY
    language: str
    direction: str
    cover: Cover
    overview: Text
    attendance: AttendanceSection
    speakers: list[SpeakerSection]
    thematic: ThematicSection
    link_groups: list[LinkGroup]
    contacts: list[Contact]
    documents: list[DocumentLink]
    feedback: FeedbackSection | None
    endnotes: list[Fragment]
    used_fallback: bool
    warnings: list[str]
    running_title: str = ""


def build_summary(*, session: Session, language: str) -> SummaryReport:
    """Gather a session's written record and attendance into a SummaryReport. Must run
    inside translation.override(language); `session` as reports.selectors
    .session_for_summary reads it."""
    loc = Localizer(language)
    notes = _footnotes(session, loc)
    cover = _cover(session, loc)
    overview = text_of(session, "overview", loc, notes)
    attendance = _attendance(session, loc, notes)
    speakers = _speakers(session, loc, notes)
    thematic = _thematic(session, loc, notes, number=roman(len(speakers) + 1))
    link_groups = _link_groups(session, loc)
    documents = _documents(session)
    feedback = _feedback(session)
    contacts = _contacts(session, loc)
    unreferenced = notes.unused  # every section has read its text by now
    endnotes = _endnotes(notes, unreferenced, loc)
    return SummaryReport(
        language=language,
        direction=direction(),
        cover=cover,
        overview=overview,
        attendance=attendance,
        speakers=speakers,
        thematic=thematic,
        link_groups=link_groups,
        contacts=contacts,
        documents=documents,
        feedback=feedback,
        endnotes=endnotes,
        used_fallback=loc.used_fallback,
        warnings=_warnings(
            notes, unreferenced, attendance=attendance, speakers=speakers, overview=overview
        ),
        running_title=gettext("Summary Report"),
    )


def _footnotes(session: Session, loc: Localizer) -> Footnotes:
    texts, langs = {}, {}
    for footnote in session.footnotes.all():
        text, lang = loc.text(footnote, "text")
        texts[footnote.number] = text
        langs[footnote.number] = loc.wrap("", lang).lang
    return Footnotes(texts=texts, langs=langs)


def _cover(session: Session, loc: Localizer) -> Cover:
    day, hours = meeting_when(session)
    return Cover(
        title=loc.fragment(session, "title"),
        date_line=day,
        time_line=hours,
        place_line=place_line(session, loc),
    )


def _attendance(session: Session, loc: Localizer, notes: Footnotes) -> AttendanceSection:
    note = text_of(session, "attendance_note", loc, notes)
    if session.declared_attendance is not None:
        # The source gives a total and a list of sectors, not who came from which: say
        # what it says and draw no breakdown it never gave.
        count = session.declared_attendance
        return AttendanceSection(
            sentence=_attendance_sentence(session, count, list(session.declared_sectors.all())),
            count=count,
            note=note,
            chart=None,
        )
    count = attendances(session_ids=[session.pk]).count()
    sectors = attendance_by_sector(session_ids=[session.pk])
    return AttendanceSection(
        sentence=_attendance_sentence(session, count, [sector for sector, _n in sectors]),
        count=count,
        note=note,
        chart=bar_chart(
            key="attendance-sector",
            title=gettext("Participants by stakeholder sector (GCM para. 44)"),
            unit=gettext("participants"),
            rows=[(sector_label(sector), n) for sector, n in sectors],
            rtl=direction() == "rtl",
            total=count,
        ),
    )


def _attendance_sentence(session: Session, count: int, sectors: list[Sector | None]) -> str:
    subject = {
        SessionKind.PRE_CONSULTATION: pgettext("report attendance", "This pre-consultation"),
        SessionKind.THEMATIC: pgettext("report attendance", "This thematic consultation"),
        SessionKind.GLOBAL: pgettext("report attendance", "This global consultation"),
        SessionKind.MULTI_STAKEHOLDER: pgettext(
            "report attendance", "This multi-stakeholder consultation"
        ),
        SessionKind.GCM_TALK: pgettext("report attendance", "This GCM Talk"),
    }.get(session.kind, pgettext("report attendance", "This meeting"))
    names = join_list([in_sentence(sector.name) for sector in sectors if sector])
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


def _speakers(session: Session, loc: Localizer, notes: Footnotes) -> list[SpeakerSection]:
    return [
        SpeakerSection(
            number=roman(index),
            heading=loc.fragment(speaker, "heading"),
            name=speaker.name,
            function=loc.fragment(speaker, "function"),
            points=points(loc.text(speaker, "points")[0], notes),
        )
        for index, speaker in enumerate(session.speakers.all(), start=1)
    ]


def _thematic(session: Session, loc: Localizer, notes: Footnotes, *, number: str):
    intro = loc.fragment(session, "roundtables_intro", notes)
    roundtables = roundtables_with_objectives(review=session.review).order_by("number")
    content, process = [], []
    for item in inputs_raised_at(session=session):
        fragment = loc.wrap(blocks_html(item.text), item.language)
        (content if item.input_type == InputType.CONTENT else process).append(fragment)
    return ThematicSection(
        number=number,
        intro=intro,
        roundtables=[
            objectives_line(rt.number, sorted(o.number for o in rt.objectives.all()))
            for rt in roundtables
        ],
        content_inputs=content,
        process_inputs=process,
    )


def objectives_line(number: int, objective_numbers: list[int]) -> str:
    numbers = join_list([str(n) for n in objective_numbers])
    if not objective_numbers:
        return gettext("Session %(number)s") % {"number": number}
    return ngettext(
        "Session %(number)s: GCM objective %(objectives)s",
        "Session %(number)s: GCM objectives %(objectives)s",
        len(objective_numbers),
    ) % {"number": number, "objectives": numbers}


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


def _link_groups(session: Session, loc: Localizer) -> list[LinkGroup]:
    """Links under their group headings, a new heading where the group changes."""
    groups: list[LinkGroup] = []
    previous = None
    for link in session.links.all():
        group_text, group_lang = loc.text(link, "group")
        if not groups or previous != group_text:
            groups.append(LinkGroup(title=loc.wrap(escape(group_text), group_lang)))
            previous = group_text
        groups[-1].links.append(Link(title=loc.fragment(link, "title"), url=link.url))
    return groups


def _documents(session: Session) -> list[DocumentLink]:
    """The session's public documents (a report may be published), beside its links."""
    return [
        DocumentLink(
            title=document.title,
            url=settings.SITE_URL + document.get_absolute_url(),
            language=str(document.get_language_display()),
        )
        for document in session_documents(session=session, registered=False)
    ]


def _feedback(session: Session) -> FeedbackSection | None:
    """The section appears once participants have answered the survey."""
    results = session_results(session=session, total_label=gettext("All answers"))
    if not results.total.count:
        return None
    labels = [str(SurveyResponse._meta.get_field(name).verbose_name) for name in RATING_FIELDS]
    return FeedbackSection(labels=labels, results=results)


def _contacts(session: Session, loc: Localizer) -> list[Contact]:
    return [
        Contact(
            heading=loc.fragment(contact, "heading"),
            name=contact.name,
            function=loc.fragment(contact, "function"),
            email=contact.email,
        )
        for contact in session.contacts.all()
    ]


def _endnotes(notes: Footnotes, unreferenced: list[int], loc: Localizer) -> list[Fragment]:
    """Footnotes no marker refers to, printed at the end rather than lost."""
    return [
        loc.wrap(notes.call(number), notes.langs.get(number) or loc.language)
        for number in unreferenced
    ]


def _warnings(
    notes: Footnotes,
    unreferenced: list[int],
    *,
    attendance: AttendanceSection,
    speakers: list[SpeakerSection],
    overview: Text,
) -> list[str]:
    """What staff should know before publishing; never printed."""
    warnings = [
        gettext("Footnote %(number)s is not referenced in the text: printed at the end.")
        % {"number": number}
        for number in unreferenced
    ]
    warnings += [
        gettext("The marker [^%(number)s] refers to no footnote: left out.") % {"number": number}
        for number in sorted(notes.missing)
    ]
    if not attendance.count:
        warnings.append(gettext("No attendance is recorded for this session."))
    if not speakers:
        warnings.append(gettext("The session has no speakers."))
    if not overview:
        warnings.append(gettext("The session has no overview."))
    return warnings
