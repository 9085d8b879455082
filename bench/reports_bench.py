"""Report rendering speed (issue 5), run by `python -m bench reports` / `make bench`.

Yields JSON-able dicts {"metric", "value", "unit", "target"}:
- summary_render_s: build and render the demo pre-consultation summary (median of 3);
- outcome_render_s / outcome_peak_rss_mb: an outcome report over 10,000 inputs and 200
  sessions, in a process of its own so that its peak memory is its own;
- render_overhead_ratio: end-to-end task time (request, task, build, render, store) over
  bare WeasyPrint time on the same HTML.

Everything happens in a throwaway SQLite database in a temporary folder (and private
files there too): the developer's db.sqlite3 is never touched.
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = 10_000
SESSIONS = 200
PARTICIPANTS = 2_000
ATTENDEES_PER_SESSION = 60


def _child(step: str, workdir: Path) -> list[dict]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{workdir / 'bench.sqlite3'}",
        "PRIVATE_MEDIA_ROOT": str(workdir / "private"),
        "MEDIA_ROOT": str(workdir / "media"),
        "CELERY_BROKER_URL": "",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    result = subprocess.run(  # noqa: S603 - our own interpreter and module
        [sys.executable, "-m", "bench.reports_bench", step],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench step {step} failed:\n{result.stderr[-4000:]}")
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def run():
    with tempfile.TemporaryDirectory(prefix="gcm-reports-bench-") as folder:
        workdir = Path(folder)
        _child("setup", workdir)
        yield from _child("summary", workdir)
        yield from _child("outcome", workdir)


# --- steps, run in child processes with the throwaway database ---------------------------


def _setup() -> None:
    import datetime as dt

    from django.core.management import call_command
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0)

    from consultations.enums import (
        Attendance,
        Mode,
        RegistrationStatus,
        SessionFormat,
        SessionKind,
        SessionStatus,
    )
    from consultations.models import RegionalReview, Registration, Session
    from gcm.models import MemberState, Objective, Sector
    from roundtables.enums import InputStatus, InputType
    from roundtables.models import KeyMessage, Roundtable, StakeholderInput
    from stakeholders.models import Profile, User

    rng = random.Random(5)  # noqa: S311 - reproducible data, not secrets
    review = RegionalReview.objects.get(slug="unece-2024")
    sectors = list(Sector.objects.all())
    objectives = list(Objective.objects.all())
    countries = list(
        MemberState.objects.filter(region__code="unece").values_list("country", flat=True)
    )
    kinds = [SessionKind.THEMATIC, SessionKind.PRE_CONSULTATION, SessionKind.GCM_TALK]
    start = timezone.now() - dt.timedelta(days=400)
    summary = " ".join(
        [
            "Stakeholders",
            "discussed",
            "regular",
            "pathways,",
            "access",
            "to",
            "services",
            "irrespective",
            "of",
            "status,",
            "alternatives",
            "to",
            "detention",
            "and",
            "the",
            "inclusion",
            "of",
            "migrants",
            "in",
            "policy.",
        ]
        * 3
    )
    sessions = Session.objects.bulk_create(
        Session(
            review=review,
            slug=f"bench-session-{n}",
            kind=kinds[n % len(kinds)],
            format=SessionFormat.ONLINE,
            status=SessionStatus.HELD,
            title=f"Bench consultation {n} on GCM implementation",
            title_en=f"Bench consultation {n} on GCM implementation",
            summary_en=f"{summary} (session {n})",
            starts_at=start + dt.timedelta(days=n * 2),
            ends_at=start + dt.timedelta(days=n * 2, hours=2),
            platform="Zoom",
        )
        for n in range(SESSIONS)
    )
    users = User.objects.bulk_create(
        User(email=f"bench-{n}@example.org", name=f"Bench participant {n}", password="!")  # noqa: S106 - unusable
        for n in range(PARTICIPANTS)
    )
    Profile.objects.bulk_create(
        Profile(user=user, sector=rng.choice(sectors), country=rng.choice(countries))
        for user in users
    )
    Registration.objects.bulk_create(
        Registration(
            session=session,
            user=user,
            mode=Mode.ONLINE,
            status=RegistrationStatus.CONFIRMED,
            attendance=Attendance.ATTENDED,
        )
        for session in sessions
        for user in rng.sample(users, ATTENDEES_PER_SESSION)
    )
    roundtables = list(Roundtable.objects.filter(review=review))
    text = (
        "Stakeholders recommend that States guarantee access to basic services for all "
        "migrants irrespective of status, establish firewalls between service providers "
        "and immigration enforcement, and fund rescue at sea. "
    ) * 2
    inputs = StakeholderInput.objects.bulk_create(
        StakeholderInput(
            review=review,
            title=f"Bench input {n}",
            text=text,
            language="en",
            input_type=InputType.CONTENT if n % 3 else InputType.PROCESS,
            status=InputStatus.ACCEPTED,
            publish_consent=n % 2 == 0,
            sector=rng.choice(sectors),
            country=rng.choice(countries),
            roundtable=rng.choice(roundtables) if n % 4 == 0 else None,
            attributed_to="",
        )
        for n in range(INPUTS)
    )
    through = StakeholderInput.objectives.through
    through.objects.bulk_create(
        through(stakeholderinput_id=item.pk, objective_id=objective.pk)
        for item in inputs
        for objective in rng.sample(objectives, 3)
    )
    for roundtable in roundtables:
        for position in range(8):
            message = KeyMessage.objects.create(
                review=review,
                roundtable=roundtable,
                position=position,
                text_en=f"Key message {position} of roundtable {roundtable.number}: {text}",
            )
            message.sessions.set(rng.sample(sessions, 3))
            message.inputs.set(rng.sample(inputs, 15))


def _summary() -> None:
    from django.utils import translation

    from consultations.models import Session
    from reports import services
    from reports.enums import ReportKind, ReportStatus
    from reports.rendering import html_to_pdf, render_html
    from reports.selectors import session_for_summary

    slug = "unece-pre-consultation-2023-11-14"
    subject = session_for_summary(slug=slug)
    # Warm up fonts and caches once, as a long-running worker has them.
    services.render_document(kind="summary", subject=subject, language="en", filename="w.pdf")

    timings = []
    for _ in range(3):
        started = time.perf_counter()
        services.render_document(
            kind="summary", subject=session_for_summary(slug=slug), language="en", filename="s.pdf"
        )
        timings.append(time.perf_counter() - started)
    print(_metric("summary_render_s", statistics.median(timings), "s", "< 5"))

    with translation.override("en"):
        data, _file = services.render_document(
            kind="summary", subject=subject, language="en", filename="s.pdf"
        )
        html = render_html(data)
    bare, end_to_end = [], []
    session = Session.objects.get(slug=slug)
    for _ in range(5):
        started = time.perf_counter()
        html_to_pdf(html)
        bare.append(time.perf_counter() - started)
        started = time.perf_counter()
        # Eager Celery: the task runs when the request commits, inside this timing.
        report = services.report_request(kind=ReportKind.SUMMARY, subject=session, language="en")
        report.refresh_from_db()
        end_to_end.append(time.perf_counter() - started)
        assert report.status == ReportStatus.READY, report.error
    ratio = statistics.median(end_to_end) / statistics.median(bare)
    print(_metric("render_overhead_ratio", ratio, "ratio", "<= 1.2"))


def _outcome() -> None:
    from reports import services
    from reports.selectors import review_for_report

    started = time.perf_counter()
    data, rendered = services.render_document(
        kind="outcome",
        subject=review_for_report(slug="unece-2024"),
        language="en",
        filename="o.pdf",
    )
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(_metric("outcome_render_s", seconds, "s", "< 20"))
    print(_metric("outcome_peak_rss_mb", peak_kb / 1024, "MB", "< 500"))
    print(_metric("outcome_pages", rendered.page_count, "pages", f"{SESSIONS} sessions"))
    print(_metric("outcome_references", len(data.references), "references", "cited sources"))


def _metric(name: str, value: float, unit: str, target: str) -> str:
    return json.dumps({"metric": name, "value": round(value, 3), "unit": unit, "target": target})


if __name__ == "__main__":
    import django

    django.setup()
    {"setup": _setup, "summary": _summary, "outcome": _outcome}[sys.argv[1]]()
