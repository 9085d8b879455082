"""Browser journeys of the reports: staff render the demo summary from the admin, wait
for it and download it; the progress page follows a render without reloading."""

import re

import pytest
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import expect

from consultations.models import Session
from reports import services
from reports.enums import ReportStatus
from reports.models import Report
from tests.factories import StaffFactory
from tests.factories.reports import ReportFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_staff_render_journey_follows_progress_and_downloads_the_demo_summary(live_server, page):
    """One journey (the reference data must survive it): a queued report's page updates
    without reloading when a worker finishes it; then staff render the demo summary
    from the admin, wait for it and download it."""
    call_command("load_demo", verbosity=0)
    session = Session.objects.get(slug="unece-pre-consultation-2023-11-14")
    sign_in(page, live_server, StaffFactory())

    # 1. A report a worker has not taken yet: the page polls its state.
    queued = ReportFactory(session=session, version=1)
    page.goto(f"{live_server.url}/en/staff/reports/{queued.pk}/")
    status = page.locator(".report-status [role=status]")
    expect(status).to_have_text(re.compile(r"^Queued"))
    page.evaluate("window.notReloaded = true")

    services.report_render(report_id=queued.pk)  # the worker

    expect(page.get_by_role("link", name="Download the PDF")).to_be_visible(timeout=15_000)
    expect(status).to_have_text(re.compile(r"^Ready"))
    expect(page.get_by_role("button", name="Publish this version")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True

    # 2. From the session's admin page to the downloaded PDF.
    page.goto(f"{live_server.url}/admin/consultations/session/{session.pk}/change/")
    render_link = page.get_by_role("link", name="Render summary report (PDF)")
    expect(render_link).to_be_visible()
    render_link.click()
    expect(page).to_have_url(
        f"{live_server.url}/en/staff/reports/new/?session={session.pk}&kind=summary"
    )
    expect(page.get_by_label("Consultation summary report")).to_be_checked()
    expect(page.get_by_label("English")).to_be_checked()
    page.get_by_role("button", name="Render").click()

    download_link = page.get_by_role("link", name="Download the PDF")
    expect(download_link).to_be_visible(timeout=30_000)
    expect(page.locator(".report-status [role=status]")).to_have_text(re.compile(r"^Ready"))
    with page.expect_download() as info:
        download_link.click()
    download = info.value

    assert download.suggested_filename == "summary-unece-pre-consultation-2023-11-14-en-v2.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert list(Report.objects.order_by("version").values_list("version", "status")) == [
        (1, ReportStatus.READY),
        (2, ReportStatus.READY),
    ]
