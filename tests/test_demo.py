"""The demo data: faithful to the source summary report, and safe to load twice."""

import datetime as dt
import zoneinfo

import pytest
from django.core.management import call_command

from consultations.enums import Attendance, SessionFormat, SessionKind
from consultations.models import RegionalReview, Registration, Session
from roundtables.models import Roundtable, StakeholderInput

pytestmark = pytest.mark.django_db
GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def table_counts() -> dict:
    from django.apps import apps

    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in {"consultations", "roundtables", "stakeholders"}
    }


def test_load_demo_twice_changes_no_counts(demo):
    before = table_counts()

    call_command("load_demo", verbosity=0)

    assert table_counts() == before


def test_demo_review_meets_at_the_palais_des_nations_on_11_march_2024(demo):
    review = RegionalReview.objects.get(slug="unece-2024")

    assert review.meeting_date == dt.date(2024, 3, 11)
    assert review.venue == "Palais des Nations"
    assert review.city == "Geneva"
    assert review.region.code == "unece"


def test_demo_pre_consultation_facts(demo):
    session = Session.objects.get(slug="unece-pre-consultation-2023-11-14")

    assert session.kind == SessionKind.PRE_CONSULTATION
    assert session.format == SessionFormat.ONLINE
    assert session.platform == "Zoom"
    assert session.starts_at.astimezone(GENEVA) == dt.datetime(2023, 11, 14, 11, 0, tzinfo=GENEVA)
    assert session.ends_at.astimezone(GENEVA) == dt.datetime(2023, 11, 14, 12, 30, tzinfo=GENEVA)
    attended = Registration.objects.filter(session=session, attendance=Attendance.ATTENDED)
    assert attended.count() == 111
    assert [s.name for s in session.speakers.all()] == ["Monami Maulik", "Amr Taha"]
    assert session.links.count() == 12
    assert [c.email for c in session.contacts.all()] == [
        "mmaulik@iom.int",
        "GCMReviewsUNECE@iom.int",
    ]
    assert session.footnotes.count() == 4


def test_demo_roundtables_follow_the_source_mapping(demo):
    mapping = {
        rt.number: sorted(o.number for o in rt.objectives.all())
        for rt in Roundtable.objects.filter(review__slug="unece-2024")
    }

    assert mapping == {
        1: [2, 5, 6, 12, 18],
        2: [4, 8, 9, 10, 11, 13],
        3: [14, 15, 16, 19, 20, 22],
        4: [1, 3, 7, 17, 23],
    }


def test_demo_thematic_consultations_cover_their_clusters(demo):
    covered = {
        session.slug: sorted(rt.number for rt in session.roundtables.all())
        for session in Session.objects.filter(kind=SessionKind.THEMATIC, review__slug="unece-2024")
    }

    assert covered == {
        "unece-thematic-consultation-2024-01": [1, 2],
        "unece-thematic-consultation-2024-02": [2, 4],
    }
    assert (
        Session.objects.get(slug="unece-thematic-consultation-2024-01").format
        == SessionFormat.HYBRID
    )


def test_demo_has_the_three_gcm_talks_and_the_recommendations(demo):
    talks = Session.objects.filter(kind=SessionKind.GCM_TALK, review__slug="unece-2024")
    inputs = StakeholderInput.objects.filter(
        source_session__slug="unece-pre-consultation-2023-11-14"
    )

    assert talks.count() == 3
    assert inputs.filter(input_type="content").count() == 8
    assert inputs.filter(input_type="process").count() == 10
    assert inputs.filter(text__startswith="Stakeholders proposed three main agenda items").exists()
