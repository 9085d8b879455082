from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from consultations.models import (
    Footnote,
    GcmTalkRequest,
    RegionalReview,
    Registration,
    Session,
    SessionContact,
    SessionLink,
    Speaker,
)


@admin.register(RegionalReview)
class RegionalReviewAdmin(TranslationAdmin):
    list_display = ("title", "region", "meeting_date", "venue")
    list_select_related = ("region",)
    list_filter = ("region",)
    search_fields = ("slug", "title_en")
    prepopulated_fields = {"slug": ("title_en",)}


class SpeakerInline(TranslationStackedInline):
    model = Speaker
    extra = 0


class SessionLinkInline(TranslationStackedInline):
    model = SessionLink
    extra = 0


class SessionContactInline(TranslationStackedInline):
    model = SessionContact
    extra = 0


class FootnoteInline(TranslationStackedInline):
    model = Footnote
    extra = 0


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    list_display = ("title", "review", "kind", "format", "status", "starts_at")
    list_filter = ("review", "kind", "format", "status")
    list_select_related = ("review",)
    search_fields = ("slug", "title_en")
    date_hierarchy = "starts_at"
    inlines = (SpeakerInline, SessionLinkInline, SessionContactInline, FootnoteInline)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("user", "session", "mode", "status", "attendance", "created_at")
    list_filter = ("session__review", "mode", "status", "attendance")
    list_select_related = ("user", "session")
    search_fields = ("user__email", "user__name")
    raw_id_fields = ("user", "session")
    show_full_result_count = False


@admin.register(GcmTalkRequest)
class GcmTalkRequestAdmin(admin.ModelAdmin):
    list_display = ("title", "review", "requested_by", "proposed_date", "status")
    list_filter = ("status", "review")
    list_select_related = ("review", "requested_by")
    search_fields = ("title",)
