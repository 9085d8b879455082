import io
import json
import zipfile

import pytest

from outreach.enums import ContactBasis
from outreach.models import Campaign, Contact, Invitation
from stakeholders import services
from tests.factories import SessionFactory, stakeholder

pytestmark = pytest.mark.django_db


def _entry(user, **fields):
    contact = Contact.objects.create(
        email=user.email.upper(), name="Amina", basis=ContactBasis.CONSENT, **fields
    )
    session = SessionFactory()
    campaign = Campaign.objects.create(
        review=session.review, name="c", subject="Join us", message="m"
    )
    Invitation.objects.create(campaign=campaign, contact=contact, language="en")
    return contact


def test_download_my_data_holds_the_directory_entry_and_its_invitations():
    user = stakeholder()
    _entry(user)

    archive = zipfile.ZipFile(io.BytesIO(services.account_export(user=user)))

    data = json.loads(archive.read("data.json"))
    assert [(entry["name"], entry["basis_for_contact"]) for entry in data["directory"]] == [
        ("Amina", "consent")
    ]
    assert [item["campaign"] for item in data["directory"][0]["invitations"]] == ["Join us"]


def test_delete_my_account_deletes_the_directory_entry():
    user = stakeholder()
    _entry(user)

    services.account_delete(user=user)

    assert Contact.objects.count() == 0
    assert Invitation.objects.count() == 0


def test_delete_my_account_keeps_only_the_bare_unsubscribed_address():
    user = stakeholder()
    contact = _entry(user, unsubscribed_at="2026-01-01T00:00Z")

    services.account_delete(user=user)

    contact.refresh_from_db()
    assert (contact.name, contact.basis, contact.unsubscribed_at is not None) == ("", "", True)
    assert Invitation.objects.count() == 0
