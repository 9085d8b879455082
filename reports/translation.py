from modeltranslation.translator import TranslationOptions, register

from reports.models import ReviewReportText


@register(ReviewReportText)
class ReviewReportTextTranslation(TranslationOptions):
    fields = (
        "introduction",
        "rapporteur_function",
        "rapporteur_presentation",
        "conclusions",
        "inputs_introduction",
    )
