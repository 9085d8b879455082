"""Staff set up a second factor before the admin opens, then sign in with a code."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, StaffFactory
from tests.stakeholders.test_mfa import code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, email, *, next_url="/admin/"):
    page.goto(f"{live_server.url}/en/accounts/login/?next={next_url}")
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_staff_sets_up_totp_then_signs_in_with_a_code(live_server, page, settings):
    # The second sign-in happens within the same 30 s: accept the next code too.
    settings.MFA_TOTP_TOLERANCE = 1
    StaffFactory(email="lead@example.org")

    # 1. A password alone does not open the admin: staff are led to set up TOTP, after
    # confirming their password (allauth asks before any second factor changes).
    sign_in(page, live_server, "lead@example.org")
    expect(page.get_by_text("set up a second factor")).to_be_visible()
    expect(page.get_by_role("heading", name="Confirm Access")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/totp/activate/\?next=%2Fadmin%2F$"))
    secret = page.get_by_label("Authenticator secret").input_value()
    page.get_by_label("Authenticator code").fill(code(secret))
    page.get_by_role("button", name="Activate").click()
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/recovery-codes/$"))

    page.goto(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()

    # 2. Signed out and in again: the password leads to the code, the code to the admin.
    page.context.clear_cookies()
    sign_in(page, live_server, "lead@example.org")
    expect(page).to_have_url(re.compile(r"/en/accounts/2fa/authenticate/$"))
    page.get_by_label("Code").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Incorrect code.", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Code: Incorrect code.")).to_be_visible()

    page.get_by_label("Code").fill(code(secret, offset=1))
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()
