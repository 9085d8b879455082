"""Staff pages where the admin is a poor fit: moderating inputs, their analysis, and the
review and selection of the Rapporteur. Anyone without the role gets 404."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from consultations.selectors import review_list
from roundtables import exports, selectors, services
from roundtables.balance import Labels, compare
from roundtables.enums import ApplicationStatus, InputDecision, InputStatus
from roundtables.forms import (
    AnalysisFilterForm,
    MergeForm,
    RecuseForm,
    RejectForm,
    ScoreForm,
    SourceForm,
)
from roundtables.models import RapporteurCall
from roundtables.permissions import (
    can_analyse,
    can_moderate,
    can_review,
    can_select,
    staff_required,
)


@staff_required
def staff_home(request):
    calls = RapporteurCall.objects.select_related("review").prefetch_related("reviewers")
    user = request.user
    rows = [(call, can_review(user, call), can_select(user, call)) for call in calls]
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


# --- Moderation of inputs ----------------------------------------------------------------


@staff_required
def moderation(request):
    if not can_moderate(request.user):
        raise Http404
    reviews = list(review_list())
    slug = request.GET.get("review", "")
    review = next((r for r in reviews if r.slug == slug), None)
    status = request.GET.get("status", InputStatus.SUBMITTED)
    if status not in InputStatus.values and status != "all":
        status = InputStatus.SUBMITTED
    inputs = list(
        selectors.moderation_queue(review=review, status="" if status == "all" else status)
    )
    return render(
        request,
        "roundtables/staff/moderation.html",
        {
            "inputs": inputs,
            "reviews": reviews,
            "review": review,
            "status": status,
            "statuses": InputStatus.choices,
        },
    )


@staff_required
def moderate(request, pk):
    if not can_moderate(request.user):
        raise Http404
    stakeholder_input = selectors.input_for_moderation(pk=pk)
    if stakeholder_input is None:
        raise Http404
    reject_form = RejectForm(prefix="reject")
    merge_form = MergeForm(prefix="merge", stakeholder_input=stakeholder_input)
    source_form = SourceForm(
        prefix="source",
        stakeholder_input=stakeholder_input,
        initial={"source_session": stakeholder_input.source_session_id},
    )
    if request.method == "POST":
        decision = request.POST.get("decision", "")
        try:
            if decision == InputDecision.ACCEPT:
                services.input_accept(stakeholder_input=stakeholder_input, by=request.user)
                messages.success(request, _("The input is accepted."))
                return redirect("roundtables:moderation")
            if decision == InputDecision.REJECT:
                reject_form = RejectForm(request.POST, prefix="reject")
                if reject_form.is_valid():
                    services.input_reject(
                        stakeholder_input=stakeholder_input,
                        by=request.user,
                        reason=reject_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The input is rejected; the author is told why."))
                    return redirect("roundtables:moderation")
            elif decision == InputDecision.MERGE:
                merge_form = MergeForm(
                    request.POST, prefix="merge", stakeholder_input=stakeholder_input
                )
                if merge_form.is_valid():
                    services.input_merge(
                        duplicate=stakeholder_input,
                        into=merge_form.cleaned_data["into"],
                        by=request.user,
                    )
                    messages.success(request, _("The duplicate is merged."))
                    return redirect("roundtables:moderation")
            elif decision == "source":
                source_form = SourceForm(
                    request.POST, prefix="source", stakeholder_input=stakeholder_input
                )
                if source_form.is_valid():
                    services.input_set_source(
                        stakeholder_input=stakeholder_input,
                        session=source_form.cleaned_data["source_session"],
                    )
                    messages.success(request, _("The consultation of origin is noted."))
                    return redirect("roundtables:moderate", pk=stakeholder_input.pk)
            else:
                messages.error(request, _("Choose what to do with this input."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(
        request,
        "roundtables/staff/moderate.html",
        {
            "input": stakeholder_input,
            "reject_form": reject_form,
            "merge_form": merge_form,
            "source_form": source_form,
            "decisions": InputDecision,
        },
    )


@staff_required
def analysis(request):
    if not can_analyse(request.user):
        raise Http404
    form = AnalysisFilterForm(request.GET or None)
    reviews = list(review_list())
    review = None
    statuses = [InputStatus.ACCEPTED]
    if form.is_valid():
        review = form.cleaned_data["review"]
        statuses = form.cleaned_data["status"] or statuses
    elif request.GET:
        raise Http404
    review = review or (reviews[0] if reviews else None)
    if not request.GET:
        form = AnalysisFilterForm(
            initial={"review": review.slug if review else None, "status": statuses}
        )
    result = selectors.input_analysis(review=review, statuses=statuses) if review else None
    return render(
        request,
        "roundtables/staff/analysis.html",
        {"form": form, "review": review, "analysis": result},
    )


# --- Review of applications --------------------------------------------------------------


def _call_for(request, slug, *, check) -> RapporteurCall:
    call = selectors.call_for_staff(slug=slug)
    if call is None or not check(request.user, call):
        raise Http404
    return call


@staff_required
def review_list_view(request, slug):
    call = _call_for(request, slug, check=can_review)
    applications = selectors.review_queue(call=call, reviewer=request.user)
    return render(
        request,
        "roundtables/staff/review_list.html",
        {
            "call": call,
            "applications": applications,
            "named": selectors.show_identity(call),
            "started": call.review_started_at is not None,
        },
    )


@staff_required
def review_application(request, slug, pk):
    call = _call_for(request, slug, check=can_review)
    application = selectors.application_for_review(call=call, pk=pk)
    if application is None:
        raise Http404
    criteria = list(call.criteria.all())
    existing = selectors.my_scores(application=application, reviewer=request.user)
    recused = application.recusals.filter(reviewer=request.user).exists()
    score_form = ScoreForm(criteria=criteria, existing=existing, prefix="score")
    recuse_form = RecuseForm(prefix="recuse")
    if request.method == "POST" and not recused:
        try:
            if request.POST.get("action") == "recuse":
                recuse_form = RecuseForm(request.POST, prefix="recuse")
                if recuse_form.is_valid():
                    services.recusal_create(
                        application=application,
                        reviewer=request.user,
                        reason=recuse_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("You have recused yourself."))
                    return redirect("roundtables:review_list", slug=call.slug)
            else:
                score_form = ScoreForm(
                    request.POST, criteria=criteria, existing=existing, prefix="score"
                )
                if score_form.is_valid():
                    services.score_save(
                        application=application,
                        reviewer=request.user,
                        scores=score_form.scores(),
                    )
                    messages.success(request, _("Your scores are saved."))
                    return redirect("roundtables:review_list", slug=call.slug)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return render(
        request,
        "roundtables/staff/review_application.html",
        {
            "call": call,
            "application": application,
            "named": selectors.show_identity(call),
            "recused": recused,
            "score_form": score_form,
            "recuse_form": recuse_form,
            "final": call.selection_confirmed_at is not None,
        },
    )


# --- Selection ---------------------------------------------------------------------------


@staff_required
def selection(request, slug):
    call = _call_for(request, slug, check=can_select)
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


@staff_required
def selection_action(request, slug):
    call = _call_for(request, slug, check=can_select)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    action = request.POST.get("action", "")
    try:
        if action == "start":
            moved = services.call_start_review(call=call, by=request.user)
            messages.success(
                request,
                _("The review has started; %(count)s candidates were told.") % {"count": moved},
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
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("roundtables:selection", slug=call.slug)


def _ids(values) -> list[int]:
    try:
        return [int(value) for value in values]
    except (TypeError, ValueError) as exc:
        raise Http404 from exc


@staff_required
def export(request, slug, fmt):
    call = _call_for(request, slug, check=can_select)
    renderer = {"csv": exports.scores_csv, "xlsx": exports.scores_xlsx}.get(fmt)
    if renderer is None:
        raise Http404
    response = renderer(call)
    response["Cache-Control"] = "private, no-store"
    return response
