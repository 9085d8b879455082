from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from consultations.models import RegionalReview
from roundtables import services
from roundtables.balance import Labels, compute
from roundtables.enums import RoleKind
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    Criterion,
    KeyMessage,
    RapporteurCall,
    Roundtable,
    RoundtableRole,
    StakeholderInput,
)
from roundtables.selectors import objective_coverage, panel_people, roundtables_with_objectives


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


@admin.register(StakeholderInput)
class StakeholderInputAdmin(admin.ModelAdmin):
    list_display = (
        "title",
        "review",
        "input_type",
        "status",
        "attributed_to",
        "source_session",
        "created_at",
        "moderate_link",
    )
    list_filter = ("review", "status", "input_type", "roundtable", "objectives")
    list_select_related = ("review", "source_session")
    search_fields = ("title", "text")
    raw_id_fields = ("author", "merged_into", "source_session")
    filter_horizontal = ("objectives",)
    readonly_fields = (
        "status",
        "rejection_reason",
        "merged_into",
        "moderated_by",
        "moderated_at",
        "created_at",
    )
    show_full_result_count = False
    actions = ("accept_inputs",)
    change_list_template = "admin/roundtables/stakeholderinput/change_list.html"

    @admin.display(description=_("moderate"))
    def moderate_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("roundtables:moderate", kwargs={"pk": obj.pk}),
            gettext("Moderate"),
        )

    @admin.action(description=_("Accept the selected inputs"), permissions=["change"])
    def accept_inputs(self, request, queryset):
        for stakeholder_input in queryset:
            services.input_accept(stakeholder_input=stakeholder_input, by=request.user)
        self.message_user(
            request,
            gettext("%(count)s inputs accepted.") % {"count": queryset.count()},
            messages.SUCCESS,
        )


@admin.register(KeyMessage)
class KeyMessageAdmin(TranslationAdmin):
    list_display = ("__str__", "review", "roundtable")
    list_select_related = ("review", "roundtable")
    filter_horizontal = ("sessions", "inputs")


class CriterionInline(TranslationTabularInline):
    model = Criterion
    extra = 0


@admin.register(RapporteurCall)
class RapporteurCallAdmin(TranslationAdmin):
    list_display = ("title", "review", "opens_at", "deadline", "time_zone", "is_published", "pages")
    list_select_related = ("review",)
    filter_horizontal = ("reviewers",)
    readonly_fields = ("review_started_at", "selection_confirmed_at")
    inlines = (CriterionInline,)
    actions = ("start_review",)

    @admin.display(description=_("staff pages"))
    def pages(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("roundtables:review_list", kwargs={"slug": obj.slug}),
            gettext("Review"),
            reverse("roundtables:selection", kwargs={"slug": obj.slug}),
            gettext("Selection"),
            reverse("roundtables:export", kwargs={"slug": obj.slug, "fmt": "xlsx"}),
            gettext("Export"),
        )

    @admin.action(description=_("Start the review of the selected calls"), permissions=["change"])
    def start_review(self, request, queryset):
        for call in queryset:
            try:
                moved = services.call_start_review(call=call, by=request.user)
            except ValidationError as error:
                self.message_user(request, f"{call}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("%(call)s: %(count)s applications are now under review.")
                    % {"call": call, "count": moved},
                    messages.SUCCESS,
                )


class StatusChangeInline(admin.TabularInline):
    model = ApplicationStatusChange
    extra = 0
    can_delete = False
    fields = ("changed_at", "from_status", "to_status", "changed_by")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Applications are written by candidates and moved by the selection services;
    the admin shows them and their history."""

    list_display = ("reference", "user", "call", "status", "shortlisted", "submitted_at")
    list_filter = ("call", "status")
    list_select_related = ("user", "call")
    search_fields = ("reference", "user__email", "user__name")
    show_full_result_count = False
    inlines = (StatusChangeInline,)
    readonly_fields = (
        "reference",
        "call",
        "user",
        "status",
        "shortlisted",
        "cv_link",
        "submitted_at",
        "updated_at",
    )
    exclude = ("cv", "cv_original_name")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("CV"))
    def cv_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("roundtables:cv", kwargs={"pk": obj.pk}),
            obj.cv_original_name or gettext("Download"),
        )
