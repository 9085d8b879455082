from django.contrib import admin

from reports.models import Report


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "kind",
        "language",
        "version",
        "status",
        "requested_at",
        "published_at",
    )
    list_filter = ("kind", "status", "language")
    list_select_related = ("session", "review")
    show_full_result_count = False
