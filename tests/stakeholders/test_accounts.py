import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from outbox.enums import MailStatus
from outbox.models import OutgoingMail
from stakeholders.models import Consent, Profile, User
from tests.factories import PASSWORD, UserFactory, stakeholder

pytestmark = pytest.mark.django_db


def sign_up(client, email="amina@example.org", language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {"email": email, "password1": PASSWORD, "password2": PASSWORD},
    )


def confirmation_link(message) -> str:
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message.body).group(0)


def test_signup_sends_a_verification_email_through_the_outbox(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    stored = OutgoingMail.objects.get(to="amina@example.org")
    assert stored.status == MailStatus.SENT
    assert len(mail.outbox) == 1
    assert "confirm-email" in mail.outbox[0].body


def test_signup_cannot_sign_in_before_the_email_is_verified(client):
    sign_up(client)
    client.logout()

    response = client.post(
        reverse("account_login"), {"login": "amina@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session


def test_signup_confirming_the_email_signs_in_and_asks_for_the_profile(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    link = confirmation_link(mail.outbox[0])
    path = link.split("127.0.0.1:8000", 1)[-1]

    page = client.get(path)
    response = client.post(path)

    assert page.status_code == 200
    assert response.status_code == 302
    assert response["Location"] == reverse("stakeholders:profile")
    assert client.session["_auth_user_id"] == str(User.objects.get(email="amina@example.org").pk)


def test_signup_in_french_keeps_french_as_the_preferred_language(client):
    sign_up(client, email="jeanne@example.org", language="fr")

    assert User.objects.get(email="jeanne@example.org").language == "fr"


def test_login_by_email_with_a_verified_address(client):
    user = UserFactory(email="omar@example.org")

    response = client.post(
        reverse("account_login"), {"login": "omar@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_login_with_a_wrong_password_shows_a_message(client):
    UserFactory(email="omar@example.org")

    response = client.post(
        reverse("account_login"), {"login": "omar@example.org", "password": "wrong-password"}
    )

    assert response.status_code == 200
    assert "The email address and/or password you specified are not correct." in (
        response.content.decode()
    )


def test_password_reset_sends_a_reset_link(client, django_capture_on_commit_callbacks):
    UserFactory(email="omar@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": "omar@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_signup_verification_email_names_the_site_in_english(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, email="amina@example.org", language="en")

    body = mail.outbox[0].body
    assert body.startswith("Hello from GCM Consultations!")
    assert "an account on 127.0.0.1:8000." in body
    assert "Thank you for using GCM Consultations!" in body


def test_signup_verification_email_names_the_site_in_french(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, email="jeanne@example.org", language="fr")

    body = mail.outbox[0].body
    assert body.startswith("Bonjour, c'est GCM Consultations !")
    assert "son compte sur 127.0.0.1:8000." in body
    assert "Merci d'utiliser GCM Consultations !" in body


def test_password_reset_email_names_the_site_in_russian(client, django_capture_on_commit_callbacks):
    UserFactory(email="omar@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ru/accounts/password/reset/", {"email": "omar@example.org"})

    body = mail.outbox[0].body
    assert body.startswith("Вас приветствует GCM Consultations!")  # noqa: RUF001
    assert "127.0.0.1:8000" in body.rsplit("\n", 1)[-1]


def test_logout_ends_the_session(client):
    client.force_login(UserFactory())

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_change_email_sends_a_verification_to_the_new_address(
    client, django_capture_on_commit_callbacks
):
    client.force_login(UserFactory(email="old@example.org"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("account_email"), {"action_add": "", "email": "new@example.org"}
        )

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["new@example.org"]]


def test_profile_is_required_before_my_space(client):
    client.force_login(UserFactory())

    response = client.get(reverse("stakeholders:home"))

    assert response.status_code == 302
    assert response["Location"] == reverse("stakeholders:profile")


def profile_data(**overrides):
    from gcm.models import Sector

    data = {
        "name": "Amina Diallo",
        "language": "fr",
        "job_title": "Coordinator",
        "sector": Sector.objects.get(code="migrant-diaspora").pk,
        "country": "DE",
        "gender": "",
        "gender_self_description": "",
        "organisation_name": "Diaspora Forum",
        "organisation_acronym": "DF",
        "ecosoc_status": "special",
        "migrant_led": "on",
        "diaspora": "on",
        "website": "https://diaspora.example.org",
        "consent": "on",
    }
    data.update(overrides)
    return data


def test_profile_completion_saves_profile_organisation_and_consent(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(reverse("stakeholders:profile"), profile_data())

    assert response.status_code == 302
    profile = Profile.objects.select_related("organisation", "sector").get(user=user)
    assert (profile.sector.code, profile.country.code) == ("migrant-diaspora", "DE")
    organisation = profile.organisation
    assert (organisation.name, organisation.ecosoc_status, organisation.migrant_led) == (
        "Diaspora Forum",
        "special",
        True,
    )
    assert organisation.sector == profile.sector
    consent = Consent.objects.get(user=user)
    assert consent.text_version == settings.CONSENT_TEXT_VERSION
    assert consent.given_at is not None
    user.refresh_from_db()
    assert (user.name, user.language) == ("Amina Diallo", "fr")


def test_profile_page_is_bound_to_the_saved_profile(client):
    user = stakeholder(
        user__name="Omar Haddad",
        user__language="ar",
        job_title="Director",
        organisation__name="Migrant Voices Network",
        organisation__migrant_led=True,
    )
    client.force_login(user)

    response = client.get(reverse("stakeholders:profile"))

    form = response.context["form"]
    assert form.instance == user.profile
    assert {
        name: form[name].value()
        for name in (
            "name",
            "language",
            "job_title",
            "country",
            "organisation_name",
            "migrant_led",
            "consent",
        )
    } == {
        "name": "Omar Haddad",
        "language": "ar",
        "job_title": "Director",
        "country": "CH",
        "organisation_name": "Migrant Voices Network",
        "migrant_led": True,
        "consent": True,
    }


def test_profile_page_of_a_new_stakeholder_asks_consent_again(client):
    client.force_login(UserFactory(name="Jo", language="es"))

    response = client.get(reverse("stakeholders:profile"))

    form = response.context["form"]
    assert (form["name"].value(), form["language"].value(), form["consent"].value()) == (
        "Jo",
        "es",
        False,
    )
    assert form["organisation_name"].value() is None


def test_profile_clean_applies_the_gender_rule():
    profile = Profile(gender="self-described", gender_self_description="")

    with pytest.raises(ValidationError) as caught:
        profile.clean()

    assert caught.value.message_dict == {
        "gender_self_description": ["Please describe your gender, or choose another answer."]
    }


def test_profile_without_consent_is_refused_with_a_message(client):
    client.force_login(UserFactory())

    response = client.post(reverse("stakeholders:profile"), profile_data(consent=""))

    assert response.status_code == 200
    assert "Please give your consent to take part." in response.content.decode()
    assert not Profile.objects.exists()


def test_profile_self_described_gender_needs_a_description(client):
    client.force_login(UserFactory())

    response = client.post(reverse("stakeholders:profile"), profile_data(gender="self-described"))

    assert response.status_code == 200
    assert "Please describe your gender" in response.content.decode()


def country_options(response) -> list[tuple[str, str]]:
    return [
        (str(value), str(label))
        for value, label in response.context["form"]["country"].field.choices
    ]


@pytest.mark.parametrize(
    ("language", "empty", "first_countries"),
    [
        ("fr", "Choisissez un pays", [("AF", "Afghanistan"), ("ZA", "Afrique du Sud")]),
        ("ru", "Выберите страну", [("AU", "Австралия"), ("AT", "Австрия")]),
        ("ar", "اختر بلدًا", [("AW", "آروبا"), ("AZ", "أذربيجان")]),
    ],
)
def test_profile_country_starts_empty_with_names_sorted_in_the_language(
    client, language, empty, first_countries
):
    client.force_login(UserFactory())

    response = client.get(f"/{language}/me/profile/")

    options = country_options(response)
    assert options[0] == ("", empty)
    assert options[1:3] == first_countries
    html = response.content.decode()
    assert '<option value="" selected>' in html
    assert '<option value="AF" selected>' not in html


def test_profile_country_left_empty_is_refused_not_counted_as_afghanistan(client):
    client.force_login(UserFactory())

    response = client.post(reverse("stakeholders:profile"), profile_data(country=""))

    assert response.status_code == 200
    assert response.context["form"].errors["country"] == ["Choose the country where you live."]
    assert not Profile.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("sector", "999999"), ("country", "XX"), ("website", "not a url"), ("language", "xx")],
)
def test_profile_rejects_tampered_values_without_error(client, field, value):
    client.force_login(UserFactory())

    response = client.post(reverse("stakeholders:profile"), profile_data(**{field: value}))

    assert response.status_code == 200
    assert not Profile.objects.exists()


def test_profile_editing_another_persons_organisation_creates_ones_own(client):
    first = stakeholder()
    shared = first.profile.organisation
    second = UserFactory()
    client.force_login(second)
    client.post(reverse("stakeholders:profile"), profile_data(organisation_name=shared.name))

    shared.refresh_from_db()
    assert shared.ecosoc_status == "none"
    assert Profile.objects.get(user=second).organisation != shared


def test_profile_next_parameter_brings_the_person_back(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("stakeholders:profile"), {**profile_data(), "next": "/en/consultations/"}
    )

    assert response["Location"] == "/en/consultations/"


def test_profile_next_parameter_refuses_other_hosts(client):
    client.force_login(UserFactory())

    response = client.post(
        reverse("stakeholders:profile"), {**profile_data(), "next": "https://evil.example/"}
    )

    assert response["Location"] == reverse("stakeholders:home")
