"""Every public page and every staff page costs the same number of queries with 10 and
with 1,000 rows behind it.

The pages are read from the URLconf, as the permission matrix reads them
(tests/test_permission_matrix.py): every route a GET opens, with its path filled with the
objects of the matrix's world, asked by the first client the matrix says it answers 200
(public pages also by the signed-in stakeholder), and every changelist of the admin. The
data set is built once per run, inside the first page test's transaction (rolled back
after it): the world, then 10 rows of everything the pages list, every page measured with
the cache cleared (after a first pass that warms the process), then grown to 1,000 rows
and measured again. Each page is its own test.
"""

import datetime as dt
import functools

import pytest
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEvent
from consultations.models import (
    GcmTalkRequest,
    Registration,
    Session,
    SessionDocument,
    Speaker,
)
from core.storage import private_storage
from feedback.models import SurveyRequest, SurveyResponse
from gcm.models import Objective, Sector
from outbox.models import OutgoingMail
from outreach.models import Campaign, Contact, ContactImport, OrganisationMerge
from reports.models import Report, ReviewReportText
from roundtables.models import Application, KeyMessage, Roundtable, StakeholderInput
from stakeholders.models import Consent, Organisation, Profile, User
from tests.test_permission_matrix import (
    CLIENTS,
    OWNER,
    PARAMETERS,
    Admin,
    PostOnly,
    Public,
    Reachable,
    all_routes,
    build_world,
    outcome_for,
    url_for,
)

FEW, MANY = 10, 1_000
SUPERUSER = "superuser"


def _routes() -> list[tuple[str, str, object]]:
    """(page, client, url of the world) for every page a GET opens: one line per route
    and client. Public pages are asked twice, anonymously and signed in; the account
    pages of allauth (sign in, sign up, password, email) twice too, whatever they answer."""
    any_ids = dict.fromkeys([*PARAMETERS.values(), "session_pk"], 1)
    pages = []
    for route in all_routes():
        outcome = outcome_for(route)
        if isinstance(outcome, Admin | PostOnly) or url_for(route, any_ids) is None:
            continue
        url = functools.partial(_route_url, route)
        if isinstance(outcome, Reachable):
            pages.append((f"{route.key} (anonymous)", "anonymous", url))
            pages.append((f"{route.key} (signed in)", OWNER, url))
            continue
        clients = [client for client in CLIENTS if outcome.expected(client) == 200]
        if not clients:
            continue
        pages.append((route.key, clients[0], url))
        if isinstance(outcome, Public) and clients[0] == "anonymous":
            pages.append((f"{route.key} (signed in)", OWNER, url))
    return pages


def _route_url(route, world: dict) -> str:
    return url_for(route, world["values"])


def _admin_pages() -> list[tuple[str, str, object]]:
    """The admin's index, and the list, the add form (where the admin offers one) and the
    change form of its first row for every model."""
    request = RequestFactory().get("/")
    request.user = User(is_active=True, is_staff=True, is_superuser=True)
    pages = [("admin:index", SUPERUSER, lambda world: reverse("admin:index"))]
    for model, model_admin in admin.site._registry.items():
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages.append((f"{prefix}_changelist", SUPERUSER, _reverse(f"{prefix}_changelist")))
        if model_admin.has_add_permission(request):
            pages.append((f"{prefix}_add", SUPERUSER, _reverse(f"{prefix}_add")))
        pages.append((f"{prefix}_change", SUPERUSER, _first_row(model, f"{prefix}_change")))
    return pages


def _reverse(name: str):
    return lambda world: reverse(name)


def _first_row(model, name: str):
    def url(world):
        row = model._default_manager.order_by("pk").first()
        assert row is not None, f"no {model._meta.label} row to open"
        return reverse(name, args=[row.pk])

    return url


_ALL = [*_routes(), *_admin_pages()]
URLS = {page: url for page, _, url in _ALL}
PAGES = [(page, client) for page, client, _ in _ALL]


def _grow(world: dict, start: int, stop: int) -> None:
    """Rows start..stop-1 of everything the pages list, made with bulk_create: people
    with profiles registered to the world's session, past sessions of the review (the
    stakeholder registered to each, with a speaker and a published summary report),
    inputs (a tenth the stakeholder's, half of them accepted), roundtables of the review,
    applications to the call, talk requests, contacts, campaigns, imports, survey
    answers, audit events, mail, and rows of the admin's other lists (groups, second
    factors, merges). The first rows also give private files to the objects the pages
    open."""
    now = timezone.now()
    rows = range(start, stop)
    if start == 0:
        # Private files on the rows the pages open (the CV page reads its file).
        StakeholderInput.objects.filter(pk=world["values"]["input"]).update(
            attachment="inputs/attachment.pdf"
        )
        cv = private_storage.save("cvs/cv.pdf", ContentFile(b"%PDF-1.4 a CV"))
        Application.objects.filter(pk=world["values"]["application"]).update(cv=cv)
        SessionDocument.objects.create(
            session=world["session"],
            kind="concept-note",
            title="Concept note",
            language="en",
            file="documents/note.pdf",
        )
        ReviewReportText.objects.create(review=world["review"])
    sectors = list(Sector.objects.all())
    objectives = list(Objective.objects.all())
    review, session, call = world["review"], world["session"], world["call"]
    owner = world["users"][OWNER]
    staff = world["users"][SUPERUSER]
    organisations = Organisation.objects.bulk_create(
        Organisation(name=f"Org {n}", sector=sectors[n % len(sectors)], country="KZ") for n in rows
    )
    users = User.objects.bulk_create(
        User(email=f"row{n}@example.org", name=f"Row {n}", password="!") for n in rows
    )
    Profile.objects.bulk_create(
        Profile(
            user=user,
            sector=sectors[n % len(sectors)],
            country=("CH", "FR", "KZ")[n % 3],
            organisation=organisations[i],
            gender=("woman", "man", "")[n % 3],
        )
        for i, (n, user) in enumerate(zip(rows, users, strict=True))
    )
    Consent.objects.bulk_create(
        Consent(user=user, text_version=settings.CONSENT_TEXT_VERSION) for user in users
    )
    Registration.objects.bulk_create(
        Registration(
            session=session,
            user=user,
            mode=("online", "in-person")[n % 2],
            status=("confirmed", "confirmed", "waitlisted", "cancelled")[n % 4],
        )
        for n, user in zip(rows, users, strict=True)
    )
    past = now - dt.timedelta(days=60)
    sessions = Session.objects.bulk_create(
        Session(
            review=review,
            slug=f"past-{n}",
            kind="thematic",
            format=("online", "hybrid", "in-person")[n % 3],
            status="open",
            title=f"Past consultation {n}",
            starts_at=past - dt.timedelta(days=n),
            ends_at=past - dt.timedelta(days=n) + dt.timedelta(hours=2),
            time_zone="Europe/Zurich",
            registration_opens_at=past - dt.timedelta(days=n + 30),
            registration_closes_at=past - dt.timedelta(days=n + 1),
        )
        for n in rows
    )
    owners = Registration.objects.bulk_create(
        Registration(session=past_session, user=owner, mode="online", status="confirmed")
        for past_session in sessions
    )
    Speaker.objects.bulk_create(
        Speaker(session=past_session, name=f"Speaker {n}")
        for n, past_session in zip(rows, sessions, strict=True)
    )
    Report.objects.bulk_create(
        Report(
            kind="summary",
            session=past_session,
            language="en",
            version=1,
            status="ready",
            pdf=f"reports/past-{n}.pdf",
            page_count=3,
            published_at=now,
            published_by=staff,
            finished_at=now,
        )
        for n, past_session in zip(rows, sessions, strict=True)
    )
    inputs = StakeholderInput.objects.bulk_create(
        StakeholderInput(
            review=review,
            author=owner if n % 10 == 0 else users[i],
            title=f"Input {n}",
            text="Ensure access to basic services for all migrants.",
            language="en",
            input_type="content",
            status=("submitted", "accepted")[n % 2],
            sector=sectors[n % len(sectors)],
            country="KZ",
        )
        for i, n in enumerate(rows)
    )
    StakeholderInput.objectives.through.objects.bulk_create(
        StakeholderInput.objectives.through(
            stakeholderinput=row, objective=objectives[n % len(objectives)]
        )
        for n, row in zip(rows, inputs, strict=True)
    )
    roundtables = Roundtable.objects.bulk_create(
        Roundtable(review=review, number=n + 1, title=f"Roundtable {n + 1}") for n in rows
    )
    Roundtable.objectives.through.objects.bulk_create(
        Roundtable.objectives.through(roundtable=table, objective=objectives[n % len(objectives)])
        for n, table in zip(rows, roundtables, strict=True)
    )
    Roundtable.consultations.through.objects.bulk_create(
        Roundtable.consultations.through(roundtable=table, session=past_session)
        for table, past_session in zip(roundtables, sessions, strict=True)
    )
    KeyMessage.objects.bulk_create(KeyMessage(review=review, text=f"Key message {n}") for n in rows)
    Application.objects.bulk_create(
        Application(
            call=call,
            user=user,
            reference=f"R{n:07d}",
            motivation="Motivation",
            experience="Experience",
            sector=sectors[n % len(sectors)],
            country_of_residence="KZ",
            status="under_assessment",
        )
        for n, user in zip(rows, users, strict=True)
    )
    GcmTalkRequest.objects.bulk_create(
        GcmTalkRequest(
            review=review,
            requested_by=user,
            title=f"Talk {n}",
            proposed_date=now.date() + dt.timedelta(days=30),
            proposed_format="online",
            description="Exchange",
        )
        for n, user in zip(rows, users, strict=True)
    )
    Contact.objects.bulk_create(
        Contact(
            email=f"contact{n}@example.net",
            name=f"Contact {n}",
            organisation=organisations[i],
            sector=sectors[n % len(sectors)],
        )
        for i, n in enumerate(rows)
    )
    Campaign.objects.bulk_create(
        Campaign(review=review, name=f"Campaign {n}", subject="Invitation", message="Join us")
        for n in rows
    )
    ContactImport.objects.bulk_create(
        ContactImport(name=f"Import {n}", filename=f"import-{n}.csv") for n in rows
    )
    requests = SurveyRequest.objects.bulk_create(
        SurveyRequest(registration=registration) for registration in owners
    )
    SurveyResponse.objects.bulk_create(
        SurveyResponse(
            registration=request.registration,
            session=request.registration.session,
            mode="online",
            sector=sectors[n % len(sectors)],
            language="en",
            overall=1 + n % 5,
            content=1 + (n + 2) % 5,
        )
        for n, request in zip(rows, requests, strict=True)
    )
    AuditEvent.objects.bulk_create(
        AuditEvent(
            action=AuditAction.VIEWED_ACCREDITATION,
            actor=staff,
            target_type="registration",
            target_id=str(n),
        )
        for n in rows
    )
    Group.objects.bulk_create(Group(name=f"Group {n}") for n in rows)
    Authenticator.objects.bulk_create(
        Authenticator(
            user=user,
            type=Authenticator.Type.RECOVERY_CODES,
            data={"seed": f"{n:040x}", "used_mask": 0},
        )
        for n, user in zip(rows, users, strict=True)
    )
    OrganisationMerge.objects.bulk_create(
        OrganisationMerge(kept=organisation, merged_id=10_000_000 + n, merged_name=f"Old {n}")
        for n, organisation in zip(rows, organisations, strict=True)
    )
    OutgoingMail.objects.bulk_create(
        OutgoingMail(to=f"row{n}@example.org", subject=f"Mail {n}", body="Hello", language="en")
        for n in rows
    )


def _clear_caches() -> None:
    for alias in settings.CACHES:
        caches[alias].clear()


def _measure(world: dict) -> dict[str, tuple[int, int]]:
    clients = {}
    for _, who in PAGES:
        if who not in clients:
            clients[who] = Client()
            if world["users"][who] is not None:
                clients[who].force_login(world["users"][who])
    result = {}
    for name, who in PAGES:
        url = URLS[name](world)
        _clear_caches()
        with CaptureQueriesContext(connection) as queries:
            response = clients[who].get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        result[name] = (response.status_code, len(queries))
    return result


_MEASURED: dict[str, dict] = {}


@pytest.fixture
def counts(db):
    """Measured once per run, by the first test that asks, in that test's transaction;
    the other pages' tests read the figures."""
    if not _MEASURED:
        _MEASURED["error"] = "the measurement failed: see the first page's test"
        world = build_world()
        _grow(world, 0, FEW)
        # A first pass warms what a running process keeps (content types, the site,
        # compiled templates), as it is on a server after its first requests.
        _measure(world)
        few = _measure(world)
        _grow(world, FEW, MANY)
        _MEASURED.update(few=few, many=_measure(world), error=None)
    if _MEASURED["error"]:
        pytest.fail(_MEASURED["error"])
    return _MEASURED["few"], _MEASURED["many"]


def test_the_pages_are_every_page():
    names = {name for name, _ in PAGES}

    assert len(PAGES) > 90
    assert {"consultations:detail", "consultations:detail (signed in)"} <= names
    assert "admin:consultations_registration_changelist" in names
    assert "outreach:directory" in names


@pytest.mark.parametrize(("name", "who"), PAGES)
def test_page_query_count_does_not_grow_with_rows(counts, name, who):
    few, many = counts

    if not name.startswith(("account_", "mfa_")):
        # allauth's pages answer what they answer (some redirect); the same both times.
        assert few[name][0] == 200, few[name]
    assert few[name] == many[name]
