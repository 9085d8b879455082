"""The outcome report cites its sources; the inputs analysis counts by objective,
cluster, sector and country and quotes only inputs that may be published."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from gcm.models import Objective, Sector
from reports.builders import build_inputs, build_outcome
from reports.models import ReviewReportText
from reports.rendering import render, render_html
from roundtables.enums import InputStatus, InputType, RoleKind
from roundtables.models import KeyMessage, Roundtable, RoundtableRole, StakeholderInput
from tests.factories import StaffFactory
from tests.reports.conftest import pdf_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def sourced(demo_review, demo_session):
    roundtable = Roundtable.objects.get(review=demo_review, number=2)
    RoundtableRole.objects.create(
        roundtable=roundtable,
        kind=RoleKind.MEMBER_STATE_SPEAKER,
        name="Ana Example",
        title="Ambassador",
        country="PT",
    )
    written = StakeholderInput.objects.create(
        review=demo_review,
        title="Firewalls between services and immigration enforcement",
        text="Access to health care must never lead to immigration enforcement.",
        language="en",
        input_type=InputType.CONTENT,
        status=InputStatus.ACCEPTED,
        publish_consent=True,
        country="ES",
        sector=Sector.objects.get(code="civil-society"),
        roundtable=roundtable,
    )
    written.objectives.set(Objective.objects.filter(number__in=[15, 21]))
    message = KeyMessage.objects.create(
        review=demo_review,
        roundtable=roundtable,
        position=1,
        text="Rescue at sea must be funded and never criminalised.",
    )
    message.sessions.set([demo_session])
    message.inputs.set([written])
    ReviewReportText.objects.create(
        review=demo_review,
        rapporteur_name="Rita Rapporteur",
        rapporteur_function_en="Migrant-led organisation, Athens",
        rapporteur_presentation_en="Stakeholders called for safe pathways.\n\n- one\n- two",
    )
    return written


def test_outcome_key_message_cites_its_session_and_input_as_references(sourced, demo_review):
    with translation.override("en"):
        data = build_outcome(review=demo_review, language="en")
        html = render_html(data)
        text = pdf_text(render(data, filename="o.pdf").content)

    roundtable = data.roundtables[1]
    assert [m.text.html for m in roundtable.messages] == [
        "Rescue at sea must be funded and never criminalised."
    ]
    assert [(r.number, r.kind) for r in roundtable.messages[0].references] == [
        (1, "session"),
        (2, "input"),
    ]
    assert '<a href="#ref-1">[1]</a><a href="#ref-2">[2]</a>' in html
    assert (
        "[2] “Firewalls between services and immigration enforcement”, Civil society, "
        "Spain, written input" in text
    )
    assert "Member State speaker: Ana Example, Ambassador, Portugal" in text
    assert "Rapporteur: Rita Rapporteur, Migrant-led organisation, Athens" in text
    assert "Objectives covered by no roundtable: 21." in text


def test_outcome_report_says_when_staff_texts_fall_back_to_english(sourced, demo_review):
    with translation.override("fr"):
        data = build_outcome(review=demo_review, language="fr")
        html = render_html(data)

    assert data.used_fallback is True
    assert '<p class="fallback-note">' in html
    assert '<div lang="en" dir="ltr"><p>Stakeholders called for safe pathways.</p>' in html


def test_inputs_analysis_counts_by_objective_cluster_sector_and_country(sourced, demo_review):
    with translation.override("en"):
        data = build_inputs(review=demo_review, language="en")

    by_objective = {bar.label: bar.value for bar in data.by_objective.chart.bars}
    assert by_objective["17"] == 3
    assert by_objective["21"] == 1
    assert by_objective["1"] == 0
    # Objectives of the demo inputs: (8, 16, 17), (12, 13, 17), (15, 17), (8, 15), (6,)
    # and the written one (15, 21) filed under roundtable 2; 13 name no objective.
    assert {bar.label: bar.value for bar in data.by_cluster.bars} == {
        "Roundtable 1": 2,
        "Roundtable 2": 4,
        "Roundtable 3": 4,
        "Roundtable 4": 3,
        "No roundtable": 13,
    }
    assert [(bar.label, bar.value) for bar in data.contributors.sectors.bars] == [
        ("Civil society", 1),
        ("Sector not stated", 18),
    ]
    assert [(row.label, row.count) for row in data.contributors.country_rows] == [("Spain", 1)]
    assert data.overview.stats[0].value == "19"


def test_inputs_analysis_prints_the_counts_of_the_staff_analysis_page(client, sourced, demo_review):
    client.force_login(StaffFactory())

    page = client.get(reverse("roundtables:analysis"), {"review": demo_review.slug})
    with translation.override("en"):
        data = build_inputs(review=demo_review, language="en")

    analysis = page.context["analysis"]
    assert analysis.total == int(data.overview.stats[0].value) == 19
    assert [(str(o.number), n) for o, n in analysis.by_objective] == [
        (bar.label, bar.value) for bar in data.by_objective.chart.bars
    ]
    assert [(f"Roundtable {rt.number}", n) for rt, n in analysis.by_cluster] + [
        ("No roundtable", analysis.no_cluster)
    ] == [(bar.label, bar.value) for bar in data.by_cluster.bars]


def test_inputs_analysis_quotes_only_inputs_that_may_be_published(sourced, demo_review):
    StakeholderInput.objects.filter(pk=sourced.pk).update(publish_consent=False)

    with translation.override("en"):
        data = build_inputs(review=demo_review, language="en")

    quoted = [q.text.html for group in data.quote_groups for q in group.quotes]
    assert "Access to health care must never lead to immigration enforcement." not in quoted
    # Up to three per roundtable (roundtable 1 has two) and three outside the clusters.
    assert [len(group.quotes) for group in data.quote_groups] == [2, 3, 3, 3, 3]
    assert len(quoted) == 14


def test_render_report_command_writes_the_outcome_report(sourced, tmp_path, capsys):
    output = tmp_path / "outcome.pdf"

    call_command("render_report", "outcome", "unece-2024", "--language", "en", "--output", output)

    assert output.read_bytes().startswith(b"%PDF-")
    assert "Wrote" in capsys.readouterr().out


def test_render_report_command_writes_an_arabic_summary(demo, tmp_path):
    output = tmp_path / "ar.pdf"

    call_command(
        "render_report",
        "summary",
        "unece-pre-consultation-2023-11-14",
        "--language",
        "ar",
        "--output",
        str(output),
    )

    assert "المهاجرون" in pdf_text(output.read_bytes())


def test_render_report_command_with_an_unknown_slug_says_so(demo):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as error:
        call_command("render_report", "inputs", "nope")

    assert str(error.value) == "No Regional Review with the slug “nope”."


def test_outcome_cites_an_unpublished_input_without_its_title_or_author(sourced, demo_review):
    StakeholderInput.objects.filter(pk=sourced.pk).update(publish_consent=False)

    with translation.override("en"):
        text = pdf_text(
            render(build_outcome(review=demo_review, language="en"), filename="o.pdf").content
        )

    assert "[2] A stakeholder input (not published)" in text
    assert "Firewalls between services" not in text


def test_outcome_leaves_draft_sessions_out(sourced, demo_review, demo_session):
    from consultations.enums import SessionStatus

    roundtable = Roundtable.objects.get(review=demo_review, number=2)
    draft = demo_session.__class__.objects.create(
        review=demo_review,
        slug="draft-thematic",
        kind="thematic",
        format="online",
        status=SessionStatus.DRAFT,
        title="A draft consultation nobody announced",
        starts_at=demo_session.starts_at,
        ends_at=demo_session.ends_at,
    )
    roundtable.consultations.add(draft)
    KeyMessage.objects.get(review=demo_review).sessions.add(draft)

    with translation.override("en"):
        data = build_outcome(review=demo_review, language="en")

    assert "A draft consultation nobody announced" not in render_html(data)
