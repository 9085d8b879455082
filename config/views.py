from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.health import readiness
from consultations.selectors import review_list, session_upcoming


def home(request):
    return render(
        request,
        "home.html",
        {"reviews": review_list(), "upcoming": session_upcoming(limit=5)},
    )


@require_GET
@never_cache
def livez(request):
    """The process answers; nothing else is touched (config.health)."""
    return JsonResponse({"status": "ok"})


@require_GET
@never_cache
def readyz(request):
    """The database, the broker and a recent worker heartbeat (config.health); also
    served at /healthz."""
    ready, checks = readiness()
    return JsonResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
