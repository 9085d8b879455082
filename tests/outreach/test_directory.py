import csv
import io

import pytest
from django.urls import reverse

from outreach.models import Contact, OrganisationMerge
from stakeholders.models import Organisation
from tests.factories import OrganisationFactory, ProfileFactory, stakeholder

pytestmark = pytest.mark.django_db


def test_merge_moves_every_link_and_keeps_a_record(staff_client, staff):
    keep = OrganisationFactory(name="Migrant Voices", website="")
    merged = OrganisationFactory(
        name="Migrant Voices Kenya", website="https://mv.example.org", migrant_led=True
    )
    member = ProfileFactory(organisation=merged)
    contact = Contact.objects.create(email="a@example.org", organisation=merged)

    response = staff_client.post(reverse("outreach:merge"), {"keep": keep.pk, "merge": merged.pk})

    assert response.status_code == 302
    assert not Organisation.objects.filter(pk=merged.pk).exists()
    member.refresh_from_db()
    contact.refresh_from_db()
    keep.refresh_from_db()
    assert member.organisation == keep
    assert contact.organisation == keep
    assert (keep.website, keep.migrant_led) == ("https://mv.example.org", True)
    record = OrganisationMerge.objects.get()
    assert (record.kept, record.merged_id, record.merged_name, record.merged_by) == (
        keep,
        merged.pk,
        "Migrant Voices Kenya",
        staff,
    )
    assert record.moved == {
        "stakeholders.Profile.organisation": 1,
        "outreach.Contact.organisation": 1,
    }


def test_merge_of_an_organisation_with_itself_is_refused(staff_client):
    organisation = OrganisationFactory()

    response = staff_client.post(
        reverse("outreach:merge"), {"keep": organisation.pk, "merge": organisation.pk}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["Choose two different organisations."]


def test_export_is_formula_safe(staff_client):
    Contact.objects.create(email="a@example.org", name="=cmd|' /C calc'!A0")

    response = staff_client.get(reverse("outreach:export"))

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][:2] == ["a@example.org", "'=cmd|' /C calc'!A0"]


def test_export_xlsx_answers_a_workbook(staff_client):
    Contact.objects.create(email="a@example.org")

    response = staff_client.get(reverse("outreach:export") + "?format=xlsx")

    assert response.content[:4] == b"PK\x03\x04"


def _contacts(count):
    organisation = OrganisationFactory()
    Contact.objects.bulk_create(
        Contact(email=f"c{n}@example.org", organisation=organisation) for n in range(count)
    )


@pytest.mark.parametrize("count", [2, 120])
def test_directory_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    _contacts(count)

    with django_assert_num_queries(5):
        response = staff_client.get(reverse("outreach:directory"))

    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 120])
def test_organisations_query_count_does_not_grow(staff_client, django_assert_num_queries, count):
    for _n in range(count // 20 + 1):
        OrganisationFactory()

    with django_assert_num_queries(4):
        response = staff_client.get(reverse("outreach:organisations"))

    assert response.status_code == 200


STAFF_PAGES = [
    ("outreach:directory", []),
    ("outreach:export", []),
    ("outreach:organisations", []),
    ("outreach:merge", []),
    ("outreach:import", []),
    ("outreach:campaigns", []),
    ("outreach:campaign_create", []),
]


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_staff_pages_answer_404_to_stakeholders(client, name, args):
    client.force_login(stakeholder())

    assert client.get(reverse(name, args=args)).status_code == 404


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_staff_pages_send_anonymous_people_to_sign_in(client, name, args):
    response = client.get(reverse(name, args=args))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "args"), STAFF_PAGES)
def test_staff_pages_open_for_staff(staff_client, name, args):
    assert staff_client.get(reverse(name, args=args)).status_code == 200
