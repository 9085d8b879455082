from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from core.forms import HTTPS_URLS
from gcm.models import MemberState, Objective, Region, Sector, SubRegion


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ("position", "name", "code")
    ordering = ("position",)


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin):
    list_display = ("number", "title")
    ordering = ("number",)


@admin.register(Region)
class RegionAdmin(TranslationAdmin):
    list_display = ("name", "commission_abbreviation", "code", "membership_source")
    formfield_overrides = HTTPS_URLS


@admin.register(SubRegion)
class SubRegionAdmin(TranslationAdmin):
    list_display = ("name", "region", "code")
    list_select_related = ("region",)


@admin.register(MemberState)
class MemberStateAdmin(admin.ModelAdmin):
    list_display = ("country", "region", "kind", "subregion")
    list_filter = ("region", "kind", "subregion")
    list_select_related = ("region", "subregion")
