from modeltranslation.translator import TranslationOptions, register

from consultations.models import (
    Footnote,
    RegionalReview,
    Session,
    SessionContact,
    SessionLink,
    Speaker,
)


@register(RegionalReview)
class RegionalReviewTranslation(TranslationOptions):
    fields = ("title", "venue", "description")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = (
        "title",
        "description",
        "organisers",
        "venue",
        "overview",
        "attendance_note",
        "roundtables_intro",
        "summary",
    )


@register(Speaker)
class SpeakerTranslation(TranslationOptions):
    fields = ("heading", "function", "points")


@register(SessionLink)
class SessionLinkTranslation(TranslationOptions):
    fields = ("group", "title")


@register(SessionContact)
class SessionContactTranslation(TranslationOptions):
    fields = ("heading", "function")


@register(Footnote)
class FootnoteTranslation(TranslationOptions):
    fields = ("text",)
