"""Every route of the URLconf, for every kind of visitor: what each may open.

The routes are read from the URLconf (i18n patterns included), so a new route fails
`test_every_route_is_classified` until it has a line in ROUTES, the one table of who may
open what. Path parameters are filled with the objects of "the stakeholder" (OWNER).

What a refusal answers (core/permissions.py): anonymous people are sent to sign in where
signing in could help; stakeholders get 404 for staff pages; staff without the permission
get 403; an object that is not yours answers 404.
"""

import dataclasses
import datetime as dt

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from consultations.models import GcmTalkRequest
from core.roles import (
    INPUTS_MODERATOR,
    RAPPORTEUR_ASSESSOR,
    REPORT_EDITOR,
    ROLES,
    SECRETARIAT_LEAD,
    SESSION_MANAGER,
    Role,
)
from roundtables.enums import ApplicationStatus
from tests.consultations.conftest import registration_with_accreditation
from tests.factories import ReviewFactory, SessionFactory, StaffFactory, UserFactory, stakeholder
from tests.factories.reports import ready_report
from tests.factories.roundtables import ApplicationFactory, CallFactory, InputFactory, close_call
from tests.support import grant_role

pytestmark = pytest.mark.django_db

# Answers other than a status code.
LOGIN = "sign in"  # a redirect to the sign-in page
PROFILE = "profile"  # a redirect to complete the stakeholder profile
ADMIN_LOGIN = "admin sign in"  # the admin's redirect to its login

OWNER = "stakeholder"
OTHER = "other stakeholder"
STAFF = "staff without permissions"
SUPERUSER = "superuser"
STAKEHOLDERS = (OWNER, OTHER)
ROLE_CLIENTS = tuple(role.slug for role in ROLES)
STAFF_CLIENTS = (STAFF, *ROLE_CLIENTS, SUPERUSER)
CLIENTS = ("anonymous", *STAKEHOLDERS, *STAFF_CLIENTS)


# --- outcomes: what each client gets --------------------------------------------------------


class Outcome:
    """The answer each client gets to a GET (and, for POST-only staff actions, a POST)."""

    post_refusals = False

    def expected(self, client: str) -> object:
        raise NotImplementedError


@dataclasses.dataclass(frozen=True)
class Public(Outcome):
    """Open to everyone (status for all)."""

    status: object = 200

    def expected(self, client):
        return self.status


@dataclasses.dataclass(frozen=True)
class Login(Outcome):
    """A stakeholder page: sign in, then a profile (staff accounts have none)."""

    status: object = 200

    def expected(self, client):
        if client == "anonymous":
            return LOGIN
        return self.status if client in STAKEHOLDERS else PROFILE


@dataclasses.dataclass(frozen=True)
class Owner(Outcome):
    """The stakeholder's own object behind a stakeholder page."""

    status: int = 200

    def expected(self, client):
        return {"anonymous": LOGIN, OWNER: self.status, OTHER: 404}.get(client, PROFILE)


@dataclasses.dataclass(frozen=True)
class PostOnly(Outcome):
    """A form's target: GET is not allowed, whoever asks."""

    def expected(self, client):
        return 405


@dataclasses.dataclass(frozen=True)
class Perm(Outcome):
    """A staff page asking a named permission, held by these roles (and by the
    secretariat lead and superusers). `named` clients pass the rule about the object;
    other holders get 404. `post_only`: GET answers 405 to those allowed, and a POST by
    anyone else is refused like a GET."""

    permission: str
    roles: tuple[Role, ...] = ()
    named: tuple[str, ...] | None = None
    lead: bool = True
    post_only: bool = False
    status: int = 200

    @property
    def post_refusals(self):
        return self.post_only

    def holders(self) -> set[str]:
        holders = {SUPERUSER, *(role.slug for role in self.roles)}
        if self.lead:
            holders.add(SECRETARIAT_LEAD.slug)
        return holders

    def expected(self, client):
        if client == "anonymous":
            return LOGIN
        if client in STAKEHOLDERS:
            return 404
        if client not in self.holders():
            return 403
        if self.named is not None and client not in self.named:
            return 404
        return 405 if self.post_only else self.status


@dataclasses.dataclass(frozen=True)
class Mixed(Outcome):
    """Answers spelled out client by client (a default for the rest)."""

    answers: tuple[tuple[str, object], ...]
    default: object = 404

    def expected(self, client):
        return dict(self.answers).get(client, self.default)


@dataclasses.dataclass(frozen=True)
class Reachable(Outcome):
    """Third-party account pages (allauth): checked only to answer, never with a server
    error."""

    def expected(self, client):
        return "reachable"


@dataclasses.dataclass(frozen=True)
class Admin(Outcome):
    """The Django admin: non-staff are sent to its login; staff see what the model
    permissions of their roles allow (test_admin_changelists_follow_the_roles)."""

    def expected(self, client):
        return ADMIN_LOGIN if client in ("anonymous", *STAKEHOLDERS) else "admin"


ASSESSOR_ONLY = (RAPPORTEUR_ASSESSOR.slug,)
# Served from MEDIA_URL only when DEBUG is on: in the URLconf of a development server.
MEDIA = "^media/(?P<path>.*)$"

# --- the table: every route --------------------------------------------------------------

ROUTES: dict[str, Outcome] = {
    "healthz": Public(),
    "livez": Public(),
    "readyz": Public(),
    "set_language": Public(302),
    "home": Public(),
    # The API is public and read-only.
    "api-v1:*": Public(),
    # The admin (every admin:* route) and its unnamed redirects.
    "admin:*": Admin(),
    "admin/login/": Public(302),
    "admin/(?P<url>.*)$": Admin(),
    "admin/*/<path:object_id>/": Admin(),
    # Files under MEDIA_URL are served only when DEBUG is on (never in tests).
    MEDIA: Public(404),
    # allauth's sign-in, sign-up, email and second-factor pages.
    "account_*": Reachable(),
    "mfa_*": Reachable(),
    # Stakeholders.
    "stakeholders:home": Login(),
    "stakeholders:profile": Mixed((("anonymous", LOGIN),), default=200),
    "stakeholders:my_data": Mixed((("anonymous", LOGIN),), default=200),
    "stakeholders:data_download": PostOnly(),
    "stakeholders:account_delete": Mixed((("anonymous", LOGIN),), default=200),
    "stakeholders:privacy": Public(),
    # Consultations, public and the stakeholder's own.
    "consultations:list": Public(),
    "consultations:calendar": Public(),
    "consultations:detail": Public(),
    "consultations:register": PostOnly(),
    "consultations:cancel": PostOnly(),
    "consultations:change_mode": PostOnly(),
    "consultations:my_participation": Login(),
    "consultations:talk_request": Login(),
    "consultations:session_calendar": Public(),
    # The world has no session document: 404 for everyone (access to documents public
    # and for registrants only: tests/consultations/test_documents.py).
    "consultations:document": Public(404),
    # Consultations staff pages.
    "consultations:staff_timeline": Perm("consultations.view_timeline", (SESSION_MANAGER,)),
    "consultations:staff_counts": Perm("consultations.view_counts", (SESSION_MANAGER,)),
    "consultations:staff_check_in": Perm("consultations.check_in", (SESSION_MANAGER,)),
    "consultations:staff_photo": Perm("consultations.view_accreditation", (SESSION_MANAGER,)),
    "consultations:staff_email": Perm("consultations.email_participants", (SESSION_MANAGER,)),
    "consultations:staff_talk_decide": Perm("consultations.decide_talk", (SESSION_MANAGER,)),
    # Big exports: each belongs to the staff member who asked for it (none here: 404).
    "consultations:staff_export": Perm(
        "consultations.manage_registrations", (SESSION_MANAGER,), named=()
    ),
    "consultations:staff_export_download": Perm(
        "consultations.manage_registrations", (SESSION_MANAGER,), named=()
    ),
    # Outreach: the directory, imports and campaigns (routes with ids of imports and
    # campaigns are checked in tests/outreach).
    "outreach:directory": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:export": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:organisations": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:merge": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:import": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:import_preview": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:campaigns": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:campaign_create": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:campaign": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:campaign_edit": Perm("outreach.manage", (SESSION_MANAGER,)),
    "outreach:campaign_send": Perm("outreach.manage", (SESSION_MANAGER,), post_only=True),
    # Personal links, signed: anyone holding the link (tests/outreach, tests/feedback).
    "outreach:invitation": Public(),
    "outreach:unsubscribe": Public(),
    "feedback:survey": Public(),
    "feedback:session": Perm("feedback.view_results", (SESSION_MANAGER, REPORT_EDITOR)),
    "feedback:review": Perm("feedback.view_results", (SESSION_MANAGER, REPORT_EDITOR)),
    # Roundtables, inputs and the Rapporteur call.
    "roundtables:index": Public(),
    "roundtables:inputs": Public(),
    "roundtables:input_new": Login(),
    "roundtables:input_edit": Owner(),
    "roundtables:input_withdraw": Login(405),
    # The input has no attachment: those allowed reach the 404 of the missing file.
    "roundtables:input_attachment": Public(404),
    "roundtables:my_inputs": Login(),
    "roundtables:calls": Public(),
    "roundtables:call": Public(),
    # The call has closed: stakeholders are sent back to it.
    "roundtables:apply": Login(302),
    "roundtables:withdraw": Login(405),
    "roundtables:my_applications": Login(),
    # The CV: its author, the lead and the call's named assessors.
    "roundtables:cv": Mixed(
        (
            (OWNER, 200),
            (SECRETARIAT_LEAD.slug, 200),
            (RAPPORTEUR_ASSESSOR.slug, 200),
            (SUPERUSER, 200),
        )
    ),
    "roundtables:staff_home": Perm(
        "roundtables.view_staff_home",
        (SESSION_MANAGER, INPUTS_MODERATOR, RAPPORTEUR_ASSESSOR, REPORT_EDITOR),
    ),
    "roundtables:moderation": Perm("roundtables.moderate_inputs", (INPUTS_MODERATOR,)),
    "roundtables:moderate": Perm("roundtables.moderate_inputs", (INPUTS_MODERATOR,)),
    "roundtables:analysis": Perm("roundtables.analyse_inputs", (INPUTS_MODERATOR, REPORT_EDITOR)),
    # Only the assessors named on the call score it; the lead and superusers are not.
    "roundtables:assessment_list": Perm(
        "roundtables.assess_applications",
        (RAPPORTEUR_ASSESSOR,),
        named=ASSESSOR_ONLY,
        lead=False,
    ),
    "roundtables:assess": Perm(
        "roundtables.assess_applications",
        (RAPPORTEUR_ASSESSOR,),
        named=ASSESSOR_ONLY,
        lead=False,
    ),
    "roundtables:selection": Perm("roundtables.select_call"),
    "roundtables:selection_action": Perm("roundtables.select_call", post_only=True),
    "roundtables:export": Perm("roundtables.select_call"),
    # Reports.
    "reports:list": Public(),
    # A draft: only those who may see drafts.
    "reports:download": Mixed(
        ((REPORT_EDITOR.slug, 200), (SECRETARIAT_LEAD.slug, 200), (SUPERUSER, 200))
    ),
    "reports:staff_new": Perm("reports.render_report", (REPORT_EDITOR,)),
    "reports:staff_detail": Perm("reports.view_drafts", (REPORT_EDITOR,)),
    "reports:staff_status": Perm("reports.view_drafts", (REPORT_EDITOR,)),
    "reports:staff_publish": Perm("reports.publish_version", (REPORT_EDITOR,), post_only=True),
    "reports:staff_withdraw": Perm("reports.publish_version", (REPORT_EDITOR,), post_only=True),
    "reports:staff_rerender": Perm("reports.render_report", (REPORT_EDITOR,), post_only=True),
    "reports:dashboard": Perm("reports.view_drafts", (REPORT_EDITOR,)),
    # Open data.
    "opendata:search": Public(),
    "opendata:index": Public(),
    "opendata:dataset": Public(),
}


# --- the URLconf ---------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class Route:
    key: str  # "namespace:name", or the pattern of an unnamed route
    pattern: str
    params: tuple[str, ...]

    @property
    def name(self) -> str | None:
        return None if self.key == self.pattern else self.key


def _walk(patterns, prefix="", namespace=None):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            pattern = prefix + str(entry.pattern)
            params = tuple(entry.pattern.regex.groupindex)
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = pattern
            yield Route(key, pattern, params)


def all_routes() -> list[Route]:
    routes = {}
    for route in _walk(get_resolver().url_patterns):
        routes.setdefault(route.key, route)
    return list(routes.values())


def outcome_for(route: Route) -> Outcome | None:
    if route.key in ROUTES:
        return ROUTES[route.key]
    # The admin's per-model redirects: admin/<app>/<model>/<path:object_id>/.
    if (
        route.name is None
        and route.pattern.startswith("admin/")
        and route.pattern.endswith("<path:object_id>/")
    ):
        return ROUTES["admin/*/<path:object_id>/"]
    for key, outcome in ROUTES.items():
        if key.endswith("*") and route.key.startswith(key[:-1]):
            return outcome
    return None


def test_every_route_is_classified():
    unclassified = [route.key for route in all_routes() if outcome_for(route) is None]

    assert unclassified == []


def test_the_table_names_only_routes_that_exist():
    keys = {route.key for route in all_routes()}
    wildcards = [key[:-1] for key in ROUTES if key.endswith("*")]
    stale = [
        key
        for key in ROUTES
        if not key.endswith("*")
        and key not in keys
        and key not in ("admin/*/<path:object_id>/", MEDIA)
        and not any(key.startswith(prefix) for prefix in wildcards)
    ]

    assert stale == []


# --- the world: the stakeholder's objects and one client of each kind --------------------------


@pytest.fixture
def world():
    return build_world()


def build_world() -> dict:
    """The stakeholder's objects, one user per kind of client, and the values that fill
    the routes' path parameters (also the world of tests/scale/test_page_queries.py)."""
    owner = stakeholder(user__email="owner@example.org")
    review = ReviewFactory(inputs_deadline=timezone.now() + dt.timedelta(days=5))
    session = SessionFactory(review=review)
    registration = registration_with_accreditation(session=session, user=owner)
    talk = GcmTalkRequest.objects.create(
        review=review,
        requested_by=owner,
        title="Diaspora bonds",
        proposed_date=timezone.localdate() + dt.timedelta(days=30),
        proposed_format="online",
        description="Exchange",
    )
    call = close_call(CallFactory(review=review))
    application = ApplicationFactory(
        call=call, user=owner, status=ApplicationStatus.UNDER_ASSESSMENT
    )
    own_input = InputFactory(review=review, author=owner)
    report = ready_report(session=session)
    users = {
        "anonymous": None,
        OWNER: owner,
        OTHER: stakeholder(),
        STAFF: UserFactory(is_staff=True),
        SUPERUSER: StaffFactory(),
    }
    for role in ROLES:
        users[role.slug] = grant_role(UserFactory(is_staff=True), role)
    call.assessors.add(users[RAPPORTEUR_ASSESSOR.slug])
    values = {
        "review": review.slug,
        "session": session.slug,
        "session_pk": session.pk,
        "call": call.slug,
        "registration": registration.pk,
        "talk": talk.pk,
        "application": application.pk,
        "input": own_input.pk,
        "report": report.pk,
    }
    return {
        "users": users,
        "values": values,
        "report": report,
        "talk": talk,
        "review": review,
        "session": session,
        "call": call,
    }


# Which object a path parameter names, route by route (the rest by app).
PARAMETERS = {
    ("consultations:staff_timeline", "slug"): "review",
    ("consultations:staff_photo", "pk"): "registration",
    ("consultations:staff_talk_decide", "pk"): "talk",
    ("roundtables:cv", "pk"): "application",
    ("roundtables:assess", "pk"): "application",
    ("reports:dashboard", "slug"): "review",
    ("feedback:review", "slug"): "review",
    ("feedback", "slug"): "session",
    ("consultations", "slug"): "session",
    ("consultations", "pk"): "registration",
    ("roundtables", "slug"): "call",
    ("roundtables", "pk"): "input",
    ("reports", "pk"): "report",
}
FIXED = {"fmt": "csv", "name": "sessions"}
QUERIES = {"reports:staff_new": "?session={session_pk}&kind=summary"}


def url_for(route: Route, values: dict) -> str | None:
    """The route's address with the stakeholder's objects, or None for routes whose
    parameters are not ids (the admin's, allauth's keys, media paths)."""
    kwargs = {}
    for param in route.params:
        if param in FIXED:
            kwargs[param] = FIXED[param]
            continue
        app = (route.name or "").split(":")[0]
        what = PARAMETERS.get((route.name, param)) or PARAMETERS.get((app, param))
        if what is None:
            return None
        kwargs[param] = values[what]
    if route.name is None:
        return None
    return reverse(route.name, kwargs=kwargs) + QUERIES.get(route.name, "").format(**values)


def answer(client, url: str, *, method: str = "get") -> object:
    response = getattr(client, method)(url)
    if hasattr(response, "streaming_content"):
        # Read to the end: the test client then closes the response itself, without
        # the request_finished handler that would close the test's database connection.
        b"".join(response.streaming_content)
    status = response.status_code
    if status == 302:
        location = response["Location"]
        if location.startswith(reverse("account_login")):
            return LOGIN
        if location.startswith(reverse("stakeholders:profile")):
            return PROFILE
        if location.startswith("/admin/login/"):
            return ADMIN_LOGIN
    return status


def _login(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def test_every_route_answers_each_client_as_the_table_says(client, world):
    routes = [
        (route, outcome_for(route), url_for(route, world["values"])) for route in all_routes()
    ]
    checked = [
        (route, outcome, url)
        for route, outcome, url in routes
        if url is not None and not isinstance(outcome, Reachable | Admin)
    ]
    got, expected = {}, {}
    for name in CLIENTS:
        _login(client, world["users"][name])
        for route, outcome, url in checked:
            got[(route.key, name)] = answer(client, url)
            expected[(route.key, name)] = outcome.expected(name)
            if outcome.post_refusals and outcome.expected(name) != 405:
                # A POST-only staff action refuses a POST as it refuses a GET.
                got[(route.key, name, "POST")] = answer(client, url, method="post")
                expected[(route.key, name, "POST")] = outcome.expected(name)

    assert len(checked) > 60
    wrong = {key: (value, expected[key]) for key, value in got.items() if value != expected[key]}
    for key in sorted(wrong, key=str):
        print(key, wrong[key])
    assert wrong == {}
    # Nothing the refused POSTs asked for happened.
    world["report"].refresh_from_db()
    assert world["report"].published_at is None


def test_third_party_account_pages_answer_every_client(client, world):
    routes = [
        (route, url_for(route, world["values"]))
        for route in all_routes()
        if isinstance(outcome_for(route), Reachable)
    ]
    got = {}
    for name in CLIENTS:
        _login(client, world["users"][name])
        for route, url in routes:
            if url is not None:
                got[(route.key, name)] = answer(client, url)

    assert len(got) > 10 * len(CLIENTS)
    # Some answer 404 (no second factor to deactivate), or send people to sign in.
    errors = {key: status for key, status in got.items() if isinstance(status, int)}
    assert {key: status for key, status in errors.items() if status >= 500} == {}


def _admin_changelists():
    from django.contrib import admin

    return {
        model: reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for model in admin.site._registry
    }


def test_admin_changelists_follow_the_roles(client, world):
    """Anonymous people and stakeholders are sent to the admin's login; staff open the
    lists their roles' model permissions (core/roles.py) give them, and get 403 for the
    rest."""
    lists = _admin_changelists()
    got, expected = {}, {}
    for name in CLIENTS:
        _login(client, world["users"][name])
        role = next((role for role in ROLES if role.slug == name), None)
        granted = set(role.model_permissions) if role else set()
        got[("admin:index", name)] = answer(client, reverse("admin:index"))
        expected[("admin:index", name)] = (
            ADMIN_LOGIN if name in ("anonymous", *STAKEHOLDERS) else 200
        )
        for model, url in lists.items():
            label = f"{model._meta.app_label}.{{}}_{model._meta.model_name}"
            allowed = name == SUPERUSER or bool(
                {label.format("view"), label.format("change")} & granted
            )
            if model._meta.label == "audit.AuditEvent":
                # A named permission: the secretariat lead's (audit/rules.py).
                allowed = name in (SUPERUSER, SECRETARIAT_LEAD.slug)
            got[(url, name)] = answer(client, url)
            if name in ("anonymous", *STAKEHOLDERS):
                expected[(url, name)] = ADMIN_LOGIN
            else:
                expected[(url, name)] = 200 if allowed else 403

    assert {key: value for key, value in got.items() if value != expected[key]} == {}
