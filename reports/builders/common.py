"""What every builder needs: translated fields with the English fallback noticed,
dates and times in the report's language, lists joined the way a sentence joins them,
and the pieces more than one report prints (a cover, staff-written text, figures)."""

import datetime as dt
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi, gettext, pgettext
from django.utils.translation import gettext_lazy as _

from consultations.enums import SessionFormat
from consultations.models import RegionalReview, Session
from core.translated import shown
from gcm.models import Sector
from reports.markup import Block, Footnotes, Fragment, blocks, inline, language_attrs

# Cities the secretariat meets in, by time zone, for "11:00 am - 12:30 pm (Geneva)".
# Europe/Zurich is Geneva's zone (the project stores Geneva times in it).
ZONE_CITIES = {
    "Europe/Zurich": _("Geneva"),
    "Europe/Vienna": _("Vienna"),
    "Europe/Brussels": _("Brussels"),
    "America/New_York": _("New York"),
    "America/Santiago": _("Santiago"),
    "America/Panama": _("Panama City"),
    "Africa/Addis_Ababa": _("Addis Ababa"),
    "Africa/Nairobi": _("Nairobi"),
    "Africa/Dakar": _("Dakar"),
    "Africa/Cairo": _("Cairo"),
    "Asia/Bangkok": _("Bangkok"),
    "Asia/Beirut": _("Beirut"),
    "UTC": _("UTC"),
}


@dataclass
class Localizer:
    """Reads translated (modeltranslation) fields in the report's language. Where a
    translation is missing the English text is used, and that is remembered, so that
    the report can say so (GCM reports are often drafted in English first)."""

    language: str
    fallbacks: list[str] = field(default_factory=list)

    def text(self, obj, name: str) -> tuple[str, str]:
        """(text, language of the text): core.translated.shown in the report's language,
        with a fallback to English remembered."""
        result = shown(obj, name, language=self.language)
        if result.lang:
            self.fallbacks.append(f"{obj._meta.model_name}.{name}#{obj.pk}")
            return result.text, result.lang
        return result.text, self.language

    def fragment(self, obj, name: str, footnotes=None) -> Fragment:
        text, lang = self.text(obj, name)
        return self.wrap(inline(text, footnotes) if text else "", lang)

    def wrap(self, html, lang: str) -> Fragment:
        code, rtl = language_attrs(lang=lang, document_lang=self.language)
        return Fragment(html=html, lang=code, rtl=rtl)

    @property
    def used_fallback(self) -> bool:
        return bool(self.fallbacks)


def direction() -> str:
    return "rtl" if get_language_bidi() else "ltr"


def long_date(value: dt.date) -> str:
    # Translators: a Django date format for report cover pages, e.g. "Tuesday, 14
    # November 2023" (l = weekday, j = day, F = month, Y = year).
    return formats.date_format(value, pgettext("report date format", "l, j F Y"))


def short_date(value: dt.date) -> str:
    # Translators: a Django date format, e.g. "14 November 2023".
    return formats.date_format(value, pgettext("report short date format", "j F Y"))


def clock(value: dt.datetime) -> str:
    # Translators: a Django time format for reports, "g:i A" gives "11:00 am" in English
    # (it is written in lower case); use "H:i" for a 24-hour clock.
    return formats.time_format(value, pgettext("report time format", "g:i A")).lower()


def zone_city(zone: str) -> str:
    if zone in ZONE_CITIES:
        return str(ZONE_CITIES[zone])
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def meeting_when(session: Session) -> tuple[str, str]:
    """("Tuesday, 14 November 2023", "11:00 am - 12:30 pm (Geneva)") in the session's
    own time zone."""
    starts, ends = session.local_starts_at, session.local_ends_at
    day = long_date(starts.date())
    if ends.date() != starts.date():
        day = f"{day} \u2013 {long_date(ends.date())}"
    hours = f"{clock(starts)} - {clock(ends)} ({zone_city(session.time_zone)})"
    return day, hours


def join_list(items: list[str]) -> str:
    """ "a, b and c" in the active language."""
    items = [item for item in items if item]
    if len(items) <= 1:
        return "".join(items)
    # Translators: joins the last two items of a list: "2, 5, 6, 12 and 18".
    last = gettext("%(items)s and %(last)s")
    separator = pgettext("list separator", ", ")
    return last % {"items": separator.join(items[:-1]), "last": items[-1]}


def in_sentence(name: str) -> str:
    """A sector name as it reads inside a sentence: "Migrants" becomes "migrants", but
    "National Human Rights Institutions" keeps its capitals."""
    words = name.split()
    if len(words) > 1 and any(word[:1].isupper() for word in words[1:]):
        return name
    return name[:1].lower() + name[1:]


def place_line(session: Session, localizer: Localizer) -> Fragment:
    """Venue and/or platform, as the cover of a summary report gives them
    ("ZOOM online platform")."""
    venue, venue_lang = localizer.text(session, "venue")
    platform = format_html('<span class="platform">{}</span>', session.platform)
    online = (
        safe_format(gettext("%(platform)s online platform"), platform=platform)
        if session.platform
        else escape(gettext("Online"))
    )
    if session.format == SessionFormat.ONLINE:
        return localizer.wrap(online, localizer.language)
    if session.format == SessionFormat.IN_PERSON or not session.platform:
        return localizer.wrap(escape(venue), venue_lang)
    return localizer.wrap(
        safe_format(gettext("%(venue)s and %(online)s"), venue=venue, online=online),
        localizer.language,
    )


def safe_format(template: str, **values) -> SafeString:
    """Interpolate into a translated sentence: the sentence and every plain value are
    escaped, values already safe (built by format_html) are kept."""
    return mark_safe(escape(template) % {k: conditional_escape(v) for k, v in values.items()})  # noqa: S308


def sector_label(sector: Sector | None) -> str:
    return sector.name if sector else gettext("Sector not stated")


def share(count: int, total: int) -> str:
    """A count as a rounded percentage of the total (a dash when there is none)."""
    return f"{round(100 * count / total)} %" if total else "\u2013"


@dataclass
class Stat:
    """A figure with what it counts, printed large ("19 accepted inputs")."""

    value: str
    label: str


@dataclass
class CountRow:
    label: str
    count: int
    share: str


@dataclass
class Text:
    """Paragraphs of text (staff-written, or a session's record) and their language."""

    blocks: list[Block]
    lang: Fragment

    def __bool__(self) -> bool:
        return bool(self.blocks)


def text_of(obj, name: str, loc: Localizer, notes: Footnotes | None = None) -> Text:
    text, lang = loc.text(obj, name)
    return Text(blocks=blocks(text, notes), lang=loc.wrap("", lang))


@dataclass
class ReviewCover:
    """The cover of a report about a Regional Review."""

    title: Fragment
    region: str
    meeting_line: str
    venue_line: str = ""


def review_cover(review: RegionalReview, loc: Localizer, *, venue: bool = False) -> ReviewCover:
    venue_line = ""
    if venue:
        venue_line = ", ".join(x for x in (loc.text(review, "venue")[0], review.city) if x)
    return ReviewCover(
        title=loc.fragment(review, "title"),
        region=review.region.name,
        meeting_line=long_date(review.meeting_date),
        venue_line=venue_line,
    )
