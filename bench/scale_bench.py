"""The admin and the exports at scale: 100,000 registrations of 20,000 people.

1. admin_changelist_p95_ms: the registrations, profiles, organisations, inputs and
   applications changelists, unfiltered and with a filter each, rendered in-process by
   Django's test client (DEBUG off, PostgreSQL) as a signed-in superuser; p95 over all.
2. export_csv_100k_s and export_peak_rss_mb: the 100,000-row CSV export as the worker
   writes it (consultations.exports), in a fresh process so that its peak RSS is the
   export's, not the data generator's.

The data set is generated with bulk_create into a database of its own
(BENCH_SCALE_DATABASE_URL, default gcm_bench_scale), recreated on each run.
"""

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGISTRATIONS = int(os.environ.get("BENCH_SCALE_REGISTRATIONS", "100000"))
PEOPLE = int(os.environ.get("BENCH_SCALE_USERS", "20000"))
SESSIONS = 50
REPEATS = int(os.environ.get("BENCH_SCALE_REPEATS", "15"))
URL = os.environ.get(
    "BENCH_SCALE_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/gcm_bench_scale"
)

EXPORT_CHILD = """
import json, os, resource, tempfile, time
import django
django.setup()
from consultations.exports import EXPORT_HEADER, export_ids, export_rows
from core.spreadsheets import csv_write
from consultations.models import Registration
started = time.perf_counter()
ids = export_ids(Registration.objects.all())
with tempfile.TemporaryFile() as handle:
    csv_write(file=handle, header=EXPORT_HEADER, rows=export_rows(registration_ids=ids))
    size = handle.tell()
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"rows": len(ids), "seconds": elapsed, "peak_mb": peak, "bytes": size}))
"""


def _env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DATABASE_URL": URL,
        "PYTHONPATH": str(ROOT),
    }


def _recreate_database() -> None:
    import psycopg

    base, name = URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _generate() -> dict:
    from django.db import connection
    from django.utils import timezone

    from consultations.models import RegionalReview, Registration, Session
    from gcm.models import Region, Sector
    from roundtables.models import Application, RapporteurCall, StakeholderInput
    from stakeholders.models import Organisation, Profile, User

    started = time.perf_counter()
    now = timezone.now()
    sectors = list(Sector.objects.all())
    countries = ["CH", "FR", "KZ", "US", "DE", "BR", "NG", "IN", "EG", "TR", "UA", "MX"]
    unusable = "!"  # an unusable password: nobody signs in with these accounts
    users = User.objects.bulk_create(
        [
            User(email=f"scale{i}@example.org", name=f"Scale {i}", password=unusable)
            for i in range(PEOPLE)
        ],
        batch_size=5000,
    )
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"Organisation {i}",
                sector=sectors[i % len(sectors)],
                country=countries[i % len(countries)],
            )
            for i in range(PEOPLE // 10)
        ],
        batch_size=5000,
    )
    Profile.objects.bulk_create(
        [
            Profile(
                user=user,
                sector=sectors[i % len(sectors)],
                country=countries[i % len(countries)],
                organisation=organisations[i % len(organisations)],
                gender=("woman", "man", "")[i % 3],
            )
            for i, user in enumerate(users)
        ],
        batch_size=5000,
    )
    review = RegionalReview.objects.create(
        slug="scale-review",
        title="Scale review",
        region=Region.objects.get(code="unece"),
        meeting_date=(now + dt.timedelta(days=90)).date(),
        venue="Palais des Nations",
    )
    sessions = [
        Session.objects.create(
            review=review,
            slug=f"scale-{n}",
            title=f"Session {n}",
            kind="thematic",
            format="online",
            status="open",
            starts_at=now + dt.timedelta(days=n),
            ends_at=now + dt.timedelta(days=n, hours=2),
            registration_opens_at=now - dt.timedelta(days=1),
            join_url="https://zoom.example.org/j/1",
        )
        for n in range(SESSIONS)
    ]
    per_person = -(-REGISTRATIONS // PEOPLE)
    batch = []
    made = 0
    for i, user in enumerate(users):
        for k in range(per_person):
            if made == REGISTRATIONS:
                break
            batch.append(
                Registration(
                    session=sessions[(i + k * 7) % SESSIONS],
                    user=user,
                    mode="online",
                    status=("confirmed", "confirmed", "waitlisted", "cancelled")[made % 4],
                    accessibility_needs="=1+1" if made % 1000 == 0 else "",
                )
            )
            made += 1
        if len(batch) >= 10_000:
            Registration.objects.bulk_create(batch, batch_size=5000)
            batch = []
    Registration.objects.bulk_create(batch, batch_size=5000)
    StakeholderInput.objects.bulk_create(
        [
            StakeholderInput(
                review=review,
                author=users[i],
                title=f"Input {i}",
                text="Ensure access to basic services for all migrants.",
                language="en",
                input_type="content",
                status="submitted",
                sector=sectors[i % len(sectors)],
                country="CH",
            )
            for i in range(5000)
        ],
        batch_size=5000,
    )
    call = RapporteurCall.objects.create(
        review=review,
        slug="scale-call",
        title="Call",
        description="Call",
        eligibility="All",
        opens_at=now - dt.timedelta(days=1),
        deadline=now + dt.timedelta(days=10),
        time_zone="Europe/Zurich",
    )
    Application.objects.bulk_create(
        [
            Application(
                call=call,
                user=users[i],
                reference=f"S{i:07d}",
                motivation="m",
                experience="e",
                sector=sectors[0],
                country_of_residence="CH",
            )
            for i in range(2000)
        ],
        batch_size=2000,
    )
    with connection.cursor() as cursor:
        # Fresh statistics, as autovacuum would have them on a live database.
        cursor.execute("ANALYZE")
    return {"seconds": time.perf_counter() - started, "sessions": sessions}


def _changelists(world) -> list[str]:
    session = world["sessions"][3]
    return [
        "/admin/consultations/registration/",
        f"/admin/consultations/registration/?session__id__exact={session.pk}",
        "/admin/consultations/registration/?status__exact=waitlisted",
        "/admin/consultations/registration/?country=KZ",
        "/admin/consultations/registration/?p=40",
        "/admin/stakeholders/profile/",
        "/admin/stakeholders/profile/?country=FR",
        "/admin/stakeholders/organisation/",
        "/admin/stakeholders/organisation/?country__exact=US",
        "/admin/roundtables/stakeholderinput/",
        "/admin/roundtables/stakeholderinput/?status__exact=submitted",
        "/admin/roundtables/application/",
        "/admin/roundtables/application/?status__exact=submitted",
    ]


def _signed_in_client():
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY
    from django.test import Client

    from stakeholders.models import User

    admin = User.objects.create_superuser(email="scale-admin@example.org", password=None)
    client = Client()
    client.force_login(admin)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    session["account_authentication_methods_user"] = str(admin.pk)
    session.save()
    return client


def run():
    _recreate_database()
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=_env(),
        check=True,
    )
    os.environ.update(_env())
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()
    world = _generate()
    yield {
        "metric": "scale_data_generated_s",
        "value": round(world["seconds"], 1),
        "unit": "s",
        "target": None,
        "registrations": REGISTRATIONS,
        "users": PEOPLE,
    }
    client = _signed_in_client()
    timings = []
    slowest = {}
    for url in _changelists(world):
        response = client.get(url)  # warm: templates, the filters' reference data
        assert response.status_code == 200, (url, response.status_code)
        for _ in range(REPEATS):
            started = time.perf_counter()
            client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
            timings.append(elapsed)
            slowest[url] = max(slowest.get(url, 0), elapsed)
    yield {
        "metric": "admin_changelist_p95_ms",
        "value": round(statistics.quantiles(timings, n=100)[94], 1),
        "unit": "ms",
        "target": "< 300",
        "requests": len(timings),
        "slowest_url": max(slowest, key=slowest.get),
        "slowest_ms": round(max(slowest.values()), 1),
    }
    child = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", EXPORT_CHILD],
        cwd=ROOT,
        env=_env(),
        check=True,
        capture_output=True,
        text=True,
    )
    export = json.loads(child.stdout.strip().splitlines()[-1])
    yield {
        "metric": "export_csv_100k_s",
        "value": round(export["seconds"], 2),
        "unit": "s",
        "target": "< 10",
        "rows": export["rows"],
        "bytes": export["bytes"],
    }
    yield {
        "metric": "export_peak_rss_mb",
        "value": round(export["peak_mb"], 1),
        "unit": "MB",
        "target": "< 200",
    }
