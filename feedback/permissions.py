"""Who may see survey results: the one place to change when permissions move to rules.
Answers are never shown to stakeholders; staff see them without names. Pages answer 404,
never 403, to signed-in people who may not see them."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404


def can_see_results(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def staff_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_see_results(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper
