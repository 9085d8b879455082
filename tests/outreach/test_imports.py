import pytest
from django.urls import reverse

from outreach.enums import ContactBasis, ImportStatus
from outreach.models import Contact, ContactImport
from stakeholders.models import Organisation
from tests.factories import OrganisationFactory
from tests.outreach.conftest import csv_upload, xlsx_upload

pytestmark = pytest.mark.django_db


def _upload(client, upload, name="Civil society list"):
    return client.post(reverse("outreach:import"), {"name": name, "file": upload})


def test_import_csv_previews_then_imports_on_confirmation(staff_client):
    upload = csv_upload(
        [
            "Amina@Example.org,Amina K.,Migrant Voices,civil-society,KE,fr,yes,yes,no",
            "li@example.org,Li Wei,,academia,CN,zh,no,,",
        ]
    )

    response = _upload(staff_client, upload)

    contact_import = ContactImport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("outreach:import_preview", args=[contact_import.pk])
    assert Contact.objects.count() == 0
    preview = staff_client.get(response["Location"])
    assert b"amina@example.org" in preview.content

    staff_client.post(response["Location"])

    contact_import.refresh_from_db()
    assert contact_import.status == ImportStatus.APPLIED
    amina = Contact.objects.get(email="amina@example.org")
    assert amina.language == "fr"
    assert amina.basis == ContactBasis.CONSENT
    assert amina.organisation.name == "Migrant Voices"
    assert amina.organisation.migrant_led is True
    li = Contact.objects.get(email="li@example.org")
    assert li.language == "zh-hans"
    assert li.basis == ContactBasis.NONE
    assert set(contact_import.contacts.all()) == {amina, li}


def test_import_with_row_errors_imports_nothing_and_lists_each_row(staff_client):
    upload = csv_upload(
        [
            "good@example.org,Good,,civil-society,CH,en,yes,,",
            "not-an-address,Bad,,civil-society,CH,en,yes,,",
            "other@example.org,Other,,no-such-sector,XX,en,maybe,,",
            "GOOD@example.org,Twice,,civil-society,CH,en,yes,,",
            "org@example.org,Org,An Organisation,,,en,yes,,",
        ]
    )

    response = _upload(staff_client, upload)

    assert response.status_code == 200
    assert ContactImport.objects.count() == 0
    assert Contact.objects.count() == 0
    errors = response.context["check"].errors
    assert [error.number for error in errors] == [3, 4, 5, 6]
    assert errors[0].messages == ["email: Enter a valid email address."]
    assert len(errors[1].messages) == 3
    assert errors[2].messages == ["The address good@example.org is already on row 2."]
    assert errors[3].messages == ["An organisation needs its sector and country."]


def test_import_xlsx_is_read(staff_client):
    upload = xlsx_upload(
        [
            ["Email", "Name", "Sector", "Country", "Language", "Consent"],
            ["ru@example.org", "Айгерим", "academia", "KZ", "ru", "yes"],
        ]
    )

    response = _upload(staff_client, upload)
    staff_client.post(response["Location"])

    contact = Contact.objects.get()
    assert (contact.email, contact.name, contact.language) == (
        "ru@example.org",
        "Айгерим",
        "ru",
    )


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (csv_upload([], header=""), "The file is empty."),
        (csv_upload(["a@example.org"], header="name\n"), "The first row must name the columns"),
        (xlsx_upload([["email"]], name="fake.csv"), "not a CSV text file"),
        (csv_upload(["a@example.org"], name="list.xlsx"), "not an XLSX workbook"),
        (csv_upload(["a@example.org"], name="list.pdf"), "Upload a .csv or .xlsx file."),
    ],
)
def test_import_malformed_file_is_refused_with_a_message(staff_client, upload, message):
    response = _upload(staff_client, upload)

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert ContactImport.objects.count() == 0


def test_import_keeps_unsubscription_and_matches_organisation(staff_client):
    organisation = OrganisationFactory(name="Migrant Voices", country="KE")
    Contact.objects.create(email="amina@example.org", unsubscribed_at="2026-01-01T00:00Z")

    response = _upload(
        staff_client,
        csv_upload(["amina@example.org,Amina,MIGRANT VOICES,civil-society,KE,fr,yes,,"]),
    )
    staff_client.post(response["Location"])

    amina = Contact.objects.get()
    assert amina.unsubscribed_at is not None
    assert amina.organisation == organisation
    assert Organisation.objects.count() == 1


def test_import_confirmed_twice_is_refused(staff_client):
    response = _upload(staff_client, csv_upload(["a@example.org,A,,,,en,yes,,"]))
    staff_client.post(response["Location"])

    again = staff_client.post(response["Location"], follow=True)

    assert "This list has already been imported." in again.content.decode()
    assert Contact.objects.count() == 1
