"""From a builder's data to PDF bytes: HTML templates with print CSS, turned into PDF by
WeasyPrint. Pure functions of their input: no database, no request, no storage.

WeasyPrint may load only the project's own static files, through StaticOnlyFetcher:
never the network, never another local file. User text is escaped before it reaches a
template (reports.markup), so this is the second line of defence, not the first.
"""

import logging
import mimetypes
import posixpath
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from reports import kinds

logger = logging.getLogger(__name__)

# A host that can never resolve (RFC 2606 .invalid): the fetcher answers for it itself.
ASSET_HOST = "report-assets.invalid"
ASSET_BASE = f"https://{ASSET_HOST}/"
ASSET_TYPES = {
    ".css", ".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".ttf", ".otf", ".woff", ".woff2",
}  # fmt: skip
CONTENT_TYPE = "application/pdf"


class BlockedURL(ValueError):
    pass


def static_asset_path(url: str) -> Path:
    """The file behind an asset URL, or BlockedURL. Only files the static finders (or
    STATIC_ROOT) hold, with an asset extension, are served."""
    parts = urlsplit(url)
    if parts.scheme != "https" or parts.netloc != ASSET_HOST or parts.query:
        raise BlockedURL(f"not one of the project's static files: {url[:200]}")
    relative = posixpath.normpath(unquote(parts.path).lstrip("/"))
    if relative.startswith((".", "/")) or "\\" in relative or "\x00" in relative:
        raise BlockedURL(f"not a static file path: {url[:200]}")
    if Path(relative).suffix.lower() not in ASSET_TYPES:
        raise BlockedURL(f"not a stylesheet, image or font: {url[:200]}")
    found = finders.find(relative)
    if not found and settings.STATIC_ROOT:
        root = Path(settings.STATIC_ROOT).resolve()
        candidate = (root / relative).resolve()
        if candidate.is_relative_to(root) and candidate.is_file():
            found = str(candidate)
    if not found:
        raise BlockedURL(f"no such static file: {relative}")
    return Path(found)


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves the project's static files and data: URLs; refuses everything else
        (http, https elsewhere, file:, ftp:) without opening it."""

        def __init__(self):
            super().__init__(allowed_protocols=())
            self.blocked: list[str] = []

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return URLFetcher(allowed_protocols=("data",)).fetch(url)
            try:
                path = static_asset_path(url)
            except BlockedURL:
                self.blocked.append(url)
                logger.warning("Report renderer refused to load %s", url[:200])
                raise
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher


def static_only_fetcher():
    return _fetcher_class()()


@dataclass
class RenderedFile:
    filename: str
    content_type: str
    content: bytes
    page_count: int
    html_seconds: float = 0.0
    pdf_seconds: float = 0.0


def render_html(data) -> str:
    """The report's HTML in its own language (whatever language is active)."""
    with translation.override(data.language):
        return render_to_string(kinds.get(data.kind).template, {"report": data})


def html_to_pdf(html: str, *, fetcher=None) -> tuple[bytes, int]:
    from weasyprint import HTML

    document = HTML(
        string=html, base_url=ASSET_BASE, url_fetcher=fetcher or static_only_fetcher()
    ).render()
    return document.write_pdf(), len(document.pages)


def render(data, *, filename: str) -> RenderedFile:
    """data (a builder's report) -> (filename, content type, PDF bytes)."""
    started = time.perf_counter()
    html = render_html(data)
    html_done = time.perf_counter()
    with translation.override(data.language):
        content, pages = html_to_pdf(html)
    return RenderedFile(
        filename=filename,
        content_type=CONTENT_TYPE,
        content=content,
        page_count=pages,
        html_seconds=html_done - started,
        pdf_seconds=time.perf_counter() - html_done,
    )
