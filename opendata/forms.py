from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from consultations.selectors import review_list
from gcm.selectors import objective_list
from opendata.search import INPUT, REPORT, ROUNDTABLE, SESSION

KIND_CHOICES = [
    ("", _("Everything")),
    (SESSION, _("Sessions")),
    (ROUNDTABLE, _("Roundtables")),
    (INPUT, _("Stakeholder inputs")),
    (REPORT, _("Reports")),
]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=pgettext_lazy("search", "Words to find"),
        max_length=200,
        required=False,
        widget=forms.SearchInput(),
    )
    review = forms.ChoiceField(label=_("Regional Review"), required=False)
    objective = forms.TypedChoiceField(
        label=_("GCM objective"), required=False, coerce=int, empty_value=None
    )
    type = forms.ChoiceField(label=_("Show"), choices=KIND_CHOICES, required=False)
    page = forms.IntegerField(min_value=1, max_value=10, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].choices = [("", _("All reviews"))] + [
            (review.slug, review.title) for review in review_list()
        ]
        self.fields["objective"].choices = [("", _("All objectives"))] + [
            (objective.number, f"{objective.number}. {objective.title}")
            for objective in objective_list()
        ]

    def clean_q(self):
        # A NUL character cannot reach PostgreSQL; nothing else needs cleaning.
        return self.cleaned_data["q"].replace("\x00", " ").strip()
