from modeltranslation.translator import TranslationOptions, register

from gcm.models import Objective, Region, Sector, SubRegion


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(Objective)
class ObjectiveTranslation(TranslationOptions):
    fields = ("title",)


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "commission_name", "commission_abbreviation")


@register(SubRegion)
class SubRegionTranslation(TranslationOptions):
    fields = ("name",)
