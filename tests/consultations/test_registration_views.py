import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.enums import Mode, RegistrationStatus, SessionFormat
from consultations.models import AccreditationData, GcmTalkRequest, Registration
from core.roles import SESSION_MANAGER
from tests.consultations.conftest import PHOTO, photo_upload
from tests.factories import (
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    StaffFactory,
    UserFactory,
    stakeholder,
)
from tests.support import grant_role

pytestmark = pytest.mark.django_db


def in_person_data(**overrides):
    data = {
        "mode": "in-person",
        "if_full": "waitlist",
        "id_document_number": "X1234567",
        "id_document_expiry": "2035-01-01",
        "nationality": "KE",
        "date_of_birth": "1985-05-17",
        "photo": photo_upload(),
        "accessibility_needs": "Step-free access",
        "wants_to_speak": "on",
    }
    data.update(overrides)
    return data


def test_detail_shows_the_join_link_only_to_confirmed_participants_and_staff(client):
    session = SessionFactory(join_url="https://zoom.example.org/j/secret")
    participant = RegistrationFactory(session=session).user
    waitlisted = RegistrationFactory(session=session, status=RegistrationStatus.WAITLISTED).user

    seen = {}
    for name, user in {
        "anonymous": None,
        "other": stakeholder(),
        "waitlisted": waitlisted,
        "participant": participant,
        "staff without a role": UserFactory(is_staff=True),
        "session manager": grant_role(UserFactory(is_staff=True), SESSION_MANAGER),
        "superuser": StaffFactory(),
    }.items():
        client.logout()
        if user:
            client.force_login(user)
        seen[name] = (
            "zoom.example.org/j/secret" in client.get(session.get_absolute_url()).content.decode()
        )

    assert seen == {
        "anonymous": False,
        "other": False,
        "waitlisted": False,
        "participant": True,
        "staff without a role": False,
        "session manager": True,
        "superuser": True,
    }


def test_register_in_person_through_the_page(client, django_capture_on_commit_callbacks):
    session = SessionFactory()
    user = stakeholder()
    client.force_login(user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consultations:register", args=[session.slug]), in_person_data()
        )

    assert response.status_code == 302
    registration = Registration.objects.get(session=session, user=user)
    assert (registration.mode, registration.status) == (Mode.IN_PERSON, "confirmed")
    assert registration.accessibility_needs == "Step-free access"
    assert registration.wants_to_speak is True
    assert AccreditationData.objects.filter(registration=registration).exists()
    page = client.get(response["Location"]).content.decode()
    assert "You are registered." in page
    assert "You attend in person." in page


def test_register_requires_sign_in(client):
    session = SessionFactory()

    response = client.post(reverse("consultations:register", args=[session.slug]), {})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_register_without_a_profile_asks_for_it_first(client):
    session = SessionFactory()
    client.force_login(UserFactory())

    response = client.post(
        reverse("consultations:register", args=[session.slug]), {"mode": "online"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("stakeholders:profile"))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"mode": "teleport"},
            "Select a valid choice. teleport is not one of the available choices.",
        ),
        ({"mode": "in-person", "photo": ""}, "This is needed to attend in person at UN premises."),
        (
            {"mode": "in-person", "id_document_expiry": "2000-01-01"},
            "The identity document must still be valid on the day of the session.",
        ),
        ({"mode": "in-person", "date_of_birth": "31/31/1990"}, "Enter a valid date."),
        ({"mode": "in-person", "nationality": "ZZ"}, "Select a valid choice."),
    ],
)
def test_register_bad_input_gets_a_clear_message(client, data, message):
    session = SessionFactory()
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]), in_person_data(**data)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Registration.objects.exists()


def test_register_a_renamed_non_image_as_photo_is_refused(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    session = SessionFactory()
    client.force_login(stakeholder())
    fake = SimpleUploadedFile("photo.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")

    response = client.post(
        reverse("consultations:register", args=[session.slug]), in_person_data(photo=fake)
    )

    assert response.status_code == 200
    assert "Upload a valid image." in response.content.decode()


def test_register_online_only_session_rejects_tampered_in_person(client):
    session = SessionFactory(format=SessionFormat.ONLINE)
    client.force_login(stakeholder())

    response = client.post(reverse("consultations:register", args=[session.slug]), in_person_data())

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()


def test_register_twice_shows_a_message(client):
    session = SessionFactory()
    registration = RegistrationFactory(session=session)
    client.force_login(registration.user)

    response = client.post(
        reverse("consultations:register", args=[session.slug]), {"mode": "online"}, follow=True
    )

    assert "You are already registered for this session." in response.content.decode()


def test_register_for_a_closed_session_shows_a_message(client):
    session = SessionFactory(registration_closes_at=timezone.now() - dt.timedelta(hours=1))
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]), {"mode": "online"}, follow=True
    )

    assert "Registration for this session has closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_register_full_session_puts_the_person_on_the_waitlist_with_a_message(client):
    session = SessionFactory(capacity_in_person=0)
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]), in_person_data(), follow=True
    )

    assert "All places were taken: you are number 1 on the waitlist." in response.content.decode()


def test_register_full_session_without_a_choice_explains_both_options(client):
    session = SessionFactory(capacity_in_person=0)
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]),
        in_person_data(if_full="", photo=photo_upload()),
    )

    assert response.status_code == 200
    assert "All in-person seats are taken." in response.content.decode()


def test_cancel_own_registration(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)

    response = client.post(reverse("consultations:cancel", args=[registration.pk]))

    registration.refresh_from_db()
    assert response.status_code == 302
    assert registration.status == RegistrationStatus.CANCELLED


def test_cancel_someone_elses_registration_is_404(client):
    registration = RegistrationFactory()
    client.force_login(stakeholder())

    response = client.post(reverse("consultations:cancel", args=[registration.pk]))

    registration.refresh_from_db()
    assert response.status_code == 404
    assert registration.status == RegistrationStatus.CONFIRMED


def test_change_mode_of_someone_elses_registration_is_404(client):
    registration = RegistrationFactory()
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:change_mode", args=[registration.pk]), {"mode": "in-person"}
    )

    assert response.status_code == 404


def test_change_mode_through_the_page(client):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    client.force_login(registration.user)

    response = client.post(
        reverse("consultations:change_mode", args=[registration.pk]), {"mode": "online"}
    )

    registration.refresh_from_db()
    assert response.status_code == 302
    assert registration.mode == Mode.ONLINE


def test_my_participation_lists_the_whole_cycle_and_only_mine(client):
    user = stakeholder()
    review = ReviewFactory(title="Review A")
    mine = [
        RegistrationFactory(user=user, session=SessionFactory(review=review, title=f"Mine {i}"))
        for i in range(3)
    ]
    RegistrationFactory(session=SessionFactory(review=review, title="Not mine"))
    client.force_login(user)

    html = client.get(reverse("consultations:my_participation")).content.decode()

    assert all(r.session.title in html for r in mine)
    assert "Not mine" not in html


@pytest.mark.parametrize("count", [1, 12])
def test_my_participation_query_count_is_constant(client, django_assert_num_queries, count):
    user, review = stakeholder(), ReviewFactory()
    for _ in range(count):
        RegistrationFactory(user=user, session=SessionFactory(review=review))
    client.force_login(user)

    with django_assert_num_queries(4):
        response = client.get(reverse("consultations:my_participation"))

    assert response.content.decode().count("<tr>") == count + 1


def test_talk_request_is_submitted_and_listed(client):
    review = ReviewFactory()
    user = stakeholder()
    client.force_login(user)

    response = client.post(
        reverse("consultations:talk_request"),
        {
            "review": review.slug,
            "title": "Climate mobility in Central Asia",
            "co_organisers": "Kyrgyz civil society network",
            "objectives": ["2", "5"],
            "proposed_date": (timezone.localdate() + dt.timedelta(days=40)).isoformat(),
            "proposed_format": "online",
            "description": "A peer-learning exchange.",
        },
    )

    assert response.status_code == 302
    request = GcmTalkRequest.objects.get(requested_by=user)
    assert sorted(request.objectives.values_list("number", flat=True)) == [2, 5]
    assert "Climate mobility in Central Asia" in client.get(response["Location"]).content.decode()


def test_talk_request_in_the_past_is_refused(client):
    review = ReviewFactory()
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:talk_request"),
        {
            "review": review.slug,
            "title": "Late",
            "objectives": ["1"],
            "proposed_date": "2020-01-01",
            "proposed_format": "online",
            "description": "x",
        },
    )

    assert response.status_code == 200
    assert "The proposed date is in the past." in response.content.decode()


def test_staff_approve_talk_request_puts_it_on_the_calendar(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail

    talk = GcmTalkRequest.objects.create(
        review=ReviewFactory(),
        requested_by=stakeholder(),
        title="Diaspora bonds",
        proposed_date=timezone.localdate() + dt.timedelta(days=30),
        proposed_format="online",
        description="Exchange",
    )
    client.force_login(StaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("consultations:staff_talk_decide", args=[talk.pk]),
            {
                "decision": "approve",
                "message": "Welcome",
                "starts_at": "2030-05-04T10:00",
                "ends_at": "2030-05-04T12:00",
                "time_zone": "Asia/Almaty",
            },
        )

    talk.refresh_from_db()
    assert response.status_code == 302
    assert talk.status == "approved"
    assert talk.session.kind == "gcm-talk"
    assert talk.session.local_starts_at.hour == 10
    assert str(talk.session.local_starts_at.tzinfo) == "Asia/Almaty"
    assert "Diaspora bonds" in client.get(reverse("consultations:list")).content.decode()
    assert mail.outbox[0].subject.startswith("Your GCM Talk is approved")


def test_staff_talk_decision_end_before_start_is_refused(client):
    talk = GcmTalkRequest.objects.create(
        review=ReviewFactory(),
        requested_by=stakeholder(),
        title="T",
        proposed_date=timezone.localdate(),
        proposed_format="online",
        description="d",
    )
    client.force_login(StaffFactory())

    response = client.post(
        reverse("consultations:staff_talk_decide", args=[talk.pk]),
        {
            "decision": "approve",
            "starts_at": "2030-05-04T12:00",
            "ends_at": "2030-05-04T10:00",
            "time_zone": "Europe/Zurich",
        },
    )

    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()


@pytest.mark.parametrize(
    "name",
    ["staff_timeline", "staff_counts", "staff_check_in", "staff_email", "staff_talk_decide"],
)
def test_staff_pages_are_not_found_for_stakeholders(client, name):
    session = SessionFactory()
    talk = GcmTalkRequest.objects.create(
        review=session.review,
        requested_by=stakeholder(),
        title="T",
        proposed_date=timezone.localdate(),
        proposed_format="online",
        description="d",
    )
    args = {
        "staff_timeline": [session.review.slug],
        "staff_talk_decide": [talk.pk],
    }.get(name, [session.slug])
    client.force_login(stakeholder())

    response = client.get(reverse(f"consultations:{name}", args=args))

    assert response.status_code == 404


def test_staff_check_in_page_checks_a_person_in(client):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    client.force_login(StaffFactory())
    url = reverse("consultations:staff_check_in", args=[registration.session.slug])

    client.post(url, {"registration": registration.pk})
    page = client.get(url, {"q": registration.user.name}).content.decode()

    registration.refresh_from_db()
    assert registration.attendance == "attended"
    assert "Checked in" in page


def test_staff_check_in_with_a_bogus_id_shows_a_message(client):
    session = SessionFactory()
    client.force_login(StaffFactory())

    response = client.post(
        reverse("consultations:staff_check_in", args=[session.slug]),
        {"registration": "abc"},
        follow=True,
    )

    assert "This registration was not found for this session." in response.content.decode()


def test_staff_timeline_warns_about_roadmap_rules(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    client.force_login(StaffFactory())

    html = client.get(reverse("consultations:staff_timeline", args=["unece-2024"])).content.decode()

    assert "1 session does not follow the roadmap rules" in html
    assert "The multi-stakeholder consultation is on 2024-03-11" in html


def test_photo_bytes_are_a_jpeg():
    assert PHOTO[:2] == b"\xff\xd8"


STORAGE_DOWN = "Your file could not be stored just now because of a technical problem"


def test_register_in_person_with_storage_down_keeps_the_typed_text_with_a_message(
    client, broken_storage
):
    session = SessionFactory()
    user = stakeholder()
    client.force_login(user)

    response = client.post(
        reverse("consultations:register", args=[session.slug]),
        in_person_data(accessibility_needs="A sign language interpreter"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert broken_storage.attempts == 1
    assert STORAGE_DOWN in page
    assert "A sign language interpreter" in page
    assert 'value="X1234567"' in page
    assert Registration.objects.filter(session=session).count() == 0
    assert AccreditationData.objects.count() == 0


def test_change_mode_to_in_person_with_storage_down_keeps_online_with_a_message(
    client, broken_storage
):
    registration = RegistrationFactory(mode=Mode.ONLINE)
    client.force_login(registration.user)

    response = client.post(
        reverse("consultations:change_mode", args=[registration.pk]), in_person_data()
    )

    registration.refresh_from_db()
    assert response.status_code == 200
    assert broken_storage.attempts == 1
    assert STORAGE_DOWN in response.content.decode()
    assert registration.mode == Mode.ONLINE
    assert AccreditationData.objects.count() == 0


ACCREDITATION_IDS = (
    "id_id_document_number",
    "id_id_document_expiry",
    "id_nationality",
    "id_date_of_birth",
    "id_photo",
)


def control(html: str, control_id: str) -> str:
    """The opening tag of the form control with this id."""
    start = html.rindex("<", 0, html.index(f'id="{control_id}"'))
    return html[start : html.index(">", start) + 1]


def label(html: str, control_id: str) -> str:
    start = html.index(f'<label for="{control_id}">')
    return html[start : html.index("</label>", start)]


def test_register_form_marks_accreditation_required_before_any_submit(client):
    session = SessionFactory(format=SessionFormat.HYBRID, requires_accreditation=True)
    client.force_login(stakeholder())

    html = client.get(session.get_absolute_url()).content.decode()

    for control_id in ACCREDITATION_IDS:
        assert 'aria-required="true"' in control(html, control_id)
        assert " required" not in control(html, control_id).replace("aria-required", "")
        assert label(html, control_id).endswith(
            '<span class="required" aria-hidden="true">*</span>'
        )
    assert "All five are required to attend in person." in html


def test_register_form_in_person_chosen_makes_accreditation_required(client):
    session = SessionFactory(format=SessionFormat.HYBRID, requires_accreditation=True)
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]), {"mode": "in-person"}
    )

    html = response.content.decode()
    for control_id in ACCREDITATION_IDS:
        assert " required" in control(html, control_id).replace("aria-required", "")


def test_register_form_without_accreditation_marks_nothing_required(client):
    session = SessionFactory(format=SessionFormat.HYBRID, requires_accreditation=False)
    client.force_login(stakeholder())

    html = client.get(session.get_absolute_url()).content.decode()

    assert 'aria-required="true"' not in html
    assert "All five are required" not in html


def test_register_errors_are_summarised_at_the_top_linking_to_each_field(client):
    session = SessionFactory(format=SessionFormat.HYBRID, requires_accreditation=True)
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:register", args=[session.slug]),
        {"mode": "in-person", "id_document_number": "X1234567", "date_of_birth": "31/31/1990"},
    )

    html = response.content.decode()
    summary = html[html.index('<div class="form-errors error-summary" role="alert">') :]
    summary = summary[: summary.index("</div>")]
    assert html.index("error-summary") < html.index('name="mode"')
    assert summary.count("<li>") == 4
    assert '<a href="#id_id_document_expiry">Expiry date of the document: This is needed' in summary
    assert '<a href="#id_nationality">Nationality: This is needed' in summary
    assert '<a href="#id_date_of_birth">Date of birth: Enter a valid date.</a>' in summary
    assert '<a href="#id_photo">Passport-style photo: This is needed' in summary
    for target in ("id_id_document_expiry", "id_nationality", "id_date_of_birth", "id_photo"):
        assert f'id="{target}"' in html


def test_register_error_summary_links_a_radio_group_to_its_first_option(client):
    session = SessionFactory(format=SessionFormat.HYBRID)
    client.force_login(stakeholder())

    response = client.post(reverse("consultations:register", args=[session.slug]), {})

    html = response.content.decode()
    assert '<a href="#id_mode_0">How will you attend?: This field is required.</a>' in html
    assert 'id="id_mode_0"' in html
