"""The migrations that renamed the Rapporteur call's "review" to "assessment" keep every
row: grants of the permission, statuses and their history, assessors, scores."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from roundtables.enums import ApplicationStatus
from roundtables.models import ApplicationStatusChange, RapporteurCall, Recusal, Score
from tests.factories.roundtables import ApplicationFactory, CallFactory, close_call
from tests.roundtables.conftest import assessor_for

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("roundtables", "0003_rapporteur_review_and_inputs")]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def rolled_back():
    """Yields a function that takes the database back to before the renames; whatever
    happens, the test ends with the database migrated forward again."""
    try:
        yield lambda: _migrate(BEFORE)
    finally:
        _migrate()


def _old_permission(apps):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="roundtables", codename="review_application"
    )


def test_assessment_migrations_keep_a_groups_grant_and_every_row(rolled_back):
    call = close_call(CallFactory())
    assessor = assessor_for(call)
    application = ApplicationFactory(call=call, status=ApplicationStatus.UNDER_ASSESSMENT)
    ApplicationStatusChange.objects.create(
        application=application, from_status="submitted", to_status="under-assessment"
    )
    criterion = call.criteria.first()
    Score.objects.create(application=application, assessor=assessor, criterion=criterion, value=4)
    Recusal.objects.create(application=ApplicationFactory(call=call), assessor=assessor)
    RapporteurCall.objects.filter(pk=call.pk).update(
        anonymised_assessment=True, assessment_started_at=timezone.now()
    )
    group = Group.objects.create(name="Assessors")
    group.permissions.add(Permission.objects.get(codename="assess_application"))
    assessor.groups.add(group)

    old = rolled_back()

    old_permission = _old_permission(old)
    assert list(old_permission.group_set.values_list("name", flat=True)) == ["Assessors"]
    assert (
        old.get_model("roundtables", "Application").objects.get(pk=application.pk).status
        == "under-review"
    )

    _migrate()

    permission = Permission.objects.get(
        content_type__app_label="roundtables",
        codename__in=["assess_application", "review_application"],
    )
    assert (permission.pk, permission.codename) == (old_permission.pk, "assess_application")
    assert permission.name == "Can score rapporteur applications of calls they assess"
    assert list(Group.objects.get(name="Assessors").permissions.all()) == [permission]
    assert assessor.has_perm("roundtables.assess_application")
    application.refresh_from_db()
    assert application.status == "under-assessment"
    assert list(application.status_changes.values_list("from_status", "to_status")) == [
        ("submitted", "under-assessment")
    ]
    call.refresh_from_db()
    assert list(call.assessors.all()) == [assessor]
    assert call.anonymised_assessment is True
    assert call.assessment_started_at is not None
    assert list(Score.objects.values_list("assessor", "value")) == [(assessor.pk, 4)]
    assert list(Recusal.objects.values_list("assessor", flat=True)) == [assessor.pk]


def test_permission_migration_with_both_rows_moves_the_grants_to_the_new_one(rolled_back):
    old = rolled_back()
    OldPermission = old.get_model("auth", "Permission")
    previous = _old_permission(old)
    # post_migrate of a partial run created the new row, granted to nobody.
    created = OldPermission.objects.create(
        content_type=previous.content_type, codename="assess_application", name="new"
    )
    old.get_model("auth", "Group").objects.create(name="Assessors").permissions.add(previous)

    _migrate()

    assert list(
        Permission.objects.filter(
            content_type__app_label="roundtables",
            codename__in=["assess_application", "review_application"],
        ).values_list("pk", flat=True)
    ) == [created.pk]
    assert list(Group.objects.get(name="Assessors").permissions.values_list("pk", flat=True)) == [
        created.pk
    ]
