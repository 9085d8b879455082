from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roundtables.balance import Labels, Person, compare, compute, migrant_voice_key, percent
from roundtables.enums import MigrantVoice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("count", "total", "expected"),
    [(0, 0, 0), (1, 3, 33), (2, 3, 67), (1, 8, 13), (1, 200, 1), (1, 400, 0), (3, 3, 100)],
)
def test_percent_rounds_half_up_like_javascript(count, total, expected):
    assert percent(count, total) == expected


def test_balance_of_one_in_eight_shows_13_percent_like_javascript():
    # 12.5 % rounds half up to 13, as static/js/roundtables.js shows it while staff tick
    # (Python's round() would give 12, half to even); 87.5 % gives 88.
    woman = Person("woman", "eu-eea", "migrants", "yes")
    man = Person("man", "eu-eea", "migrants", "yes")

    dimensions = compute([woman, *[man] * 7], labels=Labels(region_id=_unece()))

    gender = next(d for d in dimensions if d.name == "gender")
    assert [(s.key, s.count, s.percent) for s in gender.shares] == [
        ("woman", 1, 13),
        ("man", 7, 88),
    ]


@pytest.mark.parametrize(
    ("lived", "sector", "expected"),
    [
        ("yes", "academia", MigrantVoice.YES),
        ("", "migrants", MigrantVoice.YES),
        ("no", "migrant-diaspora", MigrantVoice.YES),
        ("no", "academia", MigrantVoice.NO),
        ("prefer-not", "academia", MigrantVoice.NOT_STATED),
        ("", "academia", MigrantVoice.NOT_STATED),
    ],
)
def test_migrant_voice_from_lived_experience_or_sector(lived, sector, expected):
    assert migrant_voice_key(lived_experience=lived, sector_code=sector) == expected


def test_labels_map_unece_countries_to_their_subregions():
    labels = Labels(region_id=_unece())

    assert labels.subregion_key("FR") == "eu-eea"
    assert labels.subregion_key("RS") == "western-balkans"
    assert labels.subregion_key("KZ") == "central-asia"
    assert labels.subregion_key("IL") == "western-asia"
    assert labels.subregion_key("CA") == "north-america"
    assert labels.subregion_key("BR") == "outside"
    assert labels.subregion_key("") == "not-stated"


def _unece() -> int:
    from gcm.models import Region

    return Region.objects.get(code="unece").pk


def test_compare_shows_pool_categories_the_shortlist_lacks_as_zero():
    labels = Labels(region_id=_unece())
    woman_eu = Person("woman", "eu-eea", "migrants", "yes")
    man_asia = Person("man", "central-asia", "academia", "no")
    other = Person("not-stated", "north-america", "academia", "not-stated")
    pool = [woman_eu, man_asia, other, woman_eu]

    table = compare(shortlist=[woman_eu], pool=pool, labels=labels)

    gender = next(d for d in table if d["name"] == "gender")
    assert gender["shortlist_total"] == 1
    assert gender["pool_total"] == 4
    assert [
        (r.key, r.shortlist.count, r.shortlist.percent, r.pool.count, r.pool.percent)
        for r in gender["rows"]
    ] == [
        ("woman", 1, 100, 2, 50),
        ("man", 0, 0, 1, 25),
        ("not-stated", 0, 0, 1, 25),
    ]
    subregion = next(d for d in table if d["name"] == "subregion")
    assert [r.label for r in subregion["rows"]] == ["EU and EEA", "Central Asia", "North America"]


def test_compute_empty_pool_has_no_rows():
    dimensions = compute([], labels=Labels(region_id=_unece()))

    assert [(d.name, d.total, d.shares) for d in dimensions] == [
        ("gender", 0, []),
        ("subregion", 0, []),
        ("sector", 0, []),
        ("migrant_voice", 0, []),
    ]


@given(total=st.integers(min_value=1, max_value=10_000), data=st.data())
def test_percent_equals_decimal_half_up_for_any_share(total, data):
    count = data.draw(st.integers(min_value=0, max_value=total))
    expected = (Decimal(100 * count) / Decimal(total)).quantize(Decimal(1), rounding=ROUND_HALF_UP)

    assert percent(count, total) == int(expected)
