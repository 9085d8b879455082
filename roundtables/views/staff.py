"""The staff start page of roundtables: what each staff member may moderate, assess or select."""

from django.shortcuts import render

from core.permissions import can, permission_required
from roundtables.enums import InputStatus
from roundtables.models import RapporteurCall
from roundtables.selectors import inputs as selectors


@permission_required("roundtables.view_staff_home")
def staff_home(request):
    calls = RapporteurCall.objects.select_related("review").prefetch_related("assessors")
    user = request.user
    may_select = can(user, "roundtables.select_call")
    rows = [
        (call, can(user, "roundtables.assess_applications", call), may_select) for call in calls
    ]
    may_moderate = can(user, "roundtables.moderate_inputs")
    return render(
        request,
        "roundtables/staff/home.html",
        {
            "calls": [row for row in rows if row[1] or row[2]],
            "can_moderate": may_moderate,
            "can_analyse": can(user, "roundtables.analyse_inputs"),
            "to_moderate": selectors.moderation_queue(review=None, status=InputStatus.SUBMITTED)
            .order_by()
            .count()
            if may_moderate
            else 0,
        },
    )
