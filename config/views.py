from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from config.health import health
from consultations.selectors import review_list, session_upcoming


def home(request):
    return render(
        request,
        "home.html",
        {"reviews": review_list(), "upcoming": session_upcoming(limit=5)},
    )


@require_GET
@never_cache
def healthz(request):
    healthy, checks = health()
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks},
        status=200 if healthy else 503,
    )
