from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from consultations.models import RegionalReview, Session
from core.forms import ModelChoiceField, ModelForm
from gcm.models import Sector
from outreach import validators
from outreach.enums import ImportStatus
from outreach.models import Campaign, ContactImport
from stakeholders.models import Organisation

TRUE_WORDS = {"yes", "y", "true", "1", "x", "oui", "sí", "si", "да", "是", "نعم"}
FALSE_WORDS = {"", "no", "n", "false", "0", "non", "нет", "否", "لا"}


class YesNoField(forms.CharField):
    """A spreadsheet's yes/no column: yes, true, 1 or x (and "yes" in the six languages)
    or empty, no, false, 0."""

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        word = (value or "").strip().casefold()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise forms.ValidationError(_("Write yes or no."), code="invalid")


class ContactRowForm(forms.Form):
    """One row of an imported contact list. Sectors are given by their code or their
    English name, countries by their ISO 3166 code, languages by their code."""

    email = forms.EmailField(label=_("email"), max_length=254)
    name = forms.CharField(label=_("name"), max_length=200, required=False)
    organisation = forms.CharField(label=_("organisation"), max_length=250, required=False)
    sector = forms.CharField(label=_("sector"), max_length=150, required=False)
    country = forms.CharField(label=_("country"), max_length=60, required=False)
    language = forms.CharField(label=_("language"), max_length=10, required=False)
    consent = YesNoField(label=_("consent"))
    migrant_led = YesNoField(label=_("migrant-led"))
    diaspora = YesNoField(label=_("diaspora"))

    def __init__(self, *args, sectors: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.sectors = sectors

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_sector(self):
        value = self.cleaned_data["sector"].strip()
        if not value:
            return None
        sector_id = self.sectors.get(value.casefold())
        if sector_id is None:
            raise forms.ValidationError(
                _("Unknown sector “%(value)s”: use a code or name of GCM paragraph 44."),
                params={"value": value[:60]},
                code="invalid",
            )
        return sector_id

    def clean_country(self):
        value = self.cleaned_data["country"].strip().upper()
        if not value:
            return ""
        if value not in dict(countries):
            raise forms.ValidationError(
                _("Unknown country “%(value)s”: use a two-letter ISO 3166 code."),
                params={"value": value[:60]},
                code="invalid",
            )
        return value

    def clean_language(self):
        value = self.cleaned_data["language"].strip().lower()
        if not value:
            return settings.LANGUAGE_CODE
        value = {"zh": "zh-hans", "zh_hans": "zh-hans", "zh-cn": "zh-hans"}.get(value, value)
        if value not in dict(settings.LANGUAGES):
            raise forms.ValidationError(
                _("Unknown language “%(value)s”: use ar, en, es, fr, ru or zh."),
                params={"value": value[:20]},
                code="invalid",
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("organisation") and not (data.get("sector") and data.get("country")):
            raise forms.ValidationError(
                _("An organisation needs its sector and country."), code="incomplete"
            )
        return data


class ImportUploadForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the list"),
        max_length=200,
        help_text=_("A campaign can later be sent to this list."),
    )
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_(
            "First row: column names. Columns: email (required), name, organisation, "
            "sector, country, language, consent, migrant_led, diaspora."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        validators.validate_contact_file(upload)
        return upload


class ContactFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    sector = ModelChoiceField(
        label=_("Sector"), queryset=Sector.objects.all(), required=False, empty_label=_("All")
    )
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All")), *countries]


class OrganisationMergeForm(forms.Form):
    keep = ModelChoiceField(label=_("Keep this organisation"), queryset=Organisation.objects.all())
    merge = ModelChoiceField(
        label=_("Merge this one into it"),
        queryset=Organisation.objects.all(),
        help_text=_("Its members, contacts and every other link move to the one kept."),
    )

    def clean(self):
        data = super().clean()
        if data.get("keep") and data.get("merge") and data["keep"] == data["merge"]:
            raise forms.ValidationError(_("Choose two different organisations."), code="same")
        return data


class CampaignForm(ModelForm):
    class Meta:
        model = Campaign
        fields = [
            "name",
            "review",
            "session",
            "subject_en",
            "message_en",
            "subject_fr",
            "message_fr",
            "subject_es",
            "message_es",
            "subject_ar",
            "message_ar",
            "subject_ru",
            "message_ru",
            "subject_zh_hans",
            "message_zh_hans",
            "sector",
            "country",
            "subregion",
            "migrant_led",
            "diaspora",
            "past_review",
            "contact_list",
        ]
        widgets = {
            f"message_{code}": forms.Textarea(attrs={"rows": 5})
            for code in ("en", "fr", "es", "ar", "ru", "zh_hans")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_en"].required = True
        self.fields["message_en"].required = True
        self.fields["review"].queryset = RegionalReview.objects.order_by("-meeting_date")
        self.fields["session"].queryset = Session.objects.select_related("review").order_by(
            "starts_at"
        )
        self.fields["contact_list"].queryset = ContactImport.objects.filter(
            status=ImportStatus.APPLIED
        )
        self.fields["past_review"].queryset = RegionalReview.objects.order_by("-meeting_date")

    def clean(self):
        data = super().clean()
        validators.validate_campaign_session(
            review=data.get("review"), session=data.get("session"), field="session"
        )
        return data
