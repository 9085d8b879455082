"""Browser journeys of the roundtables app: a candidate applies with a CV and sees the
status; staff see the shortlist's balance change as they tick."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from playwright.sync_api import expect

from roundtables.enums import ApplicationStatus
from roundtables.models import Application
from tests.factories import PASSWORD, StaffFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    close_call,
    pdf_bytes,
)
from tests.stakeholders.test_mfa import SECRET, code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, email):
    expect(page).to_have_url(re.compile(r"/en/accounts/login/\?next="))
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_candidate_signs_in_applies_with_a_cv_and_sees_the_status(live_server, page, tmp_path):
    call = CallFactory(title="Call for the UNECE Rapporteur")
    stakeholder(user__email="amina@example.org", user__name="Amina Diallo")
    cv = tmp_path / "Amina CV.pdf"
    cv.write_bytes(pdf_bytes(pages=2))
    not_a_pdf = tmp_path / "cv.pdf"
    not_a_pdf.write_bytes(b"MZ\x90\x00 renamed executable")

    page.goto(f"{live_server.url}/en/rapporteur/")
    call_link = page.get_by_role("link", name="Call for the UNECE Rapporteur")
    expect(call_link).to_be_visible()
    call_link.click()
    expect(page).to_have_url(f"{live_server.url}/en/rapporteur/{call.slug}/")
    page.get_by_role("link", name="Apply: submit an expression of interest").click()
    sign_in(page, live_server, "amina@example.org")

    expect(page).to_have_url(f"{live_server.url}/en/rapporteur/{call.slug}/apply/")
    page.get_by_label("Motivation").fill("I would convey what migrant-led groups said.")
    page.get_by_label("Relevant experience").fill("Ten years in a diaspora network.")
    page.get_by_label("French").check()
    page.get_by_label("Stakeholder sector (GCM para 44)").select_option(label="Migrants")
    page.get_by_label("Country of residence").select_option("FR")
    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Submit").click()

    not_pdf = "This file is not a PDF. Please save your document as PDF and upload that."
    expect(page.get_by_text(not_pdf, exact=True)).to_be_visible()
    # Also at the top of the form, linking to the field.
    expect(page.get_by_role("link", name=f"CV (PDF, at most 5 MB): {not_pdf}")).to_be_visible()
    assert Application.objects.count() == 0

    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(str(cv))
    page.get_by_role("button", name="Submit").click()

    expect(page).to_have_url(f"{live_server.url}/en/me/applications/")
    expect(page.get_by_text("Your expression of interest has been received.")).to_be_visible()
    application = Application.objects.get()
    expect(page.get_by_text(application.reference).first).to_be_visible()
    expect(page.locator(".badge", has_text="Submitted").first).to_be_visible()
    assert application.cv_original_name == "Amina CV.pdf"
    assert application.languages == ["en", "fr"]


def test_selection_balance_updates_live_and_matches_the_server(live_server, page):
    call = close_call(CallFactory())
    woman_fr = ApplicationFactory(call=call, gender="woman", country_of_residence="FR")
    man_kz = ApplicationFactory(call=call, gender="man", country_of_residence="KZ")
    ApplicationFactory(call=call, gender="woman", country_of_residence="US")
    TOTP.activate(StaffFactory(email="selector@example.org"), SECRET)

    # Staff sign in with their password and the code of their authenticator app.
    page.goto(f"{live_server.url}/en/staff/rapporteur/{call.slug}/selection/")
    sign_in(page, live_server, "selector@example.org")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/2fa/authenticate/")
    page.get_by_label("Code").fill(code(SECRET))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/en/staff/rapporteur/{call.slug}/selection/")

    gender = page.locator('table[data-balance-dimension="gender"]')
    cells = {
        "woman": gender.locator('[data-shortlist-cell="woman"]'),
        "man": gender.locator('[data-shortlist-cell="man"]'),
        "central-asia": page.locator(
            'table[data-balance-dimension="subregion"] [data-shortlist-cell="central-asia"]'
        ),
        "total": gender.locator("[data-shortlist-total]"),
    }
    expect(cells["woman"]).to_have_text("0 (0%)")

    page.locator(f"#shortlist-{woman_fr.pk}").check()
    expect(cells["woman"]).to_have_text("1 (100%)")
    page.locator(f"#shortlist-{man_kz.pk}").check()
    live = {"woman": "1 (50%)", "man": "1 (50%)", "central-asia": "1 (50%)", "total": "2"}
    for key, text in live.items():
        expect(cells[key]).to_have_text(text)

    page.get_by_role("button", name="Save the shortlist (candidates are told)").click()
    expect(page.get_by_text("Shortlist saved: 2 added, 0 removed.")).to_be_visible()

    # The page as the server renders it after saving shows the same figures.
    for key, text in live.items():
        expect(cells[key]).to_have_text(text)
    assert set(
        Application.objects.filter(status=ApplicationStatus.SHORTLISTED).values_list(
            "pk", flat=True
        )
    ) == {woman_fr.pk, man_kz.pk}


def test_selection_page_fits_1280_pixels_without_scrolling_sideways(live_server, page):
    from django.test import Client

    call = close_call(CallFactory())
    for country in ("FR", "KZ", "US", "GB", "BA", "MK"):
        ApplicationFactory(
            call=call,
            gender="self-described",
            gender_self_description="a long self-description of gender",
            country_of_residence=country,
        )
    staff = StaffFactory(is_superuser=True)
    client = Client()
    client.force_login(staff)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    for language in ("en", "ar", "ru"):
        page.goto(f"{live_server.url}/{language}/staff/rapporteur/{call.slug}/selection/")
        expect(page.locator("table.ranking")).to_be_visible()

        widths = page.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (language, widths)
