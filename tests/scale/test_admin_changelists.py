"""The big tables' changelists cost the same number of queries with few and many rows,
and their filters take their choices from reference data, not from the rows."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from consultations.enums import Mode, RegistrationStatus
from tests.factories import (
    OrganisationFactory,
    ProfileFactory,
    RegistrationFactory,
    SessionFactory,
    StaffFactory,
)
from tests.factories.roundtables import ApplicationFactory, CallFactory, InputFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(StaffFactory(is_superuser=True))
    return client


def _registrations(rows):
    session = SessionFactory(capacity_in_person=None)
    countries = ("CH", "FR", "KZ", "US", "DE", "BR")
    for n in range(rows):
        profile = ProfileFactory(country=countries[n % len(countries)])
        RegistrationFactory(
            session=session,
            user=profile.user,
            mode=Mode.ONLINE,
            status=RegistrationStatus.CONFIRMED,
        )


def _profiles(rows):
    ProfileFactory.create_batch(rows)


def _organisations(rows):
    OrganisationFactory.create_batch(rows)


def _inputs(rows):
    InputFactory.create_batch(rows)


def _applications(rows):
    call = CallFactory()
    ApplicationFactory.create_batch(rows, call=call)


CHANGELISTS = {
    "consultations_registration": (_registrations, 6),
    "stakeholders_profile": (_profiles, 5),
    "stakeholders_organisation": (_organisations, 5),
    "roundtables_stakeholderinput": (_inputs, 7),
    "roundtables_application": (_applications, 5),
}


@pytest.mark.parametrize("rows", [3, 60])
@pytest.mark.parametrize("model", sorted(CHANGELISTS))
def test_changelist_query_count_does_not_grow_with_rows(
    admin_client, django_assert_num_queries, model, rows
):
    make, queries = CHANGELISTS[model]
    make(rows)
    # On PostgreSQL the paginator reads the planner's row estimate first (one query)
    # instead of counting the whole table (core/paginators.py).
    estimate = int(connection.vendor == "postgresql")

    with django_assert_num_queries(queries + estimate):
        response = admin_client.get(reverse(f"admin:{model}_changelist"))

    assert response.status_code == 200


def _country_choices(response) -> int:
    return len(re.findall(r'href="\?country=[A-Z]{2}"', response.content.decode()))


def test_registration_country_filter_choices_come_from_reference_data(admin_client):
    url = reverse("admin:consultations_registration_changelist")
    _registrations(2)
    few = _country_choices(admin_client.get(url))

    _registrations(30)
    many = _country_choices(admin_client.get(url))

    assert few == many
    assert few == 249


def test_registration_changelist_filters_by_country(admin_client):
    _registrations(6)

    response = admin_client.get(
        reverse("admin:consultations_registration_changelist"), {"country": "KZ"}
    )

    assert len(response.context["cl"].result_list) == 1
