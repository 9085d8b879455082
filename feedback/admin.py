from django.contrib import admin

from feedback.models import SurveyResponse


@admin.register(SurveyResponse)
class SurveyResponseAdmin(admin.ModelAdmin):
    """Answers without the person's name: staff read them as the results pages do."""

    list_display = ["session", "mode", "sector", "language", "overall", "content", "created_at"]
    list_filter = ["mode", "language"]
    list_select_related = ["session", "sector"]
    exclude = ["registration"]
    readonly_fields = [
        "session",
        "mode",
        "sector",
        "language",
        "overall",
        "content",
        "interpretation",
        "accessibility",
        "hybrid_format",
        "comments",
        "created_at",
    ]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False
