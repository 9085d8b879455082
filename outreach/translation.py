from modeltranslation.translator import TranslationOptions, register

from outreach.models import Campaign


@register(Campaign)
class CampaignTranslation(TranslationOptions):
    """Staff write the invitation in each language they can; a language left empty
    falls back to English."""

    fields = ("subject", "message")
