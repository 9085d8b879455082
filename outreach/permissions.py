"""Who may use the outreach pages: the one place to change when permissions move to
rules. Pages answer 404, never 403, to signed-in people who may not see them."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404


def can_manage_outreach(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def staff_required(view):
    """Staff only: anonymous people are sent to sign in, anyone else gets 404."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_manage_outreach(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
