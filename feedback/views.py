from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from consultations.enums import Attendance, SessionFormat
from consultations.models import RegionalReview, Registration, Session
from core.errors import DomainError, show_error
from core.permissions import permission_required
from core.spreadsheets import csv_response
from feedback import selectors, services
from feedback.forms import SurveyForm
from feedback.models import RATING_FIELDS, SurveyResponse

# Survey results (feedback/rules.py): staff only, and never with names.
VIEW_RESULTS = "feedback.view_results"


def survey(request, token):
    """The survey, opened from the personal link in the mail sent after the session."""
    registration_id = services.survey_registration_id(token)
    registration = (
        Registration.objects.select_related("session")
        .filter(pk=registration_id, attendance=Attendance.ATTENDED)
        .first()
        if registration_id is not None
        else None
    )
    if registration is None:
        raise Http404
    session = registration.session
    answered = SurveyResponse.objects.filter(registration=registration).exists()
    form = SurveyForm(request.POST or None, hybrid=session.format == SessionFormat.HYBRID)
    if request.method == "POST" and not answered and form.is_valid():
        try:
            services.feedback_submit(registration_id=registration.pk, **form.cleaned_data)
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            answered = True
    return render(
        request,
        "feedback/survey.html",
        {"session": session, "form": form, "answered": answered},
    )


def _labels():
    return [SurveyResponse._meta.get_field(name).verbose_name for name in RATING_FIELDS]


def _results_page(request, *, title: str, slug: str, results: selectors.Results):
    """The results page; ?csv=<table> downloads one table's numbers."""
    labels = _labels()
    key = request.GET.get("csv")
    if key:
        table = next((table for table in results.tables if table.key == key), None)
        if table is None:
            raise Http404
        return csv_response(
            filename=f"{slug}-feedback-{table.key}",
            header=[table.heading, _("Answers"), *labels],
            rows=[[row.label, row.count, *row.averages] for row in table.rows],
        )
    return render(
        request,
        "feedback/results.html",
        {"title": title, "results": results, "labels": labels},
    )


@permission_required(VIEW_RESULTS)
def session_results(request, slug):
    session = get_object_or_404(Session.objects.select_related("review"), slug=slug)
    results = selectors.session_results(session=session, total_label=_("All answers"))
    return _results_page(request, title=session.title, slug=session.slug, results=results)


@permission_required(VIEW_RESULTS)
def review_results(request, slug):
    review = get_object_or_404(RegionalReview, slug=slug)
    results = selectors.review_results(review=review, total_label=_("All answers"))
    return _results_page(request, title=review.title, slug=review.slug, results=results)
