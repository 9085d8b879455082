from modeltranslation.translator import TranslationOptions, register

from roundtables.models import Criterion, KeyMessage, RapporteurCall, Roundtable


@register(Roundtable)
class RoundtableTranslation(TranslationOptions):
    fields = ("title", "description")


@register(KeyMessage)
class KeyMessageTranslation(TranslationOptions):
    fields = ("text",)


@register(RapporteurCall)
class RapporteurCallTranslation(TranslationOptions):
    fields = ("title", "description", "eligibility")


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name",)
