from django.contrib import admin

from outbox.models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    list_display = (
        "created_at",
        "to",
        "subject",
        "language",
        "status",
        "attempts",
        "last_attempt_at",
    )
    list_filter = ("status", "language")
    search_fields = ("to", "subject")
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False
