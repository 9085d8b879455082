"""A second factor for staff: they see ID document numbers, photos and CVs, so a password
alone never opens the admin or a staff page.

Staff sign in through allauth (the admin's own login form is sent there too), which asks
for the TOTP code or a recovery code of anyone who has one. A staff member without a
second factor is led to set one up before any staff page opens; one whose session was
opened without it (e.g. before they set it up) is asked for a code again.
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language_from_path
from django.utils.translation import gettext as _


def is_staff_path(path: str) -> bool:
    """The admin, and every staff page (all mounted under /<lang>/staff/)."""
    if path.startswith("/admin/"):
        return True
    language = get_language_from_path(path)
    rest = path[len(language) + 2 :] if language else path.lstrip("/")
    return rest.startswith("staff/")


def passed_second_factor(request) -> bool:
    """Whether this session's own user passed a second factor (allauth keeps the record
    with the user it belongs to)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class StaffSecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and (user.is_staff or user.is_superuser)
            and is_staff_path(request.path_info)
            and not passed_second_factor(request)
        ):
            query = urlencode({"next": request.get_full_path()})
            if has_second_factor(user):
                return redirect(f"{reverse('mfa_reauthenticate')}?{query}")
            messages.info(
                request,
                _(
                    "Staff pages show personal data: set up a second factor (an "
                    "authenticator app) to continue."
                ),
            )
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)


def admin_login(request, extra_context=None):
    """The admin's login form would skip the second factor: sign in through allauth."""
    target = request.GET.get("next") or reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({'next': target})}")
