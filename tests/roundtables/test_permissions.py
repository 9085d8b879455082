"""Every route of the roundtables app against every role: what each may open. Someone
else's object answers 404, a staff page of a role one does not hold 403 (404 for a
stakeholder), and anonymous people are sent to sign in where signing in could help."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from core.roles import INPUTS_MODERATOR
from roundtables.enums import ApplicationStatus
from tests.factories import ReviewFactory, StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import ApplicationFactory, CallFactory, InputFactory, close_call
from tests.roundtables.conftest import assessor_for
from tests.support import grant_role

pytestmark = pytest.mark.django_db

LOGIN = "login"
ROLES = ("anonymous", "stakeholder", "owner", "staff", "assessor", "moderator", "selector")


@pytest.fixture
def world():
    review = ReviewFactory(inputs_deadline=timezone.now() + dt.timedelta(days=5))
    call = close_call(CallFactory(review=review))
    owner = stakeholder()
    application = ApplicationFactory(
        call=call, user=owner, status=ApplicationStatus.UNDER_ASSESSMENT
    )
    own_input = InputFactory(review=review, author=owner)
    moderator = grant_role(UserFactory(is_staff=True), INPUTS_MODERATOR)
    users = {
        "anonymous": None,
        "stakeholder": stakeholder(),
        "owner": owner,
        "staff": UserFactory(is_staff=True),
        "assessor": assessor_for(call),
        "moderator": moderator,
        "selector": StaffFactory(),
    }
    return {"call": call, "application": application, "input": own_input, "users": users}


def routes(world):
    slug = world["call"].slug
    app = world["application"].pk
    item = world["input"].pk
    return {
        # name: (url, {role: expected})
        "index": (reverse("roundtables:index"), {}),
        "inputs": (reverse("roundtables:inputs"), {}),
        "calls": (reverse("roundtables:calls"), {}),
        "call": (reverse("roundtables:call", kwargs={"slug": slug}), {}),
        "input_new": (
            reverse("roundtables:input_new"),
            {"anonymous": LOGIN, "staff": 302, "assessor": 302, "moderator": 302, "selector": 302},
        ),
        "my_inputs": (
            reverse("roundtables:my_inputs"),
            {"anonymous": LOGIN, "staff": 302, "assessor": 302, "moderator": 302, "selector": 302},
        ),
        "my_applications": (
            reverse("roundtables:my_applications"),
            {"anonymous": LOGIN, "staff": 302, "assessor": 302, "moderator": 302, "selector": 302},
        ),
        "input_edit": (
            reverse("roundtables:input_edit", kwargs={"pk": item}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 200, "staff": 302, "assessor": 302,
             "moderator": 302, "selector": 302},
        ),
        "input_attachment": (
            reverse("roundtables:input_attachment", kwargs={"pk": item}),
            # No attachment on file: those allowed reach a 404 from the file itself.
            dict.fromkeys(ROLES, 404),
        ),
        "cv": (
            reverse("roundtables:cv", kwargs={"pk": app}),
            {"anonymous": 404, "stakeholder": 404, "owner": 200, "staff": 404, "assessor": 200,
             "moderator": 404, "selector": 200},
        ),
        "staff_home": (
            reverse("roundtables:staff_home"),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 200,
             "moderator": 200, "selector": 200},
        ),
        "moderation": (
            reverse("roundtables:moderation"),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 403,
             "moderator": 200, "selector": 200},
        ),
        "moderate": (
            reverse("roundtables:moderate", kwargs={"pk": item}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 403,
             "moderator": 200, "selector": 200},
        ),
        "analysis": (
            reverse("roundtables:analysis"),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 403,
             "moderator": 200, "selector": 200},
        ),
        "assessment_list": (
            reverse("roundtables:assessment_list", kwargs={"slug": slug}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 200,
             "moderator": 403, "selector": 404},
        ),
        "assess": (
            reverse("roundtables:assess", kwargs={"slug": slug, "pk": app}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 200,
             "moderator": 403, "selector": 404},
        ),
        "selection": (
            reverse("roundtables:selection", kwargs={"slug": slug}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 403,
             "moderator": 403, "selector": 200},
        ),
        "export": (
            reverse("roundtables:export", kwargs={"slug": slug, "fmt": "xlsx"}),
            {"anonymous": LOGIN, "stakeholder": 404, "owner": 404, "staff": 403, "assessor": 403,
             "moderator": 403, "selector": 200},
        ),
    }  # fmt: skip


def test_every_route_for_every_role(client, world):
    outcomes = {}
    expected = {}
    for name, (url, rules) in routes(world).items():
        for role in ROLES:
            user = world["users"][role]
            client.logout()
            if user is not None:
                client.force_login(user)
            response = client.get(url)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            status = response.status_code
            if status == 302 and response["Location"].startswith(reverse("account_login")):
                status = LOGIN
            outcomes[(name, role)] = status
            expected[(name, role)] = rules.get(role, 200)

    assert outcomes == expected
