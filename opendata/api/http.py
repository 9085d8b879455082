"""What every request to the public API goes through, around the operation itself:
an anonymous rate limit per client address, the language of the content, and
conditional GET (ETag, Last-Modified, 304).

CORS and HEAD are answered for every /api/ address, errors included, by
opendata.middleware.ApiMiddleware."""

import hashlib
import math
import time
from collections.abc import Callable
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, quote_etag
from django.utils.translation.trans_real import parse_accept_lang_header

LANGUAGE_CODES = tuple(code for code, _name in settings.LANGUAGES)


def client_ip(request: HttpRequest) -> str:
    """The client's address as sign-in rate limits see it: behind the trusted proxies
    (ALLAUTH_TRUSTED_PROXY_COUNT) the address they forwarded, else REMOTE_ADDR."""
    try:
        return get_adapter().get_client_ip(request)
    except (PermissionDenied, ImproperlyConfigured):
        # A forwarded header that does not match the trusted proxies: count the
        # connection's own address, never a value the client chose.
        return request.META.get("REMOTE_ADDR") or "unknown"


def rate_limited(request: HttpRequest) -> HttpResponse | None:
    """A fixed window per client address, counted in the shared cache: a 429 with
    Retry-After once the client has used its requests of the window, else None."""
    limit, period = settings.OPENDATA_API_RATE_LIMIT
    now = time.time()
    window = int(now // period)
    key = f"opendata:api-rate:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=period + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=period + 1)
        used = 1
    if used <= limit:
        return None
    retry_after = max(1, math.ceil((window + 1) * period - now))
    response = JsonResponse(
        {"detail": f"Too many requests: at most {limit} every {period} seconds."}, status=429
    )
    response["Retry-After"] = str(retry_after)
    return response


def requested_language(request: HttpRequest) -> str:
    """The `lang` parameter, else the best language of Accept-Language that the site
    has, else English (the site's own fallback)."""
    asked = request.GET.get("lang", "")
    if asked in LANGUAGE_CODES:
        return asked
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if code == "*":
            break
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


def api_view(run: Callable) -> Callable:
    """Wraps every operation (NinjaAPI.add_decorator, mode "view"): rate limit, then the
    content in the language asked for, marked with Content-Language."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs):
        limited = rate_limited(request)
        if limited is not None:
            return limited
        language = requested_language(request)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = run(request, *args, **kwargs)
        response["Content-Language"] = language
        patch_vary_headers(response, ["Accept-Language"])
        return response

    return wrapper


def _etag(request: HttpRequest, *parts) -> str:
    digest = hashlib.sha256()
    for part in (request.path, request.GET.urlencode(), translation.get_language(), *parts):
        digest.update(str(part).encode())
        digest.update(b"\0")
    return quote_etag(digest.hexdigest()[:40])


def conditional(fingerprint: Callable | None = None) -> Callable:
    """ETag and Last-Modified on a successful answer, and 304 Not Modified when the
    client's copy is current.

    With a `fingerprint` (a selector returning a token that changes with the data, and
    the time of the latest change or None), the validators are computed before the
    answer is built, from the data's latest change: a current client costs that one
    cheap query. Without one, the ETag is a digest of the answer itself (for small
    documents, and for those that change with the clock, such as open calls)."""

    def decorator(run: Callable) -> Callable:
        @wraps(run)
        def wrapper(request: HttpRequest, *args, **kwargs):
            etag = last_modified = None
            if fingerprint is not None:
                token, changed_at = fingerprint()
                etag = _etag(request, token)
                # HTTP dates have whole seconds: compare in whole seconds.
                last_modified = math.floor(changed_at.timestamp()) if changed_at else None
                not_modified = get_conditional_response(
                    request, etag=etag, last_modified=last_modified
                )
                if not_modified is not None:
                    not_modified["ETag"] = etag
                    return not_modified
            response = run(request, *args, **kwargs)
            if response.status_code != 200:
                return response
            if etag is None:
                etag = _etag(request, hashlib.sha256(response.content).hexdigest())
            response["ETag"] = etag
            if last_modified is not None:
                response["Last-Modified"] = http_date(last_modified)
            response["Cache-Control"] = "public, max-age=60"
            return get_conditional_response(
                request, etag=etag, last_modified=last_modified, response=response
            )

        return wrapper

    return decorator
