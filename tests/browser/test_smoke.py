"""Browser smoke test: Playwright drives Debian's Chromium against the live server."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_in_english_and_french(live_server, page):
    page.goto(f"{live_server.url}/en/")

    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Have your say")

    page.get_by_label("Language").select_option("fr")
    page.get_by_role("button", name="Change").click()

    page.wait_for_url(f"{live_server.url}/fr/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", name="Sessions à venir").is_visible()


def test_home_page_in_arabic_is_right_to_left(live_server, page):
    page.goto(f"{live_server.url}/ar/")

    assert page.locator("html").get_attribute("dir") == "rtl"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
