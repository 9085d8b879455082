"""CORS and HEAD for the public API (/api/), errors included.

Read-only CORS: any origin may read with GET or HEAD and ask with OPTIONS; no
credentials (no Access-Control-Allow-Credentials), so a browser never sends the site's
cookies along. Nothing outside /api/ gets these headers."""

from django.http import HttpResponse

API_PREFIX = "/api/"
READ_METHODS = "GET, HEAD, OPTIONS"
REQUEST_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
EXPOSED_HEADERS = "Content-Language, ETag, Last-Modified, Retry-After"


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = READ_METHODS
            response["Access-Control-Allow-Headers"] = REQUEST_HEADERS
            response["Access-Control-Max-Age"] = "86400"
            response["Allow"] = READ_METHODS
        elif request.method == "HEAD":
            # The GET answer; the server drops its body.
            request.method = "GET"
            try:
                response = self.get_response(request)
            finally:
                request.method = "HEAD"
        else:
            response = self.get_response(request)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
