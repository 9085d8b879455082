from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from core.errors import DomainError
from core.paginators import EstimatedCountPaginator
from core.permissions import can
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    Criterion,
    RapporteurCall,
)
from roundtables.services import rapporteur as services


class CriterionInline(TranslationTabularInline):
    model = Criterion
    extra = 0


@admin.register(RapporteurCall)
class RapporteurCallAdmin(TranslationAdmin):
    list_display = ("title", "review", "opens_at", "deadline", "time_zone", "is_published", "pages")
    list_select_related = ("review",)
    filter_horizontal = ("assessors",)
    readonly_fields = ("assessment_started_at", "selection_confirmed_at")
    inlines = (CriterionInline,)
    actions = ("start_assessment",)

    @admin.display(description=_("staff pages"))
    def pages(self, obj):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("roundtables:assessment_list", kwargs={"slug": obj.slug}),
            gettext("Assessment"),
            reverse("roundtables:selection", kwargs={"slug": obj.slug}),
            gettext("Selection"),
            reverse("roundtables:export", kwargs={"slug": obj.slug, "fmt": "xlsx"}),
            gettext("Export"),
        )

    def has_select_permission(self, request):
        return can(request.user, "roundtables.select_call")

    @admin.action(
        description=_("Start the assessment of the selected calls"), permissions=["select"]
    )
    def start_assessment(self, request, queryset):
        for call in queryset:
            try:
                moved = services.call_start_assessment(call=call, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{call}: {error}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    gettext("%(call)s: %(count)s applications are now under assessment.")
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

    list_display = ("reference", "user", "call", "status", "on_shortlist", "submitted_at")
    list_filter = ("call", "status")
    list_select_related = ("user", "call")
    search_fields = ("reference", "user__email", "user__name")
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    inlines = (StatusChangeInline,)
    readonly_fields = (
        "reference",
        "call",
        "user",
        "status",
        "on_shortlist",
        "cv_link",
        "submitted_at",
        "updated_at",
    )
    exclude = ("cv", "cv_original_name")

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("on the shortlist"), boolean=True)
    def on_shortlist(self, obj):
        return obj.shortlisted

    @admin.display(description=_("CV"))
    def cv_link(self, obj):
        if not obj.cv:
            return gettext("Deleted after the retention period")
        return format_html(
            '<a href="{}">{}</a>',
            reverse("roundtables:cv", kwargs={"pk": obj.pk}),
            obj.cv_original_name or gettext("Download"),
        )
