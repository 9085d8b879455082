from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from reports import kinds


class RenderForm(forms.Form):
    """Which report, in which languages: one new version per language."""

    kind = forms.ChoiceField(label=_("Report"), widget=forms.RadioSelect)
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
        help_text=_(
            "One new version is rendered per language. Staff-written texts not yet "
            "translated are printed in English, and the report says so."
        ),
    )

    def __init__(self, *args, subject, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            (report_type.value, report_type.label)
            for report_type in kinds.for_subject(type(subject))
        ]
