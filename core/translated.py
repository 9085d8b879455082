"""Which language a translated model field (modeltranslation) is shown in.

Where a field has no translation in the active language, modeltranslation shows the
English text (MODELTRANSLATION_FALLBACK_LANGUAGES). That English has to be marked as
such: screen readers then pronounce it as English, and inside a right-to-left page
(Arabic) it keeps its own direction, so that a full stop stays at the end of its
sentence instead of jumping to the start of the line.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language, get_language_bidi, get_language_info
from modeltranslation.utils import build_localized_fieldname

FALLBACK_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
_MISSING = object()


@dataclass(frozen=True)
class Shown:
    """A field's text as shown, and the language it is in when that is not the page's
    (empty when it is the page's own)."""

    text: str
    lang: str = ""
    rtl: bool = False

    @property
    def dir(self) -> str:
        """The direction to mark, when the page's direction does not fit the text."""
        if not self.lang or self.rtl == get_language_bidi():
            return ""
        return "rtl" if self.rtl else "ltr"


def shown(obj, field: str, *, language: str | None = None) -> Shown:
    """The text of `obj.field` in `language` (the active one by default), falling back to
    English like modeltranslation does, and saying when it fell back."""
    language = language or get_language() or FALLBACK_LANGUAGE
    own = getattr(obj, build_localized_fieldname(field, language), _MISSING)
    if own is _MISSING:  # not a translated field: plain text in the page's language
        return Shown(str(getattr(obj, field, "") or ""))
    # Translation columns are nullable (modeltranslation): NULL is no translation.
    own = own or ""
    if own.strip() or language == FALLBACK_LANGUAGE:
        return Shown(own)
    english = getattr(obj, build_localized_fieldname(field, FALLBACK_LANGUAGE), "") or ""
    if not english.strip():
        return Shown("")
    return Shown(english, FALLBACK_LANGUAGE, bool(get_language_info(FALLBACK_LANGUAGE)["bidi"]))
