import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_roundtables_page_shows_the_four_clusters_and_objective_21_uncovered(client, demo):
    response = client.get(reverse("roundtables:index"))

    html = response.content.decode()
    assert response.status_code == 200
    for number in (1, 2, 3, 4):
        assert f'id="roundtable-{number}">Roundtable {number}</h2>' in html
    coverage = html.split('id="coverage-title"')[1].split("</section>")[0]
    assert "This objective is covered by no roundtable:" in coverage
    assert '<span class="objective-number">21</span>' in coverage
    assert coverage.count('class="objective-number"') == 1


def test_roundtables_page_unknown_review_is_not_found(client, demo):
    response = client.get(reverse("roundtables:index"), {"review": "nope"})

    assert response.status_code == 404


def test_rapporteur_page_shows_the_demo_open_call(client, demo):
    response = client.get(reverse("roundtables:calls"))

    html = response.content.decode()
    assert "Call for expressions of interest: stakeholder Rapporteur" in html
    assert "There is no open call at the moment." not in html
