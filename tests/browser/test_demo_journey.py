"""The journey a newcomer can take on the demo on any day, in Chromium: sign up, confirm
the email, register in person for the example review's hybrid consultation, apply to its
Rapporteur call with a PDF CV and send a written input; then a staff member, signed in
with a password and a TOTP code, finds all three in the admin."""

import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from consultations.models import Registration, Session
from gcm.models import Objective
from roundtables.models import Application, StakeholderInput
from tests.factories import PASSWORD as STAFF_PASSWORD
from tests.factories import StaffFactory
from tests.factories.roundtables import pdf_bytes
from tests.stakeholders.test_mfa import SECRET, code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PHOTO = Path(__file__).resolve().parents[1] / "fixtures" / "photo.jpg"
PASSWORD = "a-long-journey-password-7"
EMAIL = "malee@example.org"
INPUT_TITLE = "Fair recruitment for domestic workers"


def test_newcomer_registers_applies_and_sends_an_input_then_staff_see_them(
    live_server, page, tmp_path
):
    call_command("load_demo", verbosity=0)
    session = Session.objects.get(slug="escap-example-hybrid")
    cv = tmp_path / "Malee CV.pdf"
    cv.write_bytes(pdf_bytes(pages=1))
    with translation.override("en"):
        input_url = reverse("roundtables:input_new")

    # 1. Sign up and confirm the email address.
    page.goto(f"{live_server.url}/en/accounts/signup/")
    expect(page.get_by_role("button", name="Sign Up")).to_be_visible()
    page.get_by_label("Email").fill(EMAIL)
    page.locator("#id_password1").fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/confirm-email/$"))

    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    expect(page.get_by_role("button", name="Confirm")).to_be_visible()
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/en/me/profile/"))

    page.get_by_label("Full name").fill("Malee Srisuk")
    page.get_by_label("Stakeholder sector (GCM para 44)").select_option(label="Migrants")
    page.get_by_label("Country of residence").select_option("TH")
    page.get_by_label("Organisation", exact=True).fill("Migrant Workers Bangkok")
    page.get_by_label("I agree that the UN Network on Migration secretariat").check()
    page.get_by_role("button", name="Save profile").click()
    expect(page).to_have_url(re.compile(r"/en/me/$"))

    # 2. Register in person for the example's hybrid consultation, open on any day.
    page.goto(f"{live_server.url}{session.get_absolute_url()}")
    expect(page.get_by_role("heading", name=session.title_en)).to_be_visible()
    page.get_by_label("In person").check()
    page.get_by_label("Passport or ID document number").fill("AA1234567")
    page.get_by_label("Expiry date of the document").fill("2035-01-31")
    page.get_by_label("Nationality").select_option("TH")
    page.get_by_label("Date of birth").fill("1990-05-17")
    page.get_by_label("Passport-style photo").set_input_files(str(PHOTO))
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You are registered.")).to_be_visible()
    expect(page.get_by_text("You attend in person.")).to_be_visible()

    # 3. Apply to the example's Rapporteur call with a PDF CV.
    page.goto(f"{live_server.url}/en/rapporteur/")
    call_link = page.get_by_role("link", name=re.compile(r"^Example call for expressions"))
    expect(call_link).to_be_visible()
    call_link.click()
    expect(page).to_have_url(f"{live_server.url}/en/rapporteur/escap-example-rapporteur/")
    page.get_by_role("link", name="Apply: submit an expression of interest").click()
    expect(page).to_have_url(f"{live_server.url}/en/rapporteur/escap-example-rapporteur/apply/")
    page.get_by_label("Motivation").fill("I would convey what domestic workers told us.")
    page.get_by_label("Relevant experience").fill("Eight years with a migrant workers' union.")
    page.get_by_label("English").check()
    page.get_by_label("Stakeholder sector (GCM para 44)").select_option(label="Migrants")
    page.get_by_label("Country of residence").select_option("TH")
    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(str(cv))
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(f"{live_server.url}/en/me/applications/")
    expect(page.get_by_text("Your expression of interest has been received.")).to_be_visible()

    # 4. Send a written input to the example review, whose window is open.
    page.goto(f"{live_server.url}{input_url}")
    expect(page.get_by_role("heading", name="Submit a written input")).to_be_visible()
    page.locator("#id_title").fill(INPUT_TITLE)
    page.get_by_label("Your input").fill("Recruitment fees keep domestic workers in debt.")
    page.get_by_label("Content", exact=True).check()
    objective_6 = Objective.objects.get(number=6)
    page.locator(f'input[name="objectives"][value="{objective_6.pk}"]').check()
    page.get_by_label("I agree that, once accepted, this input may be published").check()
    page.get_by_role("button", name="Submit").click()
    expect(page).to_have_url(re.compile(r"/en/me/inputs/$"))
    expect(page.get_by_text("Thank you: your input has been received")).to_be_visible()

    registration = Registration.objects.get(user__email=EMAIL)
    application = Application.objects.get(user__email=EMAIL)
    item = StakeholderInput.objects.get(author__email=EMAIL)
    assert (registration.session, registration.mode) == (session, "in-person")
    assert registration.accreditation.id_document_number == "AA1234567"
    assert application.call.slug == "escap-example-rapporteur"
    assert application.cv_original_name == "Malee CV.pdf"
    assert item.review.slug == "escap-example-next-round"

    # 5. Staff sign in with a password and a TOTP code and find all three in the admin.
    TOTP.activate(StaffFactory(email="secretariat@example.org"), SECRET)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/accounts/login/?next=/admin/")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill("secretariat@example.org")
    page.get_by_label("Password").fill(STAFF_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/authenticate/$"))
    page.get_by_label("Code").fill(code(SECRET))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    page.goto(f"{live_server.url}/admin/consultations/registration/?q={EMAIL}")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(session.title_en)

    page.goto(f"{live_server.url}/admin/roundtables/application/?q={EMAIL}")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(application.reference)

    page.goto(f"{live_server.url}/admin/roundtables/stakeholderinput/?q={INPUT_TITLE}")
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(INPUT_TITLE)
