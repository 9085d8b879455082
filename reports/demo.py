"""Demo data of the reports side: what the secretariat writes for the example review's
outcome report (roundtables.demo.example), so that the report it builds is a full one.

Kept here because roundtables must not depend on reports. Idempotent: one row per review,
written with ``update_or_create``.
"""

from consultations.models import RegionalReview
from reports.models import ReviewReportText
from roundtables.demo import example, example_texts
from roundtables.demo.example_texts import columns

RAPPORTEUR_NAME = "Example Rapporteur (synthetic)"


def load() -> dict[str, int]:
    review = RegionalReview.objects.get(slug=example.REVIEW_SLUG)
    ReviewReportText.objects.update_or_create(
        review=review,
        defaults={
            "rapporteur_name": RAPPORTEUR_NAME,
            **columns("introduction", example_texts.REPORT_INTRODUCTION),
            **columns("rapporteur_function", example_texts.REPORT_RAPPORTEUR_FUNCTION),
            **columns("rapporteur_presentation", example_texts.REPORT_RAPPORTEUR_PRESENTATION),
            **columns("conclusions", example_texts.REPORT_CONCLUSIONS),
            **columns("inputs_introduction", example_texts.REPORT_INPUTS_INTRODUCTION),
        },
    )
    return {"example_report_texts": 1}
