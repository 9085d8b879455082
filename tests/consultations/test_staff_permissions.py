"""The five staff pages of consultations ask for a named permission (consultations/rules.py):
staff without the role are refused (403) and nothing happens; a session manager may."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.enums import Attendance, Mode
from consultations.models import GcmTalkRequest
from core.roles import REPORT_EDITOR, SESSION_MANAGER
from outbox.models import OutgoingMail
from tests.factories import RegistrationFactory, ReviewFactory, UserFactory, stakeholder
from tests.support import grant_role

pytestmark = pytest.mark.django_db


def _talk() -> GcmTalkRequest:
    return GcmTalkRequest.objects.create(
        review=ReviewFactory(),
        requested_by=stakeholder(),
        title="Diaspora bonds",
        proposed_date=timezone.localdate() + dt.timedelta(days=30),
        proposed_format="online",
        description="Exchange",
    )


@pytest.fixture(params=["no role", "another role"])
def unentitled_staff(request):
    """Staff who passed the second factor but hold no role, or a role that is not about
    sessions."""
    user = UserFactory(is_staff=True)
    if request.param == "another role":
        grant_role(user, REPORT_EDITOR)
    return user


@pytest.fixture
def session_manager():
    return grant_role(UserFactory(is_staff=True), SESSION_MANAGER)


def test_staff_without_the_role_cannot_check_a_person_in(client, unentitled_staff):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    client.force_login(unentitled_staff)

    response = client.post(
        reverse("consultations:staff_check_in", args=[registration.session.slug]),
        {"registration": registration.pk},
    )

    registration.refresh_from_db()
    assert response.status_code == 403
    assert "Your account does not have the permission this page needs." in (
        response.content.decode()
    )
    assert registration.attendance != Attendance.ATTENDED
    assert registration.checked_in_at is None


def test_session_manager_checks_a_person_in(client, session_manager):
    registration = RegistrationFactory(mode=Mode.IN_PERSON)
    client.force_login(session_manager)

    response = client.post(
        reverse("consultations:staff_check_in", args=[registration.session.slug]),
        {"registration": registration.pk},
    )

    registration.refresh_from_db()
    assert response.status_code == 302
    assert registration.attendance == Attendance.ATTENDED


def test_staff_without_the_role_cannot_email_participants(client, unentitled_staff):
    registration = RegistrationFactory()
    client.force_login(unentitled_staff)

    response = client.post(
        reverse("consultations:staff_email", args=[registration.session.slug]),
        {"subject": "Hello", "message": "Everyone"},
    )

    assert response.status_code == 403
    assert OutgoingMail.objects.filter(subject__contains="Hello").count() == 0


def test_session_manager_emails_participants(client, session_manager):
    registration = RegistrationFactory()
    client.force_login(session_manager)

    response = client.post(
        reverse("consultations:staff_email", args=[registration.session.slug]),
        {"subject": "Hello", "message": "Everyone"},
    )

    assert response.status_code == 302
    assert list(
        OutgoingMail.objects.filter(subject__contains="Hello").values_list("to", flat=True)
    ) == [registration.user.email]


def test_staff_without_the_role_cannot_decline_a_talk(client, unentitled_staff):
    talk = _talk()
    client.force_login(unentitled_staff)

    response = client.post(
        reverse("consultations:staff_talk_decide", args=[talk.pk]),
        {"decision": "decline", "message": "No", "time_zone": "Europe/Zurich"},
    )

    talk.refresh_from_db()
    assert response.status_code == 403
    assert talk.status == "pending"


def test_session_manager_declines_a_talk(client, session_manager):
    talk = _talk()
    client.force_login(session_manager)

    response = client.post(
        reverse("consultations:staff_talk_decide", args=[talk.pk]),
        {"decision": "decline", "message": "No", "time_zone": "Europe/Zurich"},
    )

    talk.refresh_from_db()
    assert response.status_code == 302
    assert talk.status == "declined"
    assert talk.decided_by == session_manager


@pytest.mark.parametrize("name", ["staff_counts", "staff_timeline"])
def test_counts_and_timeline_need_the_role(client, unentitled_staff, session_manager, name):
    registration = RegistrationFactory()
    session = registration.session
    args = [session.review.slug] if name == "staff_timeline" else [session.slug]
    url = reverse(f"consultations:{name}", args=args)

    client.force_login(unentitled_staff)
    refused = client.get(url).status_code
    client.force_login(session_manager)
    allowed = client.get(url).status_code

    assert (refused, allowed) == (403, 200)


def test_group_membership_without_a_staff_account_opens_nothing(client):
    """A role is held by staff only: a stakeholder put in the group gets 404."""
    person = grant_role(stakeholder(), SESSION_MANAGER)
    registration = RegistrationFactory()
    client.force_login(person)

    response = client.get(reverse("consultations:staff_check_in", args=[registration.session.slug]))

    assert response.status_code == 404


def test_registration_admin_actions_follow_the_same_permissions(rf):
    from django.contrib.admin.sites import site
    from django.contrib.auth.models import Permission

    from consultations.models import Registration

    model_admin = site._registry[Registration]
    without_role = UserFactory(is_staff=True)
    without_role.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_registration", "change_registration"])
    )
    request = rf.get("/admin/consultations/registration/")

    request.user = without_role
    refused = set(model_admin.get_actions(request))
    request.user = grant_role(UserFactory(is_staff=True), SESSION_MANAGER)
    allowed = set(model_admin.get_actions(request))

    staff_actions = {
        "export_csv",
        "export_xlsx",
        "mark_attended",
        "mark_no_show",
        "promote_from_waitlist",
        "email_participants",
    }
    assert refused & staff_actions == set()
    assert allowed & staff_actions == staff_actions
