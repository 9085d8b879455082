import os
import secrets

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
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
        # Staff need a second factor: an authenticator app secret and recovery codes,
        # made afresh with the password.
        Authenticator.objects.filter(user=user).delete()
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        codes = RecoveryCodes.activate(user).get_unused_codes()
        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo staff login: {EMAIL} / {password}  (admin: http://127.0.0.1:{port}/admin/)\n"
                f"  second factor: add the secret {secret} to an authenticator app, or use "
                f"a recovery code: {' '.join(codes[:3])}"
            )
        )
