"""Stakeholder inputs: the published ones, and an author's own (submit, change, withdraw)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from consultations.selectors import review_list
from core.errors import DomainError, show_error
from core.files import private_file_response
from core.permissions import can
from roundtables.enums import InputStatus
from roundtables.forms.inputs import InputForm, PublicInputFilterForm
from roundtables.selectors import inputs as selectors
from roundtables.selectors.clusters import roundtables_with_objectives
from roundtables.services import inputs as services
from roundtables.views.clusters import _pick_review
from stakeholders.permissions import profile_required


def input_list(request):
    """Accepted inputs whose authors consented, by cluster, filterable by objective."""
    reviews = list(review_list())
    review = _pick_review(request, reviews)
    if review is None:
        return render(request, "roundtables/input_list.html", {"review": None})
    form = PublicInputFilterForm(request.GET or None, review=review)
    filters = form.cleaned_data if form.is_valid() else {}
    roundtables = list(roundtables_with_objectives(review=review))
    inputs = list(
        selectors.inputs_published(
            review=review,
            roundtable=filters.get("roundtable"),
            objective=filters.get("objective"),
        )
    )
    chosen = filters.get("roundtable")
    groups = selectors.inputs_by_cluster(
        inputs=inputs,
        roundtables=[rt for rt in roundtables if rt.pk == chosen.pk] if chosen else roundtables,
    )
    return render(
        request,
        "roundtables/input_list.html",
        {
            "reviews": reviews,
            "review": review,
            "form": form,
            "groups": groups,
            "count": len(inputs),
        },
    )


@profile_required
def input_new(request):
    reviews = selectors.reviews_open_for_inputs()
    if not reviews.exists():
        return render(request, "roundtables/input_form.html", {"closed": True})
    initial = {"language": request.LANGUAGE_CODE}
    if request.GET.get("review"):
        initial["review"] = reviews.filter(slug=request.GET["review"]).first()
    elif reviews.count() == 1:
        initial["review"] = reviews.first()
    if request.method == "POST":
        form = InputForm(request.POST, request.FILES, reviews=reviews)
        if form.is_valid():
            try:
                services.input_submit(author=request.user, **form.cleaned_data)
            except DomainError as error:
                show_error(request, error, form=form)
            else:
                messages.success(
                    request,
                    _("Thank you: your input has been received and will be moderated."),
                )
                return redirect("roundtables:my_inputs")
    else:
        form = InputForm(initial=initial, reviews=reviews)
    return render(request, "roundtables/input_form.html", {"form": form})


@profile_required
def input_edit(request, pk):
    stakeholder_input = selectors.input_of_user(user=request.user, pk=pk)
    if stakeholder_input is None:
        raise Http404
    review = stakeholder_input.review
    reviews = type(review).objects.filter(pk=review.pk)
    if not services.inputs_open(review) or stakeholder_input.status != InputStatus.SUBMITTED:
        messages.error(request, _("This input can no longer be changed."))
        return redirect("roundtables:my_inputs")
    if request.method == "POST":
        form = InputForm(request.POST, request.FILES, instance=stakeholder_input, reviews=reviews)
        if form.is_valid():
            try:
                services.input_update(stakeholder_input=stakeholder_input, **form.cleaned_data)
            except DomainError as error:
                show_error(request, error, form=form)
            else:
                messages.success(request, _("Your input has been updated."))
                return redirect("roundtables:my_inputs")
    else:
        form = InputForm(instance=stakeholder_input, reviews=reviews)
    return render(
        request,
        "roundtables/input_form.html",
        {"form": form, "input": stakeholder_input, "review": review},
    )


@profile_required
@require_POST
def input_withdraw(request, pk):
    stakeholder_input = selectors.input_of_user(user=request.user, pk=pk)
    if stakeholder_input is None:
        raise Http404
    try:
        services.input_withdraw(stakeholder_input=stakeholder_input)
    except DomainError as error:
        show_error(request, error)
    else:
        messages.success(request, _("Your input has been withdrawn."))
    return redirect("roundtables:my_inputs")


@profile_required
def my_inputs(request):
    inputs = list(selectors.inputs_of_user(user=request.user))
    now = timezone.now()
    for item in inputs:
        item.editable = item.status == InputStatus.SUBMITTED and services.inputs_open(
            item.review, now=now
        )
    return render(
        request,
        "roundtables/my_inputs.html",
        {"inputs": inputs, "can_submit": selectors.reviews_open_for_inputs().exists()},
    )


def input_attachment(request, pk):
    stakeholder_input = selectors.input_for_attachment(pk=pk)
    if stakeholder_input is None or not can(
        request.user, "roundtables.view_attachment", stakeholder_input
    ):
        raise Http404
    return private_file_response(
        stakeholder_input.attachment,
        filename=f"input-{stakeholder_input.pk}.pdf",
        content_type="application/pdf",
    )
