from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from consultations.calendar import calendar_bytes
from consultations.forms import SessionFilterForm
from consultations.selectors import (
    session_detail,
    session_filtered,
    session_public,
    session_split,
)


def session_list(request):
    form = SessionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sessions = session_filtered(
        review=filters.get("review", ""),
        kind=filters.get("kind", ""),
        format=filters.get("format", ""),
    )
    upcoming, past = session_split(sessions)
    return render(
        request,
        "consultations/session_list.html",
        {"form": form, "upcoming": upcoming, "past": past},
    )


def session_view(request, slug):
    session = session_detail(slug=slug)
    if session is None:
        raise Http404
    return render(request, "consultations/session_detail.html", {"session": session})


def calendar_feed(request):
    body = calendar_bytes(session_public().order_by("starts_at"), name=_("GCM Consultations"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="gcm-consultations.ics"'
    return response
