"""Staff moderation of stakeholder inputs and their analysis (core/permissions.py says
what a refusal answers)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from consultations.selectors import review_list
from core.errors import DomainError, show_error
from core.permissions import permission_required
from roundtables.enums import InputDecision, InputStatus
from roundtables.forms.inputs import (
    AnalysisFilterForm,
    MergeForm,
    RejectForm,
    SourceForm,
)
from roundtables.selectors import inputs as selectors
from roundtables.services import inputs as services


@permission_required("roundtables.moderate_inputs")
def moderation(request):
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


@permission_required("roundtables.moderate_inputs")
def moderate(request, pk):
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
        form = None  # the form of the decision, where a refusal is shown
        try:
            if decision == InputDecision.ACCEPT:
                services.input_accept(stakeholder_input=stakeholder_input, by=request.user)
                messages.success(request, _("The input is accepted."))
                return redirect("roundtables:moderation")
            if decision == InputDecision.REJECT:
                form = reject_form = RejectForm(request.POST, prefix="reject")
                if reject_form.is_valid():
                    services.input_reject(
                        stakeholder_input=stakeholder_input,
                        by=request.user,
                        reason=reject_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The input is rejected; the author is told why."))
                    return redirect("roundtables:moderation")
            elif decision == InputDecision.MERGE:
                form = merge_form = MergeForm(
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
                form = source_form = SourceForm(
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
        except DomainError as error:
            show_error(request, error, form=form)
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


@permission_required("roundtables.analyse_inputs")
def analysis(request):
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
