from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from stakeholders import privacy
from stakeholders.services import personal_data_purge


class _DryRun(Exception):
    def __init__(self, results: dict[str, int]):
        super().__init__("dry run")
        self.results = results


class Command(BaseCommand):
    help = (
        "Apply the retention rules of personal data (accreditation data, Rapporteur CVs and "
        "scores, unverified accounts, sent mail). The scheduler runs it daily."
    )

    def add_arguments(self, parser):
        names = [purge.name for purge in privacy.purges()]
        parser.add_argument(
            "--only",
            action="append",
            choices=names,
            default=[],
            metavar="RULE",
            help=f"Run only this rule (repeatable): {', '.join(names)}.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Count what would be deleted, and delete nothing.",
        )

    def handle(self, *args, only, dry_run, **options):
        try:
            results = self._dry_run(only) if dry_run else personal_data_purge(only=only)
        except Exception as exc:
            raise CommandError(f"A retention rule failed: {exc!r}") from exc
        labels = {purge.name: purge.label for purge in privacy.purges()}
        verb = "would be deleted" if dry_run else "deleted"
        for name, count in results.items():
            self.stdout.write(f"{name}: {count} {verb} ({labels[name]})")

    def _dry_run(self, only) -> dict[str, int]:
        """Run the rules and roll everything back: rows stay, and files too, since they
        are deleted only once a deletion has committed."""
        try:
            with transaction.atomic():
                raise _DryRun(personal_data_purge(only=only))
        except _DryRun as rolled_back:
            return rolled_back.results
