import pytest

from tests.factories import StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import CallFactory


@pytest.fixture
def call():
    return CallFactory()


@pytest.fixture
def candidate():
    return stakeholder(user__name="Amina Diallo", user__email="amina@example.org")


@pytest.fixture
def selector():
    """A superuser: selection managers hold every roundtables permission."""
    return StaffFactory(email="selector@example.org", name="Sara Selector")


def reviewer_for(call, **kwargs):
    """A staff member with only the review permission, named reviewer of the call."""
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="review_application"))
    call.reviewers.add(user)
    return user


@pytest.fixture
def reviewer(call):
    return reviewer_for(call, email="reviewer@example.org", name="Rita Reviewer")
