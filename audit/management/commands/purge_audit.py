from django.core.management.base import BaseCommand

from audit.services import audit_purge


class Command(BaseCommand):
    help = "Delete audit events older than AUDIT_RETENTION_DAYS (the scheduler runs it daily)."

    def handle(self, *args, **options):
        deleted = audit_purge()
        self.stdout.write(f"{deleted} audit events older than the retention period deleted.")
