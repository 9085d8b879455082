"""Public and stakeholder pages: the roundtables, published inputs, the Rapporteur call,
applying to it, and one's own inputs and applications."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from config.files import private_file_response
from consultations.selectors import review_list
from roundtables import selectors, services
from roundtables.enums import InputStatus
from roundtables.forms import ApplicationForm, InputForm, PublicInputFilterForm
from roundtables.permissions import can_see_attachment, can_see_cv
from stakeholders.permissions import profile_required
from stakeholders.selectors import profile_for


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


def input_list(request):
    """Accepted inputs whose authors consented, by cluster, filterable by objective."""
    reviews = list(review_list())
    review = _pick_review(request, reviews)
    if review is None:
        return render(request, "roundtables/input_list.html", {"review": None})
    form = PublicInputFilterForm(request.GET or None, review=review)
    filters = form.cleaned_data if form.is_valid() else {}
    roundtables = list(selectors.roundtables_with_objectives(review=review))
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


# --- The Rapporteur call -----------------------------------------------------------------


def call_list(request):
    now = timezone.now()
    calls = list(selectors.call_list_published())
    return render(
        request,
        "roundtables/call_list.html",
        {
            "open_calls": [c for c in calls if c.is_open(now=now)],
            "upcoming_calls": [c for c in calls if now < c.opens_at],
            "closed_calls": [c for c in calls if c.has_closed(now=now)],
        },
    )


def call_detail(request, slug):
    call = selectors.call_published(slug=slug)
    if call is None:
        raise Http404
    return render(
        request,
        "roundtables/call_detail.html",
        {
            "call": call,
            "is_open": call.is_open(now=timezone.now()),
            "application": selectors.application_of(call=call, user=request.user),
        },
    )


@profile_required
def apply(request, slug):
    """Submit an expression of interest, or change it until the deadline."""
    call = selectors.call_published(slug=slug)
    if call is None:
        raise Http404
    application = selectors.application_of(call=call, user=request.user)
    now = timezone.now()
    if not call.is_open(now=now):
        messages.error(request, services.call_closed_message(call, now=now))
        return redirect(call.get_absolute_url())
    editing = application is not None
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES, editing=editing)
        if form.is_valid():
            try:
                application, created = services.application_submit(
                    call=call,
                    user=request.user,
                    data=form.application_data(),
                    cv=form.cleaned_data.get("cv"),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your expression of interest has been received.")
                    if created
                    else _("Your expression of interest has been updated."),
                )
                return redirect("roundtables:my_applications")
    else:
        form = ApplicationForm(
            initial=_application_initial(request.user, application), editing=editing
        )
    return render(
        request,
        "roundtables/application_form.html",
        {"call": call, "form": form, "application": application},
    )


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _application_initial(user, application) -> dict:
    if application is not None:
        return {
            "motivation": application.motivation,
            "experience": application.experience,
            "languages": application.languages,
            "other_languages": application.other_languages,
            "sector": application.sector_id,
            "country_of_residence": application.country_of_residence.code,
            "gender": application.gender,
            "gender_self_description": application.gender_self_description,
            "lived_migration_experience": application.lived_migration_experience,
        }
    profile = profile_for(user=user)
    initial = {"languages": [user.language]}
    if profile is not None:
        initial.update(
            sector=profile.sector_id,
            country_of_residence=profile.country.code,
            gender=profile.gender,
            gender_self_description=profile.gender_self_description,
        )
    return initial


@profile_required
@require_POST
def withdraw(request, slug):
    call = selectors.call_published(slug=slug)
    application = call and selectors.application_of(call=call, user=request.user)
    if application is None:
        raise Http404
    try:
        services.application_withdraw(application=application)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your expression of interest has been withdrawn."))
    return redirect("roundtables:my_applications")


@profile_required
def my_applications(request):
    now = timezone.now()
    applications = list(selectors.applications_of_user(user=request.user))
    for application in applications:
        application.editable = application.call.is_open(now=now)
    return render(request, "roundtables/my_applications.html", {"applications": applications})


def cv_download(request, pk):
    """The CV, for its author and for staff entitled to it; 404 for anyone else."""
    application = selectors.application_for_cv(pk=pk)
    if application is None or not can_see_cv(request.user, application):
        raise Http404
    if application.user_id == request.user.pk or selectors.show_identity(application.call):
        filename = application.cv_original_name or f"cv-{application.reference}.pdf"
    else:
        filename = f"cv-{application.reference}.pdf"
    return private_file_response(application.cv, filename=filename, content_type="application/pdf")


# --- Stakeholder inputs ------------------------------------------------------------------


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
                services.input_submit(
                    review=form.cleaned_data["review"],
                    author=request.user,
                    data=form.input_data(),
                    objectives=form.cleaned_data["objectives"],
                    attachment=form.cleaned_data.get("attachment"),
                )
            except ValidationError as error:
                _add_errors(form, error)
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
    has_attachment = bool(stakeholder_input.attachment)
    if not services.inputs_open(review) or stakeholder_input.status != InputStatus.SUBMITTED:
        messages.error(request, _("This input can no longer be changed."))
        return redirect("roundtables:my_inputs")
    if request.method == "POST":
        form = InputForm(
            request.POST,
            request.FILES,
            reviews=reviews,
            editing=True,
            has_attachment=has_attachment,
            initial={"review": review},
        )
        if form.is_valid():
            try:
                services.input_update(
                    stakeholder_input=stakeholder_input,
                    data=form.input_data(),
                    objectives=form.cleaned_data["objectives"],
                    attachment=form.cleaned_data.get("attachment"),
                    remove_attachment=form.cleaned_data.get("remove_attachment", False),
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your input has been updated."))
                return redirect("roundtables:my_inputs")
    else:
        form = InputForm(
            initial={
                "review": review,
                "title": stakeholder_input.title,
                "text": stakeholder_input.text,
                "language": stakeholder_input.language,
                "input_type": stakeholder_input.input_type,
                "objectives": list(stakeholder_input.objectives.all()),
                "roundtable": stakeholder_input.roundtable_id,
                "attribution": stakeholder_input.attribution,
                "publish_consent": stakeholder_input.publish_consent,
            },
            reviews=reviews,
            editing=True,
            has_attachment=has_attachment,
        )
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
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
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
    if stakeholder_input is None or not can_see_attachment(request.user, stakeholder_input):
        raise Http404
    return private_file_response(
        stakeholder_input.attachment,
        filename=f"input-{stakeholder_input.pk}.pdf",
        content_type="application/pdf",
    )
