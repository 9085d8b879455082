"""Forms of the Rapporteur call: the application, and the assessors' scores and recusals."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from gcm.models import Sector
from roundtables.enums import LivedExperience
from roundtables.forms.common import MAX_TEXT, PDF_ATTRS
from roundtables.models import Criterion
from roundtables.validators import validate_pdf_upload
from stakeholders.enums import Gender
from stakeholders.validators import validate_gender_description


class ApplicationForm(forms.Form):
    """An expression of interest in the Rapporteur call."""

    motivation = forms.CharField(
        label=_("Motivation"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_TEXT,
        help_text=_(
            "Why you would like to be the stakeholder Rapporteur (up to 5,000 characters)."
        ),
    )
    experience = forms.CharField(
        label=_("Relevant experience"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_TEXT,
        help_text=_(
            "Your experience of the GCM, of conveying stakeholder views, and of work with "
            "migrant communities (up to 5,000 characters)."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one language you can work in.")},
    )
    other_languages = forms.CharField(
        label=_("Other languages (optional)"), max_length=200, required=False
    )
    sector = forms.ModelChoiceField(
        label=_("Stakeholder sector (GCM para 44)"),
        queryset=Sector.objects.all(),
        empty_label=_("Choose a sector"),
    )
    country_of_residence = LazyTypedChoiceField(label=_("Country of residence"), choices=countries)
    gender = forms.ChoiceField(
        label=_("Gender (optional)"),
        choices=[("", _("Not given")), *Gender.choices],
        required=False,
        help_text=_("Used only to show the gender balance of the candidates."),
    )
    gender_self_description = forms.CharField(
        label=_("Gender, in your own words"), max_length=100, required=False
    )
    lived_migration_experience = forms.ChoiceField(
        label=_("Do you have lived experience of migration? (optional)"),
        choices=[("", _("Not given")), *LivedExperience.choices],
        required=False,
        widget=forms.RadioSelect,
        help_text=_(
            "Sensitive information. Answering is optional. It is used only so that "
            "migrant voices are given their due place in the selection, and only the "
            "staff who select see it."
        ),
    )
    cv = forms.FileField(
        label=_("CV (PDF, at most 5 MB)"),
        validators=[validate_pdf_upload],
        widget=forms.ClearableFileInput(attrs=PDF_ATTRS),
        error_messages={
            "required": _("Please upload your CV as a PDF."),
            "empty": _("The file is empty. Please choose your PDF again."),
        },
    )

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        # Country names in the language of this request, after an empty first choice.
        self.fields["country_of_residence"].choices = [
            ("", _("Choose a country")),
            *countries,
        ]
        if editing:
            self.fields["cv"].required = False
            self.fields["cv"].help_text = _("Leave empty to keep the CV you uploaded.")
            self.fields["cv"].widget = forms.FileInput(attrs=PDF_ATTRS)

    def clean(self):
        cleaned = super().clean()
        validate_gender_description(
            gender=cleaned.get("gender", ""),
            description=cleaned.get("gender_self_description", ""),
            field="gender_self_description",
        )
        return cleaned

    def application_data(self) -> dict:
        data = self.cleaned_data
        return {
            "motivation": data["motivation"].strip(),
            "experience": data["experience"].strip(),
            "languages": list(data["languages"]),
            "other_languages": data["other_languages"].strip(),
            "sector": data["sector"],
            "country_of_residence": data["country_of_residence"],
            "gender": data["gender"],
            "gender_self_description": data["gender_self_description"].strip(),
            "lived_migration_experience": data["lived_migration_experience"],
        }


SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class ScoreForm(forms.Form):
    """One assessor's scores (1-5) and comments on each criterion of the call."""

    def __init__(self, *args, criteria: list[Criterion], existing: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            score = existing.get(criterion.pk)
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=SCORE_CHOICES,
                coerce=int,
                widget=forms.RadioSelect,
                initial=str(score.value) if score else None,
                help_text=_("1 = weak, 5 = excellent"),
                error_messages={"required": _("Give a score from 1 to 5.")},
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=pgettext_lazy("assessment", "Comment on “%(criterion)s” (optional)")
                % {"criterion": criterion.name},
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                required=False,
                initial=score.comment if score else "",
            )

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            criterion.pk: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        }

    def pairs(self):
        """(score field, comment field) per criterion, for the template."""
        return [(self[f"score_{c.pk}"], self[f"comment_{c.pk}"]) for c in self.criteria]


class RecuseForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (optional, e.g. a conflict of interest)"),
        max_length=300,
        required=False,
    )
