"""People's rights over their data: the registry through which every app says what it
holds about a person, how to export it and how to erase it, and which retention purges
it runs.

Apps depend one way (stakeholders sits below consultations and roundtables), so the
account services in stakeholders cannot import what lies above them. Instead each app
registers its parts from its own `privacy.py` in `AppConfig.ready()`:

- `register(name, export=..., erase=..., files=..., explain=...)` for data about a person.
  `export(user)` returns what goes under `name` in the person's JSON; `files(user)` yields
  `(name in the archive, FieldFile)` for the person's own files; `erase(user, now=...)`
  erases or anonymises the part inside the caller's transaction (files deleted after
  commit) and returns counts for the audit trail, never personal data; `explain(user,
  now=...)` returns translated sentences telling the person, before they delete their
  account, what will happen to this part.
- `register_purge(name, purge, label=...)` for a retention rule: `purge(now=...)` deletes
  what its period has run out for and returns how many; safe to run twice.

Parts are exported in the order they were registered (the apps' order, from the account
up) and erased in the reverse order, so the apps above clean up while the account they
hang from still exists; the account itself goes last.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import reduce
from importlib import import_module
from operator import or_
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.db.models.fields.files import FieldFile

from outbox.models import OutgoingMail
from stakeholders.models import Organisation, Profile


@dataclass(frozen=True)
class Part:
    name: str
    export: Callable[[Any], Any] | None = None
    erase: Callable[..., dict] | None = None
    files: Callable[[Any], Iterable[tuple[str, FieldFile]]] | None = None
    explain: Callable[..., list[str]] | None = None


@dataclass(frozen=True)
class Purge:
    name: str
    purge: Callable[..., int]
    label: str = ""


_parts: dict[str, Part] = {}
_purges: dict[str, Purge] = {}


def register(
    name: str,
    *,
    export: Callable[[Any], Any] | None = None,
    erase: Callable[..., dict] | None = None,
    files: Callable[[Any], Iterable[tuple[str, FieldFile]]] | None = None,
    explain: Callable[..., list[str]] | None = None,
) -> None:
    """Declare one part of what the project holds about a person (registering a name
    again replaces it, so that a reloaded app config does not count twice)."""
    _parts.pop(name, None)
    _parts[name] = Part(name=name, export=export, erase=erase, files=files, explain=explain)


def register_purge(name: str, purge: Callable[..., int], *, label: str = "") -> None:
    """Declare a retention rule that the scheduler runs daily (stakeholders.tasks)."""
    _purges.pop(name, None)
    _purges[name] = Purge(name=name, purge=purge, label=label)


def parts() -> list[Part]:
    """In the order of registration: the account first, the apps above it after."""
    return list(_parts.values())


def purges() -> list[Purge]:
    return list(_purges.values())


# --- the account's own parts ---------------------------------------------------------------
# Registered first by StakeholdersConfig.ready(), so erased last: the account row goes
# after every app above has erased what hangs from it.


def register_account_parts() -> None:
    register("account", export=_export_account, erase=_erase_account)
    register("profile", export=_export_profile, erase=_erase_profile)
    register("emails", export=_export_emails, erase=_erase_emails)


def sector_data(sector) -> dict | None:
    """A sector as an export shows it: its para-44 code and its name."""
    return {"code": sector.code, "name": str(sector)} if sector is not None else None


def _export_account(user) -> dict:
    return {
        "email": user.email,
        "name": user.name,
        "preferred_language": user.language,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        # The kinds of second factor set up; never their secrets.
        "second_factors": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
        "consents": [
            {"notice_version": consent.text_version, "given_at": consent.given_at}
            for consent in user.consents.order_by("given_at", "pk")
        ],
    }


def _erase_account(user, *, now) -> dict:
    """The account row goes last: with it its email addresses, second factors, consents
    and the admin's record of its own actions. The admin's history of changes to the
    person's records is kept, but no longer under their name or address; their sessions
    end everywhere."""
    mentions = Q(object_repr__icontains=user.email) | Q(
        content_type=ContentType.objects.get_for_model(user), object_id=str(user.pk)
    )
    if user.name.strip():
        mentions |= Q(object_repr__icontains=user.name.strip())
    log_entries = LogEntry.objects.filter(mentions).exclude(user=user).update(object_repr="—")
    sessions = _end_sessions(user, now=now)
    user.delete()
    return {"admin_log_entries": log_entries, "sessions": sessions}


def _end_sessions(user, *, now) -> int:
    """Sign the person out everywhere. Only sessions kept in the database can be found
    by user; a cache-only session store loses them when they expire."""
    if settings.SESSION_ENGINE not in (
        "django.contrib.sessions.backends.db",
        "django.contrib.sessions.backends.cached_db",
    ):
        return 0
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    for session in Session.objects.filter(expire_date__gt=now).iterator():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


def _export_profile(user) -> dict | None:
    profile = (
        Profile.objects.select_related("organisation__sector", "sector").filter(user=user).first()
    )
    if profile is None:
        return None
    organisation = profile.organisation
    return {
        "job_title": profile.job_title,
        "sector": sector_data(profile.sector),
        "country": str(profile.country),
        "gender": profile.gender,
        "gender_self_description": profile.gender_self_description,
        "organisation": {
            "name": organisation.name,
            "acronym": organisation.acronym,
            "sector": sector_data(organisation.sector),
            "country": str(organisation.country),
            "ecosoc_status": organisation.ecosoc_status,
            "migrant_led": organisation.migrant_led,
            "diaspora": organisation.diaspora,
            "website": organisation.website,
        }
        if organisation is not None
        else None,
        "created_at": profile.created_at,
        "updated_at": profile.updated_at,
    }


def _erase_profile(user, *, now) -> dict:
    """The profile goes, and the organisations the person created that no one else's
    profile names: an organisation shared with others stays, it is not the person's."""
    Profile.objects.filter(user=user).delete()
    organisations, _by_model = Organisation.objects.filter(
        created_by=user, members__isnull=True
    ).delete()
    return {"organisations": organisations}


def _addressed_to(user):
    """The outgoing mail addressed to any of the person's addresses."""
    addresses = {
        user.email,
        *EmailAddress.objects.filter(user=user).values_list("email", flat=True),
    }
    return OutgoingMail.objects.filter(reduce(or_, (Q(to__iexact=a) for a in addresses)))


def _export_emails(user) -> list[dict]:
    return [
        {
            "to": mail.to,
            "subject": mail.subject,
            "body": mail.body,
            "language": mail.language,
            "status": mail.status,
            "created_at": mail.created_at,
            "sent_at": mail.sent_at,
        }
        for mail in _addressed_to(user).order_by("created_at", "pk")
    ]


def _erase_emails(user, *, now) -> dict:
    """Mail to the person goes, sent or still queued: a queued mail to an account that
    no longer exists must not leave."""
    deleted, _by_model = _addressed_to(user).delete()
    return {"emails": deleted}
