"""The demo data: faithful to the source summary report, and safe to load twice."""

import datetime as dt
import io
import zoneinfo

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from consultations.enums import Attendance, Mode, SessionFormat, SessionKind, TalkRequestStatus
from consultations.models import RegionalReview, Registration, Session
from consultations.services import registration_window_error, seats_left
from reports.builders.outcome import build_outcome
from roundtables.balance import NOT_STATED, OUTSIDE_REGION, Labels, compute
from roundtables.enums import RoleKind
from roundtables.models import (
    KeyMessage,
    RapporteurCall,
    Roundtable,
    RoundtableRole,
    Score,
    StakeholderInput,
)
from roundtables.selectors.clusters import panel_people
from roundtables.selectors.rapporteur import selection_ranking
from roundtables.services.inputs import inputs_open

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


# --- The example of the next round (ESCAP), dated from the day it is loaded ---------------

EXAMPLE = "escap-example-next-round"
DAYS = [dt.date(2025, 1, 15), dt.date(2026, 7, 1), dt.date(2027, 12, 31)]


def load_on(monkeypatch, day: dt.date) -> dt.datetime:
    """Load the demo as if it were noon (UTC) on `day`; returns that instant."""
    now = dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: now)
    call_command("load_demo", verbosity=0)
    return now


def example_session(key: str) -> Session:
    return Session.objects.get(slug=f"escap-example-{key}")


@pytest.mark.parametrize("day", DAYS)
def test_example_hybrid_consultation_is_open_with_in_person_seats_left(monkeypatch, day):
    now = load_on(monkeypatch, day)

    session = example_session("hybrid")

    assert session.format == SessionFormat.HYBRID
    assert session.review.region.code == "asia-pacific"
    assert registration_window_error(session, now=now) is None
    assert seats_left(session, Mode.IN_PERSON) == 40 - 8
    assert session.requires_accreditation is True


@pytest.mark.parametrize("day", DAYS)
def test_example_online_pre_consultation_is_upcoming_and_open(monkeypatch, day):
    now = load_on(monkeypatch, day)

    session = example_session("pre-consultation")

    assert session.kind == SessionKind.PRE_CONSULTATION
    assert session.format == SessionFormat.ONLINE
    assert session.starts_at > now
    assert registration_window_error(session, now=now) is None
    # The roadmap rule: at least 12 weeks before the Regional Review meeting.
    assert session.review.meeting_date - session.local_starts_at.date() >= dt.timedelta(weeks=12)


@pytest.mark.parametrize("day", DAYS)
def test_example_call_and_inputs_window_are_open(monkeypatch, day):
    now = load_on(monkeypatch, day)

    call = RapporteurCall.objects.get(slug="escap-example-rapporteur")
    review = RegionalReview.objects.get(slug=EXAMPLE)

    assert call.is_open(now=now)
    assert call.applications.count() == 5
    assert Score.objects.filter(application__call=call).count() == 12
    assert inputs_open(review, now=now)
    assert review.talk_requests.get().status == TalkRequestStatus.PENDING


@pytest.mark.parametrize("day", DAYS)
def test_example_outcome_report_is_full(monkeypatch, day):
    load_on(monkeypatch, day)
    review = RegionalReview.objects.get(slug=EXAMPLE)

    with translation.override("en"):
        report = build_outcome(review=review, language="en")

    assert report.warnings == []
    assert report.used_fallback is False
    assert report.introduction
    assert report.rapporteur.name == "Example Rapporteur (synthetic)"
    assert report.rapporteur.presentation
    assert report.conclusions
    assert [len(section.messages) for section in report.roundtables] == [2, 2, 2, 2]
    assert all(section.has_member_state_speaker for section in report.roundtables)
    assert all(section.people and section.consultations for section in report.roundtables)
    assert report.uncovered_objectives == []
    assert len(report.general_messages) == 2
    assert len(report.consultations) == 2
    assert len(report.talks) == 1
    assert report.participation.stats[0].value == "48"
    assert report.participation.inputs[0].value == "6"
    assert report.references


def test_example_outcome_report_in_arabic_needs_no_english(monkeypatch):
    load_on(monkeypatch, DAYS[0])
    review = RegionalReview.objects.get(slug=EXAMPLE)

    with translation.override("ar"):
        report = build_outcome(review=review, language="ar")

    assert report.used_fallback is False
    assert report.warnings == []


def history_snapshot() -> dict:
    """Every row of the UNECE history with its id and dates, and the table counts."""
    review = RegionalReview.objects.get(slug="unece-2024")
    call = RapporteurCall.objects.get(slug="unece-2024-rapporteur")
    return {
        "review": (review.pk, review.meeting_date, review.inputs_deadline),
        "sessions": sorted(
            Session.objects.filter(review=review).values_list(
                "pk", "slug", "status", "starts_at", "ends_at"
            )
        ),
        "roundtables": sorted(Roundtable.objects.filter(review=review).values_list("pk", "title")),
        "inputs": sorted(
            StakeholderInput.objects.filter(review=review).values_list("pk", "status")
        ),
        "registrations": sorted(
            Registration.objects.filter(session__review=review).values_list("pk", "status")
        ),
        "call": (call.pk, call.opens_at, call.deadline),
    }


def test_reloading_on_a_later_day_moves_the_example_and_never_the_history(monkeypatch):
    load_on(monkeypatch, dt.date(2026, 3, 2))
    history = history_snapshot()
    counts = table_counts()
    hybrid = example_session("hybrid")
    review = RegionalReview.objects.get(slug=EXAMPLE)

    later = load_on(monkeypatch, dt.date(2026, 4, 11))

    moved = example_session("hybrid")
    assert moved.pk == hybrid.pk
    assert moved.starts_at - hybrid.starts_at == dt.timedelta(days=40)
    assert RegionalReview.objects.get(slug=EXAMPLE).meeting_date == review.meeting_date + (
        dt.timedelta(days=40)
    )
    assert registration_window_error(moved, now=later) is None
    assert history_snapshot() == history
    assert table_counts() == counts


def test_reloading_the_same_day_changes_no_example_date(monkeypatch):
    load_on(monkeypatch, dt.date(2026, 3, 2))
    before = sorted(
        Session.objects.filter(review__slug=EXAMPLE).values_list(
            "pk", "starts_at", "registration_opens_at", "registration_closes_at"
        )
    )

    load_on(monkeypatch, dt.date(2026, 3, 2))

    assert (
        sorted(
            Session.objects.filter(review__slug=EXAMPLE).values_list(
                "pk", "starts_at", "registration_opens_at", "registration_closes_at"
            )
        )
        == before
    )


def test_history_call_is_closed_and_dated_before_the_meeting(demo):
    call = RapporteurCall.objects.get(slug="unece-2024-rapporteur")

    assert call.deadline.date() < dt.date(2024, 3, 11)
    assert call.has_closed(now=timezone.now())


# --- Balance of the example against ESCAP's own member States and sub-regions -------------


def test_example_balance_counts_escap_members_inside_the_region(demo):
    review = RegionalReview.objects.get(slug=EXAMPLE)
    labels = Labels(region_id=review.region_id)
    call = RapporteurCall.objects.get(slug="escap-example-rapporteur")
    pool = [row.person for row in selection_ranking(call=call, labels=labels)]
    panels = [
        person
        for roundtable in review.roundtables.all()
        for person in panel_people(roundtable=roundtable, labels=labels)
    ]

    subregions = {dimension.name: dimension for dimension in compute(panels, labels=labels)}[
        "subregion"
    ]

    assert {person.subregion for person in pool + panels}.isdisjoint({OUTSIDE_REGION, NOT_STATED})
    assert {share.key for share in subregions.shares} == {
        "east-north-east-asia",
        "north-central-asia",
        "pacific",
        "south-east-asia",
        "south-south-west-asia",
    }
    assert len(panels) == 16


def test_example_member_state_speakers_are_escap_member_states(demo):
    speakers = RoundtableRole.objects.filter(
        roundtable__review__slug=EXAMPLE, kind=RoleKind.MEMBER_STATE_SPEAKER
    )

    for speaker in speakers:
        speaker.full_clean()  # checks the country against ESCAP's member States
    assert sorted(str(s.country) for s in speakers) == ["BD", "FJ", "MN", "PH"]


# --- Languages ----------------------------------------------------------------------------

LANGUAGE_SUFFIXES = ("en", "ar", "es", "fr", "ru", "zh_hans")


def test_example_texts_are_in_the_six_languages(demo):
    review = RegionalReview.objects.get(slug=EXAMPLE)
    rows = [
        (review, "title"),
        (review, "description"),
        *[(session, "title") for session in review.sessions.all()],
        *[(roundtable, "title") for roundtable in review.roundtables.all()],
        *[(message, "text") for message in KeyMessage.objects.filter(review=review)],
        (RapporteurCall.objects.get(slug="escap-example-rapporteur"), "description"),
    ]

    for obj, field in rows:
        texts = [getattr(obj, f"{field}_{suffix}") for suffix in LANGUAGE_SUFFIXES]
        assert all(texts), (obj, field)
        assert len(set(texts)) == 6, (obj, field)


def test_history_titles_are_translated_and_its_record_stays_english(demo):
    session = Session.objects.get(slug="unece-pre-consultation-2023-11-14")

    titles = [getattr(session, f"title_{suffix}") for suffix in LANGUAGE_SUFFIXES]

    assert session.title_en.startswith("UNECE Stakeholder Pre-consultation")
    assert all(titles)
    assert len(set(titles)) == 6
    assert Roundtable.objects.get(review__slug="unece-2024", number=1).title_fr == "Table ronde 1"
    # The report's own text is not translated by us: it falls back to the English.
    assert not session.overview_ar


def test_demo_staff_login_assesses_the_example_call():
    call_command("demo_staff", password="a-demo-password-1", stdout=io.StringIO())

    call_command("load_demo", verbosity=0)

    call = RapporteurCall.objects.get(slug="escap-example-rapporteur")
    assert sorted(a.email for a in call.assessors.all()) == [
        "demo-escap-24@example.org",
        "staff@demo.gcm-consultations.local",
    ]
