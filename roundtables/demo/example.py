"""Demo data: a worked example of the next round, in Asia and the Pacific (ESCAP).

The history (the UNECE review of 2024) is all in the past, so on its own the demo offers
nothing to register for. This example adds a review whose dates are computed from the day
it is loaded (``timezone.localdate()``), so that on any day:

- a hybrid thematic consultation is open for registration, with in-person seats left and
  identity document details asked of in-person participants;
- an online pre-consultation is upcoming and open for registration;
- the Rapporteur call is open, with applications and scores;
- the window for written inputs is open, with inputs both moderated and waiting;
- a GCM Talk proposal waits for a decision;
- the consultations and the GCM Talk already held have summaries and attendance, and
  the four roundtables have a Member State speaker, a moderator, panelists and key
  messages, so that the outcome report is a full report.

Its people and organisations are synthetic and say so; nobody can sign in as them.
Every row is keyed (slug, (review, number), email ...) and written with
``update_or_create``: loading again the same day changes nothing, loading on a later day
moves the dates forward and touches nothing of the history.
"""

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from consultations.enums import (
    Attendance,
    Mode,
    RegistrationStatus,
    SessionFormat,
    SessionKind,
    SessionStatus,
    TalkRequestStatus,
)
from consultations.models import GcmTalkRequest, RegionalReview, Registration, Session
from gcm.enums import MembershipKind
from gcm.models import MemberState, Objective, Region, Sector
from roundtables.demo import example_texts as texts
from roundtables.demo.example_texts import columns
from roundtables.enums import (
    ApplicationStatus,
    Attribution,
    InputStatus,
    InputType,
    LivedExperience,
    RoleKind,
)
from roundtables.models import (
    Application,
    Criterion,
    KeyMessage,
    RapporteurCall,
    Roundtable,
    RoundtableRole,
    Score,
    StakeholderInput,
)
from stakeholders.enums import Gender
from stakeholders.management.commands.demo_staff import EMAIL as DEMO_STAFF_EMAIL
from stakeholders.models import Organisation, Profile

REGION_CODE = "asia-pacific"
TIME_ZONE = "Asia/Bangkok"
BANGKOK = ZoneInfo(TIME_ZONE)
REVIEW_SLUG = "escap-example-next-round"
CALL_SLUG = "escap-example-rapporteur"
SLUG_PREFIX = "escap-example-"
# Sub-regions of ESCAP's own member States (the commission's non-regional members, such
# as France or the United States, are left out of the synthetic participants).
NON_REGIONAL = "escap-non-regional"
PARTICIPANTS = 24
IN_PERSON_CAPACITY = 40
IN_PERSON_REGISTERED = 8

# IMRF roundtables (A/RES/73/326, para 21): unlike the UNECE seed, objective 21 is in
# roundtable 2, so the example covers all 23 objectives.
ROUNDTABLE_OBJECTIVES = {
    1: (2, 5, 6, 12, 18),
    2: (4, 8, 9, 10, 11, 13, 21),
    3: (14, 15, 16, 19, 20, 22),
    4: (1, 3, 7, 17, 23),
}
ROUNDTABLE_CONSULTATIONS = {
    1: ("thematic-held",),
    2: ("thematic-held",),
    3: ("hybrid",),
    4: ("hybrid",),
}
# Each roundtable is opened by a Member State speaker from a different sub-region.
MEMBER_STATE_SPEAKERS = {1: "PH", 2: "BD", 3: "FJ", 4: "MN"}
GENDERS = (Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.MAN, Gender.NON_BINARY)

# Written inputs: (author number, type, language, title, text, objectives, accepted).
INPUTS = (
    (
        1,
        InputType.CONTENT,
        "en",
        "Portable social protection for migrant care workers",
        "Care workers moving between countries of the region lose their pension rights. We ask States to sign agreements that keep them.",
        (6, 22),
        True,
    ),
    (
        2,
        InputType.CONTENT,
        "en",
        "Search and rescue in the Andaman Sea",
        "Boats in distress are left at sea for weeks. States of the region should agree on who rescues and where people disembark.",
        (8,),
        True,
    ),
    (
        3,
        InputType.CONTENT,
        "en",
        "Health care whatever one's status",
        "Undocumented migrants avoid clinics for fear of being reported. Firewalls between health services and immigration enforcement save lives.",
        (15,),
        True,
    ),
    (
        4,
        InputType.CONTENT,
        "ru",
        "Признание квалификаций в регионе",
        "Мигранты из Центральной Азии работают ниже своей квалификации. Просим упростить признание дипломов.",
        (18,),
        True,
    ),
    (
        5,
        InputType.CONTENT,
        "en",
        "Data by sex, age and migration status",
        "National statistics rarely show migrants. We recommend disaggregated data, published every year.",
        (1,),
        True,
    ),
    (
        6,
        InputType.PROCESS,
        "en",
        "Hybrid participation at every step",
        "Many organisations in the Pacific cannot fly to Bangkok. Keep every consultation hybrid, with interpretation.",
        (),
        True,
    ),
    (
        7,
        InputType.PROCESS,
        "zh-hans",
        "移民参与国家执行计划",
        "请让移民组织参与制定国家执行计划。",
        (),
        False,
    ),
    (
        8,
        InputType.CONTENT,
        "en",
        "Reintegration support for returning women",
        "Women returning from the Gulf need psychosocial support and jobs at home.",
        (21,),
        False,
    ),
)
# Key message (by position in texts.KEY_MESSAGES) -> (session keys, input author numbers).
KEY_MESSAGE_SOURCES = (
    (("thematic-held", "talk"), (1,)),
    (("talk",), ()),
    (("thematic-held",), (2,)),
    (("thematic-held",), ()),
    (("global",), (3,)),
    ((), (4,)),
    ((), (5,)),
    (("global",), ()),
    (("global",), (6,)),
    (("thematic-held",), ()),
)
# Applications to the call: (author number, status, lived experience, scores or ()).
APPLICATIONS = (
    (9, ApplicationStatus.UNDER_ASSESSMENT, LivedExperience.YES, (5, 4, 5, 4)),
    (10, ApplicationStatus.UNDER_ASSESSMENT, LivedExperience.NO, (4, 4, 3, 5)),
    (11, ApplicationStatus.UNDER_ASSESSMENT, LivedExperience.YES, (3, 5, 4, 3)),
    (12, ApplicationStatus.SUBMITTED, LivedExperience.PREFER_NOT_TO_SAY, ()),
    (13, ApplicationStatus.SUBMITTED, LivedExperience.YES, ()),
)


@dataclass(frozen=True)
class Person:
    user: object
    country: str
    sector: Sector
    gender: str
    organisation: Organisation


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """An aware datetime, Bangkok time."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=BANGKOK)


def _calendar(today: dt.date) -> dict:
    """Every date of the example, from the day it is loaded."""
    meeting = today + dt.timedelta(weeks=18)
    return {
        "meeting": meeting,
        "global": today - dt.timedelta(days=42),
        "talk": today - dt.timedelta(days=28),
        "thematic-held": today - dt.timedelta(days=14),
        # At least 12 weeks before the meeting (the roadmap rule): 16 weeks.
        "pre-consultation": today + dt.timedelta(days=14),
        "hybrid": today + dt.timedelta(days=35),
        # At least one day before the meeting (the roadmap rule).
        "multi-stakeholder": meeting - dt.timedelta(days=1),
        "review-meeting": meeting,
        "registration-opens": today - dt.timedelta(days=7),
        "call-opens": today - dt.timedelta(days=7),
        "call-deadline": today + dt.timedelta(days=28),
        "inputs-deadline": meeting - dt.timedelta(weeks=6),
        "talk-proposed": today + dt.timedelta(days=49),
    }


def _sessions(days: dict, *, now: dt.datetime) -> dict[str, dict]:
    opens = _at(days["registration-opens"], 0)
    later = _at(days["meeting"] - dt.timedelta(weeks=8), 0)

    def hours(key: str, start: int, end: int) -> dict:
        return {"starts_at": _at(days[key], start), "ends_at": _at(days[key], end)}

    held = {
        "status": SessionStatus.HELD,
        "registration_opens_at": None,
        "registration_closes_at": None,
    }
    return {
        "global": {
            "kind": SessionKind.GLOBAL,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            **held,
            **hours("global", 14, 16),
        },
        "talk": {
            "kind": SessionKind.GCM_TALK,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            **held,
            **hours("talk", 10, 12),
        },
        "thematic-held": {
            "kind": SessionKind.THEMATIC,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            "capacity_online": 300,
            **held,
            **hours("thematic-held", 14, 17),
        },
        "pre-consultation": {
            "kind": SessionKind.PRE_CONSULTATION,
            "format": SessionFormat.ONLINE,
            "platform": "Zoom",
            "capacity_online": 500,
            "languages": ["en", "ru", "zh-hans"],
            "interpretation": ["ru", "zh-hans"],
            "status": SessionStatus.OPEN,
            "registration_opens_at": opens,
            "registration_closes_at": _at(days["pre-consultation"] - dt.timedelta(days=1), 12),
            **hours("pre-consultation", 14, 16),
        },
        "hybrid": {
            "kind": SessionKind.THEMATIC,
            "format": SessionFormat.HYBRID,
            "platform": "Zoom",
            "capacity_in_person": IN_PERSON_CAPACITY,
            "capacity_online": 300,
            "requires_accreditation": True,
            "languages": ["en", "ru", "zh-hans"],
            "interpretation": ["ru", "zh-hans"],
            "status": SessionStatus.OPEN,
            "registration_opens_at": opens,
            "registration_closes_at": _at(days["hybrid"] - dt.timedelta(days=3), 23, 59),
            **hours("hybrid", 9, 17),
        },
        "multi-stakeholder": {
            "kind": SessionKind.MULTI_STAKEHOLDER,
            "format": SessionFormat.HYBRID,
            "platform": "Zoom",
            "capacity_in_person": 150,
            "capacity_online": 500,
            "requires_accreditation": True,
            "status": SessionStatus.OPEN,
            "registration_opens_at": later,
            "registration_closes_at": _at(days["multi-stakeholder"] - dt.timedelta(days=7), 23, 59),
            **hours("multi-stakeholder", 9, 17),
        },
        "review-meeting": {
            "kind": SessionKind.REVIEW_MEETING,
            "format": SessionFormat.HYBRID,
            "platform": "Zoom",
            "status": SessionStatus.OPEN,
            "requires_accreditation": True,
            "registration_opens_at": later,
            "registration_closes_at": _at(days["review-meeting"] - dt.timedelta(days=7), 23, 59),
            **hours("review-meeting", 10, 18),
        },
    }


def _objectives(numbers) -> list[Objective]:
    found = list(Objective.objects.filter(number__in=numbers))
    if len(found) != len(numbers):
        raise Objective.DoesNotExist(
            f"GCM objectives {sorted(numbers)} are not all loaded: run the gcm migrations."
        )
    return found


def _countries(region: Region) -> list[str]:
    """ESCAP's own member States, taken in turn from each sub-region (round robin), so
    that any number of people spreads evenly over the sub-regions."""
    by_subregion: dict[int, list[str]] = {}
    memberships = (
        MemberState.objects.filter(region=region, kind=MembershipKind.MEMBER)
        .exclude(subregion__code=NON_REGIONAL)
        .exclude(subregion=None)
        .order_by("subregion__position", "country")
    )
    for membership in memberships:
        by_subregion.setdefault(membership.subregion_id, []).append(str(membership.country))
    columns_ = list(by_subregion.values())
    result = []
    for index in range(max(len(c) for c in columns_)):
        result += [column[index] for column in columns_ if index < len(column)]
    return result


def _people(region: Region) -> dict[int, Person]:
    """Synthetic participants: countries over the sub-regions, sectors over the 13 of
    GCM para 44, genders mixed. Their password is unusable."""
    user_model = get_user_model()
    countries = _countries(region)
    sectors = list(Sector.objects.order_by("position", "pk"))
    people = {}
    for number in range(1, PARTICIPANTS + 1):
        label = f"{number:02d}"
        country = countries[(number - 1) % len(countries)]
        sector = sectors[(number - 1) % len(sectors)]
        gender = GENDERS[(number - 1) % len(GENDERS)]
        name = f"Example participant {label} (synthetic)"
        user, _created = user_model.objects.update_or_create(
            email=f"demo-escap-{label}@example.org",
            defaults={"name": name, "language": "en"},
            create_defaults={"name": name, "language": "en", "password": make_password(None)},
        )
        organisation, _created = Organisation.objects.update_or_create(
            name=f"Example organisation {label} (synthetic)",
            defaults={"sector": sector, "country": country, "created_by": user},
        )
        Profile.objects.update_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "sector": sector,
                "country": country,
                "gender": gender,
            },
        )
        people[number] = Person(user, country, sector, gender, organisation)
    return people


def _registrations(sessions: dict[str, Session], people: dict[int, Person]) -> int:
    rows = []
    # Everyone attended the online thematic consultation already held; most the global one.
    rows += [("thematic-held", n, Mode.ONLINE, Attendance.ATTENDED) for n in people]
    rows += [("global", n, Mode.ONLINE, Attendance.ATTENDED) for n in list(people)[:12]]
    rows += [("talk", n, Mode.ONLINE, Attendance.ATTENDED) for n in list(people)[6:18]]
    # The hybrid consultation: a few in person (seats are left), more online.
    rows += [
        (
            "hybrid",
            n,
            Mode.IN_PERSON if n <= IN_PERSON_REGISTERED else Mode.ONLINE,
            Attendance.UNKNOWN,
        )
        for n in list(people)[:20]
    ]
    rows += [("pre-consultation", n, Mode.ONLINE, Attendance.UNKNOWN) for n in list(people)[:10]]
    for key, number, mode, attendance in rows:
        Registration.objects.update_or_create(
            session=sessions[key],
            user=people[number].user,
            defaults={
                "mode": mode,
                "status": RegistrationStatus.CONFIRMED,
                "attendance": attendance,
            },
        )
    return len(rows)


def _roundtables(review, sessions, people) -> dict[int, Roundtable]:
    roundtables = {}
    for number, objective_numbers in ROUNDTABLE_OBJECTIVES.items():
        text = texts.ROUNDTABLES[number]
        roundtable, _created = Roundtable.objects.update_or_create(
            review=review,
            number=number,
            defaults={
                **columns("title", text["title"]),
                **columns("description", text["description"]),
            },
        )
        roundtable.objectives.set(_objectives(objective_numbers))
        roundtable.consultations.set([sessions[key] for key in ROUNDTABLE_CONSULTATIONS[number]])
        _roles(roundtable, people)
        roundtables[number] = roundtable
    return roundtables


def _roles(roundtable: Roundtable, people: dict[int, Person]) -> None:
    """A Member State speaker, a moderator (an account) and two panelists (accounts)."""
    number = roundtable.number
    country = MEMBER_STATE_SPEAKERS[number]
    speaker = {
        "name": f"Example Member State speaker {number} (synthetic)",
        "title": "Permanent Representative (example)",
        "affiliation": "Ministry of Foreign Affairs (example)",
        "country": country,
        "gender": GENDERS[number % 2],
        "sector": None,
        "user": None,
    }
    RoundtableRole.objects.update_or_create(
        roundtable=roundtable, kind=RoleKind.MEMBER_STATE_SPEAKER, position=1, defaults=speaker
    )
    stakeholders = [
        (RoleKind.MODERATOR, 1, people[number * 4 - 3]),
        (RoleKind.PANELIST, 1, people[number * 4 - 2]),
        (RoleKind.PANELIST, 2, people[number * 4 - 1]),
    ]
    for kind, position, person in stakeholders:
        RoundtableRole.objects.update_or_create(
            roundtable=roundtable,
            kind=kind,
            position=position,
            defaults={
                "user": person.user,
                "name": "",
                "affiliation": person.organisation.name,
                "country": person.country,
                "sector": person.sector,
                "gender": person.gender,
            },
        )


def _inputs(review, people) -> dict[int, StakeholderInput]:
    inputs = {}
    for position, (author, kind, language, title, text, numbers, accepted) in enumerate(INPUTS, 1):
        person = people[author]
        item, _created = StakeholderInput.objects.update_or_create(
            review=review,
            author=person.user,
            position=position,
            defaults={
                "attributed_to": person.organisation.name,
                "attribution": Attribution.ORGANISATION,
                "sector": person.sector,
                "country": person.country,
                "title": title,
                "text": text,
                "language": language,
                "input_type": kind,
                "status": InputStatus.ACCEPTED if accepted else InputStatus.SUBMITTED,
                "publish_consent": True,
            },
        )
        item.objectives.set(_objectives(numbers))
        inputs[author] = item
    return inputs


def _key_messages(review, roundtables, sessions, inputs) -> int:
    for position, ((number, text), (session_keys, authors)) in enumerate(
        zip(texts.KEY_MESSAGES, KEY_MESSAGE_SOURCES, strict=True), start=1
    ):
        message, _created = KeyMessage.objects.update_or_create(
            review=review,
            position=position,
            defaults={"roundtable": roundtables.get(number), **columns("text", text)},
        )
        message.sessions.set([sessions[key] for key in session_keys])
        message.inputs.set([inputs[author] for author in authors])
    return len(texts.KEY_MESSAGES)


def _call(review, days, people) -> tuple[RapporteurCall, int]:
    call, _created = RapporteurCall.objects.update_or_create(
        slug=CALL_SLUG,
        defaults={
            "review": review,
            **columns("title", texts.CALL_TITLE),
            **columns("description", texts.CALL_DESCRIPTION),
            **columns("eligibility", texts.CALL_ELIGIBILITY),
            "opens_at": _at(days["call-opens"], 0),
            "deadline": _at(days["call-deadline"], 23, 59),
            "time_zone": TIME_ZONE,
            "is_published": True,
        },
    )
    criteria = []
    for position, name in enumerate(texts.CRITERIA, start=1):
        criterion, _created = Criterion.objects.update_or_create(
            call=call, position=position, defaults=columns("name", name)
        )
        criteria.append(criterion)
    assessor = people[PARTICIPANTS].user  # a synthetic member of the selection panel
    # The demo staff login (`manage.py demo_staff`, run before this by `make run`) assesses
    # too, so that scoring can be tried; a synthetic assessor has already scored some.
    demo_staff = get_user_model().objects.filter(email=DEMO_STAFF_EMAIL).first()
    call.assessors.set([assessor, demo_staff] if demo_staff else [assessor])
    for author, status, lived, scores in APPLICATIONS:
        person = people[author]
        application, _created = Application.objects.update_or_create(
            call=call,
            user=person.user,
            defaults={
                "motivation": "I would like to convey the voices of migrant workers of my sub-region (example).",
                "experience": "Ten years with migrant workers' organisations (example).",
                "languages": ["en"],
                "sector": person.sector,
                "country_of_residence": person.country,
                "gender": person.gender,
                "lived_migration_experience": lived,
                "status": status,
            },
        )
        for criterion, value in zip(criteria, scores, strict=False):
            Score.objects.update_or_create(
                application=application,
                assessor=assessor,
                criterion=criterion,
                defaults={"value": value},
            )
    return call, len(APPLICATIONS)


def _talk_request(review, days, people) -> None:
    request, _created = GcmTalkRequest.objects.update_or_create(
        review=review,
        requested_by=people[14].user,
        defaults={
            "title": "Example GCM Talk proposal: climate mobility in the Pacific",
            "co_organisers": "Example organisation 15 (synthetic)",
            "proposed_date": days["talk-proposed"],
            "proposed_format": SessionFormat.ONLINE,
            "description": "A peer-learning exchange on planned relocation and labour mobility in the Pacific (example).",
            "status": TalkRequestStatus.PENDING,
        },
    )
    request.objectives.set(_objectives((2, 5, 23)))


def load() -> dict[str, int]:
    """Create the example review, or move it to today's dates. Returns how many rows of
    each kind it wrote."""
    now = timezone.now()
    days = _calendar(timezone.localdate())
    region = Region.objects.get(code=REGION_CODE)
    review, _created = RegionalReview.objects.update_or_create(
        slug=REVIEW_SLUG,
        defaults={
            **columns("title", texts.REVIEW_TITLE),
            **columns("venue", texts.REVIEW_VENUE),
            **columns("description", texts.REVIEW_DESCRIPTION),
            "region": region,
            "meeting_date": days["meeting"],
            "city": "Bangkok",
            "country": "TH",
            "time_zone": TIME_ZONE,
            "inputs_deadline": _at(days["inputs-deadline"], 23, 59),
        },
    )
    sessions = {}
    for key, fields in _sessions(days, now=now).items():
        text = texts.SESSIONS[key]
        translated = {}
        for name in ("title", "description", "summary", "organisers", "venue"):
            translated.update(columns(name, text.get(name, {})))
        sessions[key], _created = Session.objects.update_or_create(
            slug=f"{SLUG_PREFIX}{key}",
            defaults={"review": review, "time_zone": TIME_ZONE, **translated, **fields},
        )
    people = _people(region)
    registrations = _registrations(sessions, people)
    roundtables = _roundtables(review, sessions, people)
    inputs = _inputs(review, people)
    messages = _key_messages(review, roundtables, sessions, inputs)
    _call_row, applications = _call(review, days, people)
    _talk_request(review, days, people)
    return {
        "example_reviews": 1,
        "example_sessions": len(sessions),
        "example_users": len(people),
        "example_registrations": registrations,
        "example_roundtables": len(roundtables),
        "example_inputs": len(inputs),
        "example_key_messages": messages,
        "example_applications": applications,
        "example_talk_requests": 1,
    }
