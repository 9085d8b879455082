"""Forms of stakeholder inputs: submitting one, filtering the published ones, and moderation."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from consultations.models import RegionalReview, Session
from core.forms import ModelChoiceField, ModelForm
from gcm.models import Objective
from roundtables.enums import InputStatus, InputType
from roundtables.forms.common import PDF_ATTRS
from roundtables.models import Roundtable, StakeholderInput
from roundtables.validators import validate_pdf_upload


class InputForm(ModelForm):
    """A written input to a Regional Review, tagged to GCM objectives, bound to the input
    (a new one, or the author's own while it is not moderated)."""

    remove_attachment = forms.BooleanField(label=_("Remove the attachment"), required=False)

    class Meta:
        model = StakeholderInput
        fields = (
            "review",
            "title",
            "text",
            "language",
            "input_type",
            "objectives",
            "roundtable",
            "attachment",
            "attribution",
            "publish_consent",
        )
        labels = {
            "text": _("Your input"),
            "language": _("Language of the input"),
            "input_type": _("Type of input"),
            "roundtable": _("Roundtable cluster (optional)"),
            "attachment": _("PDF attachment (optional, at most 5 MB)"),
            "attribution": _("If published, show it as coming from"),
            "publish_consent": _(
                "I agree that, once accepted, this input may be published on this site."
            ),
        }
        help_texts = {
            "text": _("Up to 20,000 characters."),
            "input_type": _(
                "Content: priorities and recommendations on GCM themes. Process and "
                "outcomes: how the review and its consultations are run."
            ),
        }
        widgets = {
            "text": forms.Textarea(attrs={"rows": 12}),
            "input_type": forms.RadioSelect,
            "objectives": forms.CheckboxSelectMultiple,
            "attachment": forms.FileInput(attrs=PDF_ATTRS),
            "attribution": forms.RadioSelect,
        }
        error_messages = {
            "attachment": {"empty": _("The file is empty. Please choose your PDF again.")},
        }

    field_order = (*Meta.fields[:8], "remove_attachment")

    def __init__(self, *args, reviews, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = reviews
        self.fields["review"].empty_label = _("Choose a review")
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["input_type"].choices = InputType.choices
        self.fields["roundtable"].queryset = Roundtable.objects.filter(
            review__in=reviews
        ).select_related("review")
        self.fields["roundtable"].empty_label = _("None in particular")
        self.fields["roundtable"].label_from_instance = lambda rt: (
            f"{rt.title} ({rt.review.title})" if len(reviews) > 1 else rt.title
        )
        attachment = self.fields["attachment"]
        attachment.validators.append(validate_pdf_upload)
        attachment.max_length = None  # the stored name is generated, never the uploaded one
        if self.instance.pk is not None:
            del self.fields["review"]  # an input stays with its review
        if not self.instance.attachment:
            del self.fields["remove_attachment"]

    def clean_attachment(self):
        """Only a new upload is handed on: without one, the stored attachment is kept."""
        return self.cleaned_data["attachment"] if "attachment" in self.changed_data else None

    def clean(self):
        cleaned = super().clean()
        review = cleaned.get("review") if "review" in self.fields else self.instance.review
        roundtable = cleaned.get("roundtable")
        if roundtable is not None and review is not None and roundtable.review_id != review.pk:
            self.add_error("roundtable", _("Choose a roundtable of the same review."))
        if cleaned.get("input_type") == InputType.CONTENT and not cleaned.get("objectives"):
            self.add_error(
                "objectives", _("Tick the GCM objectives that your input on content addresses.")
            )
        return cleaned


class PublicInputFilterForm(forms.Form):
    roundtable = ModelChoiceField(
        label=_("Roundtable"),
        queryset=Roundtable.objects.none(),
        required=False,
        empty_label=_("All roundtables"),
    )
    objective = ModelChoiceField(
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
    into = ModelChoiceField(
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
    source_session = ModelChoiceField(
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
    review = ModelChoiceField(
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
