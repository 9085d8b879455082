"""Who may do what with calls, applications and inputs. Pages answer 404, never 403,
to someone who may not see an object, so that ids cannot be probed."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404

from roundtables.models import Application, RapporteurCall, StakeholderInput

ASSESS_PERMISSION = "roundtables.assess_application"
SELECT_PERMISSION = "roundtables.select_application"
MODERATE_PERMISSION = "roundtables.change_stakeholderinput"
ANALYSE_PERMISSION = "roundtables.view_stakeholderinput"


def staff_required(view):
    """Signed-in staff only: anonymous people are sent to sign in, anyone else gets 404."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (request.user.is_active and request.user.is_staff):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def can_select(user, call: RapporteurCall) -> bool:
    """Selection managers shortlist, select, confirm and export for every call."""
    return bool(user.is_active and user.is_staff and user.has_perm(SELECT_PERMISSION))


def can_assess(user, call: RapporteurCall) -> bool:
    """An assessor scores the applications of the calls they are named on."""
    if not (user.is_active and user.is_staff and user.has_perm(ASSESS_PERMISSION)):
        return False
    # Reads a prefetched assessors list when the caller loaded one.
    return any(assessor.pk == user.pk for assessor in call.assessors.all())


def can_see_cv(user, application: Application) -> bool:
    """The author, a selection manager, or an assessor of the call who has not recused
    themselves from this application."""
    if not user.is_authenticated:
        return False
    if application.user_id == user.pk:
        return True
    if can_select(user, application.call):
        return True
    return (
        can_assess(user, application.call)
        and not application.recusals.filter(assessor=user).exists()
    )


def can_moderate(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(MODERATE_PERMISSION))


def can_analyse(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(ANALYSE_PERMISSION))


def can_see_attachment(user, stakeholder_input: StakeholderInput) -> bool:
    if stakeholder_input.is_published:
        return True
    if not user.is_authenticated:
        return False
    return stakeholder_input.author_id == user.pk or can_analyse(user)
