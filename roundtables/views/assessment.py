"""Staff assessment of Rapporteur applications: scoring each criterion, or recusal.
Staff without the assessor role get 403; an assessor not named on the call gets 404."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import DomainError, show_error
from core.permissions import object_or_404, permission_required
from roundtables.forms.rapporteur import (
    RecuseForm,
    ScoreForm,
)
from roundtables.models import RapporteurCall
from roundtables.selectors import rapporteur as selectors
from roundtables.services import rapporteur as services


def call_for(request, slug, *, permission: str) -> RapporteurCall:
    """The call, if the rules give this person the permission on it; 404 otherwise."""
    return object_or_404(request.user, permission, selectors.call_for_staff(slug=slug))


ASSESS = "roundtables.assess_applications"


@permission_required(ASSESS)
def assessment_list(request, slug):
    call = call_for(request, slug, permission=ASSESS)
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


@permission_required(ASSESS)
def assess(request, slug, pk):
    call = call_for(request, slug, permission=ASSESS)
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
