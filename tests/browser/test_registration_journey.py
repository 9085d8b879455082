"""A stakeholder's journey in Chromium: sign up, confirm the email, complete the profile,
register in person for the demo's hybrid thematic consultation, then cancel."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from consultations.models import Registration, Session

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "photo.jpg"
PASSWORD = "a-long-journey-password-7"


@pytest.fixture
def open_thematic_consultation():
    """The demo's hybrid thematic consultation, reopened a month from now (the real one
    was held in January 2024)."""
    call_command("load_demo", verbosity=0)
    session = Session.objects.get(slug="unece-thematic-consultation-2024-01")
    session.starts_at = timezone.now() + dt.timedelta(days=30)
    session.ends_at = session.starts_at + dt.timedelta(hours=3)
    session.status = "open"
    session.registration_opens_at = timezone.now() - dt.timedelta(days=1)
    session.registration_closes_at = session.starts_at - dt.timedelta(days=2)
    session.save()
    return session


def test_sign_up_register_in_person_and_cancel(live_server, page, open_thematic_consultation):
    session = open_thematic_consultation
    page.goto(f"{live_server.url}/en/accounts/signup/")
    expect(page.get_by_role("button", name="Sign Up")).to_be_visible()
    page.get_by_label("Email").fill("leila@example.org")
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/confirm-email/$"))

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    page.goto(live_server.url + path)
    expect(page.get_by_role("button", name="Confirm")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/en/me/profile/"))

    page.get_by_label("Full name").fill("Leila Haddad")
    page.get_by_label("Stakeholder sector (GCM para 44)").select_option(label="Migrants")
    page.get_by_label("Country of residence").select_option("DE")
    page.get_by_label("Organisation", exact=True).fill("Migrant Voices Berlin")
    page.get_by_label("I agree that the UN Network on Migration secretariat").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page).to_have_url(re.compile(r"/en/me/$"))

    page.goto(f"{live_server.url}{session.get_absolute_url()}")
    expect(page.get_by_role("button", name="Register")).to_be_visible()
    page.get_by_label("In person").check()
    page.get_by_label("Passport or ID document number").fill("C01X00T47")
    page.get_by_label("Expiry date of the document").fill("2034-06-30")
    page.get_by_label("Nationality").select_option("DE")
    page.get_by_label("Date of birth").fill("1988-03-09")
    page.get_by_label("Passport-style photo").set_input_files(str(PHOTO))
    page.get_by_role("button", name="Register").click()

    expect(page.get_by_text("You are registered.")).to_be_visible()
    expect(page.get_by_text("You attend in person.")).to_be_visible()
    registration = Registration.objects.get(user__email="leila@example.org")
    assert (registration.mode, registration.status) == ("in-person", "confirmed")
    assert any(m.subject.startswith("Your registration is confirmed") for m in mail.outbox)

    page.get_by_role("button", name="Cancel my registration").click()

    expect(page.get_by_text("Your registration has been cancelled.")).to_be_visible()
    registration.refresh_from_db()
    assert registration.status == "cancelled"
