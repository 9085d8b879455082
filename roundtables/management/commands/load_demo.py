"""Load the demo Regional Review (UNECE 2024) from the source summary report."""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from consultations import demo as consultations_demo
from roundtables import demo as roundtables_demo


class Command(BaseCommand):
    help = (
        "Load the demo Regional Review (UNECE 2024) from the source summary report; "
        "safe to run again."
    )

    def handle(self, *args, **options) -> None:
        # One transaction: a failure half-way leaves the database as it was. English is
        # active so that plain field names write the English columns.
        with transaction.atomic(), translation.override("en"):
            # Consultations first: the roundtables loader looks up its review and sessions.
            counts = {**consultations_demo.load(), **roundtables_demo.load()}
        summary = ", ".join(f"{name}={count}" for name, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded: {summary}"))
