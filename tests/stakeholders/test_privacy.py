"""People's rights over their data: "Download my data" and "Delete my account".

The whole journey: a stakeholder who registered, attended, gave ID data, proposed a GCM
Talk, wrote inputs, applied to be the Rapporteur and sat on a panel downloads their data
and deletes their account; afterwards no table holds their email, name or ID document
number, the storage holds none of their files, and the session counts are unchanged."""

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session as DjangoSession
from django.db import models
from django.urls import reverse
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEvent
from audit.services import audit_record
from consultations import services as consultations_services
from consultations.enums import Attendance, Mode, SessionStatus
from consultations.models import AccreditationData, Registration
from consultations.selectors import session_counts
from core.errors import DomainError
from gcm.models import Objective
from outbox.models import OutgoingMail
from roundtables.enums import ApplicationStatus, Attribution, InputType, RoleKind
from roundtables.models import Application, RoundtableRole, StakeholderInput
from roundtables.services import inputs as input_services
from roundtables.services import rapporteur as rapporteur_services
from stakeholders import services
from stakeholders.models import Organisation, User
from tests.consultations.conftest import photo_upload
from tests.factories import (
    PASSWORD,
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    StaffFactory,
    stakeholder,
)
from tests.factories.roundtables import (
    CallFactory,
    RoundtableFactory,
    close_call,
    pdf_upload,
)

pytestmark = pytest.mark.django_db

NAME = "Amina Wanjiru Odhiambo"
EMAIL = "amina.odhiambo@example.org"
ID_NUMBER = "KE-X9876543"


def _accreditation():
    return consultations_services.Accreditation(
        id_document_number=ID_NUMBER,
        id_document_expiry=dt.date(2035, 1, 1),
        nationality="KE",
        date_of_birth=dt.date(1985, 5, 17),
        photo=photo_upload(),
    )


def _held_session(review, *, days_ago=20):
    starts = timezone.now() - dt.timedelta(days=days_ago)
    return SessionFactory(
        review=review,
        status=SessionStatus.HELD,
        starts_at=starts,
        ends_at=starts + dt.timedelta(hours=3),
        registration_opens_at=None,
        registration_closes_at=None,
    )


@pytest.fixture
def selector():
    return StaffFactory(email="selector@un.example", name="Sara Selector", language="fr")


@pytest.fixture
def person(selector):
    """A stakeholder with something in every part of the project."""
    user = stakeholder(
        user__name=NAME,
        user__email=EMAIL,
        organisation__name="Migrant Women Network Nairobi",
        country="KE",
    )
    Organisation.objects.filter(pk=user.profile.organisation_id).update(created_by=user)
    review = ReviewFactory(inputs_deadline=timezone.now() + dt.timedelta(days=5))

    # A session held last month, attended in person, with ID data not yet purged.
    held = _held_session(review)
    past = RegistrationFactory(
        session=held, user=user, mode=Mode.IN_PERSON, attendance=Attendance.ATTENDED
    )
    data = AccreditationData(
        registration=past,
        id_document_number=ID_NUMBER,
        id_document_expiry=dt.date(2035, 1, 1),
        nationality="KE",
        date_of_birth=dt.date(1985, 5, 17),
    )
    data.photo.save("photo.jpg", photo_upload(), save=False)
    data.save()
    # Others at the same session.
    RegistrationFactory(session=held, attendance=Attendance.ATTENDED)
    RegistrationFactory(session=held, mode=Mode.IN_PERSON, attendance=Attendance.NO_SHOW)

    # A session to come, in person with accreditation (emails to the person are queued).
    upcoming = SessionFactory(review=review)
    consultations_services.registration_create(
        session=upcoming,
        user=user,
        mode=Mode.IN_PERSON,
        accessibility_needs="Step-free access, please.",
        accreditation=_accreditation(),
    )

    consultations_services.talk_request_submit(
        review=review,
        user=user,
        objectives=Objective.objects.filter(number__in=[5, 6]),
        title="Decent work for migrant domestic workers",
        co_organisers="Domestic Workers Alliance",
        proposed_date=(timezone.now() + dt.timedelta(days=40)).date(),
        proposed_format="online",
        description="A peer exchange between cities.",
    )

    published = input_services.input_submit(
        review=review,
        author=user,
        title="Access to services",
        text="Firewalls between services and immigration enforcement.",
        language="en",
        input_type=InputType.CONTENT,
        objectives=Objective.objects.filter(number=15),
        attribution=Attribution.PERSON,
        publish_consent=True,
        attachment=pdf_upload(),
    )
    input_services.input_accept(stakeholder_input=published, by=selector)
    input_services.input_submit(
        review=review,
        author=user,
        title="Draft thoughts",
        text="Not for publication.",
        language="en",
        input_type=InputType.PROCESS,
        objectives=Objective.objects.filter(number=23),
        attribution=Attribution.ANONYMOUS,
        publish_consent=False,
        attachment=pdf_upload(),
    )

    call = CallFactory(review=review)
    rapporteur_services.application_submit(
        call=call,
        user=user,
        motivation="I can convey what was said.",
        experience="Community organiser.",
        languages=["en", "fr"],
        other_languages="Swahili",
        sector=user.profile.sector,
        country_of_residence="KE",
        gender="woman",
        gender_self_description="",
        lived_migration_experience="yes",
        cv=pdf_upload(),
    )
    close_call(call)
    application = Application.objects.get(user=user)
    rapporteur_services.shortlist_save(call=call, by=selector, application_ids=[application.pk])

    RoundtableRole.objects.create(
        roundtable=RoundtableFactory(review=review), kind=RoleKind.PANELIST, user=user
    )
    Authenticator.objects.create(
        user=user, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    LogEntry.objects.create(
        user=selector,
        content_type=ContentType.objects.get_for_model(Registration),
        object_id=str(past.pk),
        object_repr=str(past),
        action_flag=CHANGE,
        change_message="[]",
    )
    audit_record(
        actor=selector, action=AuditAction.VIEWED_ID_PHOTO, target=past, subject_id=user.pk
    )
    return user


def _mentions(*needles) -> list[tuple[str, str, str]]:
    """Every (model, field, needle) where a text, char, email or JSON column of any model
    of the project, Django and allauth holds one of the needles; sessions decoded."""
    found = []
    for model in apps.get_models():
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField | models.JSONField)
        ]
        if not fields:
            continue
        names = [field.attname for field in fields]
        for row in model._base_manager.values_list(*names):
            for name, value in zip(names, row, strict=True):
                text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
                found += [
                    (model._meta.label, name, needle)
                    for needle in needles
                    if needle.casefold() in text.casefold()
                ]
    for session in DjangoSession.objects.all():
        decoded = json.dumps(session.get_decoded(), ensure_ascii=False)
        found += [("sessions.Session", "session_data", n) for n in needles if n in decoded]
    return found


def _stored_files(settings) -> set[str]:
    roots = [Path(settings.PRIVATE_MEDIA_ROOT), Path(settings.MEDIA_ROOT)]
    return {
        str(path) for root in roots if root.exists() for path in root.rglob("*") if path.is_file()
    }


def _files_of(user, settings) -> set[str]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    names = [
        *AccreditationData.objects.filter(registration__user=user).values_list("photo", flat=True),
        *Application.objects.filter(user=user).values_list("cv", flat=True),
        *StakeholderInput.objects.filter(author=user).values_list("attachment", flat=True),
    ]
    return {str(root / name) for name in names if name}


def test_person_fixture_leaves_the_person_everywhere(person, settings):
    # The control for the test below: the scan finds the person before the deletion.
    found = {(model, needle) for model, _field, needle in _mentions(EMAIL, NAME, ID_NUMBER)}

    assert {
        ("stakeholders.User", EMAIL),
        ("stakeholders.User", NAME),
        ("account.EmailAddress", EMAIL),
        ("outbox.OutgoingMail", EMAIL),
        ("outbox.OutgoingMail", NAME),
        ("consultations.AccreditationData", ID_NUMBER),
        ("roundtables.StakeholderInput", NAME),
        ("admin.LogEntry", NAME),
    } <= found
    assert len(_files_of(person, settings)) == 5


def test_delete_my_account_leaves_no_email_name_id_number_or_file_and_keeps_the_counts(
    client, person, settings, django_capture_on_commit_callbacks
):
    held = Registration.objects.get(user=person, session__status=SessionStatus.HELD).session
    counts_before = session_counts(session=held)
    files = _files_of(person, settings)
    others = _stored_files(settings) - files
    client.force_login(person)
    other_device = client.session.session_key
    client.cookies.pop("sessionid")
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"}
        )

    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert not User.objects.filter(pk=person.pk).exists()
    assert _mentions(EMAIL, NAME, ID_NUMBER) == []
    assert _stored_files(settings) == others
    assert not DjangoSession.objects.filter(session_key=other_device).exists()
    assert session_counts(session=held) == counts_before


def test_delete_my_account_keeps_published_inputs_anonymous_and_withdraws_the_rest(client, person):
    client.force_login(person)

    client.post(reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"})

    kept = StakeholderInput.objects.get()
    assert (
        kept.title,
        kept.author,
        kept.attribution,
        kept.attributed_to,
        kept.attachment.name,
    ) == (
        "Access to services",
        None,
        Attribution.ANONYMOUS,
        "",
        "",
    )


def test_delete_my_account_tells_the_selection_managers_in_their_language(client, person, selector):
    reference = Application.objects.get(user=person).reference
    client.force_login(person)

    client.post(reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"})

    mail = OutgoingMail.objects.get(to=selector.email, subject__contains=reference)
    assert mail.language == "fr"
    assert mail.subject.startswith("« Call for a Rapporteur")
    assert "a supprimé son compte" in mail.subject
    assert "/fr/staff/rapporteur/" in mail.body
    assert Application.objects.count() == 0


def test_delete_my_account_is_kept_in_the_audit_trail_by_number_only(client, person):
    person_id = person.pk
    client.force_login(person)

    client.post(reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"})

    events = AuditEvent.objects.filter(action=AuditAction.DELETED_ACCOUNT).order_by("pk")
    assert [(e.actor_id, e.actor_label, e.subject_id, e.target_type) for e in events] == [
        (None, "", person_id, "roundtables.rapporteurcall"),
        (None, "", person_id, ""),
    ]
    summary = events.last().detail
    assert summary["registrations"] == {
        "registrations": 2,
        "places_given_up": 1,
        "accreditation": 2,
    }
    assert summary["inputs"] == {"withdrawn": 1, "kept_published": 1, "made_anonymous": 1}
    assert summary["rapporteur_applications"] == {"applications": 1, "selections_affected": 1}
    assert summary["roundtable_roles"] == {"roles": 1}
    assert summary["gcm_talk_requests"] == {"gcm_talk_requests": 1}
    assert summary["profile"] == {"organisations": 1}


def test_delete_my_account_signs_out_and_says_so(client, person):
    client.force_login(person)

    response = client.post(
        reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )

    assert "_auth_user_id" not in client.session
    assert "Your account has been deleted, and your personal data with it." in (
        response.content.decode()
    )


def test_delete_my_account_page_explains_what_happens_to_each_part(client, person):
    client.force_login(person)

    response = client.get(reverse("stakeholders:account_delete"))

    html = response.content.decode()
    assert response.status_code == 200
    for sentence in (
        "Your place in 1 session still to come will be cancelled and offered to the next "
        "person on the waitlist.",
        "Your identity document details and photo will be deleted.",
        "1 written input not published will be withdrawn.",
        "1 published input stays published",
        "and the secretariat will be told that you have left the selection.",
        "You will be taken off the panel of 1 roundtable.",
        "1 proposal for a GCM Talk will be deleted",
    ):
        assert sentence in html


def test_delete_my_account_with_a_wrong_password_is_refused_and_deletes_nothing(client, person):
    client.force_login(person)

    response = client.post(
        reverse("stakeholders:account_delete"), {"password": "not-my-password", "confirm": "on"}
    )

    assert response.status_code == 200
    assert "This is not the password of your account." in response.content.decode()
    assert User.objects.filter(pk=person.pk).exists()


def test_delete_my_account_without_the_confirmation_is_refused(client, person):
    client.force_login(person)

    response = client.post(reverse("stakeholders:account_delete"), {"password": PASSWORD})

    assert response.status_code == 200
    assert "Tick the box to confirm that you want to delete your account." in (
        response.content.decode()
    )
    assert User.objects.filter(pk=person.pk).exists()


def test_delete_my_account_refusal_is_translated(client, person):
    client.force_login(person)

    response = client.post(
        "/fr/me/delete/",
        {"password": "not-my-password", "confirm": "on"},
        HTTP_ACCEPT_LANGUAGE="fr",
    )

    assert "Ce n\u2019est pas le mot de passe de votre compte." in response.content.decode()


def test_delete_my_account_is_refused_to_staff(client):
    staff = StaffFactory()
    client.force_login(staff)

    page = client.get(reverse("stakeholders:account_delete"))
    response = client.post(
        reverse("stakeholders:account_delete"), {"password": PASSWORD, "confirm": "on"}
    )

    refusal = "Staff accounts cannot be deleted here: ask the secretariat"
    assert page.status_code == 200
    assert refusal in page.content.decode()
    assert 'name="password"' not in page.content.decode()
    assert response.status_code == 200
    assert refusal in response.content.decode()
    assert User.objects.filter(pk=staff.pk).exists()


def test_account_delete_service_refuses_staff():
    staff = StaffFactory(is_superuser=False)

    with pytest.raises(DomainError) as refused:
        services.account_delete(user=staff)

    assert refused.value.code == "staff"


def test_account_delete_twice_is_refused_with_a_message(person):
    stale = User.objects.get(pk=person.pk)
    services.account_delete(user=person)

    with pytest.raises(DomainError) as refused:
        services.account_delete(user=stale)

    assert (refused.value.code, refused.value.message) == (
        "gone",
        "This account has already been deleted.",
    )


def test_delete_my_account_needs_to_be_signed_in(client):
    response = client.get(reverse("stakeholders:account_delete"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_closing_an_account_in_the_admin_erases_it_the_same_way(client, person, selector):
    held = Registration.objects.get(user=person, session__status=SessionStatus.HELD).session
    counts_before = session_counts(session=held)
    client.force_login(selector)

    response = client.post(
        reverse("admin:stakeholders_user_delete", args=[person.pk]), {"post": "yes"}
    )

    assert response.status_code == 302
    assert _mentions(EMAIL, NAME, ID_NUMBER) == []
    assert session_counts(session=held) == counts_before
    event = AuditEvent.objects.filter(action=AuditAction.DELETED_ACCOUNT, target_type="").get()
    assert (event.actor_label, event.subject_id, event.detail["closed_by_secretariat"]) == (
        selector.email,
        person.pk,
        True,
    )


# --- Download my data ----------------------------------------------------------------------


def _archive(response) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(response.content))


def test_download_my_data_asks_for_the_password_then_sends_the_archive(client, person):
    client.force_login(person)

    asked = client.post(reverse("stakeholders:data_download"))
    response = client.post(
        f"{reverse('account_reauthenticate')}?next={reverse('stakeholders:data_download')}",
        {"password": PASSWORD},
    )

    assert asked.status_code == 302
    assert asked["Location"].startswith(reverse("account_reauthenticate"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="gcm-consultations-my-data-'
    )
    assert "data.json" in _archive(response).namelist()


def test_account_export_holds_every_part_and_the_persons_own_files(person):
    application = Application.objects.get(user=person)
    published = StakeholderInput.objects.get(author=person, publish_consent=True)

    archive = zipfile.ZipFile(io.BytesIO(services.account_export(user=person)))

    data = json.loads(archive.read("data.json"))
    registrations = Registration.objects.filter(user=person).order_by("session__starts_at")
    photos = [f"files/accreditation/registration-{r.pk}.jpg" for r in registrations]
    inputs = StakeholderInput.objects.filter(author=person).order_by("pk")
    assert sorted(archive.namelist()) == sorted(
        [
            "data.json",
            *photos,
            *[f"files/inputs/input-{item.pk}.pdf" for item in inputs],
            f"files/rapporteur/cv-{application.reference}.pdf",
        ]
    )
    assert archive.read(photos[0])[:2] == b"\xff\xd8"
    assert archive.read(f"files/rapporteur/cv-{application.reference}.pdf")[:5] == b"%PDF-"
    assert sorted(data) == [
        "account",
        "directory",
        "emails",
        "feedback",
        "gcm_talk_requests",
        "generated_at",
        "inputs",
        "notice_version",
        "profile",
        "rapporteur_applications",
        "registrations",
        "roundtable_roles",
    ]
    assert (data["account"]["email"], data["account"]["name"]) == (EMAIL, NAME)
    assert data["account"]["second_factors"] == ["totp"]
    assert data["profile"]["organisation"]["name"] == "Migrant Women Network Nairobi"
    assert [r["accreditation"]["id_document_number"] for r in data["registrations"]] == [
        ID_NUMBER,
        ID_NUMBER,
    ]
    assert data["registrations"][1]["accessibility_needs"] == "Step-free access, please."
    assert [i["title"] for i in data["inputs"]] == [published.title, "Draft thoughts"]
    assert data["rapporteur_applications"][0]["reference"] == application.reference
    assert [h["to"] for h in data["rapporteur_applications"][0]["history"]] == [
        ApplicationStatus.SUBMITTED,
        ApplicationStatus.UNDER_ASSESSMENT,
        ApplicationStatus.SHORTLISTED,
    ]
    assert data["gcm_talk_requests"][0]["objectives"] == [5, 6]
    assert data["roundtable_roles"][0]["role"] == RoleKind.PANELIST
    assert {mail["to"] for mail in data["emails"]} == {EMAIL}
    assert "JBSWY3DPEHPK3PXP" not in archive.read("data.json").decode()


def test_account_export_is_kept_in_the_audit_trail(person):
    services.account_export(user=person)

    event = AuditEvent.objects.get(action=AuditAction.DOWNLOADED_OWN_DATA)
    assert (event.actor_id, event.actor_label, event.subject_id, event.detail) == (
        person.pk,
        "",
        person.pk,
        {"files": 5},
    )


def test_account_export_of_a_person_without_profile_or_files():
    user = User.objects.create_user(email="bare@example.org", password="x")

    archive = zipfile.ZipFile(io.BytesIO(services.account_export(user=user)))

    data = json.loads(archive.read("data.json"))
    assert archive.namelist() == ["data.json"]
    assert (data["profile"], data["registrations"], data["inputs"]) == (None, [], [])


def test_account_export_lists_a_file_missing_from_the_storage_without_failing(person):
    photo = AccreditationData.objects.filter(registration__user=person).first().photo
    photo.storage.delete(photo.name)

    archive = zipfile.ZipFile(io.BytesIO(services.account_export(user=person)))

    assert len(archive.namelist()) == 5


def test_download_my_data_answers_405_to_get(client, person):
    client.force_login(person)

    response = client.get(reverse("stakeholders:data_download"))

    assert response.status_code == 405


def test_my_data_page_offers_the_download_and_the_deletion(client, person):
    client.force_login(person)

    response = client.get(reverse("stakeholders:my_data"))

    html = response.content.decode()
    assert response.status_code == 200
    assert f'action="{reverse("stakeholders:data_download")}"' in html
    assert f'href="{reverse("stakeholders:account_delete")}"' in html


def test_my_space_links_to_the_personal_data_pages(client, person):
    client.force_login(person)

    html = client.get(reverse("stakeholders:home")).content.decode()

    assert f'href="{reverse("stakeholders:my_data")}"' in html
    assert f'href="{reverse("stakeholders:account_delete")}"' in html


# --- the personal data notice --------------------------------------------------------------


def test_privacy_notice_prints_the_retention_periods_the_purges_apply(client, settings):
    settings.ACCREDITATION_PURGE_DAYS = 31
    settings.RAPPORTEUR_RETENTION_DAYS = 181
    settings.UNVERIFIED_ACCOUNT_DAYS = 14
    settings.OUTBOX_RETENTION_DAYS = 91
    settings.AUDIT_RETENTION_DAYS = 731

    html = client.get(reverse("stakeholders:privacy")).content.decode()

    assert "deleted 14 days after sign-up" in html
    assert "Deleted 31 days after the session ends" in html
    assert "The CV is deleted 181 days after the selection of the call is confirmed" in html
    assert "Deleted 181 days after the selection of the call is confirmed." in html
    assert "Deleted 91 days after they are sent" in html
    assert "731 days, then deleted." in html


@pytest.mark.parametrize(
    ("language", "heading", "period"),
    [
        ("ar", "ما يُحفظ", "30"),
        ("es", "Qué se conserva", "30 días"),
        ("fr", "Ce qui est conservé", "30 jours"),
        ("ru", "Что хранится", "30 дней"),
        ("zh-hans", "保存哪些数据", "30 天"),
    ],
)
def test_privacy_notice_in_each_language(client, settings, language, heading, period):
    settings.ACCREDITATION_PURGE_DAYS = 30

    response = client.get(f"/{language}/privacy/")

    html = response.content.decode()
    assert response.status_code == 200
    assert heading in html
    assert period in html
