"""Bar charts for the PDF reports, the staff dashboard and the survey results: one row
per category, the label and the figure as text (so Arabic is shaped and right-to-left
like the rest of the page) and the bar as SVG. Python computes the numbers and the
geometry only; templates draw them (reports/pdf/includes/charts/bar.html for a Chart) and
escape the labels. Nothing here reads the database. It lives in core so that every app
of the layers contract (pyproject.toml) may draw with it."""

from dataclasses import dataclass, field

# The length of a bar's track, in the units of the template's SVG viewBox ("0 0 100 10").
TRACK = 100.0


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    share: float  # of the chart's total, 0..1
    x: float  # where the filled part starts on the track (from the right when rtl)
    width: float  # the filled part's length: the largest value fills the track
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


def bar_geometry(*, value: int, largest: int, rtl: bool) -> tuple[float, float]:
    """(x, width) of a bar on the track."""
    width = round(TRACK * value / largest, 2) if largest else 0.0
    x = round(TRACK - width, 2) if rtl else 0.0
    return x, width


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
    bars = []
    for label, value in rows:
        x, width = bar_geometry(value=value, largest=largest, rtl=rtl)
        share = (value / total) if total else 0.0
        bars.append(Bar(label=label, value=value, share=share, x=x, width=width))
    return Chart(key=key, title=title, unit=unit, bars=bars, total=total, note=note)
