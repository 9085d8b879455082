import pytest

from core.roles import INPUTS_MODERATOR, RAPPORTEUR_ASSESSOR, SECRETARIAT_LEAD
from tests.factories import StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import CallFactory
from tests.support import grant_role


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


def moderator():
    """A staff member with only the inputs moderator role."""
    return grant_role(UserFactory(is_staff=True), INPUTS_MODERATOR)


def lead():
    """A staff member (not a superuser) with the secretariat lead role."""
    return grant_role(UserFactory(is_staff=True), SECRETARIAT_LEAD)


def assessor_for(call, **kwargs):
    """A staff member with only the assessor role, named assessor of the call."""
    user = grant_role(UserFactory(is_staff=True, **kwargs), RAPPORTEUR_ASSESSOR)
    call.assessors.add(user)
    return user


@pytest.fixture
def assessor(call):
    return assessor_for(call, email="assessor@example.org", name="Rita Assessor")
