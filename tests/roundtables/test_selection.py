import csv
import io

import pytest
from django.core import mail
from django.urls import reverse

from core.errors import DomainError
from gcm.models import Region, Sector
from outbox.models import OutgoingMail
from roundtables.enums import ApplicationStatus
from roundtables.models import Application, Recusal, Score
from roundtables.services import rapporteur as services
from tests.factories import ReviewFactory, StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import ApplicationFactory, CallFactory, close_call
from tests.roundtables.conftest import assessor_for

pytestmark = pytest.mark.django_db

S = ApplicationStatus


def applicant(call, *, language="en", **kwargs):
    user = stakeholder(user__language=language)
    return ApplicationFactory(call=call, user=user, **kwargs)


@pytest.fixture
def closed_call(call):
    return close_call(call)


def statuses(call) -> dict:
    return dict(call.applications.values_list("reference", "status"))


# --- Status services ---------------------------------------------------------------------


def test_start_assessment_before_the_deadline_is_refused(call, selector):
    applicant(call)

    with pytest.raises(DomainError) as caught:
        services.call_start_assessment(call=call, by=selector)

    assert caught.value.message == (
        "The assessment starts after the deadline; applications can still change until then."
    )


def test_start_assessment_moves_submitted_applications_and_tells_each_candidate(
    closed_call, selector, django_capture_on_commit_callbacks
):
    first = applicant(closed_call, language="fr")
    second = applicant(closed_call)

    with django_capture_on_commit_callbacks(execute=True):
        moved = services.call_start_assessment(call=closed_call, by=selector)

    assert moved == 2
    assert set(statuses(closed_call).values()) == {S.UNDER_ASSESSMENT}
    stored = {m.to: (m.language, m.subject) for m in OutgoingMail.objects.all()}
    assert stored[first.user.email][0] == "fr"
    assert stored[first.user.email][1].endswith("En cours d\u2019\u00e9valuation")
    assert stored[second.user.email] == (
        "en",
        f"Your application {second.reference}: Under assessment",
    )
    assert len(mail.outbox) == 2
    closed_call.refresh_from_db()
    assert closed_call.assessment_started_at is not None


def test_start_assessment_twice_moves_nothing_the_second_time(closed_call, selector):
    applicant(closed_call)
    services.call_start_assessment(call=closed_call, by=selector)

    assert services.call_start_assessment(call=closed_call, by=selector) == 0


def test_shortlist_save_adds_and_removes_and_records_history(closed_call, selector):
    a, b, c = (applicant(closed_call) for _ in range(3))
    services.shortlist_save(call=closed_call, by=selector, application_ids=[a.pk, b.pk])

    added, removed = services.shortlist_save(
        call=closed_call, by=selector, application_ids=[b.pk, c.pk]
    )

    assert (added, removed) == (1, 1)
    assert statuses(closed_call) == {
        a.reference: S.UNDER_ASSESSMENT,
        b.reference: S.SHORTLISTED,
        c.reference: S.SHORTLISTED,
    }
    assert list(
        Application.objects.get(pk=a.pk).status_changes.values_list("to_status", flat=True)
    ) == ["under-assessment", "shortlisted", "under-assessment"]
    assert Application.objects.get(pk=b.pk).shortlisted is True
    assert Application.objects.get(pk=a.pk).shortlisted is False


def test_shortlist_save_with_an_application_of_another_call_is_refused(closed_call, selector):
    other = ApplicationFactory()

    with pytest.raises(DomainError):
        services.shortlist_save(call=closed_call, by=selector, application_ids=[other.pk])


def test_select_tells_the_selected_candidate_in_their_language(
    closed_call, selector, django_capture_on_commit_callbacks
):
    chosen = applicant(closed_call, language="es")
    services.shortlist_save(call=closed_call, by=selector, application_ids=[chosen.pk])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.application_select(application=chosen, by=selector)

    assert [m.to for m in mail.outbox] == [[chosen.user.email]]
    assert mail.outbox[0].subject.endswith("Seleccionada")
    assert OutgoingMail.objects.latest("pk").language == "es"


def test_select_more_than_the_places_is_refused(closed_call, selector):
    a, b = applicant(closed_call), applicant(closed_call)
    services.shortlist_save(call=closed_call, by=selector, application_ids=[a.pk, b.pk])
    services.application_select(application=a, by=selector)

    with pytest.raises(DomainError) as caught:
        services.application_select(application=b, by=selector)

    assert caught.value.message == (
        "All 1 places are filled. Undo a selection before selecting someone else."
    )
    assert caught.value.code == "full"


def test_select_a_candidate_not_on_the_shortlist_is_refused(closed_call, selector):
    a = applicant(closed_call)
    services.call_start_assessment(call=closed_call, by=selector)

    with pytest.raises(DomainError):
        services.application_select(application=a, by=selector)


def test_select_a_selected_candidate_again_is_refused(closed_call, selector):
    a = applicant(closed_call)
    services.shortlist_save(call=closed_call, by=selector, application_ids=[a.pk])
    services.application_select(application=a, by=selector)
    closed_call.places = 2
    closed_call.save()

    with pytest.raises(DomainError) as caught:
        services.application_select(application=a, by=selector)

    assert (caught.value.code, caught.value.message) == (
        "transition",
        "Only a shortlisted candidate can be selected.",
    )
    assert a.status_changes.count() == 3


def test_unselect_a_candidate_who_is_not_selected_is_refused(closed_call, selector):
    a = applicant(closed_call)
    services.shortlist_save(call=closed_call, by=selector, application_ids=[a.pk])

    with pytest.raises(DomainError) as caught:
        services.application_unselect(application=a, by=selector)

    assert caught.value.message == "This candidate is not selected."
    assert Application.objects.get(pk=a.pk).status == S.SHORTLISTED


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (S.SUBMITTED, False),
        (S.UNDER_ASSESSMENT, False),
        (S.SHORTLISTED, True),
        (S.SELECTED, True),
        (S.NOT_SELECTED, False),
    ],
)
def test_application_shortlisted_follows_the_status(status, expected):
    assert Application(status=status).shortlisted is expected


def test_application_transitions_end_with_the_confirmed_selection():
    from roundtables.enums import APPLICATION_TRANSITIONS

    assert APPLICATION_TRANSITIONS.targets(S.NOT_SELECTED) == frozenset()
    assert APPLICATION_TRANSITIONS.targets(S.SELECTED) == {S.SHORTLISTED}


def test_unselect_puts_the_candidate_back_on_the_shortlist(closed_call, selector):
    a = applicant(closed_call)
    services.shortlist_save(call=closed_call, by=selector, application_ids=[a.pk])
    services.application_select(application=a, by=selector)

    services.application_unselect(application=a, by=selector)

    assert Application.objects.get(pk=a.pk).status == S.SHORTLISTED


def test_confirm_tells_every_other_candidate_and_is_final(
    closed_call, selector, django_capture_on_commit_callbacks
):
    chosen, shortlisted, other = (applicant(closed_call) for _ in range(3))
    services.shortlist_save(
        call=closed_call, by=selector, application_ids=[chosen.pk, shortlisted.pk]
    )
    services.application_select(application=chosen, by=selector)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        told = services.selection_confirm(call=closed_call, by=selector)

    assert told == 2
    assert statuses(closed_call) == {
        chosen.reference: S.SELECTED,
        shortlisted.reference: S.NOT_SELECTED,
        other.reference: S.NOT_SELECTED,
    }
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [shortlisted.user.email, other.user.email]
    )
    assert "you have not been selected" in mail.outbox[0].body
    with pytest.raises(DomainError):
        services.shortlist_save(call=closed_call, by=selector, application_ids=[])


def test_confirm_without_a_selected_candidate_is_refused(closed_call, selector):
    applicant(closed_call)

    with pytest.raises(DomainError) as caught:
        services.selection_confirm(call=closed_call, by=selector)

    assert caught.value.message == "Select at least one candidate before confirming."


# --- Scores and recusals -------------------------------------------------------------------


def _scores(call, value=4):
    return {criterion.pk: (value, f"Comment {value}") for criterion in call.criteria.all()}


def test_score_save_records_each_criterion_and_updates_on_resave(closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    services.score_save(application=application, assessor=assessor, scores=_scores(closed_call))

    services.score_save(
        application=application, assessor=assessor, scores=_scores(closed_call, value=2)
    )

    assert sorted(Score.objects.values_list("value", flat=True)) == [2, 2]


def test_score_save_missing_a_criterion_is_refused(closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    first = closed_call.criteria.first()

    with pytest.raises(DomainError) as caught:
        services.score_save(application=application, assessor=assessor, scores={first.pk: (3, "")})

    assert caught.value.message == "Score every criterion from 1 to 5."


def test_score_save_out_of_range_is_refused(closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)

    with pytest.raises(DomainError):
        services.score_save(
            application=application, assessor=assessor, scores=_scores(closed_call, value=6)
        )

    assert Score.objects.count() == 0


def test_recusal_withdraws_the_assessors_scores_and_blocks_scoring(closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    services.score_save(application=application, assessor=assessor, scores=_scores(closed_call))

    services.recusal_create(application=application, assessor=assessor, reason="Colleague")

    assert Score.objects.count() == 0
    assert Recusal.objects.get().reason == "Colleague"
    with pytest.raises(DomainError):
        services.score_save(application=application, assessor=assessor, scores=_scores(closed_call))


# --- Assessment pages --------------------------------------------------------------------


def test_assessment_page_in_anonymised_assessment_shows_no_name_email_or_cv_file_name(
    client, closed_call, assessor
):
    closed_call.anonymised_assessment = True
    closed_call.save()
    user = stakeholder(user__name="Amina Diallo", user__email="amina.diallo@example.org")
    application = ApplicationFactory(
        call=closed_call, user=user, status=S.UNDER_ASSESSMENT, cv_original_name="Diallo-CV.pdf"
    )
    client.force_login(assessor)

    listing = client.get(reverse("roundtables:assessment_list", kwargs={"slug": closed_call.slug}))
    detail = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk})
    )

    for response in (listing, detail):
        html = response.content.decode()
        assert response.status_code == 200
        assert application.reference in html
        assert "Amina" not in html
        assert "Diallo" not in html
        assert "amina.diallo@example.org" not in html
    assert f"cv-{application.reference}.pdf" in detail.content.decode()


def test_assessment_page_without_anonymisation_shows_the_name(client, closed_call, assessor):
    user = stakeholder(user__name="Amina Diallo")
    application = ApplicationFactory(call=closed_call, user=user, status=S.UNDER_ASSESSMENT)
    client.force_login(assessor)

    response = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk})
    )

    assert "Amina Diallo" in response.content.decode()


def test_assessment_page_hides_sensitive_answers_from_assessors(client, closed_call, assessor):
    application = applicant(
        closed_call, status=S.UNDER_ASSESSMENT, lived_migration_experience="yes", gender="woman"
    )
    client.force_login(assessor)

    response = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk})
    )

    html = response.content.decode()
    assert "lived experience" not in html.lower()
    assert "Woman" not in html


def test_assessment_page_scoring_saves_scores(client, closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    criteria = list(closed_call.criteria.all())
    data = {"action": "score"}
    for criterion in criteria:
        data[f"score-score_{criterion.pk}"] = "5"
        data[f"score-comment_{criterion.pk}"] = '=HYPERLINK("http://x")'
    client.force_login(assessor)

    response = client.post(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk}),
        data,
    )

    assert response.status_code == 302
    assert list(Score.objects.values_list("value", flat=True)) == [5, 5]


def test_assessment_page_scoring_without_scores_shows_errors(client, closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    client.force_login(assessor)

    response = client.post(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk}),
        {"action": "score"},
    )

    assert response.status_code == 200
    # Each of the two errors beside its field and in the summary at the top of the form.
    assert response.content.decode().count("Give a score from 1 to 5.") == 4
    assert response.content.decode().count("Give a score from 1 to 5.</a></li>") == 2
    assert Score.objects.count() == 0


def test_assessment_page_recuse(client, closed_call, assessor):
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    client.force_login(assessor)

    response = client.post(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk}),
        {"action": "recuse", "recuse-reason": "Former colleague"},
    )

    assert response.status_code == 302
    assert Recusal.objects.get().assessor == assessor


def test_assessment_pages_of_a_call_one_does_not_assess_are_not_found(client, closed_call):
    other_call = CallFactory()
    outsider = assessor_for(other_call)
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    client.force_login(outsider)

    listing = client.get(reverse("roundtables:assessment_list", kwargs={"slug": closed_call.slug}))
    detail = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk})
    )

    assert (listing.status_code, detail.status_code) == (404, 404)


def test_assessment_page_of_an_application_of_another_call_is_not_found(
    client, closed_call, assessor
):
    other = ApplicationFactory(status=S.UNDER_ASSESSMENT)
    client.force_login(assessor)

    response = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": other.pk})
    )

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 8])
def test_assessment_list_constant_queries(
    client, closed_call, assessor, django_assert_num_queries, count
):
    for _index in range(count):
        applicant(closed_call, status=S.UNDER_ASSESSMENT)
    client.force_login(assessor)

    # session, user, roles (groups), call, assessors, applications, recusals
    with django_assert_num_queries(7):
        response = client.get(
            reverse("roundtables:assessment_list", kwargs={"slug": closed_call.slug})
        )

    assert len(response.context["applications"]) == count


# --- Selection page ------------------------------------------------------------------------


def _selection_people(call):
    academia = Sector.objects.get(code="academia")
    migrants = Sector.objects.get(code="migrants")
    return [
        applicant(call, gender="woman", country_of_residence="FR", sector=migrants),
        applicant(call, gender="man", country_of_residence="KZ", sector=academia),
        applicant(
            call,
            gender="",
            country_of_residence="US",
            sector=academia,
            lived_migration_experience="yes",
        ),
        applicant(call, gender="woman", country_of_residence="RS", sector=academia),
    ]


def _balance(response, dimension):
    table = next(d for d in response.context["balance"] if d["name"] == dimension)
    return {
        row.key: (row.shortlist.count, row.shortlist.percent, row.pool.count, row.pool.percent)
        for row in table["rows"]
    }


def test_selection_page_shows_the_shortlist_balance_beside_the_pool(client, closed_call, selector):
    people = _selection_people(closed_call)
    services.shortlist_save(
        call=closed_call, by=selector, application_ids=[people[0].pk, people[1].pk, people[2].pk]
    )
    client.force_login(selector)

    response = client.get(reverse("roundtables:selection", kwargs={"slug": closed_call.slug}))

    assert response.status_code == 200
    assert _balance(response, "gender") == {
        "woman": (1, 33, 2, 50),
        "man": (1, 33, 1, 25),
        "not-stated": (1, 33, 1, 25),
    }
    assert _balance(response, "subregion") == {
        "eu-eea": (1, 33, 1, 25),
        "western-balkans": (0, 0, 1, 25),
        "central-asia": (1, 33, 1, 25),
        "north-america": (1, 33, 1, 25),
    }
    assert _balance(response, "migrant_voice") == {
        "yes": (2, 67, 2, 50),
        "not-stated": (1, 33, 2, 50),
    }
    assert _balance(response, "sector") == {
        "migrants": (1, 33, 1, 25),
        "academia": (2, 67, 3, 75),
    }
    html = response.content.decode()
    assert (
        '<td data-shortlist-cell="western-balkans"><span data-count>0</span> '
        "(<span data-percent>0</span>%)</td>"
    ) in html
    assert 'data-gender="woman" data-subregion="eu-eea" data-sector="migrants"' in html


def test_selection_page_ranks_by_mean_score(client, closed_call, selector):
    low, high, unscored = (applicant(closed_call) for _ in range(3))
    services.call_start_assessment(call=closed_call, by=selector)
    assessor = assessor_for(closed_call)
    services.score_save(application=low, assessor=assessor, scores=_scores(closed_call, 2))
    services.score_save(application=high, assessor=assessor, scores=_scores(closed_call, 5))
    client.force_login(selector)

    response = client.get(reverse("roundtables:selection", kwargs={"slug": closed_call.slug}))

    ranking = response.context["ranking"]
    assert [(r.rank, r.application.pk, r.mean) for r in ranking] == [
        (1, high.pk, 5.0),
        (2, low.pk, 2.0),
        (3, unscored.pk, None),
    ]


@pytest.mark.parametrize("count", [2, 10])
def test_selection_page_constant_queries(
    client, closed_call, selector, django_assert_num_queries, count
):
    for _index in range(count):
        applicant(closed_call)
    client.force_login(selector)

    # session, user, call, criteria, member states, sectors, applications, scores,
    # recusals
    with django_assert_num_queries(9):
        response = client.get(reverse("roundtables:selection", kwargs={"slug": closed_call.slug}))

    assert len(response.context["ranking"]) == count


def test_selection_page_anonymised_hides_names_until_confirmed(client, closed_call, selector):
    closed_call.anonymised_assessment = True
    closed_call.save()
    chosen = ApplicationFactory(
        call=closed_call, user=stakeholder(user__name="Amina Diallo"), status=S.SUBMITTED
    )
    client.force_login(selector)
    url = reverse("roundtables:selection", kwargs={"slug": closed_call.slug})

    before = client.get(url).content.decode()
    services.shortlist_save(call=closed_call, by=selector, application_ids=[chosen.pk])
    services.application_select(application=chosen, by=selector)
    services.selection_confirm(call=closed_call, by=selector)
    after = client.get(url).content.decode()

    assert "Amina Diallo" not in before
    assert "Amina Diallo" in after


def test_selection_action_flow_through_the_page(client, closed_call, selector):
    a, b = applicant(closed_call), applicant(closed_call)
    client.force_login(selector)
    url = reverse("roundtables:selection_action", kwargs={"slug": closed_call.slug})

    client.post(url, {"action": "start"})
    client.post(url, {"action": "shortlist", "shortlist": [str(a.pk)]})
    client.post(url, {"action": f"select:{a.pk}"})
    response = client.post(url, {"action": "confirm"}, follow=True)

    assert statuses(closed_call) == {a.reference: S.SELECTED, b.reference: S.NOT_SELECTED}
    assert "The selection is confirmed; 1 other candidates were told." in (
        response.content.decode()
    )


def test_selection_action_refusal_is_a_message_not_an_error(client, call, selector):
    applicant(call)
    client.force_login(selector)
    url = reverse("roundtables:selection_action", kwargs={"slug": call.slug})

    response = client.post(url, {"action": "start"}, follow=True)

    assert response.status_code == 200
    assert "The assessment starts after the deadline" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {"action": "select:abc"},
        {"action": "select:999999"},
        {"action": "shortlist", "shortlist": ["x"]},
    ],
)
def test_selection_action_with_tampered_ids_is_not_found(client, closed_call, selector, data):
    client.force_login(selector)

    response = client.post(
        reverse("roundtables:selection_action", kwargs={"slug": closed_call.slug}), data
    )

    assert response.status_code == 404


def test_selection_pages_for_an_assessor_without_the_lead_role_are_forbidden(
    client, closed_call, assessor
):
    client.force_login(assessor)

    for name, kwargs in (
        ("roundtables:selection", {"slug": closed_call.slug}),
        ("roundtables:selection_action", {"slug": closed_call.slug}),
        ("roundtables:export", {"slug": closed_call.slug, "fmt": "csv"}),
    ):
        assert client.get(reverse(name, kwargs=kwargs)).status_code == 403
    action = reverse("roundtables:selection_action", kwargs={"slug": closed_call.slug})
    assert client.post(action, {"action": "start"}).status_code == 403
    closed_call.refresh_from_db()
    assert closed_call.assessment_started_at is None


# --- Exports -----------------------------------------------------------------------------

INJECTION = '=HYPERLINK("http://evil.example","click")'


def _scored_call(closed_call, selector):
    application = ApplicationFactory(
        call=closed_call,
        user=stakeholder(user__name="@Amina", user__email="amina@example.org"),
        status=S.SUBMITTED,
    )
    services.call_start_assessment(call=closed_call, by=selector)
    assessor = assessor_for(closed_call, name="-Rita", email="rita@example.org")
    scores = {c.pk: (4, INJECTION) for c in closed_call.criteria.all()}
    services.score_save(application=application, assessor=assessor, scores=scores)
    return application


def test_export_csv_escapes_formulas(client, closed_call, selector):
    application = _scored_call(closed_call, selector)
    client.force_login(selector)

    response = client.get(
        reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "csv"})
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="{closed_call.slug}-scores.csv"'
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "Reference",
        "Candidate",
        "Email",
        "Status",
        "Assessor",
        "Criterion",
        "Score",
        "Comment",
        "Scored",
    ]
    assert rows[1][:8] == [
        application.reference,
        "'@Amina",
        "amina@example.org",
        "Under assessment",
        "'-Rita",
        "Experience",
        "4",
        "'" + INJECTION,
    ]
    assert len(rows) == 3


def test_export_xlsx_writes_text_never_formulas(client, closed_call, selector):
    from openpyxl import load_workbook

    _scored_call(closed_call, selector)
    client.force_login(selector)

    response = client.get(
        reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "xlsx"})
    )

    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Ranking", "Scores and comments"]
    scores = workbook["Scores and comments"]
    comment = scores.cell(row=2, column=8)
    assert comment.value == INJECTION
    assert comment.data_type == "s"
    assert scores.cell(row=2, column=2).value == "@Amina"
    ranking = workbook["Ranking"]
    assert [cell.value for cell in ranking[1]][:4] == ["Rank", "Reference", "Candidate", "Status"]
    assert ranking.cell(row=2, column=1).value == 1
    formulas = [
        cell.coordinate
        for sheet in workbook
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]
    assert formulas == []


def test_export_of_an_unscored_candidate_leaves_the_means_empty(client, closed_call, selector):
    from openpyxl import load_workbook

    ApplicationFactory(call=closed_call, status=S.SUBMITTED)
    client.force_login(selector)
    url = reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "xlsx"})

    ranking = load_workbook(io.BytesIO(client.get(url).content))["Ranking"]

    header = [cell.value for cell in ranking[1]]
    row = dict(zip(header, [cell.value for cell in ranking[2]], strict=True))
    means = [row["Mean: Experience"], row["Mean: Voice"], row["Mean score"]]
    assert (means, row["Assessors"]) == ([None, None, None], 0)


def test_export_anonymised_call_has_no_names(client, closed_call, selector):
    closed_call.anonymised_assessment = True
    closed_call.save()
    _scored_call(closed_call, selector)
    client.force_login(selector)

    response = client.get(
        reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "csv"})
    )

    content = response.content.decode("utf-8-sig")
    assert "Amina" not in content
    assert "amina@example.org" not in content


def test_export_unknown_format_is_not_found(client, closed_call, selector):
    client.force_login(selector)

    response = client.get(
        reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "pdf"})
    )

    assert response.status_code == 404


def test_staff_home_lists_only_calls_one_has_a_role_on(client, call):
    other = CallFactory()
    staff = assessor_for(call)
    client.force_login(staff)

    response = client.get(reverse("roundtables:staff_home"))

    html = response.content.decode()
    assert reverse("roundtables:assessment_list", kwargs={"slug": call.slug}) in html
    assert reverse("roundtables:assessment_list", kwargs={"slug": other.slug}) not in html
    assert reverse("roundtables:selection", kwargs={"slug": call.slug}) not in html


def test_staff_pages_for_a_stakeholder_are_not_found(client, call):
    client.force_login(stakeholder())

    assert client.get(reverse("roundtables:staff_home")).status_code == 404
    assert (
        client.get(reverse("roundtables:selection", kwargs={"slug": call.slug})).status_code == 404
    )


def test_staff_pages_anonymous_are_sent_to_sign_in(client, call):
    response = client.get(reverse("roundtables:selection", kwargs={"slug": call.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_superuser_without_assessor_role_cannot_score(client, closed_call):
    boss = StaffFactory()
    application = applicant(closed_call, status=S.UNDER_ASSESSMENT)
    client.force_login(boss)

    response = client.get(
        reverse("roundtables:assess", kwargs={"slug": closed_call.slug, "pk": application.pk})
    )

    assert response.status_code == 404
    assert UserFactory  # imported for assessor_for's use


@pytest.mark.parametrize(
    ("region", "member", "subregion", "outsider"),
    [
        ("africa", "SN", "west-africa", "FR"),
        ("unece", "RS", "western-balkans", "SN"),
        ("lac", "JM", "caribbean", "RS"),
        ("asia-pacific", "VN", "south-east-asia", "JM"),
        ("arab", "QA", "gcc", "VN"),
    ],
)
def test_selection_page_balance_is_computed_against_the_reviews_own_region(
    client, selector, region, member, subregion, outsider
):
    review = ReviewFactory(region=Region.objects.get(code=region))
    call = close_call(CallFactory(review=review))
    chosen = applicant(call, country_of_residence=member)
    applicant(call, country_of_residence=outsider)
    services.shortlist_save(call=call, by=selector, application_ids=[chosen.pk])
    client.force_login(selector)

    response = client.get(reverse("roundtables:selection", kwargs={"slug": call.slug}))

    assert _balance(response, "subregion") == {
        subregion: (1, 100, 1, 50),
        "outside": (0, 0, 1, 50),
    }


def test_export_of_scores_is_recorded_as_an_export_of_personal_data(client, closed_call, selector):
    from audit.enums import AuditAction
    from audit.models import AuditEvent

    _scored_call(closed_call, selector)
    client.force_login(selector)

    client.get(reverse("roundtables:export", kwargs={"slug": closed_call.slug, "fmt": "xlsx"}))

    event = AuditEvent.objects.get(action=AuditAction.EXPORTED_PERSONAL_DATA)
    assert (event.actor_id, event.target_id, event.detail) == (
        selector.pk,
        str(closed_call.pk),
        {"what": "rapporteur-assessment", "format": "xlsx"},
    )
