from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from config import views
from opendata.api import api
from stakeholders.mfa import admin_login

# A database outage met outside a view answers the maintenance page (503), not a 500.
handler500 = "core.outage.server_error"

urlpatterns = [
    path("livez", views.livez, name="livez"),
    path("readyz", views.readyz, name="readyz"),
    # The older name of readiness, kept for probes that use it.
    path("healthz", views.readyz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    # The admin's own login form would skip the second factor: allauth signs staff in.
    path("admin/login/", admin_login),
    path("admin/", admin.site.urls),
    # The public read-only API: /api/v1/schema (OpenAPI 3), /api/v1/docs.
    path("api/v1/", api.urls),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("", include("stakeholders.urls")),
    path("", include("consultations.urls")),
    path("", include("outreach.urls")),
    path("", include("feedback.urls")),
    path("", include("roundtables.urls")),
    path("", include("reports.urls")),
    path("", include("opendata.urls")),
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
