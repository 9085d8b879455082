import csv
import io

import pytest
from django.urls import reverse
from django.utils import translation

from consultations.enums import Attendance, Mode, RegistrationStatus
from consultations.models import Registration
from gcm.models import MemberState, Sector
from outreach.enums import CampaignStatus, ContactBasis
from outreach.models import Campaign, Contact, Invitation
from roundtables.enums import InputStatus
from stakeholders.models import Profile, User
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    InputFactory,
    RoundtableFactory,
)

pytestmark = pytest.mark.django_db

CHART_KEYS = [
    "mode",
    "weeks",
    "sector",
    "subregion",
    "gender",
    "migrant-led",
    "attendance",
    "inputs-objective",
    "inputs-cluster",
    "rapporteur-gender",
    "rapporteur-subregion",
    "rapporteur-sector",
]
# The same on SQLite and PostgreSQL: the dashboard paginates nothing (no estimate query).
DASHBOARD_QUERIES = 24


def _registrations(session, count):
    for n in range(count):
        RegistrationFactory(
            session=session,
            mode=Mode.ONLINE if n % 2 else Mode.IN_PERSON,
            attendance=Attendance.ATTENDED if n % 3 == 0 else Attendance.UNKNOWN,
        )


def _inputs_and_applications(review):
    """Two clusters (objectives 1-2 and 3), four inputs of which three are accepted, and a
    Rapporteur call with three applications."""
    RoundtableFactory(review=review, number=1, objectives=[1, 2])
    RoundtableFactory(review=review, number=2, objectives=[3])
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[1, 3])
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[1])
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[5])
    InputFactory(review=review, status=InputStatus.SUBMITTED, objectives=[2])
    call = CallFactory(review=review)
    academia = Sector.objects.get(code="academia")
    ApplicationFactory(call=call, gender="woman", country_of_residence="CH")
    ApplicationFactory(call=call, gender="man", country_of_residence="CH", sector=academia)
    ApplicationFactory(call=call, gender="", country_of_residence="BR", sector=academia)
    return call


def _bars(chart) -> list[tuple[str, int]]:
    return [(bar.label, bar.value) for bar in chart.bars]


def test_dashboard_shows_every_chart_with_its_numbers(client):
    session = SessionFactory()
    _registrations(session, 4)
    RegistrationFactory(session=session, status=RegistrationStatus.CANCELLED)
    Campaign.objects.create(review=session.review, name="Invite", subject="s", message="m")
    call = _inputs_and_applications(session.review)
    client.force_login(StaffFactory())

    response = client.get(reverse("reports:dashboard", args=[session.review.slug]))

    charts = {chart.key: chart for chart in response.context["charts"]}
    assert list(charts) == CHART_KEYS
    assert [(bar.label, bar.value) for bar in charts["mode"].bars] == [
        ("In person", 2),
        ("Online", 2),
    ]
    assert [(bar.label, bar.value) for bar in charts["sector"].bars] == [("Civil society", 4)]
    assert [(bar.label, bar.value) for bar in charts["attendance"].bars] == [(session.title, 2)]
    switzerland = MemberState.objects.get(region=session.review.region, country="CH")
    assert [(bar.label, bar.value) for bar in charts["subregion"].bars] == [
        (switzerland.subregion.name, 4)
    ]
    assert response.context["total"] == 4
    objectives = [(label.split(".")[0], n) for label, n in _bars(charts["inputs-objective"])]
    assert objectives == [
        (str(number), {1: 2, 3: 1, 5: 1}.get(number, 0)) for number in range(1, 24)
    ]
    assert _bars(charts["inputs-objective"])[0][0] == (
        "1. Collect and utilize accurate and disaggregated data as a basis for evidence-based "
        "policies"
    )
    assert _bars(charts["inputs-cluster"]) == [
        ("Roundtable 1", 2),
        ("Roundtable 2", 1),
        ("No roundtable", 1),
    ]
    assert _bars(charts["rapporteur-gender"]) == [("Woman", 1), ("Man", 1), ("Not stated", 1)]
    assert _bars(charts["rapporteur-subregion"]) == [
        (switzerland.subregion.name, 2),
        ("Outside the region", 1),
    ]
    # Sectors in the order of GCM paragraph 44.
    assert _bars(charts["rapporteur-sector"]) == [("Civil society", 1), ("Academia", 2)]
    assert charts["rapporteur-sector"].note == f"Applications to “{call.title}”."
    html = response.content.decode()
    assert "<svg" in html
    assert html.count('<figure class="chart') == len(CHART_KEYS)
    assert 'href="?csv=rapporteur-sector"' in html


def test_dashboard_input_counts_are_those_of_the_inputs_analysis_paper(client):
    from reports.builders.inputs import build_inputs

    session = SessionFactory()
    _inputs_and_applications(session.review)
    client.force_login(StaffFactory())

    response = client.get(reverse("reports:dashboard", args=[session.review.slug]))
    with translation.override("en"):
        paper = build_inputs(review=session.review, language="en")

    charts = {chart.key: chart for chart in response.context["charts"]}
    assert [n for _label, n in _bars(charts["inputs-objective"])] == [
        bar.value for bar in paper.by_objective.chart.bars
    ]
    assert _bars(charts["inputs-cluster"]) == _bars(paper.by_cluster)


def test_dashboard_rapporteur_pool_is_the_selection_pages_pool(client):
    call = _inputs_and_applications(SessionFactory().review)
    client.force_login(StaffFactory())

    dashboard = client.get(reverse("reports:dashboard", args=[call.review.slug]))
    selection = client.get(reverse("roundtables:selection", args=[call.slug]))

    charts = {chart.key: chart for chart in dashboard.context["charts"]}
    pool = {
        dimension["name"]: [(row.label, row.pool.count) for row in dimension["rows"]]
        for dimension in selection.context["balance"]
    }
    for name in ("gender", "subregion", "sector"):
        assert _bars(charts[f"rapporteur-{name}"]) == pool[name]


def test_dashboard_of_a_review_without_anything_yet_draws_only_zeros(client):
    session = SessionFactory()
    client.force_login(StaffFactory())

    response = client.get(reverse("reports:dashboard", args=[session.review.slug]))

    charts = {chart.key: chart for chart in response.context["charts"]}
    drawn = {key: {bar.value for bar in chart.bars} for key, chart in charts.items() if chart}
    # The rows that exist before anything happens: the two kinds of organisation, the
    # session and the 23 objectives, all at zero.
    assert drawn == {"migrant-led": {0}, "attendance": {0}, "inputs-objective": {0}}
    assert "—" in response.content.decode()


def test_dashboard_chart_downloads_as_csv(client):
    session = SessionFactory()
    _registrations(session, 2)
    client.force_login(StaffFactory())

    response = client.get(reverse("reports:dashboard", args=[session.review.slug]) + "?csv=mode")

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Registrations by mode of attendance", "registrations"],
        ["In person", "1"],
        ["Online", "1"],
    ]


def test_dashboard_rapporteur_pool_downloads_as_csv(client):
    call = _inputs_and_applications(SessionFactory().review)
    client.force_login(StaffFactory())

    response = client.get(
        reverse("reports:dashboard", args=[call.review.slug]) + "?csv=rapporteur-gender"
    )

    assert response["Content-Disposition"] == (
        f'attachment; filename="{call.review.slug}-rapporteur-gender.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        ["Rapporteur pool by gender", "applications"],
        ["Woman", "1"],
        ["Man", "1"],
        ["Not stated", "1"],
    ]


def test_dashboard_unknown_chart_answers_404(client):
    session = SessionFactory()
    client.force_login(StaffFactory())

    url = reverse("reports:dashboard", args=[session.review.slug]) + "?csv=nothing"

    assert client.get(url).status_code == 404


def test_dashboard_answers_404_to_stakeholders(client):
    session = SessionFactory()
    client.force_login(stakeholder())

    assert client.get(reverse("reports:dashboard", args=[session.review.slug])).status_code == 404


GENDERS = ["woman", "man", ""]
COUNTRIES = ["CH", "FR", "BR"]


def _crowd(session, count: int) -> None:
    """`count` stakeholders registered for the session, in three bulk inserts (users,
    profiles, registrations): every tenth cancelled, every third attended, modes, sectors,
    genders and countries mixed."""
    sectors = list(Sector.objects.order_by("position")[:4])
    users = User.objects.bulk_create(
        [
            User(email=f"crowd-{session.pk}-{n}@example.org", name=f"Crowd {n}", password="!")
            for n in range(count)
        ],
        batch_size=2000,
    )
    Profile.objects.bulk_create(
        [
            Profile(
                user=user,
                sector=sectors[n % len(sectors)],
                country=COUNTRIES[n % 3],
                gender=GENDERS[n % 3],
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )
    Registration.objects.bulk_create(
        [
            Registration(
                session=session,
                user=user,
                mode=Mode.ONLINE if n % 2 else Mode.IN_PERSON,
                status=RegistrationStatus.CANCELLED
                if n % 10 == 0
                else RegistrationStatus.CONFIRMED,
                attendance=Attendance.ATTENDED if n % 3 == 0 else Attendance.UNKNOWN,
            )
            for n, user in enumerate(users)
        ],
        batch_size=2000,
    )


def _campaigns(session) -> None:
    """Three campaigns of the review: two sent (to the session, to the review) that
    invited the first crowd addresses, and a draft."""
    contacts = Contact.objects.bulk_create(
        [
            Contact(email=f"crowd-{session.pk}-{n}@example.org", basis=ContactBasis.CONSENT)
            for n in range(6)
        ]
    )
    for name, target in (("To the session", session), ("To the review", None)):
        campaign = Campaign.objects.create(
            review=session.review,
            session=target,
            name=name,
            subject="s",
            message="m",
            status=CampaignStatus.SENT,
        )
        Invitation.objects.bulk_create(
            Invitation(campaign=campaign, contact=contact, language="en") for contact in contacts
        )
    Campaign.objects.create(review=session.review, name="Draft", subject="s", message="m")


@pytest.mark.parametrize("count", [100, 10_000])
def test_dashboard_query_count_is_the_same_with_100_and_10000_registrations(
    client, django_assert_num_queries, count
):
    session = SessionFactory()
    _crowd(session, count)
    _campaigns(session)
    _inputs_and_applications(session.review)
    client.force_login(StaffFactory())

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("reports:dashboard", args=[session.review.slug]))

    charts = response.context["charts"]
    assert [chart.key for chart in charts if not chart] == []
    assert response.context["total"] == count - count // 10
    # Of the six invited, crowd 0 cancelled; crowd 1-5 hold a registration for the session.
    assert [
        (campaign.name, row.invited, row.signed_up, row.registered)
        for campaign, row in response.context["campaigns"]
    ] == [("To the session", 6, 6, 5), ("To the review", 6, 6, 5), ("Draft", 0, 0, 0)]


@pytest.mark.parametrize(
    ("slug", "empty"),
    [
        # The history's call: who applied in 2023 is not public, so its pool is empty.
        ("unece-2024", ["rapporteur-gender", "rapporteur-subregion", "rapporteur-sector"]),
        ("escap-example-next-round", []),
    ],
)
def test_dashboard_of_the_demo_reviews_draws_their_charts_in_the_same_queries(
    client, demo, django_assert_num_queries, slug, empty
):
    client.force_login(StaffFactory())

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("reports:dashboard", args=[slug]))

    charts = response.context["charts"]
    assert [chart.key for chart in charts if not chart] == empty
    assert response.context["total"] == sum(bar.value for bar in charts[0].bars)
    assert response.content.decode().count('<figure class="chart') == len(charts) - len(empty)
