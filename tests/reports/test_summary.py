"""The summary report of the demo pre-consultation holds every section, speaker, figure
and link of the source document (shared/domain/unece-preconsultation-summary-2023-11-14.md)."""

import pytest
from django.urls import reverse
from django.utils import translation

from consultations.demo import CONTACTS, LINKS, SPEAKERS
from consultations.enums import Attendance, RegistrationStatus
from gcm.models import Sector
from reports.builders import build_summary
from reports.rendering import render, render_html
from reports.selectors import session_for_summary
from roundtables.demo.history import CONTENT_INPUTS, PROCESS_INPUTS
from tests.factories import (
    OrganisationFactory,
    RegistrationFactory,
    SessionFactory,
    StaffFactory,
    stakeholder,
)
from tests.reports.conftest import PRE_CONSULTATION, holds, pdf_fonts, pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def summary(demo_session):
    session = session_for_summary(slug=PRE_CONSULTATION)
    with translation.override("en"):
        data = build_summary(session=session, language="en")
        rendered = render(data, filename="summary.pdf")
    return data, rendered, pdf_text(rendered.content)


def test_summary_builder_gathers_the_meeting_facts(summary):
    data, _rendered, _text = summary

    assert data.cover.title.html == (
        "UNECE Stakeholder Pre-consultation on the Second Round of Regional Reviews of the "
        "Global Compact for Safe, Orderly and Regular Migration"
    )
    assert data.cover.date_line == "Tuesday, 14 November 2023"
    assert data.cover.time_line == "11:00 am - 12:30 pm (Geneva)"
    assert data.cover.place_line.html == '<span class="platform">Zoom</span> online platform'
    assert data.attendance.count == 111
    assert data.used_fallback is False
    assert data.warnings == []


def test_summary_attendance_sentence_counts_attendees_and_names_their_sectors(summary):
    data, _rendered, _text = summary

    assert data.attendance.sentence == (
        "This pre-consultation was attended by 111 civil society organizations and "
        "stakeholders, representing the different sectors listed in para. 44 of the GCM "
        "(migrants, migrant and diaspora organizations, faith-based organizations, local "
        "authorities and communities, private sector, trade unions, National Human Rights "
        "Institutions, International Red Cross and Red Crescent Movement and academia)."
    )
    # The source gives a total and a list of sectors, no breakdown: none is drawn.
    assert data.attendance.chart is None


def test_summary_pdf_of_the_demo_draws_no_sector_chart(summary):
    data, _rendered, text = summary

    html = render_html(data)

    assert 'id="chart-attendance-sector"' not in html
    assert "Participants by stakeholder sector" not in text


def test_summary_declared_attendance_wins_over_recorded_attendees():
    session = SessionFactory(declared_attendance=40)
    session.declared_sectors.set(Sector.objects.filter(code__in=["academia", "migrants"]))
    RegistrationFactory(session=session, attendance=Attendance.ATTENDED)

    with translation.override("en"):
        data = build_summary(session=session_for_summary(pk=session.pk), language="en")

    assert data.attendance.count == 40
    assert data.attendance.sentence == (
        "This thematic consultation was attended by 40 civil society organizations and "
        "stakeholders, representing the different sectors listed in para. 44 of the GCM "
        "(migrants and academia)."
    )
    assert data.attendance.chart is None


def test_summary_builder_numbers_speaker_sections_and_nests_sub_points(summary):
    data, _rendered, _text = summary

    assert [(s.number, s.name) for s in data.speakers] == [
        ("I", "Monami Maulik"),
        ("II", "Amr Taha"),
    ]
    assert data.thematic.number == "III"
    assert [len(s.points) for s in data.speakers] == [6, 11]
    talks = data.speakers[1].points[4]
    assert talks.html.startswith("Three GCM talks have already been held")
    assert len(talks.children) == 3


def test_summary_builder_lists_the_four_roundtable_sessions(summary):
    data, _rendered, _text = summary

    assert data.thematic.roundtables == [
        "Session 1: GCM objectives 2, 5, 6, 12 and 18",
        "Session 2: GCM objectives 4, 8, 9, 10, 11 and 13",
        "Session 3: GCM objectives 14, 15, 16, 19, 20 and 22",
        "Session 4: GCM objectives 1, 3, 7, 17 and 23",
    ]
    assert len(data.thematic.content_inputs) == 8
    assert len(data.thematic.process_inputs) == 10


def test_summary_pdf_holds_every_section_of_the_source(summary):
    _data, rendered, text = summary

    assert rendered.content.startswith(b"%PDF-")
    for heading in (
        "SUMMARY REPORT",
        "OVERVIEW",
        "I. INTRODUCTION AND BACKGROUND ON STAKEHOLDER ENGAGEMENT ROADMAP IN THE REGIONAL REVIEWS",
        "II. GCM REGIONAL REVIEW IN THE UNECE REGION: TIMELINE AND ROADMAP",
        "III. GCM THEMATIC PRIORITIES: CONTENT, PROCESS & OUTCOMES",
        "Summary of key priorities and recommendations from stakeholders on content",
        "Summary of key priorities, recommendations, and questions from stakeholders on "
        "process and outcomes",
        "Relevant documents and links",
        "Tuesday, 14 November 2023",
        "11:00 am - 12:30 pm (Geneva)",
        "ZOOM online platform",
        "This pre-consultation was attended by 111 civil society organizations",
    ):
        assert heading in text, heading


def test_summary_pdf_holds_every_speaker_link_contact_and_recommendation(summary):
    _data, _rendered, text = summary

    for speaker in SPEAKERS:
        assert f"Speaker: {speaker['name']}, {speaker['function']}" in text
    for group, title, url in LINKS:
        assert group in text
        assert title in text
        assert url in text.replace(" ", ""), url
    for contact in CONTACTS:
        assert f"CONTACT: {contact['heading'].upper()}" in text
        assert contact["email"] in text
    for _title, recommendation, _objectives in CONTENT_INPUTS:
        assert holds(text, recommendation), recommendation
    for _title, recommendation in PROCESS_INPUTS:
        assert holds(text, recommendation), recommendation
    for speaker in SPEAKERS:
        for point in speaker["points"].split("\n"):
            assert holds(text, point.strip()), point
    for line in (
        "Session 1: GCM objectives 2, 5, 6, 12 and 18",
        "Session 4: GCM objectives 1, 3, 7, 17 and 23",
    ):
        assert line in text


def test_summary_footnotes_are_css_footnotes_at_their_markers(summary):
    data, _rendered, text = summary

    html = render_html(data)

    assert html.count('class="footnote"') == 4
    assert 'stakeholders<span class="footnote" data-n="1">' in html
    assert "Pursuant to General Assembly Resolution 73/195, paragraph 44:" in text
    assert "A/RES/73/326, para 21" in text
    assert '<html lang="en" dir="ltr">' in html


def test_summary_prints_a_footnote_of_the_attendance_note_once_at_its_marker(demo_session):
    demo_session.footnotes.create(number=9, text="Network members of the UNECE region.")
    demo_session.attendance_note_en = "Members of the Network also took part.[^9]"
    demo_session.save()
    session = session_for_summary(slug=PRE_CONSULTATION)

    with translation.override("en"):
        data = build_summary(session=session, language="en")
        html = render_html(data)

    assert html.count('class="footnote" data-n="9"') == 1
    assert 'took part.<span class="footnote" data-n="9">' in html
    assert data.endnotes == []
    assert data.warnings == []


def test_summary_in_arabic_is_right_to_left_with_arabic_text_and_says_it_fell_back(
    demo_session,
):
    session = session_for_summary(slug=PRE_CONSULTATION)
    with translation.override("ar"):
        data = build_summary(session=session, language="ar")
        html = render_html(data)
        rendered = render(data, filename="ar.pdf")

    text = pdf_text(rendered.content)
    assert "Noto-Naskh-Arabic" in pdf_fonts(rendered.content)
    assert '<html lang="ar" dir="rtl">' in html
    assert data.used_fallback is True
    assert "المهاجرون" in text
    assert "منظمات المهاجرين والمغتربين" in text
    # The title has its Arabic translation; the English record is marked as English
    # inside the Arabic document.
    assert '<h1 class="report-title">المشاورة التمهيدية لأصحاب المصلحة' in html
    assert '<div lang="en" dir="ltr"><p>On 14 November 2023' in html
    assert '<p class="fallback-note">' in html


def test_summary_in_chinese_uses_the_cjk_font(demo_session):
    session = session_for_summary(slug=PRE_CONSULTATION)
    with translation.override("zh-hans"):
        data = build_summary(session=session, language="zh-hans")
        rendered = render(data, filename="zh.pdf")

    assert any("CJK" in name for name in pdf_fonts(rendered.content))
    assert "移民" in pdf_text(rendered.content)


def test_summary_attendance_is_the_figure_of_the_staff_counts_page(client):
    session = SessionFactory()
    academia = Sector.objects.get(code="academia")
    shared = OrganisationFactory(sector=academia)
    for _index in range(3):
        # Their own sector differs from their organisation's: the organisation's counts.
        member = stakeholder(organisation=shared, sector=Sector.objects.get(code="migrants"))
        RegistrationFactory(session=session, user=member, attendance=Attendance.ATTENDED)
    RegistrationFactory(
        session=session, user=stakeholder(organisation=None), attendance=Attendance.ATTENDED
    )
    RegistrationFactory(
        session=session, status=RegistrationStatus.CANCELLED, attendance=Attendance.ATTENDED
    )
    RegistrationFactory(session=session, attendance=Attendance.NO_SHOW)
    client.force_login(StaffFactory())

    page = client.get(reverse("consultations:staff_counts", args=[session.slug]))
    with translation.override("en"):
        data = build_summary(session=session_for_summary(pk=session.pk), language="en")

    assert page.context["counts"]["attended"] == data.attendance.count == 4
    assert "Attended by 4 organisations and individual stakeholders." in page.content.decode()
    assert [(str(sector), n) for sector, n in page.context["counts"]["by_sector"]] == [
        ("Academia", 3),
        ("Civil society", 2),
    ]
    assert [(bar.label, bar.value) for bar in data.attendance.chart.bars] == [
        ("Civil society", 1),
        ("Academia", 3),
    ]
