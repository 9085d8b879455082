"""The experiments of issue 10. Each takes the running Stack and yields its lines
(faults.lines.line); durations and bounds come from FAULTS_* variables so that a
developer can scale a run down. Every wait is bounded: a figure not reached in time is
reported as missed, never waited for indefinitely."""

import asyncio
import os
import signal
import time
from collections import Counter

from faults import client
from faults.lines import line

SUMMARY_SESSION = "unece-pre-consultation-2023-11-14"
REVIEW = "unece-2024"


def _seconds(name: str, default: float) -> float:
    return float(os.environ.get(f"FAULTS_{name}", default))


def _count(name: str, default: int) -> int:
    return int(os.environ.get(f"FAULTS_{name}", default))


# --- observations ---------------------------------------------------------------------------


def _registered(stack, slug: str) -> set[str]:
    rows = stack.query(
        "SELECT u.email FROM consultations_registration r "
        "JOIN stakeholders_user u ON u.id = r.user_id "
        "JOIN consultations_session s ON s.id = r.session_id "
        "WHERE s.slug = %s",
        (slug,),
    )
    return {email.lower() for (email,) in rows}


def _deliveries_to(stack, recipients: set[str]) -> dict[str, list[float]]:
    """Arrival times at the sink, by recipient, for these recipients only."""
    arrivals: dict[str, list[float]] = {}
    for delivery in stack.sink.deliveries():
        for recipient in delivery.recipients:
            if recipient in recipients:
                arrivals.setdefault(recipient, []).append(delivery.received_at)
    return arrivals


def _wait_for_mail(stack, recipients: set[str], *, until: float) -> dict[str, list[float]]:
    while True:
        arrivals = _deliveries_to(stack, recipients)
        if set(arrivals) >= recipients or time.monotonic() >= until:
            return arrivals
        time.sleep(0.5)


def _report(stack, report_id: int) -> tuple[str, str, int]:
    rows = stack.query(
        "SELECT status, error, attempts FROM reports_report WHERE id = %s", (report_id,)
    )
    return rows[0] if rows else ("missing", "", 0)


def _wait_report(stack, report_id: int, statuses: set[str], *, until: float):
    while True:
        status, error, attempts = _report(stack, report_id)
        if status in statuses or time.monotonic() >= until:
            return status, error, attempts
        time.sleep(0.5)


def _extra_deliveries(arrivals: dict[str, list[float]]) -> int:
    return sum(len(times) - 1 for times in arrivals.values())


# --- 1. the private storage turns read-only -------------------------------------------------


def storage(stack):
    """Uploads while the private storage refuses writes answer with a message, not a 500;
    a report whose PDF cannot be stored is marked failed with the reason at once."""
    people = stack.people(0, 6)
    uploads = _count("UPLOADS", 5)
    pdf = client.minimal_pdf()
    stack.readonly_flag.touch()
    try:
        answers = asyncio.run(_uploads(stack, people[:uploads], pdf))
        report_id = stack.django("report", "summary", SUMMARY_SESSION, "en")["report_id"]
        started = time.monotonic()
        status, error, attempts = _wait_report(
            stack,
            report_id,
            {"failed", "ready"},
            until=started + _seconds("REPORT_FAIL_WAIT_S", 30),
        )
        waited = round(time.monotonic() - started, 1)
    finally:
        stack.readonly_flag.unlink(missing_ok=True)
    after = asyncio.run(_uploads(stack, people[uploads:], pdf))
    statuses = Counter(str(a.status or a.failure) for a in answers)
    yield line(
        "storage",
        "upload_500",
        sum(1 for a in answers if a.status is None or a.status >= 500),
        0,
        uploads=len(answers),
        answers=dict(statuses),
    )
    yield line(
        "storage",
        "report_failed_with_reason",
        1 if status == "failed" and error else 0,
        1,
        status=status,
        attempts=attempts,
        error=error[:200],
        waited_s=waited,
    )
    yield line(
        "storage",
        "upload_after_restore_ok",
        sum(1 for a in after if a.status == 302),
        len(after),
    )


async def _uploads(stack, people, pdf: bytes) -> list[client.Answer]:
    async with client.session() as http:
        return [
            await client.submit_input(
                http,
                stack.url(""),
                person["cookie"],
                review_id=stack.data["review_id"],
                objective_id=stack.data["objective_ids"][0],
                pdf=pdf,
            )
            for person in people
        ]


# --- 2. the database goes away during traffic -----------------------------------------------


def database(stack):
    """PostgreSQL unreachable for a while (the proxy refuses and resets connections, as a
    stopped server does) under page views and registrations: 503, never 500; the health
    endpoint answers 200 again soon after."""
    before, outage = _seconds("DB_BEFORE_S", 5), _seconds("DB_OUTAGE_S", 20)
    endpoint = _health_endpoint(stack)
    people = stack.people(6, 60)
    result = asyncio.run(_database_run(stack, people, endpoint, before, outage))
    answers = result["answers"]
    codes = Counter(a.status for a in answers if a.status is not None)
    yield line(
        "database",
        "responses_500",
        sum(n for code, n in codes.items() if code >= 500 and code != 503),
        0,
        requests=len(answers),
        answers={str(k): v for k, v in sorted(codes.items())},
        outage_s=outage,
    )
    yield line(
        "database",
        "responses_without_answer",
        sum(1 for a in answers if a.status is None),
        0,
    )
    yield line(
        "database",
        "responses_503_with_retry_after",
        result["retry_after"],
        None,
        responses_503=codes.get(503, 0),
    )
    yield line(
        "database",
        "healthz_recovery_s",
        result["recovery"],
        "<= 30",
        endpoint=endpoint,
        health_during_outage=result["health_during_outage"],
    )


def _health_endpoint(stack) -> str:
    """/readyz where the app has it, /healthz otherwise."""

    async def probe():
        async with client.session() as http:
            return await client.request(http, "GET", stack.url("/readyz"))

    # A health answer is 200 or 503; anything else (404) means the app has no /readyz.
    return "/readyz" if asyncio.run(probe()).status in (200, 503) else "/healthz"


async def _database_run(stack, people, endpoint: str, before: float, outage: float) -> dict:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    answers: list[client.Answer] = []
    retry_after = 0
    health: list[tuple[float, int | None]] = []
    queue = list(people)
    pages = ["/en/", "/en/consultations/", "/en/consultations/faults-database/", "/en/inputs/"]
    base = stack.url("")

    async def browse(http, n: int):
        nonlocal retry_after
        step = 0
        while not stop.is_set():
            step += 1
            if step % 3 == 0 and queue:
                answer = await client.register(http, base, "faults-database", queue.pop()["cookie"])
            else:
                page = pages[(n + step) % len(pages)]
                async with http.get(base + page, allow_redirects=False) as response:
                    await response.read()
                    answer = client.Answer(response.status, at=loop.time())
                    if response.status == 503 and response.headers.get("Retry-After"):
                        retry_after += 1
            answers.append(answer)
            await asyncio.sleep(0.1)

    async def browse_safely(http, n: int):
        while not stop.is_set():
            try:
                await browse(http, n)
            except (TimeoutError, OSError, client.aiohttp.ClientError):
                answers.append(client.Answer(None, "lost", at=loop.time()))

    async def watch_health(http):
        while not stop.is_set():
            answer = await client.request(http, "GET", base + endpoint)
            health.append((answer.at, answer.status))
            await asyncio.sleep(0.5)

    async with client.session() as http:
        tasks = [asyncio.create_task(browse_safely(http, n)) for n in range(4)]
        tasks.append(asyncio.create_task(watch_health(http)))
        await asyncio.sleep(before)
        stack.database_cut()
        cut_at = loop.time()
        await asyncio.sleep(outage)
        stack.database_restore()
        restored_at = loop.time()
        recovery = None
        while loop.time() < restored_at + _seconds("DB_RECOVERY_WAIT_S", 60):
            healthy = [t for t, status in health if t > restored_at and status == 200]
            if healthy:
                recovery = round(healthy[0] - restored_at, 1)
                break
            await asyncio.sleep(0.2)
        await asyncio.sleep(3)
        stop.set()
        await asyncio.gather(*tasks)
    during = Counter(str(status) for t, status in health if cut_at < t <= restored_at)
    return {
        "answers": answers,
        "retry_after": retry_after,
        "recovery": recovery,
        "health_during_outage": dict(during),
    }


# --- 3. the broker goes away while people register ------------------------------------------


def broker(stack):
    """Redis (broker and cache) stopped while 50 people register, then started again
    empty: every registration kept, every confirmation sent once, soon after."""
    outage = _seconds("BROKER_OUTAGE_S", 30)
    people = stack.people(66, _count("BROKER_PEOPLE", 50))
    answers, restored_at = asyncio.run(_broker_run(stack, people, outage))
    registered = _registered(stack, "faults-broker")
    wanted = {p["email"].lower() for p in people}
    arrivals = _wait_for_mail(stack, registered, until=restored_at + _seconds("MAIL_WAIT_S", 60))
    # Reported, not judged: a confirmation that never came is counted by mails_lost.
    last = max((min(times) for times in arrivals.values()), default=None)
    complete = set(arrivals) >= registered
    codes = Counter(str(a.status or a.failure) for a in answers)
    yield line(
        "broker",
        "registrations_lost",
        len(wanted - registered),
        0,
        people=len(people),
        answers=dict(codes),
        outage_s=outage,
    )
    yield line("broker", "mails_lost", len(registered - set(arrivals)), 0)
    yield line("broker", "mails_duplicated", _extra_deliveries(arrivals), 0)
    yield line(
        "broker",
        "mail_delay_after_recovery_s",
        round(max(0.0, last - restored_at), 1) if complete and last is not None else None,
        None,
        waited_s=_seconds("MAIL_WAIT_S", 60),
    )


async def _broker_run(stack, people, outage: float):
    loop = asyncio.get_running_loop()
    base = stack.url("")
    await asyncio.to_thread(stack.broker_stop)
    started = loop.time()
    # Spread over the outage, leaving its last seconds free.
    spacing = max(outage - 4, 1) / max(len(people), 1)

    async def one(http, n: int, person):
        await asyncio.sleep(1 + n * spacing)
        return await client.register(http, base, "faults-broker", person["cookie"])

    async with client.session() as http:
        registering = asyncio.gather(*(one(http, n, p) for n, p in enumerate(people)))
        await asyncio.sleep(max(0.0, started + outage - loop.time()))
        await asyncio.to_thread(stack.broker_start)
        restored_at = time.monotonic()
        answers = await registering
    return answers, restored_at


# --- 4. worker and beat killed again and again during a relay --------------------------------


def relay(stack):
    """300 queued mails while the worker and beat are SIGKILLed repeatedly: none lost; a
    mail sent twice shows as more than one attempt in the outbox."""
    count = _count("RELAY_MAILS", 300)
    window = _seconds("RELAY_KILL_WINDOW_S", 36)
    worker_every, beat_every = _seconds("WORKER_KILL_EVERY_S", 6), _seconds("BEAT_KILL_EVERY_S", 9)
    stack.sink.delay = _seconds("SMTP_DELAY_S", 0.25)
    try:
        delivered_before = len(stack.sink.deliveries())
        stack.django("mails", str(count), "relay")
        started = time.monotonic()
        kills = Counter()
        next_kill = {"worker": started + worker_every, "beat": started + beat_every}
        every = {"worker": worker_every, "beat": beat_every}
        # A worker is killed only once it has delivered since it started, so that the
        # kill lands while it is sending, not while it is still booting.
        delivered_at_start = len(stack.sink.deliveries())
        while time.monotonic() < started + window:
            for name, at in next_kill.items():
                sending = len(stack.sink.deliveries()) > delivered_at_start
                if time.monotonic() >= at and (name != "worker" or sending):
                    stack.kill(name)
                    stack.start_process(name)
                    kills[name] += 1
                    next_kill[name] = time.monotonic() + every[name]
                    if name == "worker":
                        delivered_at_start = len(stack.sink.deliveries())
            time.sleep(0.1)
        during = len(stack.sink.deliveries())
        wanted = {f"relay-{n}@example.org" for n in range(count)}
        # Until every mail has arrived and the outbox knows it (no row still queued): a
        # mail whose task died with its worker waits for the relay's resend (two minutes
        # in outbox.services), so the bound is longer than that.
        until = time.monotonic() + _seconds("RELAY_WAIT_S", 150)
        while True:
            arrivals = _deliveries_to(stack, wanted)
            rows = stack.query(
                'SELECT "to", attempts, status FROM outbox_outgoingmail WHERE "to" LIKE %s',
                ("relay-%",),
            )
            settled = all(status != "queued" for _to, _attempts, status in rows)
            if (set(arrivals) >= wanted and settled) or time.monotonic() >= until:
                break
            time.sleep(0.5)
    finally:
        stack.sink.delay = 0.0
    attempts = {to: n for to, n, _status in rows}
    statuses = Counter(status for _to, _attempts, status in rows)
    unrecorded = sum(
        1 for to, times in arrivals.items() if len(times) > 1 and attempts.get(to, 0) < len(times)
    )
    yield line(
        "relay",
        "mails_lost",
        len(wanted - set(arrivals)),
        0,
        mails=count,
        worker_kills=kills["worker"],
        beat_kills=kills["beat"],
        delivered_during_kills=during - delivered_before,
    )
    yield line(
        "relay",
        "mails_not_marked_sent",
        len(rows) - statuses["sent"],
        0,
        outbox=dict(statuses),
    )
    yield line(
        "relay",
        "mails_duplicated",
        _extra_deliveries(arrivals),
        None,
        duplicated_mails=sum(1 for times in arrivals.values() if len(times) > 1),
    )
    yield line("relay", "duplicates_not_in_attempts", unrecorded, 0)


# --- 5. the worker is SIGKILLed mid-render --------------------------------------------------


def report(stack):
    """The outcome report over 10,000 inputs: the worker rendering it is SIGKILLed (and
    started again, as a supervisor would); the report is ready again within 3 minutes,
    as one version."""
    report_id = stack.django("report", "outcome", REVIEW, "en")["report_id"]
    status, _error, _attempts = _wait_report(
        stack, report_id, {"rendering", "ready", "failed"}, until=time.monotonic() + 120
    )
    if status != "rendering":
        raise RuntimeError(f"the outcome report never started rendering: {status}")
    time.sleep(_seconds("KILL_AFTER_S", 3))
    status_at_kill = _report(stack, report_id)[0]
    killed_at = time.monotonic()
    stack.kill("worker")
    stack.start_process("worker")
    status, error, attempts = _wait_report(
        stack, report_id, {"ready", "failed"}, until=killed_at + _seconds("REPORT_WAIT_S", 190)
    )
    versions = stack.query(
        "SELECT count(*) FROM reports_report r JOIN consultations_regionalreview v "
        "ON v.id = r.review_id WHERE r.kind = 'outcome' AND v.slug = %s AND r.language = 'en'",
        (REVIEW,),
    )[0][0]
    yield line(
        "report",
        "report_recovered_s",
        round(time.monotonic() - killed_at, 1) if status == "ready" else None,
        "<= 180",
        status=status,
        status_at_kill=status_at_kill,
        attempts=attempts,
        error=error[:200],
        inputs=stack.inputs,
    )
    yield line("report", "report_versions", versions, 1)


# --- 6. SIGTERM to gunicorn during a burst --------------------------------------------------


def sigterm(stack):
    """A burst of registrations; gunicorn gets SIGTERM (a deploy, a scale-in) once some
    have been answered. A request the server accepted is answered, and a registration
    answered as done exists."""
    people = stack.people(116, _count("BURST", 100))
    answers = asyncio.run(_burst(stack, people))
    registered = _registered(stack, "faults-sigterm")
    lost = sum(1 for a in answers if a.failure == "lost")
    answered_done_missing = sum(
        1
        for a, p in zip(answers, people, strict=True)
        if a.status == 302 and p["email"].lower() not in registered
    )
    stack.restart("web")
    yield line(
        "sigterm",
        "accepted_lost",
        lost + answered_done_missing,
        0,
        requests=len(answers),
        answers=dict(Counter(str(a.status or a.failure) for a in answers)),
        errors=dict(Counter(a.error for a in answers if a.error)),
        registered=len(registered),
    )


async def _burst(stack, people) -> list[client.Answer]:
    base = stack.url("")
    web = stack.processes["web"]
    answered = 0
    after = _count("SIGTERM_AFTER", 15)
    limit = asyncio.Semaphore(_count("BURST_CONCURRENCY", 25))

    async def one(http, person):
        nonlocal answered
        async with limit:
            answer = await client.register(http, base, "faults-sigterm", person["cookie"])
        answered += 1
        if answered == after:
            os.kill(web.pid, signal.SIGTERM)  # the master, as an orchestrator does
        return answer

    async with client.session(limit=64) as http:
        return await asyncio.gather(*(one(http, p) for p in people))


EXPERIMENTS = {
    "storage": storage,
    "database": database,
    "broker": broker,
    "relay": relay,
    "report": report,
    "sigterm": sigterm,
}
