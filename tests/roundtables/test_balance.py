from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from gcm.models import Region
from roundtables.balance import Labels, Person, compare, compute, migrant_voice_key, percent
from roundtables.enums import MigrantVoice
from roundtables.selectors.clusters import panel_people
from tests.factories import ReviewFactory
from tests.factories.roundtables import RoleFactory, RoundtableFactory

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


# One member State of each commission with the sub-region it is in there, and a country
# that is not a member of that commission.
REGIONS = [
    ("africa", "KE", "east-africa", "BR"),
    ("unece", "FR", "eu-eea", "BR"),
    ("lac", "BR", "south-america", "KE"),
    ("asia-pacific", "KZ", "north-central-asia", "BR"),
    ("arab", "JO", "mashreq", "FR"),
]


@pytest.mark.parametrize(("region", "member", "subregion", "outsider"), REGIONS)
def test_panel_balance_counts_its_own_regions_member_state_in_its_subregion(
    region, member, subregion, outsider
):
    review = ReviewFactory(region=Region.objects.get(code=region))
    roundtable = RoundtableFactory(review=review)
    RoleFactory(roundtable=roundtable, country=member)
    RoleFactory(roundtable=roundtable, country=outsider)
    labels = Labels(region_id=review.region_id)

    dimensions = compute(panel_people(roundtable=roundtable, labels=labels), labels=labels)

    shares = next(d for d in dimensions if d.name == "subregion").shares
    assert [(share.key, share.count) for share in shares] == [(subregion, 1), ("outside", 1)]


@pytest.mark.parametrize(
    ("region", "country", "subregion"),
    [
        ("unece", "KZ", "central-asia"),
        ("asia-pacific", "KZ", "north-central-asia"),
        ("unece", "US", "north-america"),
        ("lac", "US", "eclac-non-regional"),
        ("asia-pacific", "US", "escap-non-regional"),
        ("africa", "EG", "north-africa"),
        ("arab", "EG", "mashreq"),
        ("arab", "MR", "arab-ldc"),
        ("lac", "PR", "caribbean"),
        ("asia-pacific", "HK", "east-north-east-asia"),
        ("africa", "FR", "outside"),
        ("arab", "IL", "outside"),
    ],
)
def test_labels_use_the_subregion_of_the_reviews_own_commission(region, country, subregion):
    labels = Labels(region_id=Region.objects.get(code=region).pk)

    assert labels.subregion_key(country) == subregion


def test_labels_name_the_subregions_in_the_language():
    with translation.override("fr"):
        labels = Labels(region_id=Region.objects.get(code="arab").pk)
        names = [str(labels.labels["subregion"][key]) for key in labels.order["subregion"]]

    assert names == [
        "Machrek",
        "Maghreb",
        "Pays du Conseil de coopération du Golfe",
        "Pays arabes les moins avancés",
        "Hors de la région",
        "Non précisé",
    ]


def test_labels_look_up_memberships_once_not_per_person(django_assert_num_queries):
    region_id = Region.objects.get(code="asia-pacific").pk

    # memberships with their sub-regions, sectors
    with django_assert_num_queries(2):
        labels = Labels(region_id=region_id)
    countries = ["KZ", "CN", "FJ", "HK", "TH", "IN", "US", "BR", "", "DE"] * 20

    with django_assert_num_queries(0):
        people = [
            labels.person(gender="woman", country=country, sector_code="academia")
            for country in countries
        ]

    assert [person.subregion for person in people[:10]] == [
        "north-central-asia",
        "east-north-east-asia",
        "pacific",
        "east-north-east-asia",
        "south-east-asia",
        "south-south-west-asia",
        "escap-non-regional",
        "outside",
        "not-stated",
        "outside",
    ]
