"""Plain text as staff and stakeholders write it, turned into safe HTML for the PDF.

Every piece of text is escaped here (Django's ``escape`` / ``urlize(autoescape=True)``)
before anything is added to it, so that no user text can bring markup, images or links
of its own into a report. The only constructs recognised are the ones the source
summary report uses: paragraphs separated by a blank line, one point per line with
two leading spaces for a sub-point, web addresses, and footnote markers ``[^n]``.
"""

import re
from dataclasses import dataclass, field

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import normalize_newlines
from django.utils.translation import get_language_info

FOOTNOTE_MARKER = re.compile(r"\s?\[\^(\d{1,3})\]")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
BULLET = re.compile(r"^[-•*]\s+")


LINKABLE = re.compile(r"https?://|www\.|@")


def _urlize(text: str) -> str:
    from django.utils.html import urlize

    # urlize is slow on long text: most passages hold no address and only need escaping.
    if not LINKABLE.search(text):
        return escape(text)
    return urlize(text, nofollow=False, autoescape=True)


@dataclass
class Fragment:
    """A piece of HTML in a language; ``lang`` is set only when it differs from the
    document's (an English fallback in a French report, an input written in Spanish)."""

    html: SafeString
    lang: str = ""
    rtl: bool = False

    def __str__(self) -> str:
        return self.html

    def __bool__(self) -> bool:
        return bool(self.html)

    @property
    def attrs(self) -> SafeString:
        if not self.lang:
            return mark_safe("")
        return format_html(' lang="{}" dir="{}"', self.lang, "rtl" if self.rtl else "ltr")


def language_attrs(*, lang: str, document_lang: str) -> tuple[str, bool]:
    if lang == document_lang:
        return "", False
    return lang, bool(get_language_info(lang)["bidi"])


@dataclass
class Footnotes:
    """The footnotes of one written record, keyed by number. The first marker of a
    number prints the footnote (a WeasyPrint CSS footnote at that place); a later
    marker of the same number only refers to it."""

    texts: dict[int, str]
    langs: dict[int, str] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    missing: set[int] = field(default_factory=set)

    def call(self, number: int) -> str:
        if number not in self.texts:
            self.missing.add(number)
            return ""
        if number in self.used:
            return format_html('<sup class="footnote-ref">{}</sup>', number)
        self.used.add(number)
        body = "".join(
            format_html('<span class="footnote-para">{}</span>', mark_safe(_urlize(part)))  # noqa: S308
            for part in paragraphs(self.texts[number])
        )
        lang = self.langs.get(number, "")
        lang_attr = format_html(' lang="{}"', lang) if lang else ""
        return format_html(
            '<span class="footnote" data-n="{}"{}>{}</span>',
            number,
            lang_attr,
            mark_safe(body),  # noqa: S308 - built from escaped parts above
        )

    @property
    def unused(self) -> list[int]:
        return sorted(set(self.texts) - self.used)


def paragraphs(text: str) -> list[str]:
    text = normalize_newlines(text or "").strip()
    if not text:
        return []
    return [" ".join(part.split()) for part in PARAGRAPH_BREAK.split(text) if part.strip()]


def inline(text: str, footnotes: Footnotes | None = None) -> SafeString:
    """One line or paragraph as escaped HTML, addresses linked, footnote markers
    replaced by footnotes."""
    pieces = []
    position = 0
    for match in FOOTNOTE_MARKER.finditer(text):
        pieces.append(_urlize(text[position : match.start()]))
        if footnotes is not None:
            pieces.append(footnotes.call(int(match.group(1))))
        position = match.end()
    pieces.append(_urlize(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped or built by format_html


@dataclass
class Point:
    html: SafeString
    children: list["Point"] = field(default_factory=list)


def points(text: str, footnotes: Footnotes | None = None) -> list[Point]:
    """One point per line; a line indented by two spaces is a sub-point of the point
    above it (Speaker.points)."""
    result: list[Point] = []
    for raw in normalize_newlines(text or "").split("\n"):
        if not raw.strip():
            continue
        is_sub = raw.startswith("  ") and bool(result)
        line = BULLET.sub("", raw.strip())
        point = Point(html=inline(line, footnotes))
        if is_sub:
            result[-1].children.append(point)
        else:
            result.append(point)
    return result


@dataclass
class Block:
    """A paragraph, or a list of bullet points written with "- "."""

    html: SafeString
    items: list[SafeString] = field(default_factory=list)


def blocks(text: str, footnotes: Footnotes | None = None) -> list[Block]:
    """Paragraphs separated by blank lines; a paragraph whose lines all start with "- "
    is a bullet list."""
    result = []
    text = normalize_newlines(text or "").strip()
    for part in PARAGRAPH_BREAK.split(text) if text else []:
        lines = [line.strip() for line in part.split("\n") if line.strip()]
        if lines and all(BULLET.match(line) for line in lines):
            result.append(
                Block(
                    html=mark_safe(""), items=[inline(BULLET.sub("", x), footnotes) for x in lines]
                )
            )
        else:
            result.append(Block(html=inline(" ".join(" ".join(lines).split()), footnotes)))
    return result


def roman(number: int) -> str:
    """I, II, III ... as the UN numbers the sections of a summary report."""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, numeral in numerals:
        while number >= value:
            out.append(numeral)
            number -= value
    return "".join(out)
