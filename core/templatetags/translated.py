"""Template helpers for translated model fields that mark English shown as a fallback.

{% load translated %}
<h1>{{ session|translated:"title" }}</h1>    (inline: a span when it fell back)
<div{% lang_attrs session "description" %}>{{ session.description|linebreaks }}</div>
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_bidi, get_language_info

from core.translated import shown

register = template.Library()


@register.filter
def translated(obj, field: str):
    """The field's text, escaped; wrapped in <span lang="en" dir="ltr"> when it is the
    English fallback (dir only where the page's direction differs)."""
    value = shown(obj, field)
    if not value.lang:
        return value.text
    if value.dir:
        return format_html('<span lang="{}" dir="{}">{}</span>', value.lang, value.dir, value.text)
    return format_html('<span lang="{}">{}</span>', value.lang, value.text)


@register.simple_tag
def lang_attrs(obj, field: str):
    """` lang="en" dir="ltr"` for the element holding a field's text when that text is
    the English fallback; nothing otherwise."""
    value = shown(obj, field)
    if not value.lang:
        return ""
    if value.dir:
        return format_html(' lang="{}" dir="{}"', value.lang, value.dir)
    return format_html(' lang="{}"', value.lang)


@register.simple_tag
def language_attrs(code: str):
    """` lang="ru"` (and `dir` where the page's direction differs) for text written in
    language `code`, such as a stakeholder input; nothing when it is the page's own."""
    page = get_language() or ""
    if not code or code.lower() == page.lower():
        return ""
    rtl = bool(get_language_info(code)["bidi"])
    if rtl != get_language_bidi():
        return format_html(' lang="{}" dir="{}"', code, "rtl" if rtl else "ltr")
    return format_html(' lang="{}"', code)
