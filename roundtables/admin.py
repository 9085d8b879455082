from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from roundtables.models import (
    Application,
    Criterion,
    KeyMessage,
    RapporteurCall,
    Roundtable,
    RoundtableRole,
    StakeholderInput,
)


class RoundtableRoleInline(admin.TabularInline):
    model = RoundtableRole
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Roundtable)
class RoundtableAdmin(TranslationAdmin):
    list_display = ("number", "title", "review")
    list_filter = ("review",)
    list_select_related = ("review",)
    filter_horizontal = ("objectives", "consultations")
    inlines = (RoundtableRoleInline,)


@admin.register(StakeholderInput)
class StakeholderInputAdmin(admin.ModelAdmin):
    list_display = ("title", "review", "input_type", "status", "attributed_to", "created_at")
    list_filter = ("review", "status", "input_type", "roundtable", "objectives")
    list_select_related = ("review",)
    search_fields = ("title", "text")
    raw_id_fields = ("author", "merged_into", "source_session")
    filter_horizontal = ("objectives",)
    show_full_result_count = False


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
    list_display = ("title", "review", "opens_at", "deadline", "is_published")
    list_select_related = ("review",)
    inlines = (CriterionInline,)


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ("user", "call", "status", "submitted_at")
    list_filter = ("call", "status")
    list_select_related = ("user", "call")
    search_fields = ("user__email", "user__name")
    show_full_result_count = False
