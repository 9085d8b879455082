"""Forms of stakeholder inputs: submitting one, filtering the published ones, and moderation."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consultations.models import RegionalReview, Session
from gcm.models import Objective
from roundtables.enums import Attribution, InputStatus, InputType
from roundtables.forms.common import PDF_ATTRS
from roundtables.models import Roundtable, StakeholderInput
from roundtables.validators import validate_pdf_upload


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
