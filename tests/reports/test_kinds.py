"""The registry of report kinds: every kind is declared once, with what it is about."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from consultations.models import RegionalReview, Session
from reports import kinds
from reports.enums import ReportKind
from reports.forms import RenderForm
from tests.factories import ReviewFactory, SessionFactory

pytestmark = pytest.mark.django_db


def test_every_report_kind_is_declared_once():
    assert list(kinds.KINDS) == ReportKind.values
    assert [(t.value, t.subject_model, t.subject_field) for t in kinds.KINDS.values()] == [
        ("summary", Session, "session"),
        ("outcome", RegionalReview, "review"),
        ("inputs", RegionalReview, "review"),
    ]


def test_render_form_offers_the_kinds_made_about_its_subject():
    session_form = RenderForm(subject=SessionFactory())
    review_form = RenderForm(subject=ReviewFactory())

    assert [value for value, _label in session_form.fields["kind"].choices] == ["summary"]
    assert [value for value, _label in review_form.fields["kind"].choices] == [
        "outcome",
        "inputs",
    ]


def test_report_file_name_names_kind_subject_language_and_version():
    assert (
        kinds.OUTCOME.filename(slug="unece-2024", language="fr", version=3)
        == "outcome-unece-2024-fr-v3.pdf"
    )
    assert kinds.SUMMARY.filename(slug="s", language="ar") == "summary-s-ar.pdf"


def test_render_report_command_with_an_unknown_session_says_so():
    with pytest.raises(CommandError) as error:
        call_command("render_report", "summary", "nope")

    assert str(error.value) == "No session with the slug “nope”."
