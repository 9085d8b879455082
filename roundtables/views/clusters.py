"""The public page of the roundtables: clusters, objectives, panels and coverage."""

from django.http import Http404
from django.shortcuts import render

from consultations.selectors import review_list
from roundtables.selectors import clusters as selectors


def _pick_review(request, reviews):
    slug = request.GET.get("review")
    review = next((r for r in reviews if r.slug == slug), reviews[0] if reviews else None)
    if slug and review is not None and review.slug != slug:
        raise Http404
    return review


def index(request):
    reviews = list(review_list())
    review = _pick_review(request, reviews)
    roundtables = list(selectors.roundtable_list(review=review)) if review else []
    return render(
        request,
        "roundtables/index.html",
        {
            "reviews": reviews,
            "review": review,
            "roundtables": roundtables,
            "coverage": selectors.objective_coverage(roundtables=roundtables) if review else None,
        },
    )
