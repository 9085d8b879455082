from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from stakeholders.models import Consent, Profile


def profile_required(view):
    """Signed in, with a completed profile and consent to the current notice; otherwise
    the person is sent to complete the profile and brought back afterwards."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        user = request.user
        complete = (
            Profile.objects.filter(user=user).exists()
            and Consent.objects.filter(
                user=user, text_version=settings.CONSENT_TEXT_VERSION
            ).exists()
        )
        if not complete:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('stakeholders:profile')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
