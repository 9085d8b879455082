"""The maintenance page shown while the database is unreachable.

A database outage used to answer Django's bare "Server Error (500)". Now a
DatabaseError of the connection kind (OperationalError, InterfaceError) answers 503 with
Retry-After and a page in the visitor's language, taken from the URL prefix, the
language cookie or Accept-Language, never from the database. The page (503.html) uses
no context at all. Nothing has to be reset when the database is back: Django closes a
connection that failed at the end of the request and the next one connects afresh.

Two ways in: the middleware catches what a view raises; `server_error` (handler500)
catches what is raised outside a view (a middleware reading the session, a template
rendered late).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views import defaults

logger = logging.getLogger(__name__)

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_S = 30


def database_unavailable(request, exc: BaseException) -> HttpResponse:
    logger.warning("Database unavailable, answering 503: %s: %s", type(exc).__name__, exc)
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        # No request, so no context processor: nothing may reach the database.
        content = render_to_string("503.html", {"retry_after": RETRY_AFTER_S})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_S)
    response["Content-Language"] = language
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    add_never_cache_headers(response)
    return response


class DatabaseUnavailableMiddleware:
    """A view that meets a database outage answers the maintenance page (503)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DATABASE_UNAVAILABLE):
            return database_unavailable(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: the maintenance page for a database outage met outside a view,
    Django's 500 page for everything else."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable(request, exc)
    return defaults.server_error(request, template_name=template_name)
