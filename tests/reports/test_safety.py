"""Every piece of user text is escaped, and WeasyPrint loads nothing but the project's
own static files: no network, no other local file."""

import pytest
from django.utils import translation

from reports import rendering
from reports.builders import build_summary
from reports.markup import Footnotes, blocks, inline, points
from reports.rendering import ASSET_BASE, BlockedURL, html_to_pdf, static_asset_path
from reports.selectors import session_for_summary
from roundtables.enums import InputStatus, InputType
from roundtables.models import StakeholderInput
from tests.reports.conftest import PRE_CONSULTATION, pdf_text

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<img src="http://169.254.169.254/latest/meta-data/"> '
    '<img src="file:///etc/passwd"> <script>alert(1)</script> & "quotes"'
)


def test_inline_escapes_markup_and_links_addresses():
    html = inline('<b>bold</b> & see https://unece.org/geographical-scope "now"')

    assert html == (
        "&lt;b&gt;bold&lt;/b&gt; &amp; see "
        '<a href="https://unece.org/geographical-scope">https://unece.org/geographical-scope</a>'
        " &quot;now&quot;"
    )


def test_inline_turns_markers_into_footnotes_once_and_refers_to_them_after():
    notes = Footnotes(texts={1: "A <note>"})

    html = inline("First[^1] and again[^1], unknown[^9].", notes)

    assert html == (
        'First<span class="footnote" data-n="1"><span class="footnote-para">A &lt;note&gt;'
        '</span></span> and again<sup class="footnote-ref">1</sup>, unknown.'
    )
    assert notes.missing == {9}


def test_points_nest_lines_indented_by_two_spaces():
    result = points("One\n  One.a\n  One.b\nTwo")

    assert [(p.html, [c.html for c in p.children]) for p in result] == [
        ("One", ["One.a", "One.b"]),
        ("Two", []),
    ]


def test_blocks_make_lists_of_dash_lines_and_paragraphs_of_the_rest():
    result = blocks("A paragraph\nwrapped.\n\n- first\n- second")

    assert [(b.html, b.items) for b in result] == [
        ("A paragraph wrapped.", []),
        ("", ["first", "second"]),
    ]


def test_fetcher_serves_the_project_stylesheet():
    path = static_asset_path(f"{ASSET_BASE}reports/pdf.css")

    assert path.name == "pdf.css"
    assert b"@page" in path.read_bytes()


@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        "file:///etc/passwd",
        f"{ASSET_BASE}../../../etc/passwd",
        f"{ASSET_BASE}reports/../../config/settings.py",
        f"{ASSET_BASE}reports/missing.css",
        "ftp://example.org/x.css",
    ],
)
def test_fetcher_refuses_anything_but_static_files(url):
    fetcher = rendering.static_only_fetcher()

    with pytest.raises(BlockedURL):
        fetcher.fetch(url)

    assert fetcher.blocked == [url]


def test_renderer_never_opens_network_or_local_files_named_in_html(monkeypatch):
    opened = []
    monkeypatch.setattr("urllib.request.OpenerDirector.open", lambda *a, **k: opened.append(a))
    fetcher = rendering.static_only_fetcher()
    html = (
        '<html><body><p>x</p><img src="http://127.0.0.1:9/x.png">'
        '<img src="file:///etc/passwd"><link rel="stylesheet" href="https://evil.example/x.css">'
        "</body></html>"
    )

    content, pages = html_to_pdf(html, fetcher=fetcher)

    assert content.startswith(b"%PDF-")
    assert pages == 1
    assert opened == []
    assert sorted(fetcher.blocked) == [
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.png",
        "https://evil.example/x.css",
    ]


def test_summary_prints_hostile_input_as_text(demo_session):
    StakeholderInput.objects.create(
        review=demo_session.review,
        source_session=demo_session,
        title="Hostile",
        text=HOSTILE,
        language="en",
        input_type=InputType.CONTENT,
        status=InputStatus.ACCEPTED,
        position=99,
    )
    demo_session.speakers.update(name='<img src="file:///etc/passwd">')
    session = session_for_summary(slug=PRE_CONSULTATION)
    with translation.override("en"):
        data = build_summary(session=session, language="en")
        html = rendering.render_html(data)
        rendered = rendering.render(data, filename="x.pdf")

    assert "<img" not in html
    assert "<script>" not in html
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    assert '<img src="file:///etc/passwd">' in pdf_text(rendered.content)
