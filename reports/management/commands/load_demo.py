"""Load the demo: the UNECE Regional Review 2024 of the source summary report (history),
and a worked example of the next round in Asia and the Pacific dated from today."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from consultations import demo as consultations_demo
from reports import demo as reports_demo
from roundtables.demo import example, history


class Command(BaseCommand):
    help = (
        "Load the demo Regional Review (UNECE 2024) from the source summary report, and an "
        "example of the next round (ESCAP) dated from today; safe to run again, and run "
        "again on a later day it moves the example's dates forward."
    )

    def handle(self, *args, **options) -> None:
        # One transaction: a failure half-way leaves the database as it was. English is
        # active so that plain field names write the English columns.
        with transaction.atomic(), translation.override("en"):
            # Consultations first: the roundtables loader looks up its review and sessions.
            counts = {
                **consultations_demo.load(),
                **history.load(),
                **example.load(),
                **reports_demo.load(),
            }
        summary = ", ".join(f"{name}={count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}"))
