from django import forms
from django.utils.translation import gettext_lazy as _

from consultations.enums import SessionFormat, SessionKind
from consultations.selectors import review_list


class SessionFilterForm(forms.Form):
    review = forms.ChoiceField(label=_("Regional Review"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *SessionKind.choices]
    )
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("All formats")), *SessionFormat.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].choices = [
            ("", _("All reviews")),
            *((review.slug, review.title) for review in review_list()),
        ]
