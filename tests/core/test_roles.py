"""The staff roles: the migration's groups match core/roles.py, a role is held by active
staff only, and the admin asks the same named permissions as the staff pages."""

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import Group
from django.urls import reverse

from consultations.models import Session
from core.permissions import can, role_slugs
from core.roles import (
    INPUTS_MODERATOR,
    RAPPORTEUR_ASSESSOR,
    REPORT_EDITOR,
    ROLES,
    SECRETARIAT_LEAD,
    SESSION_MANAGER,
)
from tests.factories import StaffFactory, UserFactory, stakeholder
from tests.support import grant_role

pytestmark = pytest.mark.django_db


def test_migration_creates_one_group_per_role_with_its_model_permissions():
    groups = {
        group.name: {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        for group in Group.objects.filter(name__in=[role.group for role in ROLES])
    }

    assert groups == {role.group: set(role.model_permissions) for role in ROLES}


@pytest.mark.parametrize(
    ("role", "permission"),
    [
        (SESSION_MANAGER, "consultations.check_in"),
        (SESSION_MANAGER, "consultations.email_participants"),
        (SESSION_MANAGER, "consultations.decide_talk"),
        (INPUTS_MODERATOR, "roundtables.moderate_inputs"),
        (RAPPORTEUR_ASSESSOR, "roundtables.assess_applications"),
        (REPORT_EDITOR, "reports.render_report"),
        (SECRETARIAT_LEAD, "roundtables.select_call"),
        (SECRETARIAT_LEAD, "audit.view_events"),
    ],
)
def test_a_role_grants_its_permission_to_staff_only(role, permission):
    staff = grant_role(UserFactory(is_staff=True), role)
    not_staff = grant_role(UserFactory(), role)
    inactive = grant_role(UserFactory(is_staff=True, is_active=False), role)
    other = grant_role(
        UserFactory(is_staff=True), REPORT_EDITOR if role != REPORT_EDITOR else SESSION_MANAGER
    )

    answers = [can(user, permission) for user in (staff, not_staff, inactive, other)]

    assert answers == [True, False, False, False]


def test_roles_are_read_once_per_user_object(django_assert_num_queries):
    user = grant_role(grant_role(UserFactory(is_staff=True), SESSION_MANAGER), REPORT_EDITOR)

    with django_assert_num_queries(1):
        slugs = {role_slugs(user), role_slugs(user)}

    assert slugs == {frozenset({"session_manager", "report_editor"})}


def test_audit_trail_in_the_admin_is_for_the_secretariat_lead(client):
    url = reverse("admin:audit_auditevent_changelist")
    client.force_login(grant_role(UserFactory(is_staff=True), REPORT_EDITOR))
    refused = client.get(url).status_code
    client.force_login(grant_role(UserFactory(is_staff=True), SECRETARIAT_LEAD))
    allowed = client.get(url).status_code

    assert (refused, allowed) == (403, 200)


def test_render_actions_on_sessions_are_for_report_editors(rf):
    model_admin = site._registry[Session]
    request = rf.get("/admin/consultations/session/")

    request.user = grant_role(UserFactory(is_staff=True), SESSION_MANAGER)
    manager = {name for name in model_admin.get_actions(request) if name.startswith("render_")}
    request.user = grant_role(UserFactory(is_staff=True), REPORT_EDITOR)
    editor = {name for name in model_admin.get_actions(request) if name.startswith("render_")}

    assert manager == set()
    assert editor == {"render_summary_report"}


def test_superuser_holds_every_role_but_scores_only_calls_they_are_named_on():
    from tests.factories.roundtables import CallFactory

    superuser = StaffFactory()
    call = CallFactory()

    assert can(superuser, "consultations.check_in")
    assert can(superuser, "roundtables.assess_applications")
    assert not can(superuser, "roundtables.assess_applications", call)
    assert not can(stakeholder(), "roundtables.assess_applications")
