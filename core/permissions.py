"""The one permission layer of the product: named permissions (django-rules) checked the
same way by every staff page, admin action and staff API.

Each app declares its named permissions in `<app>/rules.py` (loaded by its AppConfig),
built on the predicates below. Views ask through `permission_required`; admin actions
through `allowed_permissions` and a `has_<action>_permission` that calls `can`; templates
through `{% if perms.<app>.<name> %}`.

What a refusal answers, everywhere:

- not signed in: sent to sign in (302 to the login page), since signing in could help;
- signed in without a staff account (a stakeholder): 404, staff pages do not exist for
  them;
- staff without the named permission: 403, with the page that says the account lacks
  the permission (templates/403.html), so that they know whom to ask;
- an object that is not theirs, or that does not exist (a Rapporteur call they are not
  an assessor of, someone else's registration or input): 404, so that ids cannot be probed.

Rules are asked through `rules.has_perm`, not `User.has_perm`: Django grants every
permission to a superuser, but some rules are personal (only the assessors named on a
call score it), so superusers get exactly what the rules give them.
"""

from functools import wraps

import rules
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404

from core.roles import ROLES, Role


def is_staff_account(user) -> bool:
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_staff or user.is_superuser)
    )


def role_slugs(user) -> frozenset[str]:
    """The roles an active staff account holds, read once per user object (one request)."""
    if not is_staff_account(user):
        return frozenset()
    cached = getattr(user, "_gcm_role_slugs", None)
    if cached is None:
        by_group = {role.group: role.slug for role in ROLES}
        names = user.groups.filter(name__in=by_group).values_list("name", flat=True)
        cached = frozenset(by_group[name] for name in names)
        user._gcm_role_slugs = cached
    return cached


def has_role(role: Role) -> rules.Predicate:
    """An active staff account in the role's group, or a superuser."""

    @rules.predicate(f"has_role:{role.slug}")
    def predicate(user) -> bool:
        if not is_staff_account(user):
            return False
        return user.is_superuser or role.slug in role_slugs(user)

    return predicate


@rules.predicate
def has_any_role(user) -> bool:
    return is_staff_account(user) and (user.is_superuser or bool(role_slugs(user)))


def can(user, permission: str, obj=None) -> bool:
    """Whether the rules give this person this named permission (on this object)."""
    return rules.has_perm(permission, user, obj)


def object_or_404(user, permission: str, obj):
    """The object, if it exists and the rules give this person the permission on it;
    otherwise 404, as if it did not exist."""
    if obj is None or not can(user, permission, obj):
        raise Http404
    return obj


def permission_required(permission: str):
    """A staff page or action: sign in, then a staff account, then the named permission
    (see the module docstring for what each refusal answers). A rule about one object is
    checked by the view with `object_or_404` once it has loaded the object."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not is_staff_account(user):
                raise Http404
            if not can(user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.permission_required = permission
        return wrapper

    return decorator
