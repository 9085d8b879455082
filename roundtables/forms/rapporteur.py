"""Forms of the Rapporteur call: the application, and the assessors' scores and recusals."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from core.forms import ModelForm
from roundtables.enums import LivedExperience
from roundtables.forms.common import PDF_ATTRS
from roundtables.models import Application, Criterion
from roundtables.validators import validate_pdf_upload
from stakeholders.forms import GenderQuestion


class ApplicationForm(GenderQuestion, ModelForm):
    """An expression of interest in the Rapporteur call, bound to the candidate's
    application (a new one is prefilled from their profile)."""

    # A JSON list in the model; ticked here among the interface languages.
    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Tick at least one language you can work in.")},
    )

    class Meta:
        model = Application
        fields = (
            "motivation",
            "experience",
            "languages",
            "other_languages",
            "sector",
            "country_of_residence",
            "gender",
            "gender_self_description",
            "lived_migration_experience",
            "cv",
        )
        labels = {
            "other_languages": _("Other languages (optional)"),
            "sector": _("Stakeholder sector (GCM para 44)"),
            **GenderQuestion.gender_labels,
            "lived_migration_experience": _(
                "Do you have lived experience of migration? (optional)"
            ),
            "cv": _("CV (PDF, at most 5 MB)"),
        }
        help_texts = {
            "motivation": _(
                "Why you would like to be the stakeholder Rapporteur (up to 5,000 characters)."
            ),
            "experience": _(
                "Your experience of the GCM, of conveying stakeholder views, and of work with "
                "migrant communities (up to 5,000 characters)."
            ),
            "gender": _("Used only to show the gender balance of the candidates."),
            "lived_migration_experience": _(
                "Sensitive information. Answering is optional. It is used only so that "
                "migrant voices are given their due place in the selection, and only the "
                "staff who select see it."
            ),
        }
        widgets = {
            "motivation": forms.Textarea(attrs={"rows": 8}),
            "experience": forms.Textarea(attrs={"rows": 8}),
            "lived_migration_experience": forms.RadioSelect,
            "cv": forms.ClearableFileInput(attrs=PDF_ATTRS),
        }
        error_messages = {
            "cv": {
                "required": _("Please upload your CV as a PDF."),
                "empty": _("The file is empty. Please choose your PDF again."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.ask_gender()
        self.fields["sector"].empty_label = _("Choose a sector")
        # Country names in the language of this request, after an empty first choice.
        self.fields["country_of_residence"].choices = [("", _("Choose a country")), *countries]
        self.fields["lived_migration_experience"].choices = [
            ("", _("Not given")),
            *LivedExperience.choices,
        ]
        cv = self.fields["cv"]
        cv.validators.append(validate_pdf_upload)
        cv.max_length = None  # the stored name is generated, never the uploaded one
        if self.instance.pk is not None:
            cv.required = False
            cv.help_text = _("Leave empty to keep the CV you uploaded.")
            cv.widget = forms.FileInput(attrs=PDF_ATTRS)
        else:
            # The model allows no CV only once the retention period has deleted it.
            cv.required = True

    def clean_cv(self):
        """Only a new upload is handed on: without one, the stored CV is kept."""
        return self.cleaned_data["cv"] if "cv" in self.changed_data else None


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
