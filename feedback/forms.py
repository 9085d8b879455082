from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelForm
from feedback.models import SurveyResponse


class SurveyForm(ModelForm):
    class Meta:
        model = SurveyResponse
        fields = [
            "overall",
            "content",
            "interpretation",
            "accessibility",
            "hybrid_format",
            "comments",
        ]
        widgets = {
            "overall": forms.RadioSelect,
            "content": forms.RadioSelect,
            "interpretation": forms.RadioSelect,
            "accessibility": forms.RadioSelect,
            "hybrid_format": forms.RadioSelect,
            "comments": forms.Textarea(attrs={"rows": 4, "maxlength": 4000}),
        }

    def __init__(self, *args, hybrid: bool, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("interpretation", "accessibility", "hybrid_format"):
            choices = [c for c in self.fields[name].choices if c[0] != ""]
            self.fields[name].choices = [("", _("Does not apply")), *choices]
        if not hybrid:
            del self.fields["hybrid_format"]

    def clean_comments(self):
        comments = self.cleaned_data["comments"]
        if len(comments) > 4000:
            raise forms.ValidationError(
                _("Please keep your comments under 4,000 characters."), code="max_length"
            )
        return comments
