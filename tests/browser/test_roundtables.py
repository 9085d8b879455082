"""Browser journeys of the roundtables app: a candidate applies with a CV and sees the
status; staff see the shortlist's balance change as they tick."""

import pytest

from roundtables.enums import ApplicationStatus
from roundtables.models import Application
from tests.factories import PASSWORD, StaffFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    close_call,
    pdf_bytes,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, email):
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
    page.get_by_role("link", name="Call for the UNECE Rapporteur").click()
    page.get_by_role("link", name="Apply: submit an expression of interest").click()
    sign_in(page, live_server, "amina@example.org")

    page.wait_for_url(f"**/en/rapporteur/{call.slug}/apply/")
    page.get_by_label("Motivation").fill("I would convey what migrant-led groups said.")
    page.get_by_label("Relevant experience").fill("Ten years in a diaspora network.")
    page.get_by_label("French").check()
    page.get_by_label("Stakeholder sector (GCM para 44)").select_option(label="Migrants")
    page.get_by_label("Country of residence").select_option("FR")
    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Submit").click()

    assert page.get_by_text(
        "This file is not a PDF. Please save your document as PDF and upload that."
    ).is_visible()
    assert Application.objects.count() == 0

    page.get_by_label("CV (PDF, at most 5 MB)").set_input_files(str(cv))
    page.get_by_role("button", name="Submit").click()

    page.wait_for_url("**/en/me/applications/")
    application = Application.objects.get()
    assert page.get_by_text("Your expression of interest has been received.").is_visible()
    assert page.get_by_text(application.reference).first.is_visible()
    assert page.locator(".badge", has_text="Submitted").first.is_visible()
    assert application.cv_original_name == "Amina CV.pdf"
    assert application.languages == ["en", "fr"]


def test_selection_balance_updates_live_and_matches_the_server(live_server, page):
    call = close_call(CallFactory())
    woman_fr = ApplicationFactory(call=call, gender="woman", country_of_residence="FR")
    man_kz = ApplicationFactory(call=call, gender="man", country_of_residence="KZ")
    ApplicationFactory(call=call, gender="woman", country_of_residence="US")
    StaffFactory(email="selector@example.org")

    page.goto(f"{live_server.url}/en/staff/rapporteur/{call.slug}/selection/")
    sign_in(page, live_server, "selector@example.org")
    page.wait_for_url(f"**/en/staff/rapporteur/{call.slug}/selection/")

    gender = page.locator('table[data-balance-dimension="gender"]')
    woman = gender.locator('[data-shortlist-cell="woman"]')
    assert woman.inner_text() == "0 (0%)"

    page.locator(f"#shortlist-{woman_fr.pk}").check()
    assert woman.inner_text() == "1 (100%)"
    page.locator(f"#shortlist-{man_kz.pk}").check()
    live = {
        "woman": woman.inner_text(),
        "man": gender.locator('[data-shortlist-cell="man"]').inner_text(),
        "central-asia": page.locator(
            'table[data-balance-dimension="subregion"] [data-shortlist-cell="central-asia"]'
        ).inner_text(),
        "total": gender.locator("[data-shortlist-total]").inner_text(),
    }
    assert live == {"woman": "1 (50%)", "man": "1 (50%)", "central-asia": "1 (50%)", "total": "2"}

    page.get_by_role("button", name="Save the shortlist (candidates are told)").click()
    page.wait_for_load_state()

    # The page as the server renders it after saving shows the same figures.
    assert woman.inner_text() == live["woman"]
    assert gender.locator('[data-shortlist-cell="man"]').inner_text() == live["man"]
    assert set(
        Application.objects.filter(status=ApplicationStatus.SHORTLISTED).values_list(
            "pk", flat=True
        )
    ) == {woman_fr.pk, man_kz.pk}
