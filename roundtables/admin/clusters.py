from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from consultations.models import RegionalReview
from roundtables.balance import Labels, compute
from roundtables.enums import RoleKind
from roundtables.models import (
    KeyMessage,
    Roundtable,
    RoundtableRole,
)
from roundtables.selectors.clusters import (
    objective_coverage,
    panel_people,
    roundtables_with_objectives,
)


class RoleFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        speakers = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("kind") == RoleKind.MEMBER_STATE_SPEAKER
        ]
        if len(speakers) > 1:
            raise ValidationError(_("A roundtable is opened by one Member State speaker."))


class RoundtableRoleInline(admin.TabularInline):
    model = RoundtableRole
    formset = RoleFormSet
    extra = 0
    raw_id_fields = ("user",)
    fields = (
        "kind",
        "position",
        "user",
        "name",
        "title",
        "affiliation",
        "country",
        "sector",
        "gender",
    )


@admin.register(Roundtable)
class RoundtableAdmin(TranslationAdmin):
    list_display = ("number", "title", "review", "objective_numbers", "panel")
    list_filter = ("review",)
    list_select_related = ("review",)
    filter_horizontal = ("objectives", "consultations")
    inlines = (RoundtableRoleInline,)
    readonly_fields = ("panel_balance",)
    change_list_template = "admin/roundtables/roundtable/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("objectives", "roles")

    @admin.display(description=_("GCM objectives"))
    def objective_numbers(self, obj):
        return ", ".join(str(objective.number) for objective in obj.objectives.all())

    @admin.display(description=_("panel"))
    def panel(self, obj):
        counts = dict.fromkeys(RoleKind.values, 0)
        for role in obj.roles.all():
            counts[role.kind] += 1
        return ", ".join(
            f"{label}: {counts[value]}" for value, label in RoleKind.choices if counts[value]
        )

    @admin.display(description=_("balance of the panel"))
    def panel_balance(self, obj):
        if obj is None or obj.pk is None:
            return gettext("Save the roundtable to see the balance of its panel.")
        labels = Labels(region_id=obj.review.region_id)
        people = panel_people(roundtable=obj, labels=labels)
        return render_to_string(
            "roundtables/includes/panel_balance.html",
            {"dimensions": compute(people, labels=labels), "total": len(people)},
        )

    def changelist_view(self, request, extra_context=None):
        """The coverage panel of each review above the list: objectives in no cluster,
        and objectives in more than one."""
        reviews = RegionalReview.objects.order_by("-meeting_date")
        review_id = request.GET.get("review__id__exact")
        if review_id and review_id.isdigit():
            reviews = reviews.filter(pk=review_id)
        coverages = [
            (
                review,
                objective_coverage(roundtables=list(roundtables_with_objectives(review=review))),
            )
            for review in reviews
        ]
        return super().changelist_view(
            request, extra_context={**(extra_context or {}), "coverages": coverages}
        )


@admin.register(KeyMessage)
class KeyMessageAdmin(TranslationAdmin):
    list_display = ("__str__", "review", "roundtable")
    list_select_related = ("review", "roundtable")
    filter_horizontal = ("sessions", "inputs")
