from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from consultations.selectors import review_list
from roundtables.selectors import call_list_published, objective_coverage, roundtable_list


def index(request):
    reviews = list(review_list())
    slug = request.GET.get("review")
    review = next((r for r in reviews if r.slug == slug), reviews[0] if reviews else None)
    if slug and review is not None and review.slug != slug:
        raise Http404
    roundtables = list(roundtable_list(review=review)) if review else []
    return render(
        request,
        "roundtables/index.html",
        {
            "reviews": reviews,
            "review": review,
            "roundtables": roundtables,
            "coverage": objective_coverage(roundtables=roundtables) if review else None,
        },
    )


def call_list(request):
    now = timezone.now()
    calls = list(call_list_published())
    return render(
        request,
        "roundtables/call_list.html",
        {
            "open_calls": [c for c in calls if c.opens_at <= now < c.deadline],
            "closed_calls": [c for c in calls if c.deadline <= now],
        },
    )


def call_detail(request, slug):
    call = call_list_published().filter(slug=slug).prefetch_related("criteria").first()
    if call is None:
        raise Http404
    now = timezone.now()
    return render(
        request,
        "roundtables/call_detail.html",
        {"call": call, "is_open": call.opens_at <= now < call.deadline},
    )
