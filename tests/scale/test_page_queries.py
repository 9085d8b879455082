"""Every public and staff page costs the same number of queries with few and with many
rows behind it. The data set is built once for the module (few rows, every page
measured, then grown to many rows and measured again) and each page is its own test."""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from roundtables.enums import InputStatus
from tests.factories import (
    ProfileFactory,
    RegistrationFactory,
    ReviewFactory,
    SessionFactory,
    StaffFactory,
)
from tests.factories.roundtables import ApplicationFactory, CallFactory, InputFactory

FEW, MANY = 5, 40

PUBLIC = {
    "home": lambda w: reverse("home"),
    "calendar": lambda w: reverse("consultations:list"),
    "session": lambda w: reverse("consultations:detail", args=[w["session"].slug]),
    "roundtables": lambda w: reverse("roundtables:index"),
    "inputs": lambda w: reverse("roundtables:inputs"),
    "calls": lambda w: reverse("roundtables:calls"),
    "call": lambda w: reverse("roundtables:call", args=[w["call"].slug]),
    "reports": lambda w: reverse("reports:list"),
    "open_data": lambda w: reverse("opendata:index"),
    "privacy": lambda w: reverse("stakeholders:privacy"),
}
PARTICIPANT = {
    "my_participation": lambda w: reverse("consultations:my_participation"),
    "my_inputs": lambda w: reverse("roundtables:my_inputs"),
    "my_applications": lambda w: reverse("roundtables:my_applications"),
}
STAFF = {
    "staff_counts": lambda w: reverse("consultations:staff_counts", args=[w["session"].slug]),
    "staff_check_in": lambda w: reverse("consultations:staff_check_in", args=[w["session"].slug]),
    "staff_timeline": lambda w: reverse("consultations:staff_timeline", args=[w["review"].slug]),
    "staff_email": lambda w: reverse("consultations:staff_email", args=[w["session"].slug]),
    "staff_roundtables": lambda w: reverse("roundtables:staff_home"),
    "moderation": lambda w: reverse("roundtables:moderation"),
    "analysis": lambda w: reverse("roundtables:analysis"),
    "assessment": lambda w: reverse("roundtables:assessment_list", args=[w["call"].slug]),
    "reports_new": lambda w: reverse("reports:staff_new") + f"?session={w['session'].pk}",
}
PAGES = [
    *((name, "public") for name in PUBLIC),
    *((name, "participant") for name in PARTICIPANT),
    *((name, "staff") for name in STAFF),
]
URLS = {**PUBLIC, **PARTICIPANT, **STAFF}


def _grow(world, rows: int) -> None:
    """Add rows of everything the pages list: past sessions, registrations to the
    session, inputs (half of them published) and applications."""
    past = timezone.now() - dt.timedelta(days=60)
    for n in range(rows):
        SessionFactory(
            review=world["review"],
            starts_at=past - dt.timedelta(days=n),
            ends_at=past - dt.timedelta(days=n) + dt.timedelta(hours=2),
            registration_opens_at=past - dt.timedelta(days=n + 30),
            registration_closes_at=past - dt.timedelta(days=n + 1),
        )
        RegistrationFactory(session=world["session"])
        InputFactory(
            review=world["review"],
            status=InputStatus.ACCEPTED if n % 2 else InputStatus.SUBMITTED,
        )
        ApplicationFactory(call=world["call"])


def _measure(world) -> dict[str, tuple[int, int]]:
    clients = {"public": Client(), "participant": Client(), "staff": Client()}
    clients["participant"].force_login(world["participant"])
    clients["staff"].force_login(world["staff"])
    result = {}
    for name, who in PAGES:
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = clients[who].get(URLS[name](world))
        result[name] = (response.status_code, len(queries))
    return result


_MEASURED: dict[str, dict] = {}


@pytest.fixture
def counts(db):
    """Measured once per run, by the first test that asks, in that test's transaction
    (rolled back after it); the other pages' tests read the figures."""
    if not _MEASURED:
        review = ReviewFactory()
        participant = ProfileFactory().user
        world = {
            "review": review,
            "session": SessionFactory(review=review, capacity_in_person=None),
            "call": CallFactory(review=review),
            "participant": participant,
            "staff": StaffFactory(is_superuser=True),
        }
        RegistrationFactory(session=world["session"], user=participant)
        world["call"].assessors.add(world["staff"])
        _grow(world, FEW)
        _MEASURED["few"] = _measure(world)
        _grow(world, MANY - FEW)
        _MEASURED["many"] = _measure(world)
    return _MEASURED["few"], _MEASURED["many"]


@pytest.mark.parametrize(("name", "who"), PAGES)
def test_page_query_count_does_not_grow_with_rows(counts, name, who):
    few, many = counts

    assert few[name][0] == 200
    assert few[name] == many[name]
