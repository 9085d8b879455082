from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect
from django.urls import reverse

from stakeholders.models import Consent


def profile_required(view):
    """Signed in, with a completed profile and consent to the current notice; otherwise
    the person is sent to complete the profile and brought back afterwards."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        user = request.user
        # Loaded with the user by stakeholders.backends; asked of the database otherwise.
        complete = getattr(user, "has_profile_and_consent", None)
        if complete is None:
            complete = Consent.objects.filter(
                user=user,
                text_version=settings.CONSENT_TEXT_VERSION,
                user__profile__isnull=False,
            ).exists()
        if not complete:
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('stakeholders:profile')}?{query}")
        return view(request, *args, **kwargs)

    return wrapper
