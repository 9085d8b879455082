"""Staff selection of the Rapporteur: the ranking, the shortlist with its balance, selecting
and confirming, and the exports of scores."""

from django.contrib import messages
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.enums import AuditAction
from audit.services import audit_record
from core.errors import DomainError, show_error
from core.permissions import permission_required
from roundtables.balance import Labels, compare
from roundtables.enums import ApplicationStatus
from roundtables.exports import rapporteur as exports
from roundtables.selectors import rapporteur as selectors
from roundtables.services import rapporteur as services
from roundtables.views.assessment import call_for

SELECT = "roundtables.select_call"


@permission_required(SELECT)
def selection(request, slug):
    call = call_for(request, slug, permission=SELECT)
    labels = Labels(region_id=call.review.region_id)
    ranking = selectors.selection_ranking(call=call, labels=labels)
    pool = [row.person for row in ranking]
    shortlist = [row.person for row in ranking if row.application.shortlisted]
    now = timezone.now()
    return render(
        request,
        "roundtables/staff/selection.html",
        {
            "call": call,
            "criteria": list(call.criteria.all()),
            "ranking": ranking,
            "balance": compare(shortlist=shortlist, pool=pool, labels=labels),
            "named": selectors.show_identity(call),
            "closed": call.has_closed(now=now),
            "final": call.selection_confirmed_at is not None,
            "selected": sum(
                1 for row in ranking if row.application.status == ApplicationStatus.SELECTED
            ),
            "to_start": sum(
                1 for row in ranking if row.application.status == ApplicationStatus.SUBMITTED
            ),
            "statuses": ApplicationStatus,
        },
    )


@permission_required(SELECT)
def selection_action(request, slug):
    call = call_for(request, slug, permission=SELECT)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    action = request.POST.get("action", "")
    try:
        if action == "start":
            moved = services.call_start_assessment(call=call, by=request.user)
            messages.success(
                request,
                _("The assessment has started; %(count)s candidates were told.") % {"count": moved},
            )
        elif action == "shortlist":
            ids = _ids(request.POST.getlist("shortlist"))
            added, removed = services.shortlist_save(
                call=call, by=request.user, application_ids=ids
            )
            messages.success(
                request,
                _("Shortlist saved: %(added)s added, %(removed)s removed.")
                % {"added": added, "removed": removed},
            )
        elif action.startswith(("select:", "unselect:")):
            verb, _sep, pk = action.partition(":")
            application = call.applications.select_related("user").filter(pk=_ids([pk])[0]).first()
            if application is None:
                raise Http404
            if verb == "select":
                services.application_select(application=application, by=request.user)
                messages.success(request, _("Selected; the candidate has been told."))
            else:
                services.application_unselect(application=application, by=request.user)
                messages.success(request, _("The selection is undone; the candidate is told."))
        elif action == "confirm":
            told = services.selection_confirm(call=call, by=request.user)
            messages.success(
                request,
                _("The selection is confirmed; %(count)s other candidates were told.")
                % {"count": told},
            )
        else:
            messages.error(request, _("Choose an action."))
    except DomainError as error:
        show_error(request, error)
    return redirect("roundtables:selection", slug=call.slug)


def _ids(values) -> list[int]:
    try:
        return [int(value) for value in values]
    except (TypeError, ValueError) as exc:
        raise Http404 from exc


@permission_required(SELECT)
def export(request, slug, fmt):
    call = call_for(request, slug, permission=SELECT)
    renderer = {"csv": exports.scores_csv, "xlsx": exports.scores_xlsx}.get(fmt)
    if renderer is None:
        raise Http404
    response = renderer(call)
    audit_record(
        actor=request.user,
        action=AuditAction.EXPORTED_PERSONAL_DATA,
        target=call,
        detail={"what": "rapporteur-assessment", "format": fmt},
    )
    response["Cache-Control"] = "private, no-store"
    return response
