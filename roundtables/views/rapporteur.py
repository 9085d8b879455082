"""The Rapporteur call for candidates: the call, applying with a CV, withdrawing, and
one's own applications."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.enums import AuditAction
from audit.services import audit_record
from core.errors import DomainError, show_error
from core.files import private_file_response
from core.permissions import can
from roundtables.forms.rapporteur import ApplicationForm
from roundtables.selectors import rapporteur as selectors
from roundtables.services import rapporteur as services
from stakeholders.permissions import profile_required


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
    instance = application or selectors.application_draft(call=call, user=request.user)
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES, instance=instance)
        if form.is_valid():
            try:
                application, created = services.application_submit(
                    call=call, user=request.user, **form.cleaned_data
                )
            except DomainError as error:
                show_error(request, error, form=form)
            else:
                messages.success(
                    request,
                    _("Your expression of interest has been received.")
                    if created
                    else _("Your expression of interest has been updated."),
                )
                return redirect("roundtables:my_applications")
    else:
        form = ApplicationForm(instance=instance)
    return render(
        request,
        "roundtables/application_form.html",
        {"call": call, "form": form, "application": application},
    )


@profile_required
@require_POST
def withdraw(request, slug):
    call = selectors.call_published(slug=slug)
    application = call and selectors.application_of(call=call, user=request.user)
    if application is None:
        raise Http404
    try:
        services.application_withdraw(application=application)
    except DomainError as error:
        show_error(request, error)
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
    if application is None or not can(request.user, "roundtables.view_cv", application):
        raise Http404
    if application.user_id == request.user.pk or selectors.show_identity(application.call):
        filename = application.cv_original_name or f"cv-{application.reference}.pdf"
    else:
        filename = f"cv-{application.reference}.pdf"
    if application.user_id != request.user.pk:
        audit_record(
            actor=request.user,
            action=AuditAction.DOWNLOADED_CV,
            target=application,
            subject_id=application.user_id,
        )
    return private_file_response(application.cv, filename=filename, content_type="application/pdf")
