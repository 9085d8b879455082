"""Versions, publishing, the public list and downloads, the staff pages, and who may
see what (drafts are staff-only: anyone else gets a 404)."""

import pytest
from django.urls import reverse

from core.errors import DomainError
from core.roles import REPORT_EDITOR, SESSION_MANAGER
from reports import services
from reports.enums import ReportKind, ReportStatus
from reports.models import Report
from tests.factories import ReviewFactory, SessionFactory, StaffFactory, UserFactory
from tests.factories.reports import PDF_BYTES, ReportFactory, ready_report
from tests.support import grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return StaffFactory()


def test_rendering_again_makes_a_new_version_and_keeps_the_published_one(
    demo_session, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = services.report_request(
            kind=ReportKind.SUMMARY, subject=demo_session, language="en", requested_by=staff
        )
    first.refresh_from_db()
    services.report_publish(report=first, published_by=staff)
    first_file = first.pdf.name

    with django_capture_on_commit_callbacks(execute=True):
        second = services.report_rerender(report=first, requested_by=staff)

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.version, second.version) == (1, 2)
    assert first.pdf.name == first_file
    assert first.published_at is not None
    assert second.published_at is None
    assert second.status == ReportStatus.READY
    assert second.pdf.name != first_file


def test_requesting_a_report_already_in_flight_returns_it():
    session = SessionFactory()
    first = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="fr")

    again = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="fr")

    assert again.pk == first.pk
    assert Report.objects.count() == 1


def test_versions_are_counted_per_language():
    session = SessionFactory()
    ReportFactory(session=session, language="en", version=3, status=ReportStatus.READY)

    french = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="fr")
    english = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="en")

    assert (french.version, english.version) == (1, 4)


def test_report_request_refuses_a_kind_that_does_not_fit_the_subject():
    with pytest.raises(DomainError) as error:
        services.report_request(kind=ReportKind.OUTCOME, subject=SessionFactory(), language="en")

    assert (error.value.code, error.value.message) == (
        "subject",
        "Outcome reports and inputs analyses are made for a Regional Review.",
    )


def test_publishing_a_report_that_is_not_rendered_is_refused():
    report = ReportFactory(status=ReportStatus.FAILED)

    with pytest.raises(DomainError) as error:
        services.report_publish(report=report)

    assert (error.value.code, error.value.message) == (
        "not_ready",
        "Only a rendered report can be published.",
    )


def test_public_list_shows_the_latest_published_version_only(client):
    session = SessionFactory(title="Thematic consultation on labour mobility")
    ready_report(session=session, version=1, published=True)
    current = ready_report(session=session, version=2, published=True)
    ready_report(session=session, version=3)  # a draft

    response = client.get(reverse("reports:list"))

    assert [r.pk for r in response.context["reports"]] == [current.pk]
    assert reverse("reports:download", kwargs={"pk": current.pk}) in response.content.decode()


def test_public_list_filters_by_language(client):
    english = ready_report(language="en", published=True)
    ready_report(language="fr", published=True)

    response = client.get(reverse("reports:list"), {"language": "en"})

    assert [r.pk for r in response.context["reports"]] == [english.pk]


@pytest.mark.parametrize("rows", [1, 12])
def test_public_list_query_count_does_not_grow_with_rows(client, rows, django_assert_num_queries):
    for _ in range(rows):
        ready_report(published=True)
        ready_report(published=True, kind=ReportKind.OUTCOME, session=None, review=ReviewFactory())

    with django_assert_num_queries(1):
        response = client.get(reverse("reports:list"))

    assert len(response.context["reports"]) == 2 * rows


def test_published_report_is_downloadable_by_anyone(client):
    report = ready_report(published=True)

    response = client.get(reverse("reports:download", kwargs={"pk": report.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{report.download_name}"'
    assert b"".join(response.streaming_content) == PDF_BYTES
    response.close()


def test_draft_report_is_a_404_for_the_public_and_stakeholders(client):
    report = ready_report()
    url = reverse("reports:download", kwargs={"pk": report.pk})

    anonymous = client.get(url)
    client.force_login(UserFactory())
    stakeholder = client.get(url)

    assert (anonymous.status_code, stakeholder.status_code) == (404, 404)


def test_draft_report_is_downloadable_by_staff(client, staff):
    report = ready_report()
    client.force_login(staff)

    response = client.get(reverse("reports:download", kwargs={"pk": report.pk}))
    content = b"".join(response.streaming_content)
    response.close()

    assert response.status_code == 200
    assert content == PDF_BYTES


def test_staff_without_the_view_permission_gets_a_404_for_a_draft(client):
    report = ready_report()
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("reports:download", kwargs={"pk": report.pk}))

    assert response.status_code == 404


def _matrix_urls(report):
    return {
        "new": reverse("reports:staff_new") + f"?session={report.session_id}&kind=summary",
        "detail": reverse("reports:staff_detail", kwargs={"pk": report.pk}),
        "status": reverse("reports:staff_status", kwargs={"pk": report.pk}),
    }


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"new": 302, "detail": 302, "status": 302}),
        ("stakeholder", {"new": 404, "detail": 404, "status": 404}),
        ("staff without permissions", {"new": 403, "detail": 403, "status": 403}),
        ("session manager", {"new": 403, "detail": 403, "status": 403}),
        ("report editor", {"new": 200, "detail": 200, "status": 200}),
        ("superuser", {"new": 200, "detail": 200, "status": 200}),
    ],
)
def test_staff_pages_answer_each_role(client, role, expected):
    report = ready_report()
    if role == "stakeholder":
        client.force_login(UserFactory())
    elif role == "staff without permissions":
        client.force_login(UserFactory(is_staff=True))
    elif role == "session manager":
        client.force_login(grant_role(UserFactory(is_staff=True), SESSION_MANAGER))
    elif role == "report editor":
        client.force_login(grant_role(UserFactory(is_staff=True), REPORT_EDITOR))
    elif role == "superuser":
        client.force_login(StaffFactory())

    answers = {name: client.get(url).status_code for name, url in _matrix_urls(report).items()}

    assert answers == expected


@pytest.mark.parametrize("name", ["staff_publish", "staff_withdraw", "staff_rerender"])
def test_staff_actions_are_a_404_for_stakeholders(client, name):
    report = ready_report()
    client.force_login(UserFactory())

    response = client.post(reverse(f"reports:{name}", kwargs={"pk": report.pk}))

    assert response.status_code == 404
    report.refresh_from_db()
    assert report.published_at is None


def test_staff_new_page_starts_a_render_and_redirects_to_its_progress(
    client, staff, demo_session, django_capture_on_commit_callbacks
):
    client.force_login(staff)
    url = reverse("reports:staff_new")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"session": demo_session.pk, "kind": "summary", "languages": ["en"]}
        )

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:staff_detail", kwargs={"pk": report.pk})
    assert (report.kind, report.language, report.version, report.requested_by) == (
        "summary",
        "en",
        1,
        staff,
    )
    report.refresh_from_db()
    assert report.status == ReportStatus.READY


def test_staff_new_page_without_a_language_says_so(client, staff):
    session = SessionFactory()
    client.force_login(staff)

    response = client.post(reverse("reports:staff_new"), {"session": session.pk, "kind": "summary"})

    assert response.status_code == 200
    assert "Choose at least one language." in response.content.decode()
    assert Report.objects.count() == 0


def test_staff_new_page_with_an_unknown_subject_is_a_404(client, staff):
    client.force_login(staff)

    responses = [
        client.get(reverse("reports:staff_new"), {"session": "999999"}).status_code,
        client.get(reverse("reports:staff_new"), {"review": "abc"}).status_code,
        client.get(reverse("reports:staff_new")).status_code,
    ]

    assert responses == [404, 404, 404]


def test_staff_new_page_renders_several_languages_at_once(
    client, staff, demo_review, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "hand_to_worker", lambda report_id: None)
    client.force_login(staff)

    response = client.post(
        reverse("reports:staff_new"),
        {"review": demo_review.pk, "kind": "inputs", "languages": ["en", "fr", "ar"]},
    )

    assert response.status_code == 302
    assert sorted(Report.objects.values_list("language", "kind", "status")) == [
        ("ar", "inputs", "queued"),
        ("en", "inputs", "queued"),
        ("fr", "inputs", "queued"),
    ]


def test_status_endpoint_reports_progress_as_json(client, staff):
    report = ReportFactory(status=ReportStatus.RENDERING, attempts=1)
    client.force_login(staff)

    data = client.get(reverse("reports:staff_status", kwargs={"pk": report.pk})).json()

    assert data == {
        "id": report.pk,
        "status": "rendering",
        "status_display": "Rendering",
        "final": False,
        "error": "",
        "attempts": 1,
        "version": report.version,
        "page_count": None,
        "render_seconds": None,
        "download_url": "",
        "published": False,
        "warnings": [],
    }


def test_staff_publish_then_withdraw(client, staff):
    report = ready_report()
    client.force_login(staff)

    client.post(reverse("reports:staff_publish", kwargs={"pk": report.pk}))
    report.refresh_from_db()
    published = report.published_at is not None
    client.post(reverse("reports:staff_withdraw", kwargs={"pk": report.pk}))
    report.refresh_from_db()

    assert published is True
    assert report.published_at is None
    assert report.published_by is None


def test_staff_detail_page_polls_with_the_reports_script(client, staff):
    report = ReportFactory()
    client.force_login(staff)

    html = client.get(reverse("reports:staff_detail", kwargs={"pk": report.pk})).content.decode()

    assert '<script src="/static/js/reports.js" defer></script>' in html
    assert f'data-report-status-url="/en/staff/reports/{report.pk}/status/"' in html
    assert "<script>" not in html
