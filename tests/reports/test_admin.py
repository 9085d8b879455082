"""Staff start renders from the admin: buttons on a session and a review, actions on
sessions, reviews and reports."""

import pytest
from django.urls import reverse

from reports.enums import ReportStatus
from reports.models import Report
from tests.factories import ReviewFactory, SessionFactory, StaffFactory
from tests.factories.reports import ReportFactory, ready_report

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory())
    return client


def test_session_change_form_has_a_render_summary_button(admin_client):
    session = SessionFactory()

    html = admin_client.get(
        reverse("admin:consultations_session_change", args=[session.pk])
    ).content.decode()

    assert f'href="/en/staff/reports/new/?session={session.pk}&amp;kind=summary"' in html


def test_review_change_form_has_outcome_and_inputs_buttons(admin_client):
    review = ReviewFactory()

    html = admin_client.get(
        reverse("admin:consultations_regionalreview_change", args=[review.pk])
    ).content.decode()

    assert f"/en/staff/reports/new/?review={review.pk}&amp;kind=outcome" in html
    assert f"/en/staff/reports/new/?review={review.pk}&amp;kind=inputs" in html


def test_session_action_asks_for_languages_then_renders(admin_client, monkeypatch):
    from reports import services

    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    sessions = [SessionFactory(), SessionFactory()]
    url = reverse("admin:consultations_session_changelist")
    selected = [str(s.pk) for s in sessions]

    confirm = admin_client.post(
        url, {"action": "render_summary_report", "_selected_action": selected}
    )
    done = admin_client.post(
        url,
        {
            "action": "render_summary_report",
            "_selected_action": selected,
            "apply": "1",
            "languages": ["en", "ru"],
        },
    )

    assert confirm.status_code == 200
    assert "A new version of the report will be rendered" in confirm.content.decode()
    assert done.status_code == 302
    assert sorted(Report.objects.values_list("session_id", "language")) == sorted(
        (s.pk, language) for s in sessions for language in ("en", "ru")
    )


def test_review_action_renders_the_outcome_report(admin_client, monkeypatch):
    from reports import services

    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    review = ReviewFactory()

    admin_client.post(
        reverse("admin:consultations_regionalreview_changelist"),
        {
            "action": "render_outcome_report",
            "_selected_action": [review.pk],
            "apply": "1",
            "languages": ["fr"],
        },
    )

    assert list(Report.objects.values_list("kind", "review_id", "language")) == [
        ("outcome", review.pk, "fr")
    ]


def test_report_actions_publish_and_render_again(admin_client, monkeypatch):
    from reports import services

    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    ready = ready_report(version=1)
    failed = ReportFactory(status=ReportStatus.FAILED)
    url = reverse("admin:reports_report_changelist")

    admin_client.post(url, {"action": "publish", "_selected_action": [ready.pk, failed.pk]})
    admin_client.post(url, {"action": "render_again", "_selected_action": [ready.pk]})

    ready.refresh_from_db()
    failed.refresh_from_db()
    assert ready.published_at is not None
    assert failed.published_at is None
    assert Report.objects.filter(session=ready.session, version=2).count() == 1


@pytest.mark.parametrize("rows", [1, 15])
def test_report_changelist_query_count_does_not_grow(admin_client, rows, django_assert_num_queries):
    for _ in range(rows):
        ReportFactory()

    with django_assert_num_queries(6):
        response = admin_client.get(reverse("admin:reports_report_changelist"))

    assert response.status_code == 200
