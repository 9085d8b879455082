import os
import secrets

from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand

from stakeholders.models import User

EMAIL = "staff@demo.gcm-consultations.local"


class Command(BaseCommand):
    help = "Create (or reset) the demo staff login and print it. For local demo use only."

    def add_arguments(self, parser):
        parser.add_argument("--password", help="Use this password instead of a random one.")

    def handle(self, *args, **options):
        password = options["password"] or secrets.token_urlsafe(12)
        user, _created = User.objects.get_or_create(email=EMAIL)
        user.name = "Demo secretariat staff"
        user.is_staff = True
        user.is_superuser = True
        user.set_password(password)
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=EMAIL, defaults={"verified": True, "primary": True}
        )
        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo staff login: {EMAIL} / {password}  (admin: http://127.0.0.1:{port}/admin/)"
            )
        )
