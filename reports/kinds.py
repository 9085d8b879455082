"""The kinds of report, declared once: what each is about, how its data is read and
gathered, which template prints it and what its file is called.

Services, the admin (its actions and buttons), the staff views and the render_report
command look a kind up here instead of naming it; adding a kind of report means adding
a ReportKind value and one entry below. The kind's value is what a Report row stores.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from consultations.models import RegionalReview, Session
from reports.builders import build_inputs, build_outcome, build_summary
from reports.enums import ReportKind
from reports.selectors import review_for_report, session_for_summary


@dataclass(frozen=True)
class ReportType:
    kind: ReportKind
    subject_model: type[models.Model]
    # The Report field that holds the subject ("session" or "review"); also the keyword
    # the builder takes it by and the query parameter the staff pages pass it in.
    subject_field: str
    # The subject by slug= or pk=, read with what the builder needs; None if there is none.
    load: Callable[..., models.Model | None]
    # (session= or review=, language=) -> the report's data; run in the report's language.
    builder: Callable
    template: str
    # Said when someone asks for this kind about another kind of subject.
    wrong_subject: Promise
    # The admin action on the subjects' list, and the link on a subject's change form.
    action_label: Promise
    button_label: Promise

    @property
    def value(self) -> str:
        return self.kind.value

    @property
    def label(self) -> Promise:
        return self.kind.label

    def build(self, *, subject, language: str):
        return self.builder(**{self.subject_field: subject}, language=language)

    def filename(self, *, slug: str, language: str, version: int | None = None) -> str:
        """ "summary-unece-pre-consultation-2023-11-14-en-v2.pdf"."""
        suffix = f"-v{version}" if version is not None else ""
        return f"{self.value}-{slug}-{language}{suffix}.pdf"


SUMMARY = ReportType(
    kind=ReportKind.SUMMARY,
    subject_model=Session,
    subject_field="session",
    load=session_for_summary,
    builder=build_summary,
    template="reports/pdf/summary.html",
    wrong_subject=_("A summary report is made for a session."),
    action_label=_("Render the summary report (PDF)"),
    button_label=_("Render summary report (PDF)"),
)
OUTCOME = ReportType(
    kind=ReportKind.OUTCOME,
    subject_model=RegionalReview,
    subject_field="review",
    load=review_for_report,
    builder=build_outcome,
    template="reports/pdf/outcome.html",
    wrong_subject=_("Outcome reports and inputs analyses are made for a Regional Review."),
    action_label=_("Render the outcome report (PDF)"),
    button_label=_("Render outcome report (PDF)"),
)
INPUTS = ReportType(
    kind=ReportKind.INPUTS,
    subject_model=RegionalReview,
    subject_field="review",
    load=review_for_report,
    builder=build_inputs,
    template="reports/pdf/inputs.html",
    wrong_subject=_("Outcome reports and inputs analyses are made for a Regional Review."),
    action_label=_("Render the inputs analysis (PDF)"),
    button_label=_("Render inputs analysis (PDF)"),
)

KINDS: dict[str, ReportType] = {
    report_type.value: report_type for report_type in (SUMMARY, OUTCOME, INPUTS)
}


def get(kind: str) -> ReportType | None:
    return KINDS.get(str(kind))


def for_subject(model: type[models.Model]) -> list[ReportType]:
    """The kinds of report made about this kind of subject, in their declared order."""
    return [report_type for report_type in KINDS.values() if report_type.subject_model is model]
