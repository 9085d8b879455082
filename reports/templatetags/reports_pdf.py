from django import template

from reports.rendering import ASSET_BASE

register = template.Library()


@register.simple_tag
def pdf_asset(path: str) -> str:
    """The address of one of the project's static files, as the PDF renderer's URL
    fetcher serves it (the only files a report may load)."""
    return f"{ASSET_BASE}{path.lstrip('/')}"
