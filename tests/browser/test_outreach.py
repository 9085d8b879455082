"""Browser journey of a campaign: staff import a list, compose an invitation for one
sector, preview it, send it and watch the funnel move when an invited person registers."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from consultations.enums import Attendance
from outbox.models import OutgoingMail
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory, stakeholder

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    "email,name,sector,country,language,consent\n"
    "amina@example.org,Amina,civil-society,KE,fr,yes\n"
    "pablo@example.org,Pablo,civil-society,MX,es,yes\n"
    "li@example.org,Li,academia,CN,zh,yes\n"
)


def sign_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_campaign_journey_from_composing_to_the_funnel(live_server, page):
    session = SessionFactory(title="Thematic consultation on labour migration")
    sign_in(page, live_server, StaffFactory())

    # 1. Import a list, with its preview.
    page.goto(f"{live_server.url}/en/staff/outreach/imports/")
    expect(page.get_by_role("heading", name="Import a contact list")).to_be_visible()
    page.get_by_label("Name of the list").fill("Partners 2026")
    page.get_by_label("CSV or XLSX file").set_input_files(
        {"name": "partners.csv", "mimeType": "text/csv", "buffer": CSV.encode()}
    )
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_role("heading", name="Partners 2026")).to_be_visible()
    expect(page.get_by_text("amina@example.org")).to_be_visible()
    page.get_by_role("button", name="Import these contacts").click()
    expect(page.get_by_text("3 contacts imported.")).to_be_visible()

    # 2. Compose an invitation for civil society, in English and French.
    page.goto(f"{live_server.url}/en/staff/outreach/campaigns/new/")
    expect(page.get_by_role("heading", name="New campaign")).to_be_visible()
    page.get_by_label("Internal name").fill("Civil society invitation")
    page.get_by_label(re.compile(r"^Regional Review")).select_option(label=session.review.title)
    page.get_by_label("Session", exact=True).select_option(label=str(session))
    page.get_by_label("Subject [en]").fill("Join the consultation")
    page.get_by_label("Message [en]").fill("We invite you.")
    page.get_by_label("Subject [fr]").fill("Participez à la consultation")
    page.get_by_label("Message [fr]").fill("Nous vous invitons.")
    page.get_by_label("Sector", exact=True).select_option(label="Civil society")
    page.get_by_role("button", name="Save and preview").click()

    # 3. The preview in each language, then send.
    expect(page.get_by_text("2 people will be invited.")).to_be_visible()
    expect(page.get_by_text("Participez à la consultation")).to_be_visible()
    page.get_by_role("button", name="Send the invitations").click()
    expect(page.get_by_text("The campaign is being sent.")).to_be_visible()
    expect(page.get_by_role("heading", name="Funnel")).to_be_visible()
    assert sorted(OutgoingMail.objects.values_list("to", "subject")) == [
        ("amina@example.org", "Participez à la consultation"),
        ("pablo@example.org", "Join the consultation"),
    ]

    # 4. Amina registers and attends: the funnel moves.
    amina = stakeholder(user__email="amina@example.org", user__language="fr")
    RegistrationFactory(session=session, user=amina, attendance=Attendance.ATTENDED)
    page.reload()
    total = page.get_by_role("table", name="All invitations")
    expect(total.get_by_role("row", name="All 2 0 1 1 1")).to_be_visible()
