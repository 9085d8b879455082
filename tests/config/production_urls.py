"""The site's URLs plus two that fail on purpose, so that the production test can see
the 403 and 500 pages a visitor would get."""

from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.urls import path

from config.urls import handler500  # noqa: F401 - the site's handler, looked up here
from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a deliberate failure for the production test")


def forbid(request):
    raise PermissionDenied


urlpatterns = [
    *i18n_patterns(
        path("test-failure/", fail),
        path("test-forbidden/", forbid),
    ),
    *site_urlpatterns,
]
