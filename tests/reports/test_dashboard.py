import csv
import io

import pytest
from django.urls import reverse

from consultations.enums import Attendance, Mode, RegistrationStatus
from gcm.models import MemberState
from outreach.models import Campaign
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory, stakeholder

pytestmark = pytest.mark.django_db


def _registrations(session, count):
    for n in range(count):
        RegistrationFactory(
            session=session,
            mode=Mode.ONLINE if n % 2 else Mode.IN_PERSON,
            attendance=Attendance.ATTENDED if n % 3 == 0 else Attendance.UNKNOWN,
        )


def test_dashboard_shows_every_chart_with_its_numbers(client):
    session = SessionFactory()
    _registrations(session, 4)
    RegistrationFactory(session=session, status=RegistrationStatus.CANCELLED)
    Campaign.objects.create(review=session.review, name="Invite", subject="s", message="m")
    client.force_login(StaffFactory())

    response = client.get(reverse("reports:dashboard", args=[session.review.slug]))

    charts = {chart.key: chart for chart in response.context["charts"]}
    assert list(charts) == [
        "mode",
        "weeks",
        "sector",
        "subregion",
        "gender",
        "migrant-led",
        "attendance",
    ]
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
    assert "<svg" in response.content.decode()


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


def test_dashboard_unknown_chart_answers_404(client):
    session = SessionFactory()
    client.force_login(StaffFactory())

    url = reverse("reports:dashboard", args=[session.review.slug]) + "?csv=nothing"

    assert client.get(url).status_code == 404


def test_dashboard_answers_404_to_stakeholders(client):
    session = SessionFactory()
    client.force_login(stakeholder())

    assert client.get(reverse("reports:dashboard", args=[session.review.slug])).status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_dashboard_query_count_does_not_grow_with_registrations(
    client, django_assert_num_queries, count
):
    session = SessionFactory()
    _registrations(session, count)
    client.force_login(StaffFactory())

    with django_assert_num_queries(15):
        response = client.get(reverse("reports:dashboard", args=[session.review.slug]))

    assert response.status_code == 200


def test_dashboard_of_the_demo_review_draws_every_chart_in_the_same_queries(
    client, demo_review, django_assert_num_queries
):
    client.force_login(StaffFactory())

    with django_assert_num_queries(15):
        response = client.get(reverse("reports:dashboard", args=[demo_review.slug]))

    charts = response.context["charts"]
    assert [chart.key for chart in charts if not chart] == []
    assert response.context["total"] == sum(bar.value for bar in charts[0].bars)
    assert response.content.decode().count('<figure class="chart') == len(charts)
