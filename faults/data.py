"""Data for the experiments, written through the app's own code in a child process
(DJANGO_SETTINGS_MODULE=faults.settings): `python -m faults.data STEP ...`. Each step
prints one JSON object for the harness.

- setup INPUTS USERS: migrate; the demo data with an outcome report's worth of material
  (bench.reports_bench: INPUTS stakeholder inputs, sessions, registrations); written inputs
  open on the demo review; one open online session per experiment that registers people;
  USERS stakeholders with a profile, consent and a signed-in session cookie.
- report KIND SLUG LANGUAGE: request a report through reports.services (a new version,
  handed to a worker).
- mails COUNT PREFIX: COUNT rows in the outbox through outbox.services.mail_store.
"""

import datetime as dt
import json
import sys

SESSIONS = ("faults-broker", "faults-database", "faults-sigterm")
REVIEW = "unece-2024"


def setup(inputs: int, users: int) -> dict:
    import bench.reports_bench as material

    material.INPUTS = inputs
    material.SESSIONS = max(10, inputs // 50)
    material.PARTICIPANTS = max(100, inputs // 5)
    material._setup()  # migrate, load_demo, then the outcome report's material
    return {"users": _stakeholders(users), **_open_review(), "sessions": _sessions()}


def _open_review() -> dict:
    from django.utils import timezone

    from consultations.models import RegionalReview
    from gcm.models import Objective

    review = RegionalReview.objects.get(slug=REVIEW)
    review.inputs_deadline = timezone.now() + dt.timedelta(days=30)
    review.save(update_fields=["inputs_deadline"])
    return {
        "review_id": review.pk,
        "objective_ids": list(Objective.objects.order_by("number").values_list("pk", flat=True)),
    }


def _sessions() -> list[str]:
    from django.utils import timezone

    from consultations.models import RegionalReview, Session

    now = timezone.now()
    review = RegionalReview.objects.get(slug=REVIEW)
    for slug in SESSIONS:
        Session.objects.create(
            review=review,
            slug=slug,
            kind="thematic",
            format="online",
            status="open",
            title=f"Fault experiment {slug}",
            starts_at=now + dt.timedelta(days=30),
            ends_at=now + dt.timedelta(days=30, hours=2),
            registration_opens_at=now - dt.timedelta(days=1),
            requires_accreditation=False,
            join_url="https://zoom.example.org/j/1",
        )
    return list(SESSIONS)


def _stakeholders(count: int) -> list[dict]:
    """Stakeholders signed in as a browser would be: a session row and its cookie."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from gcm.models import Sector
    from stakeholders.models import Consent, Profile, User

    users = User.objects.bulk_create(
        User(email=f"faults-{n}@example.org", name=f"Fault {n}", password="!")  # noqa: S106 - unusable
        for n in range(count)
    )
    sector = Sector.objects.get(code="civil-society")
    Profile.objects.bulk_create(Profile(user=u, sector=sector, country="CH") for u in users)
    Consent.objects.bulk_create(
        Consent(user=u, text_version=settings.CONSENT_TEXT_VERSION) for u in users
    )
    people = []
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        people.append({"email": user.email, "cookie": store.session_key})
    return people


def report(kind: str, slug: str, language: str) -> dict:
    from consultations.models import RegionalReview, Session
    from reports import services

    subject = (
        Session.objects.get(slug=slug)
        if kind == "summary"
        else RegionalReview.objects.get(slug=slug)
    )
    created = services.report_request(kind=kind, subject=subject, language=language)
    return {"report_id": created.pk}


def mails(count: int, prefix: str) -> dict:
    from django.db import transaction

    from outbox.services import mail_store

    with transaction.atomic():
        for n in range(count):
            mail_store(
                to=f"{prefix}-{n}@example.org",
                subject=f"Fault relay {prefix} {n}",
                body=f"Mail {n} of {count}, relayed while workers and beat are killed.",
                language="en",
            )
    return {"queued": count}


STEPS = {
    "setup": lambda inputs, users: setup(int(inputs), int(users)),
    "report": report,
    "mails": lambda count, prefix: mails(int(count), prefix),
}


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(STEPS[sys.argv[1]](*sys.argv[2:])), flush=True)
