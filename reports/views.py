"""Public list and downloads of published reports; staff pages to start a render,
follow it without reloading the page, and publish the result.

Drafts (unpublished versions) exist only for staff with the report editor role: anyone
else gets a 404 for a draft, so that report ids cannot be probed. The staff pages ask
named permissions (reports/rules.py) as core/permissions.py describes."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from consultations.models import RegionalReview, Session
from core.errors import DomainError, show_error
from core.files import private_file_response
from core.permissions import can, permission_required
from reports import services
from reports.enums import ReportStatus
from reports.forms import RenderForm
from reports.rendering import CONTENT_TYPE
from reports.selectors import report_get, report_list_for_subject, report_list_published

VIEW = "reports.view_drafts"
RENDER = "reports.render_report"
PUBLISH = "reports.publish_version"


@require_GET
def report_list(request):
    language = request.GET.get("language", "")
    if language not in dict(settings.LANGUAGES):
        language = ""
    return render(
        request,
        "reports/report_list.html",
        {
            "reports": list(report_list_published(language=language)),
            "language_filter": language,
        },
    )


@require_GET
def report_download(request, pk: int):
    report = report_get(pk=pk)
    if report is None or report.status != ReportStatus.READY:
        raise Http404
    if not report.is_published and not can(request.user, VIEW):
        raise Http404
    response = private_file_response(
        report.pdf, filename=report.download_name, content_type=CONTENT_TYPE
    )
    if report.is_published:
        response["Cache-Control"] = "public, max-age=300"
    return response


def _subject_from_query(request):
    """(session, review) from ?session=<id> or ?review=<id>; a bad id is a 404."""
    session_id = request.GET.get("session") or request.POST.get("session")
    review_id = request.GET.get("review") or request.POST.get("review")
    if session_id and str(session_id).isdigit():
        return get_object_or_404(Session.objects.select_related("review"), pk=session_id), None
    if review_id and str(review_id).isdigit():
        return None, get_object_or_404(RegionalReview, pk=review_id)
    raise Http404


@never_cache
@permission_required(RENDER)
def staff_new(request):
    """Start a render of a session's summary or a review's outcome report or inputs
    analysis, in one or more languages; lists the versions that exist."""
    session, review = _subject_from_query(request)
    subject = session or review
    initial = {"kind": request.GET.get("kind"), "languages": [get_language()]}
    form = RenderForm(request.POST or None, subject=subject, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            reports = [
                services.report_request(
                    kind=form.cleaned_data["kind"],
                    subject=subject,
                    language=language,
                    requested_by=request.user,
                )
                for language in form.cleaned_data["languages"]
            ]
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            messages.success(
                request,
                ngettext(
                    "Rendering has started.",
                    "Rendering has started in %(count)s languages.",
                    len(reports),
                )
                % {"count": len(reports)},
            )
            if len(reports) == 1:
                return redirect("reports:staff_detail", pk=reports[0].pk)
            query = f"session={session.pk}" if session else f"review={review.pk}"
            return redirect(f"{reverse('reports:staff_new')}?{query}")
    return render(
        request,
        "reports/staff/new.html",
        {
            "form": form,
            "session": session,
            "review": review,
            "subject": subject,
            "reports": report_list_for_subject(session=session, review=review),
        },
    )


@never_cache
@require_GET
@permission_required(VIEW)
def staff_detail(request, pk: int):
    report = report_get(pk=pk)
    if report is None:
        raise Http404
    return render(request, "reports/staff/detail.html", {"report": report})


def status_payload(report) -> dict:
    ready = report.status == ReportStatus.READY
    return {
        "id": report.pk,
        "status": report.status,
        "status_display": str(report.get_status_display()),
        "final": report.is_final,
        "error": report.error_message,
        "attempts": report.attempts,
        "version": report.version,
        "page_count": report.page_count,
        "render_seconds": report.render_seconds,
        "download_url": reverse("reports:download", kwargs={"pk": report.pk}) if ready else "",
        "published": report.is_published,
        "warnings": report.warnings if ready else [],
    }


@never_cache
@require_GET
@permission_required(VIEW)
def staff_status(request, pk: int):
    """The staff API that the progress page polls."""
    report = report_get(pk=pk)
    if report is None:
        raise Http404
    return JsonResponse(status_payload(report))


@permission_required(PUBLISH)
@require_POST
def staff_publish(request, pk: int):
    report = report_get(pk=pk)
    if report is None:
        raise Http404
    try:
        services.report_publish(report=report, published_by=request.user)
    except DomainError as error:
        show_error(request, error)
    else:
        messages.success(request, gettext("The report is published."))
    return redirect("reports:staff_detail", pk=pk)


@permission_required(PUBLISH)
@require_POST
def staff_withdraw(request, pk: int):
    report = report_get(pk=pk)
    if report is None:
        raise Http404
    services.report_withdraw(report=report)
    messages.success(request, gettext("The report is withdrawn: only staff can see it now."))
    return redirect("reports:staff_detail", pk=pk)


@permission_required(RENDER)
@require_POST
def staff_rerender(request, pk: int):
    report = report_get(pk=pk)
    if report is None:
        raise Http404
    new = services.report_rerender(report=report, requested_by=request.user)
    messages.success(
        request,
        gettext("Version %(version)s is being rendered.") % {"version": new.version},
    )
    return redirect("reports:staff_detail", pk=new.pk)


@never_cache
@require_GET
@permission_required(VIEW)
def staff_dashboard(request, slug: str):
    """The live dashboard of a review; ?csv=<chart> downloads one chart's numbers."""
    from core.spreadsheets import csv_response
    from reports.dashboard import review_dashboard

    review = get_object_or_404(RegionalReview, slug=slug)
    data = review_dashboard(review=review)
    key = request.GET.get("csv")
    if key:
        chart = next((chart for chart in data["charts"] if chart.key == key), None)
        if chart is None:
            raise Http404
        return csv_response(
            filename=f"{review.slug}-{chart.key}",
            header=[chart.title, chart.unit],
            rows=[(bar.label, bar.value) for bar in chart.bars],
        )
    return render(request, "reports/staff/dashboard.html", {"review": review, **data})
