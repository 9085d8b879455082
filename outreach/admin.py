from django.contrib import admin

from outreach.models import Contact, OrganisationMerge


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["email", "name", "organisation", "sector", "country", "language", "basis"]
    list_filter = ["basis", "language", "sector"]
    list_select_related = ["organisation", "sector"]
    search_fields = ["email", "name"]
    raw_id_fields = ["organisation"]
    show_full_result_count = False


@admin.register(OrganisationMerge)
class OrganisationMergeAdmin(admin.ModelAdmin):
    list_display = ["merged_name", "kept", "merged_by", "merged_at"]
    list_select_related = ["kept", "merged_by"]
    readonly_fields = [
        "kept",
        "merged_id",
        "merged_name",
        "merged_data",
        "moved",
        "merged_by",
        "merged_at",
    ]

    def has_add_permission(self, request):
        return False
