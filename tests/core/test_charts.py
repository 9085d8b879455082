"""Bar charts: Python computes the geometry, the template partial draws it."""

from django.template.loader import render_to_string
from django.utils import translation

from core.charts import bar_chart

TEMPLATE = "reports/pdf/includes/charts/bar.html"


def test_bar_chart_scales_bars_to_the_largest_and_sums_the_rest_into_other():
    chart = bar_chart(
        key="k",
        title="T",
        unit="u",
        rows=[("a", 4), ("b", 1), ("c", 2), ("d", 1)],
        rtl=False,
        limit=2,
        other_label="Other",
    )

    assert [(bar.label, bar.value, bar.x, bar.width) for bar in chart.bars] == [
        ("a", 4, 0.0, 100.0),
        ("b", 1, 0.0, 25.0),
        ("Other", 3, 0.0, 75.0),
    ]
    assert (chart.total, chart.bars[0].share) == (8, 0.5)


def test_bar_chart_right_to_left_starts_bars_from_the_right():
    chart = bar_chart(key="k", title="T", unit="u", rows=[("a", 3), ("b", 1)], rtl=True)

    assert [(bar.x, bar.width) for bar in chart.bars] == [(0.0, 100.0), (66.67, 33.33)]


def test_bar_chart_partial_draws_unlocalised_numbers_and_escapes_labels():
    chart = bar_chart(
        key="k", title="<b>T</b>", unit="u", rows=[("<script>x</script>", 1), ("b", 3)], rtl=True
    )

    with translation.override("fr"):
        html = render_to_string(TEMPLATE, {"chart": chart})

    assert '<rect x="66.67" y="0" width="33.33" height="10" fill="#009edb"/>' in html
    assert '<th scope="row">&lt;script&gt;x&lt;/script&gt;</th>' in html
    assert "<figcaption>&lt;b&gt;T&lt;/b&gt;</figcaption>" in html
    assert "<script>" not in html


def test_bar_chart_partial_draws_nothing_for_a_chart_without_rows():
    chart = bar_chart(key="k", title="T", unit="u", rows=[], rtl=False)

    assert render_to_string(TEMPLATE, {"chart": chart}).strip() == ""
