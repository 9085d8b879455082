import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from gcm.models import Region, Sector
from roundtables.models import Roundtable, RoundtableRole
from tests.factories import ReviewFactory, StaffFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    InputFactory,
    RoleFactory,
    RoundtableFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def roundtable():
    return RoundtableFactory(objectives=[2, 5])


def inline_data(roundtable, roles):
    data = {
        "review": roundtable.review.pk,
        "number": roundtable.number,
        "title_en": roundtable.title,
        "objectives": [o.pk for o in roundtable.objectives.all()],
        "roles-TOTAL_FORMS": str(len(roles)),
        "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0",
        "roles-MAX_NUM_FORMS": "1000",
    }
    for index, role in enumerate(roles):
        defaults = {"position": "0", "user": "", "name": "", "title": "", "affiliation": ""}
        for key, value in {**defaults, **role}.items():
            data[f"roles-{index}-{key}"] = value
    return data


def test_index_shows_member_state_speaker_moderator_and_panelist(client, roundtable):
    moderator = stakeholder(user__name="Lena Moderator", organisation__name="Diaspora Forum")
    RoleFactory(
        roundtable=roundtable,
        kind="member-state",
        name="H.E. Jane Doe",
        title="Ambassador",
        affiliation="",
        country="CH",
    )
    RoleFactory(roundtable=roundtable, kind="moderator", user=moderator, name="", affiliation="")
    RoleFactory(roundtable=roundtable, kind="panelist", name="Ali Panel", affiliation="Union")

    response = client.get(reverse("roundtables:index"), {"review": roundtable.review.slug})

    html = response.content.decode()
    assert "<strong>Member State speaker:</strong> H.E. Jane Doe, Ambassador — Switzerland" in html
    assert "<strong>Moderator:</strong> Lena Moderator (Diaspora Forum)" in html
    assert "<strong>Panelist:</strong> Ali Panel (Union)" in html
    assert moderator.email not in html


@pytest.mark.parametrize("count", [1, 5])
def test_index_constant_queries(client, django_assert_num_queries, count):
    review = RoundtableFactory(number=1).review
    for number in range(2, count + 1):
        roundtable = RoundtableFactory(review=review, number=number, objectives=[number])
        RoleFactory(roundtable=roundtable, user=stakeholder())

    # reviews, roundtables, objectives, roles, sessions, all objectives (coverage)
    with django_assert_num_queries(6):
        response = client.get(reverse("roundtables:index"))

    assert len(response.context["roundtables"]) == count


def test_admin_second_member_state_speaker_is_refused(client, roundtable):
    client.force_login(StaffFactory())
    speaker = {"kind": "member-state", "name": "A", "country": "CH"}

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(roundtable, [speaker, {**speaker, "name": "B", "country": "FR"}]),
    )

    assert response.status_code == 200
    assert "A roundtable is opened by one Member State speaker." in response.content.decode()
    assert RoundtableRole.objects.count() == 0


def test_admin_member_state_speaker_outside_the_region_is_refused(client, roundtable):
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(roundtable, [{"kind": "member-state", "name": "A", "country": "BR"}]),
    )

    assert "This country is not a member State of the review&#x27;s region." in (
        response.content.decode()
    )
    assert RoundtableRole.objects.count() == 0


def test_admin_panelist_without_account_or_affiliation_is_refused(client, roundtable):
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(roundtable, [{"kind": "panelist", "name": "Ali"}]),
    )

    assert "Give the affiliation of a moderator or panelist who has no account." in (
        response.content.decode()
    )


def test_admin_saves_valid_roles(client, roundtable):
    client.force_login(StaffFactory())
    moderator = stakeholder()

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(
            roundtable,
            [
                {"kind": "member-state", "name": "H.E. A", "country": "KZ"},
                {"kind": "moderator", "user": str(moderator.pk)},
                {"kind": "panelist", "name": "Ali", "affiliation": "Union"},
            ],
        ),
    )

    assert response.status_code == 302
    assert sorted(RoundtableRole.objects.values_list("kind", flat=True)) == [
        "member-state",
        "moderator",
        "panelist",
    ]


def test_admin_change_page_shows_the_panel_balance(client, roundtable):
    academia = Sector.objects.get(code="academia")
    RoleFactory(roundtable=roundtable, gender="woman", country="FR", sector=academia)
    RoleFactory(roundtable=roundtable, gender="man", country="KZ", sector=academia)
    # A linked stakeholder: gender, country and sector come from the profile.
    linked = stakeholder(gender="woman", country="US")
    RoleFactory(roundtable=roundtable, user=linked, name="", affiliation="")
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]))

    html = response.content.decode()
    assert "3 people on the panel" in html
    assert '<tr><th scope="row">Woman</th><td>2</td><td>67%</td></tr>' in html
    assert '<tr><th scope="row">Man</th><td>1</td><td>33%</td></tr>' in html
    assert '<tr><th scope="row">Central Asia</th><td>1</td><td>33%</td></tr>' in html
    assert '<tr><th scope="row">Civil society</th><td>1</td><td>33%</td></tr>' in html


def test_admin_panel_balance_counts_the_member_state_speaker_apart(client, roundtable):
    RoleFactory(roundtable=roundtable, kind="member-state", country="CH", affiliation="")
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]))

    html = response.content.decode()
    assert '<tr><th scope="row">Member State</th><td>1</td><td>100%</td></tr>' in html
    assert '<tr><th scope="row">Other European States</th><td>1</td><td>100%</td></tr>' in html


def test_admin_changelist_shows_objective_21_uncovered_in_the_demo(client):
    call_command("load_demo", verbosity=0)
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:roundtables_roundtable_changelist"))

    html = response.content.decode()
    assert response.status_code == 200
    uncovered = html.split("Covered by no roundtable:")[1].split("</p>")[0]
    assert "<strong>21</strong>" in uncovered
    assert uncovered.count("<strong>") == 1
    # The UNECE history's four and the ESCAP example's four, which cover every objective.
    assert Roundtable.objects.count() == 8


@pytest.mark.parametrize(
    "name",
    [
        "admin:roundtables_rapporteurcall_changelist",
        "admin:roundtables_application_changelist",
        "admin:roundtables_stakeholderinput_changelist",
        "admin:roundtables_roundtable_changelist",
    ],
)
def test_admin_changelists_render(client, name):
    ApplicationFactory()
    InputFactory()
    CallFactory()
    client.force_login(StaffFactory())

    response = client.get(reverse(name))

    assert response.status_code == 200


def test_admin_application_change_page_links_the_cv_and_history(client):
    application = ApplicationFactory(cv_original_name="cv.pdf")
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:roundtables_application_change", args=[application.pk]))

    assert reverse("roundtables:cv", kwargs={"pk": application.pk}) in response.content.decode()


def test_admin_start_assessment_action_reports_refusal(client):
    call = CallFactory()
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_rapporteurcall_changelist"),
        {"action": "start_assessment", "_selected_action": [call.pk]},
        follow=True,
    )

    assert "The assessment starts after the deadline" in response.content.decode()


# A member State of each commission, and a country that is not a member of it.
SPEAKER_REGIONS = [
    ("africa", "NG", "FR"),
    ("unece", "CH", "BR"),
    ("lac", "MX", "CH"),
    ("asia-pacific", "TH", "BR"),
    ("arab", "LB", "KE"),
]


def _roundtable_in(region: str):
    return RoundtableFactory(review=ReviewFactory(region=Region.objects.get(code=region)))


@pytest.mark.parametrize(("region", "member", "_outsider"), SPEAKER_REGIONS)
def test_admin_member_state_speaker_of_the_reviews_region_is_saved(
    client, region, member, _outsider
):
    roundtable = _roundtable_in(region)
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(roundtable, [{"kind": "member-state", "name": "H.E. A", "country": member}]),
    )

    assert response.status_code == 302
    assert list(RoundtableRole.objects.values_list("country", flat=True)) == [member]


@pytest.mark.parametrize(("region", "_member", "outsider"), SPEAKER_REGIONS)
def test_admin_member_state_speaker_from_another_region_is_refused(
    client, region, _member, outsider
):
    roundtable = _roundtable_in(region)
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_roundtable_change", args=[roundtable.pk]),
        inline_data(roundtable, [{"kind": "member-state", "name": "H.E. A", "country": outsider}]),
    )

    assert "This country is not a member State of the review&#x27;s region." in (
        response.content.decode()
    )
    assert RoundtableRole.objects.count() == 0


@pytest.mark.parametrize(("region", "territory"), [("lac", "PR"), ("asia-pacific", "HK")])
def test_role_associate_member_does_not_open_a_roundtable_but_may_sit_on_the_panel(
    region, territory
):
    roundtable = _roundtable_in(region)
    speaker = RoleFactory.build(roundtable=roundtable, kind="member-state", country=territory)
    panelist = RoleFactory.build(roundtable=roundtable, kind="panelist", country=territory)

    with pytest.raises(ValidationError) as caught:
        speaker.clean()
    panelist.clean()

    assert caught.value.message_dict == {
        "country": [
            "An associate member of the commission is not a State: a roundtable is opened "
            "by a member State of the review's region."
        ]
    }


def test_role_clean_reads_the_memberships_only_for_the_member_state_speaker(
    django_assert_num_queries,
):
    roundtable = _roundtable_in("asia-pacific")
    panelists = [RoleFactory.build(roundtable=roundtable, country="KZ") for _ in range(5)]
    speaker = RoleFactory.build(roundtable=roundtable, kind="member-state", country="KZ")

    with django_assert_num_queries(0):
        for panelist in panelists:
            panelist.clean()
    with django_assert_num_queries(1):
        speaker.clean()
