"""Staff assessment of Rapporteur applications: scoring each criterion, or recusal.
Anyone who is not an assessor of the call gets 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError, show_error
from roundtables.forms.rapporteur import (
    RecuseForm,
    ScoreForm,
)
from roundtables.models import RapporteurCall
from roundtables.permissions import (
    can_assess,
    staff_required,
)
from roundtables.selectors import rapporteur as selectors
from roundtables.services import rapporteur as services


def _call_for(request, slug, *, check) -> RapporteurCall:
    call = selectors.call_for_staff(slug=slug)
    if call is None or not check(request.user, call):
        raise Http404
    return call


@staff_required
def assessment_list(request, slug):
    call = _call_for(request, slug, check=can_assess)
    applications = selectors.assessment_queue(call=call, assessor=request.user)
    return render(
        request,
        "roundtables/staff/assessment_list.html",
        {
            "call": call,
            "applications": applications,
            "named": selectors.show_identity(call),
            "started": call.assessment_started_at is not None,
        },
    )


@staff_required
def assess(request, slug, pk):
    call = _call_for(request, slug, check=can_assess)
    application = selectors.application_for_assessment(call=call, pk=pk)
    if application is None:
        raise Http404
    criteria = list(call.criteria.all())
    existing = selectors.my_scores(application=application, assessor=request.user)
    recused = application.recusals.filter(assessor=request.user).exists()
    score_form = ScoreForm(criteria=criteria, existing=existing, prefix="score")
    recuse_form = RecuseForm(prefix="recuse")
    if request.method == "POST" and not recused:
        form = None  # the form of the action, where a refusal is shown
        try:
            if request.POST.get("action") == "recuse":
                form = recuse_form = RecuseForm(request.POST, prefix="recuse")
                if recuse_form.is_valid():
                    services.recusal_create(
                        application=application,
                        assessor=request.user,
                        reason=recuse_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("You have recused yourself."))
                    return redirect("roundtables:assessment_list", slug=call.slug)
            else:
                form = score_form = ScoreForm(
                    request.POST, criteria=criteria, existing=existing, prefix="score"
                )
                if score_form.is_valid():
                    services.score_save(
                        application=application,
                        assessor=request.user,
                        scores=score_form.scores(),
                    )
                    messages.success(request, _("Your scores are saved."))
                    return redirect("roundtables:assessment_list", slug=call.slug)
        except DomainError as error:
            show_error(request, error, form=form)
    return render(
        request,
        "roundtables/staff/assessment_application.html",
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
