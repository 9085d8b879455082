"""Decoupled hooks into allauth."""

from allauth.account.internal.flows.login import record_authentication
from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added
from django.dispatch import receiver


@receiver(authenticator_added)
def _second_factor_just_proved(sender, request, user, authenticator, **kwargs):
    """Activating TOTP takes a valid code: the session has just passed the second factor,
    so the staff page that sent the person here opens without asking for another code."""
    if authenticator.type == Authenticator.Type.TOTP and request is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
