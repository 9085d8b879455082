from allauth.account import forms as allauth_forms
from allauth.core import ratelimit
from django import forms
from django.forms.models import model_to_dict
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.forms import ModelForm
from stakeholders.enums import Gender
from stakeholders.models import Organisation, Profile, User


class GenderQuestion:
    """The optional gender question, as the profile and the Rapporteur application ask it.
    The fields come from the model, whose clean() applies the rule of
    stakeholders.validators.validate_gender_description."""

    gender_labels = {
        "gender": _("Gender (optional)"),
        "gender_self_description": _("Gender, in your own words"),
    }

    def ask_gender(self) -> None:
        self.fields["gender"].choices = [("", _("Not given")), *Gender.choices]


def _model_field(model, name: str, **overrides) -> forms.Field:
    """The form field a model field makes, for the account and organisation fields that
    the profile page asks beside the profile's own."""
    return model._meta.get_field(name).formfield(**overrides)


# The organisation's fields on the profile page: form field -> Organisation field.
ORGANISATION_FIELDS = {
    "organisation_name": "name",
    "organisation_acronym": "acronym",
    "ecosoc_status": "ecosoc_status",
    "migrant_led": "migrant_led",
    "diaspora": "diaspora",
    "website": "website",
}


class ProfileForm(GenderQuestion, ModelForm):
    """The stakeholder profile, bound to the person's profile (a new, unsaved one the
    first time); their account's name and language and their organisation are asked on
    the same page."""

    name = _model_field(User, "name", label=_("Full name"), required=True)
    language = _model_field(User, "language", label=_("Preferred language"))
    organisation_name = _model_field(
        Organisation,
        "name",
        label=_("Organisation"),
        required=False,
        help_text=_("Leave empty if you take part as an individual."),
    )
    organisation_acronym = _model_field(Organisation, "acronym")
    ecosoc_status = _model_field(
        Organisation,
        "ecosoc_status",
        label=_("ECOSOC consultative status"),
        help_text=_("Participation is open to all; the status is recorded, never required."),
    )
    migrant_led = _model_field(
        Organisation, "migrant_led", label=_("The organisation is migrant-led")
    )
    diaspora = _model_field(Organisation, "diaspora", label=_("It is a diaspora organisation"))
    website = _model_field(Organisation, "website", assume_scheme="https")
    consent = forms.BooleanField(
        label=_(
            "I agree that the UN Network on Migration secretariat processes my personal data "
            "as described in the personal data notice."
        ),
        required=True,
        error_messages={"required": _("Please give your consent to take part.")},
    )

    class Meta:
        model = Profile
        fields = ("job_title", "sector", "country", "gender", "gender_self_description")
        labels = {
            "sector": _("Stakeholder sector (GCM para 44)"),
            **GenderQuestion.gender_labels,
        }
        help_texts = {
            "gender": _("Used only to show the gender balance of panels and participants."),
        }

    field_order = ("name", "language", "job_title", "sector", "country", "gender")

    def __init__(self, *args, consented: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_gender()
        self.fields["sector"].empty_label = _("Choose a sector")
        # Country names sorted and translated in the language of this request, after an
        # empty first choice: without it the browser selects the first country and
        # everyone who skips the question would be counted as living in Afghanistan.
        country = self.fields["country"]
        country.choices = [("", _("Choose a country")), *countries]
        country.error_messages["required"] = _("Choose the country where you live.")
        organisation = self.instance.organisation
        self.initial = {
            **model_to_dict(self.instance.user, fields=("name", "language")),
            **{
                name: getattr(organisation, field)
                for name, field in ORGANISATION_FIELDS.items()
                if organisation is not None
            },
            "consent": consented,
            **self.initial,
        }


class LoginForm(allauth_forms.LoginForm):
    """allauth's sign-in form, which knows when sign-in is locked by the rate limit so
    that the page can offer the password reset."""

    @property
    def locked_out(self) -> bool:
        return any(
            error.code == "too_many_login_attempts" for error in self.non_field_errors().as_data()
        )


class AccountDeleteForm(forms.Form):
    """Deleting one's account asks for the password, so that a session left open on a
    shared computer cannot erase someone's data, and an explicit confirmation."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be deleted, and that "
            "this cannot be undone."
        ),
        error_messages={
            "required": _("Tick the box to confirm that you want to delete your account.")
        },
    )

    def __init__(self, *args, request, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # The same limit as allauth's own re-authentication: no guessing the password here.
        if not ratelimit.consume(self.request, action="reauthenticate", user=self.user):
            raise forms.ValidationError(
                _("Too many attempts. Please wait a minute and try again."), code="rate_limited"
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(
                _("This is not the password of your account."), code="incorrect_password"
            )
        return password
