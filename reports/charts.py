"""Bar charts for the PDF reports: one row per category, the label and the figure as
text (so Arabic is shaped and right-to-left like the rest of the page) and the bar as
SVG. Nothing here reads the database; labels are escaped by the templates."""

from dataclasses import dataclass, field

from django.utils.html import format_html
from django.utils.safestring import SafeString

SVG_WIDTH = 100.0


@dataclass
class Bar:
    label: str
    value: int
    share: float  # of the chart's total, 0..1
    svg: SafeString
    lang: str = ""


@dataclass
class Chart:
    """A horizontal bar chart: title, rows, and what the numbers count."""

    key: str
    title: str
    unit: str
    bars: list[Bar] = field(default_factory=list)
    total: int = 0
    note: str = ""

    def __bool__(self) -> bool:
        return bool(self.bars)


def bar_svg(*, value: int, largest: int, rtl: bool) -> SafeString:
    width = round(SVG_WIDTH * value / largest, 2) if largest else 0.0
    x = round(SVG_WIDTH - width, 2) if rtl else 0.0
    return format_html(
        '<svg class="bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 10" '
        'preserveAspectRatio="none" role="presentation">'
        '<rect x="0" y="0" width="100" height="10" fill="#eef3f8"/>'
        '<rect x="{}" y="0" width="{}" height="10" fill="#009edb"/></svg>',
        x,
        width,
    )


def bar_chart(
    *,
    key: str,
    title: str,
    unit: str,
    rows: list[tuple[str, int]],
    rtl: bool,
    total: int | None = None,
    limit: int | None = None,
    other_label: str = "",
    note: str = "",
) -> Chart:
    """Rows in the order given; with ``limit``, the rest are summed into one "other"
    row so that a chart of 56 countries stays readable."""
    rows = list(rows)
    if limit is not None and len(rows) > limit:
        rest = sum(value for _label, value in rows[limit:])
        rows = [*rows[:limit], (other_label, rest)]
    total = sum(value for _label, value in rows) if total is None else total
    largest = max((value for _label, value in rows), default=0)
    bars = [
        Bar(
            label=label,
            value=value,
            share=(value / total) if total else 0.0,
            svg=bar_svg(value=value, largest=largest, rtl=rtl),
        )
        for label, value in rows
    ]
    return Chart(key=key, title=title, unit=unit, bars=bars, total=total, note=note)
