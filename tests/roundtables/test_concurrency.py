"""Row locks under real concurrency (PostgreSQL): two staff selecting at once cannot
fill more places than the call has; a double-clicked submission makes one application."""

import threading

import pytest
from django.db import connection

from core.errors import DomainError
from gcm.models import Sector
from roundtables.enums import ApplicationStatus
from roundtables.models import Application
from roundtables.services import rapporteur as services
from tests.factories import StaffFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    close_call,
    pdf_upload,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_together(*targets):
    barrier = threading.Barrier(len(targets))
    outcomes = []

    def runner(target):
        barrier.wait()
        try:
            target()
            outcomes.append("ok")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_two_selections_at_once_fill_one_place_only():
    call = close_call(CallFactory())
    selector = StaffFactory()
    a, b = ApplicationFactory(call=call), ApplicationFactory(call=call)
    services.shortlist_save(call=call, by=selector, application_ids=[a.pk, b.pk])

    outcomes = run_together(
        lambda: services.application_select(application=a, by=selector),
        lambda: services.application_select(application=b, by=selector),
    )

    assert outcomes == ["ok", "refused"]
    assert call.applications.filter(status=ApplicationStatus.SELECTED).count() == 1


def test_double_submission_makes_one_application():
    call = CallFactory()
    user = stakeholder()
    data = {
        "motivation": "m",
        "experience": "e",
        "languages": ["en"],
        "other_languages": "",
        "sector": Sector.objects.get(code="migrants"),
        "country_of_residence": "FR",
        "gender": "",
        "gender_self_description": "",
        "lived_migration_experience": "",
    }

    outcomes = run_together(
        lambda: services.application_submit(call=call, user=user, **data, cv=pdf_upload()),
        lambda: services.application_submit(call=call, user=user, **data, cv=pdf_upload()),
    )

    assert outcomes == ["ok", "ok"]
    assert Application.objects.filter(call=call, user=user).count() == 1
