"""Registration throughput and the seat rush, against gunicorn on PostgreSQL on loopback.

1. registrations_per_s: distinct signed-in users each register once (online, no limit).
2. ceiling_inserts_per_s: the same users POST to a view that authenticates and does one
   INSERT (mounted only by bench/settings.py); registration_ratio = 1. / 2.
3. The rush: 1000 concurrent attempts (900 people, 100 of them twice) for 100 in-person
   seats: exactly 100 confirmed, no 5xx, no duplicate registration, all answered within
   rush_all_answered_s.
4. registration_flow_per_s: what a person does, by 10 clients at a time: GET the session
   page (its CSRF cookie and token), POST the form, follow the redirect; a flow counts
   only when its row is in the database. flow_ratio compares it with a third of the
   ceiling (a flow is three requests).

Registrations and flows are measured in slices taken in turn with slices of the ceiling
(SLICE, FLOW_SLICE), so that each ratio compares the two under the same load: on a 2-core
machine whose other work comes and goes, phases measured minutes apart do not.

The load generator is an asyncio client (aiohttp) in this process; the server runs in
gunicorn worker processes. Data lives in a database of its own (gcm_bench), recreated.
"""

import asyncio
import datetime as dt
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
USERS = int(os.environ.get("BENCH_USERS", "2000"))
CONCURRENCY = int(os.environ.get("BENCH_CONCURRENCY", "16"))
RUSH_PEOPLE, RUSH_REPEATS, RUSH_SEATS = 900, 100, 100
WORKERS = int(os.environ.get("BENCH_GUNICORN_WORKERS", "3"))
FLOW_USERS = int(os.environ.get("BENCH_FLOW_USERS", "600"))
FLOW_CLIENTS = 10
# Slices of registrations (and of flows) measured in turn with slices of the ceiling.
SLICE = 250
FLOW_SLICE = 100
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _recreate_database() -> None:
    import psycopg

    url = os.environ.get("BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/gcm_bench")
    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _env() -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "bench.settings", "PYTHONPATH": str(ROOT)}


def _setup_data() -> dict:
    """Users with profiles, consent and signed-in sessions; the sessions to register for."""
    import django

    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    django.setup()
    import redis
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import connection
    from django.utils import timezone

    from consultations.models import RegionalReview, Session
    from gcm.models import Region, Sector
    from stakeholders.models import Consent, Profile, User

    redis.Redis.from_url(settings.CELERY_BROKER_URL).flushdb()
    redis.Redis.from_url(os.environ["CACHE_URL"]).flushdb()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE TABLE IF NOT EXISTS bench_ceiling "
            "(id bigserial PRIMARY KEY, user_id bigint NOT NULL, created_at timestamptz)"
        )
    count = USERS + RUSH_PEOPLE + FLOW_USERS
    unusable = "!"  # an unusable password: nobody signs in with these accounts
    users = User.objects.bulk_create(
        [
            User(email=f"bench{i}@example.org", name=f"Bench {i}", password=unusable)
            for i in range(count)
        ]
    )
    sector = Sector.objects.get(code="civil-society")
    Profile.objects.bulk_create([Profile(user=u, sector=sector, country="CH") for u in users])
    Consent.objects.bulk_create(
        [Consent(user=u, text_version=settings.CONSENT_TEXT_VERSION) for u in users]
    )
    cookies = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        cookies.append(store.session_key)
    now = timezone.now()
    review = RegionalReview.objects.create(
        slug="bench-review",
        title="Bench review",
        region=Region.objects.get(code="unece"),
        meeting_date=(now + dt.timedelta(days=90)).date(),
        venue="Palais des Nations",
    )
    common = {
        "review": review,
        "kind": "thematic",
        "status": "open",
        "starts_at": now + dt.timedelta(days=30),
        "ends_at": now + dt.timedelta(days=30, hours=2),
        "registration_opens_at": now - dt.timedelta(days=1),
        "requires_accreditation": False,
        "join_url": "https://zoom.example.org/j/1",
    }
    Session.objects.create(slug="bench-online", format="online", title="Online", **common)
    Session.objects.create(slug="bench-flow", format="online", title="Flow", **common)
    Session.objects.create(
        slug="bench-rush",
        format="hybrid",
        title="Rush",
        capacity_in_person=RUSH_SEATS,
        **common,
    )
    return {"cookies": cookies}


async def _post(http, url: str, cookie: str, data: dict, latencies: list, codes: list) -> None:
    csrf = secrets.token_hex(16)
    started = time.perf_counter()
    async with http.post(
        url,
        data={"csrfmiddlewaretoken": csrf, **data},
        headers={"Cookie": f"sessionid={cookie}; csrftoken={csrf}"},
        allow_redirects=False,
    ) as response:
        await response.read()
        codes.append(response.status)
    latencies.append(time.perf_counter() - started)


async def _load(url: str, cookies: list[str], data: dict, concurrency: int) -> dict:
    import aiohttp

    latencies: list[float] = []
    codes: list[int] = []
    queue: asyncio.Queue = asyncio.Queue()
    for cookie in cookies:
        queue.put_nowait(cookie)
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:

        async def worker():
            while not queue.empty():
                cookie = queue.get_nowait()
                await _post(http, url, cookie, data, latencies, codes)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "latencies": latencies, "codes": codes}


async def _flow(http, base: str, cookie: str, codes: list) -> None:
    """One person's registration as a browser makes it: the page, the form, the redirect."""
    page = f"{base}/en/consultations/bench-flow/"
    async with http.get(page, headers={"Cookie": f"sessionid={cookie}"}) as response:
        html = await response.text()
        csrf_cookie = response.cookies["csrftoken"].value
    token = CSRF_INPUT.search(html).group(1)
    headers = {"Cookie": f"sessionid={cookie}; csrftoken={csrf_cookie}", "Referer": page}
    async with http.post(
        f"{page}register/",
        data={"csrfmiddlewaretoken": token, "mode": "online"},
        headers=headers,
        allow_redirects=False,
    ) as response:
        await response.read()
        codes.append(response.status)
        location = response.headers.get("Location", page)
    async with http.get(
        location if location.startswith("http") else f"{base}{location}", headers=headers
    ) as response:
        await response.read()
        codes.append(response.status)


async def _flows(base: str, cookies: list[str]) -> dict:
    import aiohttp

    codes: list[int] = []
    queue: asyncio.Queue = asyncio.Queue()
    for cookie in cookies:
        queue.put_nowait(cookie)
    connector = aiohttp.TCPConnector(limit=FLOW_CLIENTS)
    timeout = aiohttp.ClientTimeout(total=120)
    jar = aiohttp.DummyCookieJar()  # each person's cookies are sent by hand
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, cookie_jar=jar) as http:

        async def client():
            while not queue.empty():
                await _flow(http, base, queue.get_nowait(), codes)

        started = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(FLOW_CLIENTS)))
        elapsed = time.perf_counter() - started
    return {"elapsed": elapsed, "codes": codes}


def _add(total: dict, part: dict) -> None:
    for key, value in part.items():
        total[key] = total[key] + value


def _p99_ms(latencies: list[float]) -> float:
    return round(statistics.quantiles(latencies, n=100)[98] * 1000, 1)


def _start_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603 - our own gunicorn
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(WORKERS),
            "--backlog",
            "2048",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=_env(),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.3)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def run():
    _recreate_database()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=_env(),
        check=True,
    )
    data = _setup_data()
    cookies = data["cookies"]
    port = _free_port()
    server = _start_server(port)
    base = f"http://127.0.0.1:{port}"
    ceiling_url = f"{base}/bench/ceiling/"
    try:
        # Warm every worker's database connection and template caches.
        asyncio.run(_load(ceiling_url, cookies[:50], {}, CONCURRENCY))
        # Each figure is measured in slices taken in turn with slices of the ceiling, so
        # that a ratio compares the two under the same load on a machine that is not quiet.
        register = {"elapsed": 0.0, "latencies": [], "codes": []}
        ceiling = {"elapsed": 0.0, "latencies": [], "codes": []}
        flow = {"elapsed": 0.0, "codes": []}
        for start in range(0, USERS, SLICE):
            chunk = cookies[start : start + SLICE]
            _add(
                register,
                asyncio.run(
                    _load(
                        f"{base}/en/consultations/bench-online/register/",
                        chunk,
                        {"mode": "online"},
                        CONCURRENCY,
                    )
                ),
            )
            _add(ceiling, asyncio.run(_load(ceiling_url, chunk, {}, CONCURRENCY)))
        flow_cookies = cookies[USERS + RUSH_PEOPLE :]
        for number, start in enumerate(range(0, len(flow_cookies), FLOW_SLICE)):
            _add(flow, asyncio.run(_flows(base, flow_cookies[start : start + FLOW_SLICE])))
            chunk = cookies[(number * SLICE) % USERS :][:SLICE]
            _add(ceiling, asyncio.run(_load(ceiling_url, chunk, {}, CONCURRENCY)))
        rush_cookies = cookies[USERS : USERS + RUSH_PEOPLE] + cookies[USERS : USERS + RUSH_REPEATS]
        rush = asyncio.run(
            _load(
                f"{base}/en/consultations/bench-rush/register/",
                rush_cookies,
                {"mode": "in-person", "if_full": "waitlist"},
                len(rush_cookies),
            )
        )
    finally:
        server.terminate()
        server.wait(timeout=30)

    from django.db.models import Count

    from consultations.models import Registration
    from outbox.models import OutgoingMail

    registered = Registration.objects.filter(session__slug="bench-online", status="confirmed")
    rush_rows = Registration.objects.filter(session__slug="bench-rush")
    registrations_per_s = registered.count() / register["elapsed"]
    ceiling_per_s = len([c for c in ceiling["codes"] if c == 302]) / ceiling["elapsed"]
    yield {
        "metric": "registrations_per_s",
        "value": round(registrations_per_s, 1),
        "unit": "1/s",
        "target": None,
        "users": registered.count(),
        "concurrency": CONCURRENCY,
    }
    yield {
        "metric": "ceiling_inserts_per_s",
        "value": round(ceiling_per_s, 1),
        "unit": "1/s",
        "target": None,
    }
    yield {
        "metric": "registration_ratio",
        "value": round(registrations_per_s / ceiling_per_s, 3),
        "unit": "ratio",
        "target": ">= 0.6",
    }
    yield {
        # Every registration's confirmation is in the outbox, for a worker to write and send.
        "metric": "registration_mails_queued",
        "value": OutgoingMail.objects.filter(
            template="emails/registration_confirmed",
            render_args__registration_id__in=list(registered.values_list("pk", flat=True)),
        ).count(),
        "unit": "mails",
        "target": registered.count(),
    }
    yield {
        "metric": "registration_p99_ms",
        "value": _p99_ms(register["latencies"]),
        "unit": "ms",
        "target": None,
    }
    flows = Registration.objects.filter(session__slug="bench-flow", status="confirmed").count()
    flows_per_s = flows / flow["elapsed"]
    yield {
        "metric": "registration_flow_per_s",
        "value": round(flows_per_s, 1),
        "unit": "1/s",
        "target": None,
        "flows": flows,
        "clients": FLOW_CLIENTS,
        "errors_5xx": sum(1 for code in flow["codes"] if code >= 500),
    }
    yield {
        "metric": "flow_ratio",
        "value": round(flows_per_s / (ceiling_per_s / 3), 3),
        "unit": "ratio",
        "target": ">= 0.6",
    }
    yield {
        "metric": "rush_all_answered_s",
        "value": round(rush["elapsed"], 2),
        "unit": "s",
        "target": "< 5",
        "answered": len(rush["codes"]),
    }
    yield {
        "metric": "rush_confirmed_in_person",
        "value": rush_rows.filter(mode="in-person", status="confirmed").count(),
        "unit": "registrations",
        "target": RUSH_SEATS,
    }
    yield {
        "metric": "rush_errors_5xx",
        "value": sum(1 for code in rush["codes"] + register["codes"] if code >= 500),
        "unit": "responses",
        "target": 0,
    }
    yield {
        "metric": "rush_duplicates",
        "value": rush_rows.values("user").annotate(n=Count("pk")).filter(n__gt=1).count(),
        "unit": "people",
        "target": 0,
        "attempts": len(rush_cookies),
        "waitlisted": rush_rows.filter(status="waitlisted").count(),
    }
