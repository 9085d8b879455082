import pytest
from django.utils import translation

from gcm.models import MemberState, Objective, Region, Sector, SubRegion

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
        assert MemberState.objects.get(country="DE").country.name == "Allemagne"
