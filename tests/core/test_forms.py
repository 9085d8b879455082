"""Ids no database key can hold are refused with a form error or a 404, never a 500."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from consultations.models import GcmTalkRequest
from core import forms as core_forms
from roundtables.forms.inputs import InputForm
from stakeholders.forms import ProfileForm
from tests.factories import RegistrationFactory, ReviewFactory, stakeholder

pytestmark = pytest.mark.django_db

HUGE = [str(2**63), str(2**64 + 5), "9" * 40, str(-(2**63) - 1)]


def test_model_forms_get_the_safe_id_fields():
    assert type(ProfileForm.base_fields["sector"]) is core_forms.ModelChoiceField
    assert type(InputForm.base_fields["objectives"]) is core_forms.ModelMultipleChoiceField
    assert type(InputForm.base_fields["roundtable"]) is core_forms.ModelChoiceField


@pytest.mark.parametrize("huge", HUGE)
def test_talk_request_with_an_objective_id_too_large_for_a_key_is_a_form_error(client, huge):
    review = ReviewFactory()
    client.force_login(stakeholder())

    response = client.post(
        reverse("consultations:talk_request"),
        {
            "review": review.slug,
            "title": "Climate mobility",
            "objectives": ["2", huge],
            "proposed_date": (timezone.localdate() + dt.timedelta(days=40)).isoformat(),
            "proposed_format": "online",
            "description": "x",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["objectives"] == [
        f"Select a valid choice. {huge[:30]} is not one of the available choices."
    ]
    assert GcmTalkRequest.objects.count() == 0


@pytest.mark.parametrize("huge", HUGE)
def test_profile_with_a_sector_id_too_large_for_a_key_is_a_form_error(client, huge):
    client.force_login(stakeholder())

    response = client.post(reverse("stakeholders:profile"), {"sector": huge})

    assert response.status_code == 200
    assert response.context["form"].errors["sector"] == [
        "Select a valid choice. That choice is not one of the available choices."
    ]


@pytest.mark.parametrize("path", ["registrations/{}/cancel/", "me/inputs/{}/edit/"])
def test_url_with_an_id_too_large_for_a_key_is_not_found(client, path):
    RegistrationFactory()
    client.force_login(stakeholder())

    response = client.post("/en/" + path.format(2**64))

    assert response.status_code == 404
