from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.enums import AuditAction
from audit.services import audit_record
from consultations import services
from consultations.calendar import calendar_bytes, session_ics
from consultations.enums import ExportStatus, Mode, RegistrationStatus
from consultations.forms import (
    ModeChangeForm,
    ParticipantsEmailForm,
    RegistrationForm,
    SessionFilterForm,
    TalkDecisionForm,
    TalkRequestForm,
)
from consultations.models import (
    AccreditationData,
    ExportJob,
    GcmTalkRequest,
    RegionalReview,
    Registration,
    Session,
    SessionDocument,
)
from consultations.roadmap import roadmap_warnings
from consultations.selectors import (
    can_see_document,
    can_see_join_link,
    check_in_list,
    participation_for,
    registration_for,
    registration_owned,
    session_counts,
    session_detail,
    session_documents,
    session_filtered,
    session_public,
    session_split,
    talk_requests_for,
)
from core.errors import DomainError, show_error
from core.files import private_file_response
from core.permissions import permission_required
from stakeholders.permissions import profile_required

# Upcoming sessions are few and all shown; the past ones are an archive that only grows.
PAST_SESSIONS_PER_PAGE = 20


def session_list(request):
    form = SessionFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    sessions = session_filtered(
        review=filters.get("review", ""),
        kind=filters.get("kind", ""),
        format=filters.get("format", ""),
    )
    upcoming, past = session_split(sessions)
    past_page = Paginator(past, PAST_SESSIONS_PER_PAGE).get_page(request.GET.get("past"))
    query = request.GET.copy()
    query.pop("past", None)
    return render(
        request,
        "consultations/session_list.html",
        {
            "form": form,
            "upcoming": upcoming,
            "past": past_page,
            "filter_query": query.urlencode(),
        },
    )


def _detail_context(request, session: Session, *, form=None, mode_form=None) -> dict:
    registration = registration_for(user=request.user, session=session)
    window_error = services.registration_window_error(session, now=timezone.now())
    registered = request.user.is_staff or (
        registration is not None and registration.status != RegistrationStatus.CANCELLED
    )
    return {
        "session": session,
        # What the cached part of the page varies on besides the session and language.
        "registered": registered,
        "registration": registration,
        "position": services.waitlist_position(registration) if registration else None,
        "show_join_link": can_see_join_link(user=request.user, registration=registration),
        "window_error": window_error,
        "seats": [(Mode(m), services.seats_left(session, m)) for m in session.modes],
        "can_change_mode": registration is not None
        and registration.status != RegistrationStatus.CANCELLED
        and len(session.modes) > 1
        and timezone.now() < services.mode_change_deadline(session),
        # A form sent back with errors; otherwise the blank one, built only if the page
        # renders it (its HTML is cached per session and language).
        "form": form,
        "blank_form": SimpleLazyObject(lambda: RegistrationForm(session=session)),
        "mode_form": mode_form or SimpleLazyObject(lambda: ModeChangeForm(session=session)),
        "documents": session_documents(session=session, registered=registered),
    }


def session_view(request, slug):
    session = session_detail(slug=slug)
    if session is None:
        raise Http404
    return render(request, "consultations/session_detail.html", _detail_context(request, session))


def session_document(request, slug, pk):
    """A session document, to those who may see it (public ones to everyone); anyone
    else gets 404, as for a document that does not exist."""
    document = get_object_or_404(
        SessionDocument.objects.select_related("session"),
        pk=pk,
        session__slug=slug,
        session__in=session_public(),
    )
    if not can_see_document(user=request.user, document=document):
        raise Http404
    return private_file_response(
        document.file,
        filename=f"{document.session.slug}-{document.kind}-{document.language}.pdf",
        content_type="application/pdf",
        as_attachment=False,
    )


@require_POST
@profile_required
def session_register(request, slug):
    # The page's snapshot: the rules that depend on seats re-read the session under a
    # row lock (services.registration_create).
    session = session_detail(slug=slug)
    if session is None:
        raise Http404
    form = RegistrationForm(request.POST, request.FILES, session=session)
    if form.is_valid():
        data = form.cleaned_data
        try:
            registration = services.registration_create(
                session=session,
                user=request.user,
                mode=data["mode"],
                accessibility_needs=data["accessibility_needs"],
                wants_to_speak=data["wants_to_speak"],
                accreditation=form.accreditation(),
                if_full=data["if_full"],
            )
        except DomainError as error:
            if error.code in ("duplicate", "closed"):
                # Nothing the person can fix in the form: say so above the page.
                show_error(request, error)
                return redirect(session.get_absolute_url())
            show_error(request, error, form=form)
        else:
            messages.success(request, _registered_message(registration, data["mode"]))
            return redirect(session.get_absolute_url())
    context = _detail_context(request, session, form=form)
    return render(request, "consultations/session_detail.html", context, status=200)


def _registered_message(registration, asked_mode: str) -> str:
    if registration.status == RegistrationStatus.WAITLISTED:
        return _(
            "All places were taken: you are number %(position)s on the waitlist. We will "
            "write to you as soon as a place frees up."
        ) % {"position": services.waitlist_position(registration)}
    if registration.mode != asked_mode:
        return _(
            "The in-person seats were all taken, so you are registered to attend online. "
            "A confirmation is on its way by email."
        )
    return _("You are registered. A confirmation with a calendar file is on its way by email.")


@require_POST
@profile_required
def registration_cancel(request, pk):
    registration = registration_owned(user=request.user, registration_id=pk)
    if registration is None:
        raise Http404
    try:
        services.registration_cancel(registration_id=registration.pk, user=request.user)
    except DomainError as error:
        show_error(request, error)
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect(_next_or(request, registration.session.get_absolute_url()))


@require_POST
@profile_required
def registration_change_mode(request, pk):
    registration = registration_owned(user=request.user, registration_id=pk)
    if registration is None:
        raise Http404
    session = registration.session
    form = ModeChangeForm(request.POST, request.FILES, session=session)
    if form.is_valid():
        try:
            services.registration_change_mode(
                registration_id=registration.pk,
                user=request.user,
                mode=form.cleaned_data["mode"],
                accreditation=form.accreditation(),
            )
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            messages.success(request, _("How you attend has been changed."))
            return redirect(session.get_absolute_url())
    context = _detail_context(request, session_detail(slug=session.slug), mode_form=form)
    return render(request, "consultations/session_detail.html", context)


def _next_or(request, fallback: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


@profile_required
def my_participation(request):
    registrations = participation_for(user=request.user)
    reviews: dict = {}
    for registration in registrations:
        reviews.setdefault(registration.session.review, []).append(registration)
    return render(
        request,
        "consultations/my_participation.html",
        {
            "reviews": reviews,
            "talk_requests": talk_requests_for(user=request.user),
            "now": timezone.now(),
        },
    )


def calendar_feed(request):
    body = calendar_bytes(session_public().order_by("starts_at"), name=_("GCM Consultations"))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="gcm-consultations.ics"'
    return response


def session_calendar(request, slug):
    """The calendar file of one session, to download from its page: the file the
    confirmation email attaches, built by the same function, but public, so without
    anyone's join link or any personal data."""
    session = get_object_or_404(session_public(), slug=slug)
    body = session_ics(session, join_url="", language=get_language())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{session.slug}.ics"'
    return response


@profile_required
def talk_request_create(request):
    form = TalkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.talk_request_submit(
            review=data.pop("review"),
            user=request.user,
            objectives=data.pop("objectives"),
            **data,
        )
        messages.success(
            request,
            _("Thank you. The secretariat will consider your GCM Talk and write to you."),
        )
        return redirect("consultations:my_participation")
    return render(request, "consultations/talk_request_form.html", {"form": form})


# --- staff pages --------------------------------------------------------------------------
# Each names the permission it needs (consultations/rules.py); core/permissions.py says
# what a refusal answers.


@permission_required("consultations.view_timeline")
def staff_review_timeline(request, slug):
    review = get_object_or_404(RegionalReview.objects.select_related("region"), slug=slug)
    sessions = list(review.sessions.order_by("starts_at", "pk"))
    warnings = roadmap_warnings(review, sessions)
    by_session: dict = {}
    for warning in warnings:
        by_session.setdefault(warning.session.pk, []).append(warning.message)
    return render(
        request,
        "consultations/staff/timeline.html",
        {
            "review": review,
            "rows": [(session, by_session.get(session.pk, [])) for session in sessions],
            "warning_count": len(warnings),
        },
    )


@permission_required("consultations.view_counts")
def staff_session_counts(request, slug):
    session = get_object_or_404(Session, slug=slug)
    return render(
        request,
        "consultations/staff/counts.html",
        {"session": session, "counts": session_counts(session=session)},
    )


@permission_required("consultations.check_in")
def staff_check_in(request, slug):
    session = get_object_or_404(Session, slug=slug)
    if request.method == "POST":
        try:
            registration = services.registration_check_in(
                registration_id=int(request.POST.get("registration", "0") or 0),
                session_id=session.pk,
                by=request.user,
            )
        except (ValueError, OverflowError, Registration.DoesNotExist):
            messages.error(request, _("This registration was not found for this session."))
        except DomainError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(name)s is checked in.") % {"name": registration.user},
            )
        return redirect(request.get_full_path())
    query = request.GET.get("q", "").strip()[:100]
    registrations = check_in_list(session=session, query=query)
    return render(
        request,
        "consultations/staff/check_in.html",
        {
            "session": session,
            "registrations": registrations,
            "query": query,
            "checked_in": sum(1 for r in registrations if r.checked_in_at),
        },
    )


@permission_required("consultations.view_accreditation")
def staff_accreditation_photo(request, pk):
    """An in-person registrant's ID photo, for staff allowed to view accreditation data.
    Private files have no public address."""
    data = get_object_or_404(
        AccreditationData.objects.select_related("registration"), registration_id=pk
    )
    audit_record(
        actor=request.user,
        action=AuditAction.VIEWED_ID_PHOTO,
        target=data.registration,
        subject_id=data.registration.user_id,
    )
    return private_file_response(
        data.photo, filename=f"photo-{pk}.jpg", content_type="image/jpeg", as_attachment=False
    )


@permission_required("consultations.email_participants")
def staff_email_participants(request, slug):
    session = get_object_or_404(Session, slug=slug)
    form = ParticipantsEmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.session_email_participants(
            session_id=session.pk,
            subject=form.cleaned_data["subject"],
            message=form.cleaned_data["message"],
            by=request.user,
        )
        messages.success(
            request, _("The message is queued for %(count)s participants.") % {"count": count}
        )
        return redirect("consultations:staff_counts", slug=session.slug)
    return render(
        request, "consultations/staff/email_participants.html", {"session": session, "form": form}
    )


@permission_required("consultations.decide_talk")
def staff_talk_request_decide(request, pk):
    talk_request = get_object_or_404(
        GcmTalkRequest.objects.select_related("review", "requested_by"), pk=pk
    )
    form = TalkDecisionForm(
        request.POST or None, initial={"time_zone": talk_request.review.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if data["decision"] == "approve":
                services.talk_request_approve(
                    request_id=talk_request.pk,
                    by=request.user,
                    message=data["message"],
                    starts_at=data["starts_at"],
                    ends_at=data["ends_at"],
                    time_zone=data["time_zone"],
                )
                messages.success(request, _("The GCM Talk is approved and on the calendar."))
            else:
                services.talk_request_decline(
                    request_id=talk_request.pk, by=request.user, message=data["message"]
                )
                messages.success(request, _("The request is declined; the requester is told."))
        except DomainError as error:
            show_error(request, error)
        return redirect("admin:consultations_gcmtalkrequest_changelist")
    return render(
        request,
        "consultations/staff/talk_decision.html",
        {"talk_request": talk_request, "form": form},
    )


@permission_required("consultations.manage_registrations")
def staff_export_status(request, pk):
    """An export's progress, refreshed by the page itself (a meta refresh, no script)
    until it is ready. Staff see only their own exports: anyone else's is a 404."""
    job = get_object_or_404(ExportJob.objects.defer("registration_ids"), pk=pk, user=request.user)
    waiting = job.status in {ExportStatus.PENDING, ExportStatus.RUNNING}
    return render(request, "consultations/staff/export.html", {"job": job, "waiting": waiting})


@permission_required("consultations.manage_registrations")
def staff_export_download(request, pk):
    job = get_object_or_404(
        ExportJob.objects.defer("registration_ids"),
        pk=pk,
        user=request.user,
        status=ExportStatus.READY,
    )
    content_type = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }[job.format]
    return private_file_response(
        job.file, filename=f"registrations-{job.pk}.{job.format}", content_type=content_type
    )
