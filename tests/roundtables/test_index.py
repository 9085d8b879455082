import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


def test_roundtables_page_shows_the_four_clusters_and_objective_21_uncovered(client, demo):
    response = client.get(reverse("roundtables:index"), {"review": "unece-2024"})

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


def test_demo_call_page_links_to_apply_which_requires_sign_in(client, demo):
    call_page = client.get(reverse("roundtables:call", kwargs={"slug": "escap-example-rapporteur"}))
    apply_url = reverse("roundtables:apply", kwargs={"slug": "escap-example-rapporteur"})

    response = client.get(apply_url)

    assert apply_url in call_page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={apply_url}"


def test_demo_call_refuses_a_cv_that_is_not_a_pdf(client, demo):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gcm.models import Sector
    from roundtables.models import Application
    from tests.factories import stakeholder

    candidate = stakeholder()
    client.force_login(candidate)
    response = client.post(
        reverse("roundtables:apply", kwargs={"slug": "escap-example-rapporteur"}),
        {
            "motivation": "m",
            "experience": "e",
            "languages": ["en"],
            "sector": Sector.objects.get(code="migrants").pk,
            "country_of_residence": "FR",
            "cv": SimpleUploadedFile("cv.pdf", b"GIF89a not a pdf"),
        },
    )

    assert response.status_code == 200
    assert "This file is not a PDF. Please save your document as PDF and upload that." in (
        response.content.decode()
    )
    assert not Application.objects.filter(user=candidate).exists()
