import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.db import connection
from django.db.models import F
from django.utils import translation
from django_countries import countries

import gcm
from gcm.enums import MembershipKind
from gcm.models import MemberState, Objective, Region, Sector, SubRegion
from tests.support import REFERENCE_DATA_MIGRATIONS

pytestmark = pytest.mark.django_db

PARA_44 = [
    "Migrants",
    "Civil society",
    "Migrant and diaspora organizations",
    "Faith-based organizations",
    "Local authorities and communities",
    "Private sector",
    "Trade unions",
    "Parliamentarians",
    "National Human Rights Institutions",
    "International Red Cross and Red Crescent Movement",
    "Academia",
    "Media",
    "Other relevant stakeholders",
]
CENTRAL_ASIA = {"KZ", "KG", "TJ", "TM", "UZ"}


def test_reference_data_has_the_13_para_44_sectors_in_order():
    assert list(Sector.objects.values_list("name_en", flat=True)) == PARA_44


def test_reference_data_has_the_23_objectives_with_official_titles():
    objectives = Objective.objects.all()

    assert [o.number for o in objectives] == list(range(1, 24))
    assert Objective.objects.get(number=21).title_en == (
        "Cooperate in facilitating safe and dignified return and readmission, "
        "as well as sustainable reintegration"
    )
    assert Objective.objects.get(number=1).title_en == (
        "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies"
    )


@pytest.mark.parametrize("language", ["ar", "es", "fr", "ru", "zh-hans"])
def test_reference_data_titles_are_translated(language):
    with translation.override(language):
        titles = [o.title for o in Objective.objects.all()]
        sectors = [s.name for s in Sector.objects.all()]

    english = list(Objective.objects.values_list("title_en", flat=True))
    assert all(titles)
    assert all(sectors)
    assert sum(t != e for t, e in zip(titles, english, strict=True)) == 23


def test_reference_data_has_the_five_regions():
    assert list(Region.objects.values_list("code", flat=True)) == [
        "africa",
        "unece",
        "lac",
        "asia-pacific",
        "arab",
    ]


def test_reference_data_unece_has_56_member_states_each_in_one_subregion():
    members = MemberState.objects.filter(region__code="unece")
    codes = {m.country.code for m in members}

    assert len(codes) == 56
    assert {"CA", "US", "IL"} | CENTRAL_ASIA <= codes
    assert members.filter(subregion__isnull=True).count() == 0
    assert (
        set(
            MemberState.objects.filter(subregion__code="central-asia").values_list(
                "country", flat=True
            )
        )
        == CENTRAL_ASIA
    )
    assert SubRegion.objects.filter(region__code="unece").count() == 8


def test_reference_data_country_names_come_from_django_countries():
    with translation.override("fr"):
        germany = MemberState.objects.get(region__code="unece", country="DE")
        assert germany.country.name == "Allemagne"


@pytest.mark.parametrize(
    ("region", "member_states", "associate_members"),
    [
        ("africa", 54, 0),
        ("unece", 56, 0),
        ("lac", 46, 14),
        ("asia-pacific", 53, 9),
        ("arab", 21, 0),
    ],
)
def test_reference_data_commission_has_its_published_counts(
    region, member_states, associate_members
):
    memberships = MemberState.objects.filter(region__code=region)

    assert memberships.filter(kind=MembershipKind.MEMBER).count() == member_states
    assert memberships.filter(kind=MembershipKind.ASSOCIATE).count() == associate_members
    assert memberships.filter(subregion__isnull=True).count() == 0


def test_reference_data_regions_carry_their_commission_and_its_source():
    assert list(
        Region.objects.values_list("code", "commission_abbreviation_en", "membership_source")
    ) == [
        ("africa", "ECA", "https://www.uneca.org/member-states"),
        ("unece", "ECE", "https://unece.org/member-states"),
        ("lac", "ECLAC", "https://www.cepal.org/en/member-states"),
        ("asia-pacific", "ESCAP", "https://www.unescap.org/about/member-states"),
        ("arab", "ESCWA", "https://www.unescwa.org/about/member-states"),
    ]


@pytest.mark.parametrize(
    ("language", "name", "abbreviation"),
    [
        ("en", "Economic Commission for Latin America and the Caribbean", "ECLAC"),
        ("es", "Comisión Económica para América Latina y el Caribe", "CEPAL"),
        ("fr", "Commission économique pour l'Amérique latine et les Caraïbes", "CEPALC"),
        ("ru", "Экономическая комиссия для Латинской Америки и Карибского бассейна", "ЭКЛАК"),
        ("zh-hans", "拉丁美洲和加勒比经济委员会", "拉加经委会"),
        (
            "ar",
            "اللجنة الاقتصادية لأمريكا اللاتينية ومنطقة البحر الكاريبي",
            "اللجنة الاقتصادية لأمريكا اللاتينية",
        ),
    ],
)
def test_reference_data_commission_names_are_translated(language, name, abbreviation):
    with translation.override(language):
        lac = Region.objects.get(code="lac")
        assert (lac.commission_name, lac.commission_abbreviation) == (name, abbreviation)


@pytest.mark.parametrize("language", ["ar", "en", "es", "fr", "ru", "zh_hans"])
def test_reference_data_every_commission_and_subregion_name_has_the_language(language):
    assert Region.objects.filter(**{f"commission_name_{language}__gt": ""}).count() == 5
    assert Region.objects.filter(**{f"commission_abbreviation_{language}__gt": ""}).count() == 5
    assert SubRegion.objects.filter(**{f"name_{language}__gt": ""}).count() == 27


def test_reference_data_subregions_are_those_each_commission_uses():
    by_region = {}
    for code, region in SubRegion.objects.values_list("code", "region__code"):
        by_region.setdefault(region, []).append(code)

    assert by_region == {
        "africa": [
            "north-africa",
            "west-africa",
            "central-africa",
            "east-africa",
            "southern-africa",
        ],
        "unece": [
            "eu-eea",
            "western-balkans",
            "eastern-europe",
            "south-caucasus",
            "central-asia",
            "north-america",
            "other-europe",
            "western-asia",
        ],
        "lac": ["central-america-mexico", "caribbean", "south-america", "eclac-non-regional"],
        "asia-pacific": [
            "east-north-east-asia",
            "north-central-asia",
            "pacific",
            "south-east-asia",
            "south-south-west-asia",
            "escap-non-regional",
        ],
        "arab": ["mashreq", "maghreb", "gcc", "arab-ldc"],
    }


def test_reference_data_every_membership_is_in_a_subregion_of_its_own_commission():
    assert MemberState.objects.exclude(subregion__region=F("region")).count() == 0


def test_reference_data_every_code_is_a_django_countries_code():
    codes = set(MemberState.objects.values_list("country", flat=True))

    assert len(codes) > 150
    assert {code for code in codes if code not in countries} == set()


@pytest.mark.parametrize(
    ("country", "regions"),
    [
        ("US", {"unece", "lac", "asia-pacific"}),
        ("FR", {"unece", "lac", "asia-pacific"}),
        ("GB", {"unece", "lac", "asia-pacific"}),
        ("NL", {"unece", "lac", "asia-pacific"}),
        ("TR", {"unece", "lac", "asia-pacific"}),
        ("RU", {"unece", "asia-pacific"}),
        ("KZ", {"unece", "asia-pacific"}),
        ("JP", {"lac", "asia-pacific"}),
        ("EG", {"africa", "arab"}),
        ("MA", {"africa", "arab"}),
        ("BR", {"lac"}),
    ],
)
def test_reference_data_country_in_several_commissions_has_one_membership_each(country, regions):
    memberships = MemberState.objects.filter(country=country)

    assert set(memberships.values_list("region__code", flat=True)) == regions
    assert memberships.count() == len(regions)


def test_reference_data_country_has_each_commissions_own_subregion():
    subregion_of = dict(
        MemberState.objects.filter(country="KZ").values_list("region__code", "subregion__code")
    )

    assert subregion_of == {"unece": "central-asia", "asia-pacific": "north-central-asia"}


def test_reference_data_associate_members_are_the_commissions_territories():
    associates = MemberState.objects.filter(kind=MembershipKind.ASSOCIATE)

    assert set(associates.filter(region__code="lac").values_list("country", flat=True)) == {
        "AI", "AW", "BM", "VG", "KY", "CW", "GF", "GP", "MQ", "MS", "PR", "SX", "TC", "VI",
    }  # fmt: skip
    assert set(
        associates.filter(region__code="asia-pacific").values_list("country", flat=True)
    ) == {"AS", "CK", "PF", "GU", "HK", "MO", "NC", "NU", "MP"}


def test_reference_data_migrations_are_all_reloaded_after_a_flush():
    migrations = Path(gcm.__file__).parent / "migrations"
    with_data = sorted(
        path.stem for path in migrations.glob("0*.py") if "RunPython(" in path.read_text()
    )

    assert with_data == list(REFERENCE_DATA_MIGRATIONS)


def test_commission_members_migration_unloads_and_loads_again():
    migration = importlib.import_module("gcm.migrations.0004_commission_members")
    schema_editor = SimpleNamespace(connection=connection)

    migration.unload(apps, schema_editor)
    counts_without = (MemberState.objects.count(), SubRegion.objects.count())
    unece = Region.objects.get(code="unece")
    abbreviation_without = unece.commission_abbreviation
    migration.load(apps, schema_editor)

    assert counts_without == (56, 8)
    assert abbreviation_without == ""
    assert (MemberState.objects.count(), SubRegion.objects.count()) == (56 + 54 + 60 + 62 + 21, 27)
