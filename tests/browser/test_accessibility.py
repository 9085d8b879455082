"""axe-core (npm, package-lock.json) over every public page and every public form, with
and without errors, in English and in Arabic (right to left). Any violation fails, named
by its rule and the elements it found.

The pages come from the URLconf: `test_every_public_route_is_checked_or_excused` fails
when a route is added that is neither visited here nor excused with a reason.
"""

import datetime as dt
import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from playwright.sync_api import expect

from consultations.demo import PRE_CONSULTATION_SLUG
from consultations.enums import SessionFormat
from feedback.services import survey_token
from outreach.tokens import UNSUBSCRIBE_SALT, make_token
from roundtables.demo.history import CALL_SLUG
from tests.factories import (
    PASSWORD,
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    stakeholder,
)
from tests.factories.roundtables import CallFactory, InputFactory

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"

# Routes of the site that are not public pages: why each is left out.
EXCUSED = {
    "consultations:calendar": "a calendar file, not a page",
    "consultations:session_calendar": "a calendar file, not a page",
    "consultations:document": "a file, not a page",
    "outreach:invitation": "a redirect to sign-up or to the session, not a page",
    "consultations:register": "POST only: its errors are checked on the session page",
    "consultations:cancel": "POST only",
    "consultations:change_mode": "POST only",
    "roundtables:input_withdraw": "POST only",
    "roundtables:input_attachment": "a file, not a page",
    "roundtables:withdraw": "POST only",
    "roundtables:cv": "a file, not a page",
    "reports:download": "a file, not a page",
    "opendata:dataset": "a file, not a page",
    "stakeholders:data_download": "a file, not a page",
    "set_language": "POST only",
    # allauth pages reached only by a link from an email, or for a state the site never
    # enters (no social login, no code login, email verification by link).
    "account_confirm_email": "needs a key from an email",
    "account_reset_password_from_key": "needs a key from an email",
    "account_reset_password_from_key_done": "after a reset from an email",
    "account_inactive": "accounts are never made inactive",
    "account_confirm_login_code": "the site signs in by password, not by a code",
    "account_confirm_reauthentication_code": "the site signs in by password, not by a code",
    "account_request_reauthentication_code": "the site signs in by password, not by a code",
    "account_email_verification_sent": "only right after sign-up",
    "account_reauthenticate": "asked only before a sensitive change",
    "mfa_reauthenticate": "asked only before a sensitive change",
    "mfa_authenticate": "only during a staff sign-in",
    "mfa_activate_totp": "asks for a recent password first",
    "mfa_deactivate_totp": "only with a second factor",
    "mfa_view_recovery_codes": "only with a second factor",
    "mfa_generate_recovery_codes": "only with a second factor",
    "mfa_download_recovery_codes": "a file, not a page",
    "mfa_trust": "only during a sign-in with a second factor",
}
STAFF_PREFIXES = ("staff/",)


def route_names() -> set[str]:
    """The name of every route under the language prefix (the site's pages), but the
    staff pages."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                space = pattern.namespace or namespace
                yield from walk(pattern.url_patterns, route, space)
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                yield route, name

    names = set()
    for pattern in get_resolver().url_patterns:
        if (
            isinstance(pattern, URLResolver)
            and "LocalePrefixPattern" in type(pattern.pattern).__name__
        ):
            for route, name in walk(pattern.url_patterns, "", None):
                if not route.startswith(STAFF_PREFIXES):
                    names.add(name)
    names.add("set_language")
    return names


@dataclass(frozen=True)
class Page:
    name: str  # the route
    path: str  # after /<language>
    signed_in: bool = False
    submit: str = ""  # a form to send empty, to check the page with its errors


def pages(*, session, call, own_input, survey="token", unsubscribe="token") -> list[Page]:
    return [
        Page("home", "/"),
        Page("consultations:list", "/consultations/"),
        Page("consultations:detail", f"/consultations/{PRE_CONSULTATION_SLUG}/"),
        Page("roundtables:index", "/roundtables/"),
        Page("roundtables:inputs", "/inputs/"),
        Page("roundtables:calls", "/rapporteur/"),
        Page("roundtables:call", f"/rapporteur/{CALL_SLUG}/"),
        Page("reports:list", "/reports/"),
        Page("opendata:index", "/open-data/"),
        Page("opendata:search", "/search/?q=migration"),
        Page("stakeholders:privacy", "/privacy/"),
        Page("account_login", "/accounts/login/", submit="main form"),
        Page("account_signup", "/accounts/signup/", submit="main form"),
        Page("account_reset_password", "/accounts/password/reset/", submit="main form"),
        Page("account_reset_password_done", "/accounts/password/reset/done/"),
        # Personal links from mails: the survey after a session, one-click unsubscribe.
        Page("feedback:survey", f"/feedback/{survey}/"),
        Page("outreach:unsubscribe", f"/unsubscribe/{unsubscribe}/"),
        # Signed in as a stakeholder with a profile.
        Page("stakeholders:home", "/me/", signed_in=True),
        Page("stakeholders:profile", "/me/profile/", signed_in=True, submit="main form"),
        Page("stakeholders:my_data", "/me/data/", signed_in=True),
        Page("stakeholders:account_delete", "/me/delete/", signed_in=True, submit="main form"),
        Page("consultations:my_participation", "/me/participation/", signed_in=True),
        Page(
            "consultations:detail",
            f"/consultations/{session.slug}/",
            signed_in=True,
            submit=".registration-box form",
        ),
        Page(
            "consultations:talk_request", "/gcm-talks/propose/", signed_in=True, submit="main form"
        ),
        Page("roundtables:input_new", "/inputs/new/", signed_in=True, submit="main form"),
        Page("roundtables:input_edit", f"/inputs/{own_input.pk}/edit/", signed_in=True),
        Page("roundtables:my_inputs", "/me/inputs/", signed_in=True),
        Page(
            "roundtables:apply",
            f"/rapporteur/{call.slug}/apply/",
            signed_in=True,
            submit="main form",
        ),
        Page("roundtables:my_applications", "/me/applications/", signed_in=True),
        Page("account_email", "/accounts/email/", signed_in=True),
        Page(
            "account_change_password",
            "/accounts/password/change/",
            signed_in=True,
            submit="main form",
        ),
        Page("account_set_password", "/accounts/password/set/", signed_in=True),
        Page("mfa_index", "/accounts/2fa/", signed_in=True),
        Page("account_logout", "/accounts/logout/", signed_in=True),
    ]


def test_every_public_route_is_checked_or_excused():
    names = {page.name for page in pages(session=_Slug(), call=_Slug(), own_input=_Slug())}

    missing = route_names() - names - set(EXCUSED)

    assert missing == set(), f"public routes with no accessibility check: {sorted(missing)}"


class _Slug:
    slug = "x"
    pk = 1


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core from node_modules, installed with `npm ci` when it is missing (a fresh
    checkout): `make test` also installs it."""
    if not AXE.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, check=True)  # noqa: S607
    return AXE.read_text()


@pytest.fixture
def site(db):
    call_command("load_demo", verbosity=0)
    person = stakeholder(user__email="amina@example.org", user__name="Amina Diallo")
    session = SessionFactory(
        slug="open-hybrid",
        format=SessionFormat.HYBRID,
        requires_accreditation=True,
        starts_at=(timezone.now() + dt.timedelta(days=30)).replace(microsecond=0),
    )
    call = CallFactory(slug="open-call")
    # A review still taking written inputs, for the input form.
    ReviewFactory(slug="open-review", inputs_deadline=timezone.now() + dt.timedelta(days=30))
    own_input = InputFactory(author=person)
    attended = RegistrationFactory(attendance="attended")
    return {
        "user": person,
        "session": session,
        "call": call,
        "own_input": own_input,
        "survey": survey_token(attended.pk),
        "unsubscribe": make_token(attended.user_id, salt=UNSUBSCRIBE_SALT),
    }


def axe_violations(page) -> list[str]:
    results = page.evaluate(
        "async () => { const r = await axe.run(document); return r.violations.map("
        "v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target.join(' '))"
        ".slice(0, 5)})); }"
    )
    return [f"{v['id']} ({v['impact']}): {json.dumps(v['targets'])}" for v in results]


def check(page, url: str, found: dict) -> None:
    violations = axe_violations(page)
    if violations:
        found[url] = violations


def sign_in(page, base: str, language: str, email: str) -> None:
    page.goto(f"{base}/{language}/accounts/login/")
    expect(page.locator("#id_login")).to_be_visible()
    page.locator("#id_login").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").last.click()
    expect(page).to_have_url(re.compile(rf"/{language}/me/"))


def submit_empty(page, selector: str) -> None:
    """Send a form emptied, skipping the browser's own checks, so that the server's
    error messages show."""
    form = page.locator(selector).first
    expect(form, f"a form ({selector}) on {page.url}").to_have_count(1)
    form.evaluate(
        "f => { f.noValidate = true;"
        " f.querySelectorAll('input:not([type=hidden]):not([type=submit]), textarea, select')"
        ".forEach(e => { if (e.type === 'checkbox' || e.type === 'radio') { e.checked = false; }"
        " else if (e.tagName === 'SELECT') { e.selectedIndex = 0; } else { e.value = ''; } }); }"
    )
    with page.expect_navigation():
        form.locator("button[type=submit], input[type=submit]").last.click()
    expect(page.locator(".error-summary")).to_be_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "ar"])
def test_public_pages_and_forms_have_no_axe_violations(
    live_server, page, axe_source, site, language
):
    page.add_init_script(script=axe_source)
    page.set_viewport_size({"width": 1280, "height": 900})
    found: dict[str, list[str]] = {}
    signed_in = False
    for item in pages(
        session=site["session"],
        call=site["call"],
        own_input=site["own_input"],
        survey=site["survey"],
        unsubscribe=site["unsubscribe"],
    ):
        if item.signed_in and not signed_in:
            sign_in(page, live_server.url, language, site["user"].email)
            signed_in = True
        url = f"{live_server.url}/{language}{item.path}"
        response = page.goto(url)
        assert response.status == 200, f"{url} answered {response.status}"
        expect(page.locator("html")).to_have_attribute("lang", re.compile(language))
        check(page, url, found)
        if item.submit:
            submit_empty(page, item.submit)
            expect(page.locator("html")).to_have_attribute("lang", re.compile(language))
            check(page, f"{url} (sent empty)", found)

    assert found == {}, "axe violations:\n" + "\n".join(
        f"{url}\n  " + "\n  ".join(violations) for url, violations in found.items()
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_axe_reports_a_violation_by_rule_and_target(live_server, page, axe_source):
    """The check itself: an image without a text alternative is found and named."""
    page.add_init_script(script=axe_source)
    page.goto(f"{live_server.url}/en/privacy/")
    expect(page.locator("h1")).to_be_visible()
    page.evaluate(
        "() => { const img = document.createElement('img'); img.id = 'no-alt';"
        " img.src = '/static/img/favicon.svg'; document.querySelector('main').append(img); }"
    )

    assert axe_violations(page) == ['image-alt (critical): ["#no-alt"]']
