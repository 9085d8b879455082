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


def assessor_for(call, **kwargs):
    """A staff member with only the assessment permission, named assessor of the call."""
    from django.contrib.auth.models import Permission

    user = UserFactory(is_staff=True, **kwargs)
    user.user_permissions.add(Permission.objects.get(codename="assess_application"))
    call.assessors.add(user)
    return user


@pytest.fixture
def assessor(call):
    return assessor_for(call, email="assessor@example.org", name="Rita Assessor")
