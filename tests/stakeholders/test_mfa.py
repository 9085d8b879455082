"""Staff need a second factor: no admin page and no staff page opens on a password alone."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

from stakeholders.mfa import is_staff_path
from tests.factories import PASSWORD, StaffFactory, stakeholder

pytestmark = [pytest.mark.django_db, pytest.mark.password_only]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code(secret: str, *, offset: int = 0) -> str:
    import time

    from allauth.mfa import app_settings

    counter = int(time.time()) // app_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/admin/", True),
        ("/admin/consultations/registration/", True),
        ("/en/staff/inputs/", True),
        ("/zh-hans/staff/reports/1/", True),
        ("/en/consultations/", False),
        ("/en/me/", False),
        ("/en/accounts/login/", False),
        ("/healthz", False),
    ],
)
def test_is_staff_path_covers_admin_and_staff_pages(path, expected):
    assert is_staff_path(path) is expected


def test_staff_without_second_factor_is_led_to_set_it_up(client):
    client.force_login(StaffFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/totp/activate/?next=%2Fadmin%2F"


def test_staff_page_without_second_factor_is_not_served(client):
    client.force_login(StaffFactory())

    response = client.get("/en/staff/inputs/")

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/2fa/totp/activate/")


def test_staff_with_totp_but_a_password_only_session_is_asked_for_a_code(client):
    staff = StaffFactory()
    TOTP.activate(staff, SECRET)
    client.force_login(staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/2fa/reauthenticate/?next=%2Fadmin%2F"


def test_admin_login_form_is_replaced_by_the_sign_in_with_second_factor(client):
    response = client.get("/admin/login/?next=/admin/reports/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fadmin%2Freports%2F"


def test_stakeholder_pages_need_no_second_factor(client):
    client.force_login(stakeholder())

    assert client.get("/en/me/").status_code == 200


def test_staff_signs_in_with_password_and_code_then_opens_the_admin(client):
    staff = StaffFactory(email="lead@example.org")
    TOTP.activate(staff, SECRET)

    response = client.post(
        reverse("account_login"), {"login": "lead@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302  # not signed in until the code

    response = client.post(reverse("mfa_authenticate"), {"code": code(SECRET)})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_staff_sign_in_lands_on_the_staff_start_page_not_the_profile(client):
    staff = StaffFactory(email="lead@example.org")
    TOTP.activate(staff, SECRET)
    client.post(reverse("account_login"), {"login": "lead@example.org", "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": code(SECRET)})

    assert response["Location"] == "/en/staff/roundtables/"
    assert client.get(response["Location"]).status_code == 200


def test_staff_sign_in_follows_next_when_given(client):
    staff = StaffFactory(email="lead@example.org")
    TOTP.activate(staff, SECRET)
    client.post(
        reverse("account_login"),
        {"login": "lead@example.org", "password": PASSWORD, "next": "/admin/"},
    )

    response = client.post(reverse("mfa_authenticate"), {"code": code(SECRET)})

    assert response["Location"] == "/admin/"


def test_stakeholder_sign_in_still_lands_on_my_space(client):
    stakeholder(user__email="amina@example.org")

    response = client.post(
        reverse("account_login"), {"login": "amina@example.org", "password": PASSWORD}
    )

    assert response["Location"] == reverse("stakeholders:home")


def test_staff_sign_in_with_a_wrong_code_is_refused(client):
    staff = StaffFactory(email="lead@example.org")
    TOTP.activate(staff, SECRET)
    client.post(reverse("account_login"), {"login": "lead@example.org", "password": PASSWORD})

    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})

    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["Incorrect code."]}
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_staff_who_sets_up_totp_opens_the_admin_without_a_second_code(client):
    """allauth announces the new authenticator after commit, as in production."""
    staff = StaffFactory()
    client.force_login(staff)
    # allauth asks for a recent password before a second factor is added.
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    secret = page.context["form"].secret

    response = client.post(reverse("mfa_activate_totp"), {"code": code(secret)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).count() == 1
    assert client.get("/admin/").status_code == 200


def test_staff_signs_in_with_a_recovery_code(client):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    staff = StaffFactory(email="lead@example.org")
    TOTP.activate(staff, SECRET)
    recovery = RecoveryCodes.activate(staff)
    client.post(reverse("account_login"), {"login": "lead@example.org", "password": PASSWORD})

    client.post(reverse("mfa_authenticate"), {"code": recovery.get_unused_codes()[0]})

    assert client.get("/admin/").status_code == 200


def test_demo_staff_prints_a_second_factor_that_opens_the_admin(client):
    import io
    import re

    from django.core.management import call_command

    out = io.StringIO()
    call_command("demo_staff", password="demo-password-1", stdout=out)
    printed = out.getvalue()
    secret = re.search(r"the secret (\w+)", printed).group(1)
    recovery_code = re.search(r"recovery code: (\w+)", printed).group(1)
    email = re.search(r"Demo staff login: (\S+) /", printed).group(1)

    client.post(reverse("account_login"), {"login": email, "password": "demo-password-1"})
    client.post(reverse("mfa_authenticate"), {"code": recovery_code})

    assert client.get("/admin/").status_code == 200
    assert TOTP(Authenticator.objects.get(type=Authenticator.Type.TOTP)).validate_code(code(secret))
