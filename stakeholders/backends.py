from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from django.conf import settings
from django.db.models import Exists, OuterRef

from stakeholders.models import Consent, User


class AuthenticationBackend(AllauthBackend):
    """allauth's backend, loading with the user whether they have a profile and consent
    to the current notice, so that pages for stakeholders need no extra query."""

    def get_user(self, user_id):
        current_consent = Consent.objects.filter(
            user=OuterRef("pk"),
            text_version=settings.CONSENT_TEXT_VERSION,
            user__profile__isnull=False,
        )
        user = (
            User._default_manager.annotate(has_profile_and_consent=Exists(current_consent))
            .filter(pk=user_id)
            .first()
        )
        return user if user is not None and self.user_can_authenticate(user) else None
