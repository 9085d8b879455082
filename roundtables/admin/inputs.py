from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.errors import DomainError
from core.forms import PRIVATE_FILES
from core.paginators import EstimatedCountPaginator
from core.permissions import can
from roundtables.models import (
    StakeholderInput,
)
from roundtables.services import inputs as services


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
    formfield_overrides = PRIVATE_FILES
    readonly_fields = (
        "status",
        "rejection_reason",
        "merged_into",
        "moderated_by",
        "moderated_at",
        "created_at",
    )
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50
    actions = ("accept_inputs",)
    change_list_template = "admin/roundtables/stakeholderinput/change_list.html"

    @admin.display(description=_("moderate"))
    def moderate_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("roundtables:moderate", kwargs={"pk": obj.pk}),
            gettext("Moderate"),
        )

    def has_moderate_permission(self, request):
        return can(request.user, "roundtables.moderate_inputs")

    @admin.action(description=_("Accept the selected inputs"), permissions=["moderate"])
    def accept_inputs(self, request, queryset):
        accepted = 0
        for stakeholder_input in queryset:
            try:
                services.input_accept(stakeholder_input=stakeholder_input, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{stakeholder_input}: {error}", messages.ERROR)
            else:
                accepted += 1
        self.message_user(
            request,
            gettext("%(count)s inputs accepted.") % {"count": accepted},
            messages.SUCCESS,
        )
