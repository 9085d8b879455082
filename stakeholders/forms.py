from allauth.account import forms as allauth_forms
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from gcm.models import Sector
from stakeholders.enums import EcosocStatus, Gender
from stakeholders.validators import validate_gender_description


class ProfileForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=200)
    language = forms.ChoiceField(
        label=_("Preferred language"),
        choices=settings.LANGUAGES,
        help_text=_("Emails are sent in this language."),
    )
    job_title = forms.CharField(label=_("Function or title"), max_length=200, required=False)
    sector = forms.ModelChoiceField(
        label=_("Stakeholder sector (GCM para 44)"),
        queryset=Sector.objects.all(),
        empty_label=_("Choose a sector"),
    )
    country = LazyTypedChoiceField(label=_("Country of residence"), choices=countries)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", _("Not given")), *Gender.choices],
        required=False,
        help_text=_("Used only to show the gender balance of panels and participants."),
    )
    gender_self_description = forms.CharField(
        label=_("Gender, in your own words"), max_length=100, required=False
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=250,
        required=False,
        help_text=_("Leave empty if you take part as an individual."),
    )
    organisation_acronym = forms.CharField(label=_("Acronym"), max_length=40, required=False)
    ecosoc_status = forms.ChoiceField(
        label=_("ECOSOC consultative status"),
        choices=EcosocStatus.choices,
        initial=EcosocStatus.NONE,
        help_text=_("Participation is open to all; the status is recorded, never required."),
    )
    migrant_led = forms.BooleanField(label=_("The organisation is migrant-led"), required=False)
    diaspora = forms.BooleanField(label=_("It is a diaspora organisation"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    consent = forms.BooleanField(
        label=_(
            "I agree that the UN Network on Migration secretariat processes my personal data "
            "as described in the personal data notice."
        ),
        required=True,
        error_messages={"required": _("Please give your consent to take part.")},
    )

    def clean(self):
        cleaned = super().clean()
        validate_gender_description(
            gender=cleaned.get("gender", ""),
            description=cleaned.get("gender_self_description", ""),
            field="gender_self_description",
        )
        return cleaned

    def profile_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "job_title": data["job_title"],
            "sector": data["sector"],
            "country": data["country"],
            "gender": data["gender"],
            "gender_self_description": data["gender_self_description"],
        }

    def organisation_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["organisation_name"],
            "acronym": data["organisation_acronym"],
            "ecosoc_status": data["ecosoc_status"],
            "migrant_led": data["migrant_led"],
            "diaspora": data["diaspora"],
            "website": data["website"],
        }


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form, which knows when sign-in is locked by the rate limit so
    that the page can offer the password reset."""

    @property
    def locked_out(self) -> bool:
        return any(
            error.code == "too_many_login_attempts" for error in self.non_field_errors().as_data()
        )
