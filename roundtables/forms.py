from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from consultations.models import RegionalReview, Session
from gcm.models import Objective, Sector
from roundtables.enums import Attribution, InputStatus, InputType, LivedExperience
from roundtables.models import Criterion, Roundtable, StakeholderInput
from roundtables.validators import validate_pdf_upload
from stakeholders.enums import Gender
from stakeholders.validators import validate_gender_description

PDF_ATTRS = {"accept": "application/pdf,.pdf"}
MAX_TEXT = 5000


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


class InputForm(forms.Form):
    """A written input to a Regional Review, tagged to GCM objectives."""

    review = forms.ModelChoiceField(
        label=_("Regional Review"),
        queryset=RegionalReview.objects.none(),
        empty_label=_("Choose a review"),
    )
    title = forms.CharField(label=_("Title"), max_length=300)
    text = forms.CharField(
        label=_("Your input"),
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=20000,
        help_text=_("Up to 20,000 characters."),
    )
    language = forms.ChoiceField(label=_("Language of the input"), choices=settings.LANGUAGES)
    input_type = forms.ChoiceField(
        label=_("Type of input"),
        choices=InputType.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Content: priorities and recommendations on GCM themes. Process and outcomes: "
            "how the review and its consultations are run."
        ),
    )
    objectives = forms.ModelMultipleChoiceField(
        label=_("GCM objectives addressed"),
        queryset=Objective.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    roundtable = forms.ModelChoiceField(
        label=_("Roundtable cluster (optional)"),
        queryset=Roundtable.objects.none(),
        required=False,
        empty_label=_("None in particular"),
    )
    attachment = forms.FileField(
        label=_("PDF attachment (optional, at most 5 MB)"),
        required=False,
        validators=[validate_pdf_upload],
        widget=forms.FileInput(attrs=PDF_ATTRS),
        error_messages={"empty": _("The file is empty. Please choose your PDF again.")},
    )
    remove_attachment = forms.BooleanField(label=_("Remove the attachment"), required=False)
    attribution = forms.ChoiceField(
        label=_("If published, show it as coming from"),
        choices=Attribution.choices,
        initial=Attribution.ORGANISATION,
        widget=forms.RadioSelect,
    )
    publish_consent = forms.BooleanField(
        label=_("I agree that, once accepted, this input may be published on this site."),
        required=False,
    )

    def __init__(self, *args, reviews, editing: bool = False, has_attachment=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["roundtable"].queryset = Roundtable.objects.filter(
            review__in=reviews
        ).select_related("review")
        self.fields["roundtable"].label_from_instance = lambda rt: (
            f"{rt.title} ({rt.review.title})" if len(reviews) > 1 else rt.title
        )
        if editing:
            del self.fields["review"]
        if not has_attachment:
            del self.fields["remove_attachment"]

    def clean(self):
        cleaned = super().clean()
        review = cleaned.get("review") or self.initial.get("review")
        roundtable = cleaned.get("roundtable")
        if roundtable is not None and review is not None and roundtable.review_id != review.pk:
            self.add_error("roundtable", _("Choose a roundtable of the same review."))
        if cleaned.get("input_type") == InputType.CONTENT and not cleaned.get("objectives"):
            self.add_error(
                "objectives", _("Tick the GCM objectives that your input on content addresses.")
            )
        return cleaned

    def input_data(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"].strip(),
            "text": data["text"].strip(),
            "language": data["language"],
            "input_type": data["input_type"],
            "roundtable": data["roundtable"],
            "attribution": data["attribution"],
            "publish_consent": data["publish_consent"],
        }


class PublicInputFilterForm(forms.Form):
    roundtable = forms.ModelChoiceField(
        label=_("Roundtable"),
        queryset=Roundtable.objects.none(),
        required=False,
        empty_label=_("All roundtables"),
    )
    objective = forms.ModelChoiceField(
        label=_("GCM objective"),
        queryset=Objective.objects.all(),
        required=False,
        empty_label=_("All objectives"),
        to_field_name="number",
    )

    def __init__(self, *args, review, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["roundtable"].queryset = Roundtable.objects.filter(review=review)
        self.fields["roundtable"].to_field_name = "number"


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the rejection (sent to the author)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Give the author a reason for the rejection.")},
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Duplicate of"),
        queryset=StakeholderInput.objects.none(),
        empty_label=_("Choose the input to keep"),
    )

    def __init__(self, *args, stakeholder_input: StakeholderInput, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            StakeholderInput.objects.filter(review_id=stakeholder_input.review_id)
            .exclude(pk=stakeholder_input.pk)
            .exclude(status__in=[InputStatus.MERGED, InputStatus.REJECTED])
            .order_by("title")
        )


class SourceForm(forms.Form):
    source_session = forms.ModelChoiceField(
        label=_("Raised orally at"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("A written input"),
    )

    def __init__(self, *args, stakeholder_input: StakeholderInput, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source_session"].queryset = Session.objects.filter(
            review_id=stakeholder_input.review_id
        ).order_by("starts_at")


SCORE_CHOICES = [(str(n), str(n)) for n in range(1, 6)]


class ScoreForm(forms.Form):
    """One reviewer's scores (1-5) and comments on each criterion of the call."""

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
                label=pgettext_lazy("review", "Comment on “%(criterion)s” (optional)")
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


class AnalysisFilterForm(forms.Form):
    review = forms.ModelChoiceField(
        label=_("Regional Review"),
        queryset=RegionalReview.objects.order_by("-meeting_date"),
        required=False,
        to_field_name="slug",
        empty_label=None,
    )
    status = forms.MultipleChoiceField(
        label=_("Inputs counted"),
        choices=InputStatus.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
