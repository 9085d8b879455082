"""English shown where a translation is missing is marked as English, and inside a
right-to-left page as left-to-right, so that its punctuation stays in place."""

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


def render(source: str, **context) -> str:
    return Template("{% load translated %}" + source).render(Context(context))


def test_session_page_in_arabic_marks_an_untranslated_title_as_english(client):
    session = SessionFactory(title_en="Thematic consultation.", title_ar="", description_en="")

    html = client.get(f"/ar{session.get_absolute_url()[3:]}").content.decode()

    assert '<h1><span lang="en" dir="ltr">Thematic consultation.</span></h1>' in html


def test_session_page_in_arabic_shows_a_translated_title_unmarked(client):
    session = SessionFactory(title_en="Thematic consultation.", title_ar="مشاورة مواضيعية.")

    html = client.get(f"/ar{session.get_absolute_url()[3:]}").content.decode()

    assert "<h1>مشاورة مواضيعية.</h1>" in html
    assert 'lang="en" dir="ltr">Thematic consultation.' not in html


def test_session_page_in_arabic_marks_an_untranslated_description_block(client):
    session = SessionFactory(description_en="First paragraph.", description_ar="")

    html = client.get(f"/ar{session.get_absolute_url()[3:]}").content.decode()

    assert '<div class="prose" lang="en" dir="ltr"><p>First paragraph.</p></div>' in html


def test_fallback_in_a_left_to_right_page_is_marked_english_without_a_direction():
    session = SessionFactory(title_en="Consultation", title_fr="")

    with translation.override("fr"):
        html = render('{{ s|translated:"title" }}|{% lang_attrs s "title" %}', s=session)

    assert html == '<span lang="en">Consultation</span>| lang="en"'


def test_translated_filter_escapes_the_text():
    session = SessionFactory(title_en="<b>Talk</b>", title_ar="")

    with translation.override("ar"):
        html = render('{{ s|translated:"title" }}', s=session)

    assert html == '<span lang="en" dir="ltr">&lt;b&gt;Talk&lt;/b&gt;</span>'


def test_english_page_is_never_marked():
    session = SessionFactory(title_en="Consultation")

    with translation.override("en"):
        html = render('{{ s|translated:"title" }}|{% lang_attrs s "title" %}', s=session)

    assert html == "Consultation|"


@pytest.mark.parametrize(
    ("page_language", "code", "expected"),
    [
        ("ar", "en", ' lang="en" dir="ltr"'),
        ("en", "ar", ' lang="ar" dir="rtl"'),
        ("en", "ru", ' lang="ru"'),
        ("fr", "fr", ""),
        ("zh-hans", "zh-hans", ""),
    ],
)
def test_language_attrs_mark_text_written_in_another_language(page_language, code, expected):
    # Not "page": that name is Playwright's fixture and would make this a browser test.
    with translation.override(page_language):
        html = render("{% language_attrs code %}", code=code)

    assert html == expected


def test_shown_treats_a_null_translation_as_missing_and_falls_back_to_english():
    from core.translated import Shown, shown

    session = SessionFactory(title_en="Consultation")
    session.title_fr = None  # translation columns are nullable

    assert shown(session, "title", language="fr") == Shown("Consultation", "en", False)


def test_report_localizer_reads_through_shown_and_remembers_the_fallback():
    from reports.builders.common import Localizer

    session = SessionFactory(title_en="Consultation", title_fr="", venue_fr="Salle XX")
    loc = Localizer("fr")

    assert loc.text(session, "venue") == ("Salle XX", "fr")
    assert loc.used_fallback is False
    assert loc.text(session, "title") == ("Consultation", "en")
    assert loc.fallbacks == [f"session.title#{session.pk}"]
