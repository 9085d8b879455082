from django.contrib import admin

from audit.models import AuditEvent
from core.permissions import can


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the secretariat lead reads the trail; nobody edits it."""

    list_display = ("at", "actor_label", "action", "target_type", "target_id", "subject_id")
    list_filter = ("action", ("at", admin.DateFieldListFilter), "target_type")
    search_fields = ("=target_id", "=subject_id", "actor_label")
    date_hierarchy = "at"
    list_select_related = False
    show_full_result_count = False
    readonly_fields = [field.name for field in AuditEvent._meta.fields]

    def has_view_permission(self, request, obj=None):
        return can(request.user, "audit.view_events")

    def has_module_permission(self, request):
        return can(request.user, "audit.view_events")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
