import pytest

from roundtables.enums import ApplicationStatus
from roundtables.models import Application
from roundtables.tasks import start_assessment, start_due_assessments
from tests.factories.roundtables import ApplicationFactory, CallFactory, close_call

pytestmark = pytest.mark.django_db


def test_start_due_assessments_starts_only_closed_calls(django_capture_on_commit_callbacks):
    closed = close_call(CallFactory())
    open_call = CallFactory()
    late = ApplicationFactory(call=closed)
    early = ApplicationFactory(call=open_call)

    with django_capture_on_commit_callbacks(execute=True):
        moved = start_due_assessments.delay().get()

    assert moved == 1
    assert Application.objects.get(pk=late.pk).status == ApplicationStatus.UNDER_ASSESSMENT
    assert Application.objects.get(pk=early.pk).status == ApplicationStatus.SUBMITTED


def test_start_due_assessments_twice_moves_nothing_more():
    closed = close_call(CallFactory())
    ApplicationFactory(call=closed)
    start_due_assessments()

    assert start_due_assessments() == 0


def test_start_assessment_of_a_missing_call_does_nothing():
    assert start_assessment(call_id=999_999) == 0
