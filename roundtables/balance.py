"""Balance figures: who is on a shortlist or a panel, by gender, sub-region, sector and
migrant voice, beside the same figures for the whole pool.

The Rapporteur is selected "with due regard to geographic and gender balance, ensuring
representation by all relevant stakeholders" (summary report of 14 November 2023, II), and
migrant voices are encouraged to apply. These are pure functions over plain rows, so the
selection page, the roundtable admin and static/js/roundtables.js compute the same
figures (percentages are rounded half up, in integers, on both sides).
"""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gcm.models import Sector
from gcm.selectors import region_memberships
from roundtables.enums import LivedExperience, MigrantVoice
from stakeholders.enums import Gender

# Sectors whose members are migrant voices by definition (GCM para 44: "migrants",
# "migrant and diaspora organisations").
MIGRANT_SECTORS = frozenset({"migrants", "migrant-diaspora"})
NOT_STATED = "not-stated"
OUTSIDE_REGION = "outside"
# A Member State speaker speaks for a government, not for a stakeholder sector.
MEMBER_STATE = "member-state"

DIMENSIONS = (
    ("gender", _("Gender")),
    ("subregion", _("Sub-region")),
    ("sector", _("Sector")),
    ("migrant_voice", _("Migrant voice")),
)


@dataclass(frozen=True)
class Person:
    """One person as the balance sees them: a key per dimension."""

    gender: str
    subregion: str
    sector: str
    migrant_voice: str


@dataclass(frozen=True)
class Share:
    key: str
    label: str
    count: int
    percent: int


@dataclass
class Dimension:
    name: str
    label: str
    shares: list[Share] = field(default_factory=list)
    total: int = 0


def percent(count: int, total: int) -> int:
    """count/total as a whole percentage rounded half up (Python's round() rounds half
    to even, JavaScript's Math.round half up: integers keep both sides equal)."""
    if total <= 0:
        return 0
    return (200 * count + total) // (2 * total)


def gender_key(gender: str) -> str:
    if gender in {"", Gender.PREFER_NOT_TO_SAY}:
        return NOT_STATED
    return gender


def migrant_voice_key(*, lived_experience: str, sector_code: str) -> str:
    if lived_experience == LivedExperience.YES or sector_code in MIGRANT_SECTORS:
        return MigrantVoice.YES
    if lived_experience == LivedExperience.NO:
        return MigrantVoice.NO
    return MigrantVoice.NOT_STATED


class Labels:
    """Keys to display labels for one region: its sub-regions, the sectors, genders.

    A person counts in the sub-region of their country's membership of the review's own
    commission (associate members too: Puerto Rico in the Caribbean for ECLAC, Hong
    Kong, China in East and North-East Asia for ESCAP); any other country is "outside
    the region". The memberships are read once, in one query."""

    def __init__(self, *, region_id: int | None):
        self.subregion_of = {
            country: membership.subregion
            for country, membership in region_memberships(region_id=region_id).items()
            if membership.subregion_id
        }
        subregions = {s.code: s for s in self.subregion_of.values()}
        sectors = list(Sector.objects.all())
        self.order = {
            "gender": [
                Gender.WOMAN,
                Gender.MAN,
                Gender.NON_BINARY,
                Gender.SELF_DESCRIBED,
                NOT_STATED,
            ],
            "subregion": [
                *sorted(subregions, key=lambda code: subregions[code].position),
                OUTSIDE_REGION,
                NOT_STATED,
            ],
            "sector": [sector.code for sector in sectors] + [MEMBER_STATE, NOT_STATED],
            "migrant_voice": [MigrantVoice.YES, MigrantVoice.NO, MigrantVoice.NOT_STATED],
        }
        sector_names = {sector.code: sector.name for sector in sectors}
        self.labels = {
            "gender": {
                Gender.WOMAN: Gender.WOMAN.label,
                Gender.MAN: Gender.MAN.label,
                Gender.NON_BINARY: Gender.NON_BINARY.label,
                Gender.SELF_DESCRIBED: pgettext_lazy("gender", "Self-described"),
                NOT_STATED: pgettext_lazy("gender", "Not stated"),
            },
            "subregion": {
                **{code: subregion.name for code, subregion in subregions.items()},
                OUTSIDE_REGION: _("Outside the region"),
                NOT_STATED: pgettext_lazy("country", "Not stated"),
            },
            "sector": {
                **sector_names,
                MEMBER_STATE: _("Member State"),
                NOT_STATED: pgettext_lazy("sector", "Not stated"),
            },
            "migrant_voice": dict(MigrantVoice.choices),
        }

    def subregion_key(self, country: str) -> str:
        if not country:
            return NOT_STATED
        subregion = self.subregion_of.get(str(country))
        return subregion.code if subregion else OUTSIDE_REGION

    def person(
        self, *, gender: str, country: str, sector_code: str, lived_experience: str = ""
    ) -> Person:
        return Person(
            gender=gender_key(gender),
            subregion=self.subregion_key(country),
            sector=sector_code or NOT_STATED,
            migrant_voice=migrant_voice_key(
                lived_experience=lived_experience, sector_code=sector_code
            ),
        )


def compute(people: list[Person], *, labels: Labels, keys_from: list[Person] | None = None):
    """The balance of `people`, one Dimension per criterion. Rows are listed for every
    key that occurs in `keys_from` (the whole pool, so that a shortlist shows the
    categories it lacks as zero), in the reference order."""
    keys_from = people if keys_from is None else keys_from
    total = len(people)
    dimensions = []
    for name, label in DIMENSIONS:
        counts = Counter(getattr(person, name) for person in people)
        present = {getattr(person, name) for person in keys_from}
        dimension = Dimension(name=name, label=str(label), total=total)
        for key in labels.order[name]:
            if key in present:
                count = counts.get(key, 0)
                dimension.shares.append(
                    Share(
                        key=key,
                        label=str(labels.labels[name].get(key, key)),
                        count=count,
                        percent=percent(count, total),
                    )
                )
        dimensions.append(dimension)
    return dimensions


@dataclass(frozen=True)
class SideBySide:
    """One row of the selection page's balance table: a key's share of the shortlist
    beside its share of the whole pool."""

    key: str
    label: str
    shortlist: Share
    pool: Share


def compare(*, shortlist: list[Person], pool: list[Person], labels: Labels) -> list[dict]:
    chosen = compute(shortlist, labels=labels, keys_from=pool)
    everyone = compute(pool, labels=labels)
    table = []
    for picked, whole in zip(chosen, everyone, strict=True):
        table.append(
            {
                "name": whole.name,
                "label": whole.label,
                "shortlist_total": picked.total,
                "pool_total": whole.total,
                "rows": [
                    SideBySide(key=a.key, label=a.label, shortlist=a, pool=b)
                    for a, b in zip(picked.shares, whole.shares, strict=True)
                ],
            }
        )
    return table
