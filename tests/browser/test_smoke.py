"""Browser smoke test: Playwright drives Debian's Chromium against the live server."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_english_and_french(live_server, page):
    page.goto(f"{live_server.url}/en/")

    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Have your say"))

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    expect(page).to_have_url(f"{live_server.url}/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Sessions à venir")).to_be_visible()


def test_home_page_in_arabic_is_right_to_left(live_server, page):
    page.goto(f"{live_server.url}/ar/")

    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("body")).to_have_css("direction", "rtl")
