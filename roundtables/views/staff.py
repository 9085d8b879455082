"""The staff start page of roundtables: what each staff member may moderate, assess or select."""

from django.shortcuts import render

from roundtables.enums import InputStatus
from roundtables.models import RapporteurCall
from roundtables.permissions import (
    can_analyse,
    can_assess,
    can_moderate,
    can_select,
    staff_required,
)
from roundtables.selectors import inputs as selectors


@staff_required
def staff_home(request):
    calls = RapporteurCall.objects.select_related("review").prefetch_related("assessors")
    user = request.user
    rows = [(call, can_assess(user, call), can_select(user, call)) for call in calls]
    return render(
        request,
        "roundtables/staff/home.html",
        {
            "calls": [row for row in rows if row[1] or row[2]],
            "can_moderate": can_moderate(user),
            "can_analyse": can_analyse(user),
            "to_moderate": selectors.moderation_queue(review=None, status=InputStatus.SUBMITTED)
            .order_by()
            .count()
            if can_moderate(user)
            else 0,
        },
    )
