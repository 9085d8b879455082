import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from consultations.models import RegionalReview
from core.errors import DomainError
from gcm.models import Objective
from outbox.models import OutgoingMail
from roundtables.enums import InputStatus
from roundtables.models import StakeholderInput
from roundtables.selectors.inputs import input_analysis, input_quotes
from roundtables.services import inputs as services
from tests.factories import ReviewFactory, SessionFactory, StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import InputFactory, RoundtableFactory, pdf_upload
from tests.roundtables.conftest import moderator
from tests.roundtables.test_validators import EXECUTABLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def review():
    return ReviewFactory(inputs_deadline=timezone.now() + dt.timedelta(days=7))


@pytest.fixture
def author():
    return stakeholder(
        user__name="Omar Haddad",
        user__email="omar@example.org",
        organisation__name="Migrant Voices Network",
    )


def data(**overrides):
    values = {
        "title": "Access to services",
        "text": "Firewalls between services and immigration enforcement.",
        "language": "en",
        "input_type": "content",
        "roundtable": None,
        "attribution": "organisation",
        "publish_consent": True,
    }
    values.update(overrides)
    return values


def form_data(review, **overrides):
    values = {
        "review": review.pk,
        "title": "Access to services",
        "text": "Firewalls between services and immigration enforcement.",
        "language": "en",
        "input_type": "content",
        "objectives": [Objective.objects.get(number=15).pk],
        "attribution": "organisation",
        "publish_consent": "on",
    }
    values.update(overrides)
    return values


# --- Services ----------------------------------------------------------------------------


def test_input_submit_snapshots_sector_country_and_attribution(
    review, author, django_capture_on_commit_callbacks
):
    objectives = Objective.objects.filter(number__in=[15, 16])

    with django_capture_on_commit_callbacks(execute=True):
        item = services.input_submit(review=review, author=author, **data(), objectives=objectives)

    assert item.status == InputStatus.SUBMITTED
    assert item.attributed_to == "Migrant Voices Network"
    assert item.sector.code == "civil-society"
    assert str(item.country) == "CH"
    assert sorted(o.number for o in item.objectives.all()) == [15, 16]
    assert [m.to for m in mail.outbox] == [["omar@example.org"]]
    assert mail.outbox[0].subject == "Your input has been received: Access to services"


@pytest.mark.parametrize(
    ("attribution", "expected"),
    [("organisation", "Migrant Voices Network"), ("person", "Omar Haddad"), ("anonymous", "")],
)
def test_input_submit_attribution_choices(review, author, attribution, expected):
    item = services.input_submit(
        review=review, author=author, **data(attribution=attribution), objectives=[]
    )

    assert item.attributed_to == expected


def test_input_submit_after_the_deadline_is_refused(review, author):
    after = review.inputs_deadline + dt.timedelta(seconds=1)

    with pytest.raises(DomainError) as caught:
        services.input_submit(review=review, author=author, **data(), objectives=[], now=after)

    assert caught.value.message == "The deadline for written inputs to this review has passed."
    assert caught.value.code == "closed"


def test_input_submit_to_a_review_without_deadline_is_refused(author):
    review = ReviewFactory(inputs_deadline=None)

    with pytest.raises(DomainError) as caught:
        services.input_submit(review=review, author=author, **data(), objectives=[])

    assert caught.value.message == "This review does not take written inputs."


def test_input_accept_tells_the_author(review, author, django_capture_on_commit_callbacks):
    item = InputFactory(review=review, author=author)
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.input_accept(stakeholder_input=item, by=staff)

    item.refresh_from_db()
    assert item.status == InputStatus.ACCEPTED
    assert item.moderated_by == staff
    assert item.moderated_at is not None
    assert "As you agreed, it is now published on the site." in mail.outbox[0].body


def test_input_accept_twice_tells_the_author_once(
    review, author, django_capture_on_commit_callbacks
):
    item = InputFactory(review=review, author=author)
    staff = StaffFactory()

    with django_capture_on_commit_callbacks(execute=True):
        services.input_accept(stakeholder_input=item, by=staff)
        services.input_accept(stakeholder_input=item, by=staff)

    assert len(mail.outbox) == 1


def test_input_accept_of_a_merged_input_is_refused(review, author):
    kept = InputFactory(review=review)
    item = InputFactory(review=review, author=author, status=InputStatus.MERGED, merged_into=kept)

    with pytest.raises(DomainError) as caught:
        services.input_accept(stakeholder_input=item, by=StaffFactory())

    assert (caught.value.code, caught.value.message) == (
        "transition",
        "This input has been merged into another one: that decision is final.",
    )
    item.refresh_from_db()
    assert (item.status, item.merged_into) == (InputStatus.MERGED, kept)
    assert OutgoingMail.objects.count() == 0


@pytest.mark.parametrize("decision", ["reject", "merge"])
def test_input_moderation_of_a_merged_input_is_refused(review, decision):
    kept = InputFactory(review=review)
    item = InputFactory(review=review, status=InputStatus.MERGED, merged_into=kept)
    staff = StaffFactory()
    other = InputFactory(review=review)
    act = {
        "reject": lambda: services.input_reject(
            stakeholder_input=item, by=staff, reason="Off topic."
        ),
        "merge": lambda: services.input_merge(duplicate=item, into=other, by=staff),
    }[decision]

    with pytest.raises(DomainError) as caught:
        act()

    assert caught.value.code == "transition"
    item.refresh_from_db()
    assert (item.status, item.merged_into, item.rejection_reason) == (
        InputStatus.MERGED,
        kept,
        "",
    )


def test_input_reject_of_an_accepted_input_reconsiders_it(review, author):
    item = InputFactory(review=review, author=author, status=InputStatus.ACCEPTED)

    services.input_reject(stakeholder_input=item, by=StaffFactory(), reason="Abusive.")

    item.refresh_from_db()
    assert (item.status, item.rejection_reason, item.is_published) == (
        InputStatus.REJECTED,
        "Abusive.",
        False,
    )


def test_input_accept_of_a_rejected_input_reconsiders_it(review, author):
    item = InputFactory(
        review=review, author=author, status=InputStatus.REJECTED, rejection_reason="Late."
    )

    services.input_accept(stakeholder_input=item, by=StaffFactory())

    item.refresh_from_db()
    assert (item.status, item.rejection_reason) == (InputStatus.ACCEPTED, "")


def test_input_reject_of_a_rejected_input_is_refused(review, author):
    item = InputFactory(
        review=review, author=author, status=InputStatus.REJECTED, rejection_reason="Late."
    )

    with pytest.raises(DomainError) as caught:
        services.input_reject(stakeholder_input=item, by=StaffFactory(), reason="Other.")

    assert caught.value.message == "This input has already been moderated that way."
    item.refresh_from_db()
    assert item.rejection_reason == "Late."


def test_input_merge_of_a_rejected_duplicate_is_refused(review):
    kept = InputFactory(review=review, objectives=[15])
    item = InputFactory(review=review, status=InputStatus.REJECTED, objectives=[16])

    with pytest.raises(DomainError) as caught:
        services.input_merge(duplicate=item, into=kept, by=StaffFactory())

    assert caught.value.message == (
        "A rejected input cannot be merged. Accept it first if it is a duplicate."
    )
    assert [o.number for o in kept.objectives.all()] == [15]


def test_input_merge_of_an_accepted_duplicate_is_allowed(review):
    kept = InputFactory(review=review, status=InputStatus.ACCEPTED)
    item = InputFactory(review=review, status=InputStatus.ACCEPTED)

    services.input_merge(duplicate=item, into=kept, by=StaffFactory())

    item.refresh_from_db()
    assert (item.status, item.merged_into) == (InputStatus.MERGED, kept)


def test_input_reject_needs_a_reason_and_sends_it(
    review, author, django_capture_on_commit_callbacks
):
    item = InputFactory(review=review, author=author)
    staff = StaffFactory()
    with pytest.raises(DomainError):
        services.input_reject(stakeholder_input=item, by=staff, reason="  ")

    with django_capture_on_commit_callbacks(execute=True):
        services.input_reject(stakeholder_input=item, by=staff, reason="Off topic.")

    item.refresh_from_db()
    assert item.status == InputStatus.REJECTED
    assert item.rejection_reason == "Off topic."
    assert "Off topic." in mail.outbox[0].body


def test_input_merge_moves_objectives_and_earlier_duplicates(review):
    staff = StaffFactory()
    kept = InputFactory(review=review, objectives=[15])
    duplicate = InputFactory(review=review, objectives=[16, 17])
    older = InputFactory(review=review, status=InputStatus.MERGED, merged_into=duplicate)

    services.input_merge(duplicate=duplicate, into=kept, by=staff)

    duplicate.refresh_from_db()
    older.refresh_from_db()
    assert duplicate.status == InputStatus.MERGED
    assert duplicate.merged_into == kept
    assert older.merged_into == kept
    assert sorted(o.number for o in kept.objectives.all()) == [15, 16, 17]


@pytest.mark.parametrize("case", ["itself", "other-review", "rejected"])
def test_input_merge_refuses_bad_targets(review, case):
    staff = StaffFactory()
    item = InputFactory(review=review)
    target = {
        "itself": item,
        "other-review": InputFactory(),
        "rejected": InputFactory(review=review, status=InputStatus.REJECTED),
    }[case]

    with pytest.raises(DomainError) as caught:
        services.input_merge(duplicate=item, into=target, by=staff)

    assert caught.value.field == "into"

    item.refresh_from_db()
    assert item.status == InputStatus.SUBMITTED


def test_input_set_source_only_to_a_session_of_the_same_review(review):
    item = InputFactory(review=review, author=None)
    same = SessionFactory(review=review)
    other = SessionFactory()

    services.input_set_source(stakeholder_input=item, session=same)
    with pytest.raises(DomainError):
        services.input_set_source(stakeholder_input=item, session=other)

    item.refresh_from_db()
    assert item.source_session == same


def test_input_update_after_moderation_is_refused(review, author):
    item = InputFactory(review=review, author=author, status=InputStatus.ACCEPTED)

    with pytest.raises(DomainError):
        services.input_update(stakeholder_input=item, **data(), objectives=[])


def test_input_withdraw_deletes_it_and_its_attachment(
    review, author, django_capture_on_commit_callbacks
):
    item = services.input_submit(
        review=review, author=author, **data(), objectives=[], attachment=pdf_upload()
    )
    storage, name = item.attachment.storage, item.attachment.name

    with django_capture_on_commit_callbacks(execute=True):
        services.input_withdraw(stakeholder_input=item)

    assert StakeholderInput.objects.count() == 0
    assert not storage.exists(name)


# --- Stakeholder pages ---------------------------------------------------------------------


def test_input_new_requires_sign_in(client):
    response = client.get(reverse("roundtables:input_new"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_input_new_submits_with_an_attachment(client, review, author):
    client.force_login(author)

    response = client.post(
        reverse("roundtables:input_new"), form_data(review, attachment=pdf_upload("notes.pdf"))
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("roundtables:my_inputs")
    item = StakeholderInput.objects.get()
    assert item.attachment.name.startswith(f"inputs/{review.pk}/")
    assert "notes" not in item.attachment.name


def test_input_new_with_an_executable_attachment_is_refused(client, review, author):
    client.force_login(author)
    upload = SimpleUploadedFile("notes.pdf", EXECUTABLE)

    response = client.post(reverse("roundtables:input_new"), form_data(review, attachment=upload))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "attachment": ["This file is not a PDF. Please save your document as PDF and upload that."]
    }
    assert StakeholderInput.objects.count() == 0


def test_input_new_on_content_without_objectives_is_refused(client, review, author):
    client.force_login(author)

    response = client.post(reverse("roundtables:input_new"), form_data(review, objectives=[]))

    assert response.context["form"].errors == {
        "objectives": ["Tick the GCM objectives that your input on content addresses."]
    }


def test_input_new_with_a_roundtable_of_another_review_is_refused(client, review, author):
    other_review = ReviewFactory(inputs_deadline=timezone.now() + dt.timedelta(days=3))
    roundtable = RoundtableFactory(review=other_review)
    client.force_login(author)

    response = client.post(
        reverse("roundtables:input_new"), form_data(review, roundtable=roundtable.pk)
    )

    assert response.context["form"].errors == {
        "roundtable": ["Choose a roundtable of the same review."]
    }


def test_input_new_when_no_review_takes_inputs_says_so(client, author):
    ReviewFactory(inputs_deadline=timezone.now() - dt.timedelta(days=1))
    client.force_login(author)

    response = client.get(reverse("roundtables:input_new"))

    assert "No Regional Review is taking written inputs at the moment." in (
        response.content.decode()
    )


def test_input_edit_by_its_author(client, review, author):
    item = InputFactory(review=review, author=author, objectives=[15])
    client.force_login(author)

    response = client.post(
        reverse("roundtables:input_edit", kwargs={"pk": item.pk}),
        form_data(review, title="A better title"),
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.title == "A better title"


def test_input_edit_form_is_bound_to_the_saved_input(client, review, author):
    item = InputFactory(review=review, author=author, title="Saved title", objectives=[15, 16])
    client.force_login(author)

    response = client.get(reverse("roundtables:input_edit", kwargs={"pk": item.pk}))

    form = response.context["form"]
    assert form.instance == item
    assert (form["title"].value(), sorted(form["objectives"].value())) == (
        "Saved title",
        sorted(Objective.objects.filter(number__in=[15, 16]).values_list("pk", flat=True)),
    )
    assert "review" not in form.fields
    assert "remove_attachment" not in form.fields


def test_input_edit_keeps_or_removes_the_attachment(
    client, review, author, django_capture_on_commit_callbacks
):
    item = services.input_submit(
        review=review, author=author, **data(), objectives=[], attachment=pdf_upload()
    )
    storage, name = item.attachment.storage, item.attachment.name
    client.force_login(author)
    url = reverse("roundtables:input_edit", kwargs={"pk": item.pk})

    client.post(url, form_data(review, title="Kept"))
    item.refresh_from_db()
    kept = item.attachment.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, form_data(review, title="Removed", remove_attachment="on"))

    item.refresh_from_db()
    assert (kept, item.title, item.attachment.name) == (name, "Removed", "")
    assert not storage.exists(name)


def test_input_edit_of_someone_elses_input_is_not_found(client, review, author):
    item = InputFactory(review=review)
    client.force_login(author)

    edit = client.get(reverse("roundtables:input_edit", kwargs={"pk": item.pk}))
    withdraw = client.post(reverse("roundtables:input_withdraw", kwargs={"pk": item.pk}))

    assert (edit.status_code, withdraw.status_code) == (404, 404)
    assert StakeholderInput.objects.count() == 1


@pytest.mark.parametrize("count", [1, 7])
def test_my_inputs_constant_queries(client, review, author, django_assert_num_queries, count):
    for _index in range(count):
        InputFactory(review=review, author=author, objectives=[1, 2])
    client.force_login(author)

    # session, user (with its profile-and-consent flag), inputs, objectives, open reviews
    with django_assert_num_queries(5):
        response = client.get(reverse("roundtables:my_inputs"))

    assert len(response.context["inputs"]) == count


def test_attachment_of_an_unpublished_input_only_for_author_and_staff(client, review, author):
    item = services.input_submit(
        review=review, author=author, **data(), objectives=[], attachment=pdf_upload()
    )
    url = reverse("roundtables:input_attachment", kwargs={"pk": item.pk})

    anonymous = client.get(url)
    client.force_login(stakeholder())
    other = client.get(url)
    client.force_login(author)
    own = client.get(url)
    b"".join(own.streaming_content)

    assert (anonymous.status_code, other.status_code, own.status_code) == (404, 404, 200)


def test_attachment_of_a_published_input_is_public(client, review, author):
    item = services.input_submit(
        review=review, author=author, **data(), objectives=[], attachment=pdf_upload()
    )
    services.input_accept(stakeholder_input=item, by=StaffFactory())

    response = client.get(reverse("roundtables:input_attachment", kwargs={"pk": item.pk}))
    b"".join(response.streaming_content)

    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="input-{item.pk}.pdf"'


# --- Public list ---------------------------------------------------------------------------


@pytest.fixture
def clustered(review):
    one = RoundtableFactory(review=review, number=1, objectives=[2, 5])
    two = RoundtableFactory(review=review, number=2, objectives=[8, 15])
    return one, two


def test_public_inputs_only_accepted_and_consented_grouped_by_cluster(client, review, clustered):
    one, _two = clustered
    both = InputFactory(
        review=review, title="Both", status=InputStatus.ACCEPTED, objectives=[2, 15]
    )
    InputFactory(review=review, title="Named", status=InputStatus.ACCEPTED, roundtable=one)
    InputFactory(review=review, title="General", status=InputStatus.ACCEPTED)
    InputFactory(review=review, title="Hidden", status=InputStatus.ACCEPTED, publish_consent=False)
    InputFactory(review=review, title="Pending", status=InputStatus.SUBMITTED)

    response = client.get(reverse("roundtables:inputs"), {"review": review.slug})

    groups = [
        (cluster.number if cluster else None, [i.title for i in items])
        for cluster, items in response.context["groups"]
    ]
    assert groups == [(1, ["Both", "Named"]), (2, ["Both"]), (None, ["General"])]
    assert response.context["count"] == 3
    assert both.pk


def test_public_inputs_filtered_by_objective_and_roundtable(client, review, clustered):
    InputFactory(review=review, title="Fifteen", status=InputStatus.ACCEPTED, objectives=[15])
    InputFactory(review=review, title="Two", status=InputStatus.ACCEPTED, objectives=[2])

    by_objective = client.get(
        reverse("roundtables:inputs"), {"review": review.slug, "objective": "15"}
    )
    by_roundtable = client.get(
        reverse("roundtables:inputs"), {"review": review.slug, "roundtable": "1"}
    )

    assert [i.title for _c, items in by_objective.context["groups"] for i in items] == ["Fifteen"]
    assert [
        (c.number, [i.title for i in items]) for c, items in by_roundtable.context["groups"]
    ] == [(1, ["Two"])]


def test_public_inputs_anonymous_attribution_shows_sector_not_name(client, review, author):
    item = services.input_submit(
        review=review, author=author, **data(attribution="anonymous"), objectives=[]
    )
    services.input_accept(stakeholder_input=item, by=StaffFactory())

    html = client.get(reverse("roundtables:inputs"), {"review": review.slug}).content.decode()

    assert "Omar" not in html
    assert "omar@example.org" not in html
    assert "Civil society, Switzerland" in html


@pytest.mark.parametrize("count", [1, 9])
def test_public_inputs_constant_queries(
    client, review, clustered, django_assert_num_queries, count
):
    for _index in range(count):
        InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[2, 8])

    # reviews, roundtables, objectives, inputs, input objectives, and the two filter
    # menus (roundtables, objectives)
    with django_assert_num_queries(7):
        response = client.get(reverse("roundtables:inputs"), {"review": review.slug})

    assert response.context["count"] == count


# --- Staff moderation and analysis ------------------------------------------------------------


def test_moderation_pages_are_forbidden_to_staff_without_the_role(client, review):
    item = InputFactory(review=review)
    client.force_login(UserFactory(is_staff=True))

    for url in (
        reverse("roundtables:moderation"),
        reverse("roundtables:moderate", kwargs={"pk": item.pk}),
        reverse("roundtables:analysis"),
    ):
        assert client.get(url).status_code == 403


def test_moderate_accept_through_the_page(client, review):
    item = InputFactory(review=review)
    client.force_login(moderator())

    response = client.post(
        reverse("roundtables:moderate", kwargs={"pk": item.pk}), {"decision": "accept"}
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.status == InputStatus.ACCEPTED


def test_moderate_reject_without_reason_shows_the_error(client, review):
    item = InputFactory(review=review)
    client.force_login(moderator())

    response = client.post(
        reverse("roundtables:moderate", kwargs={"pk": item.pk}),
        {"decision": "reject", "reject-reason": ""},
    )

    assert response.status_code == 200
    assert "Give the author a reason for the rejection." in response.content.decode()
    item.refresh_from_db()
    assert item.status == InputStatus.SUBMITTED


def test_moderate_merge_and_note_source_through_the_page(client, review):
    kept = InputFactory(review=review)
    item = InputFactory(review=review)
    session = SessionFactory(review=review)
    client.force_login(moderator())
    url = reverse("roundtables:moderate", kwargs={"pk": item.pk})

    client.post(url, {"decision": "source", "source-source_session": session.pk})
    client.post(url, {"decision": "merge", "merge-into": kept.pk})

    item.refresh_from_db()
    assert item.source_session == session
    assert (item.status, item.merged_into) == (InputStatus.MERGED, kept)


def test_moderate_accept_of_a_merged_input_says_why(client, review):
    item = InputFactory(
        review=review, status=InputStatus.MERGED, merged_into=InputFactory(review=review)
    )
    client.force_login(moderator())

    response = client.post(
        reverse("roundtables:moderate", kwargs={"pk": item.pk}), {"decision": "accept"}
    )

    assert response.status_code == 200
    assert "This input has been merged into another one: that decision is final." in (
        response.content.decode()
    )
    item.refresh_from_db()
    assert item.status == InputStatus.MERGED


def test_moderate_unknown_decision_is_a_message(client, review):
    item = InputFactory(review=review)
    client.force_login(moderator())

    response = client.post(
        reverse("roundtables:moderate", kwargs={"pk": item.pk}), {"decision": "explode"}
    )

    assert response.status_code == 200
    assert "Choose what to do with this input." in response.content.decode()


@pytest.mark.parametrize("count", [1, 8])
def test_moderation_queue_constant_queries(client, review, django_assert_num_queries, count):
    for _index in range(count):
        InputFactory(review=review, objectives=[3])
    client.force_login(moderator())

    # session, user, roles (groups), reviews, inputs, objectives
    with django_assert_num_queries(6):
        response = client.get(reverse("roundtables:moderation"))

    assert len(response.context["inputs"]) == count


def test_analysis_counts_by_objective_cluster_sector_and_country(client, review, clustered):
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[2, 15], country="FR")
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[15], country="FR")
    InputFactory(review=review, status=InputStatus.ACCEPTED, input_type="process", country="")
    InputFactory(review=review, status=InputStatus.REJECTED, objectives=[2])
    client.force_login(moderator())

    response = client.get(reverse("roundtables:analysis"), {"review": review.slug})

    analysis = response.context["analysis"]
    assert analysis.total == 3
    per_objective = {o.number: n for o, n in analysis.by_objective}
    assert len(per_objective) == 23
    assert (per_objective[2], per_objective[15], per_objective[21]) == (1, 2, 0)
    assert [(rt.number, n) for rt, n in analysis.by_cluster] == [(1, 1), (2, 2)]
    assert analysis.no_cluster == 1
    assert analysis.by_country == [("France", 2), ("Not given", 1)]
    assert analysis.by_sector == [("Civil society", 3)]
    assert [(str(label), n) for label, n in analysis.by_type] == [
        ("Content", 2),
        ("Process and outcomes", 1),
    ]


@pytest.mark.parametrize("count", [1, 12])
def test_analysis_constant_queries(client, review, clustered, django_assert_num_queries, count):
    one, _two = clustered
    for index in range(count):
        InputFactory(
            review=review,
            status=InputStatus.ACCEPTED,
            objectives=[2, 15] if index % 2 else [21],
            roundtable=one if index % 3 == 0 else None,
            country="FR" if index % 2 else "",
        )
    client.force_login(moderator())

    # session, user, roles (groups), reviews, the form's review (validation),
    # roundtables, their objectives, clusters, totals, objectives (counts and the 23),
    # sectors (counts and names), countries, languages, statuses, the form's two lists
    with django_assert_num_queries(18):
        response = client.get(reverse("roundtables:analysis"), {"review": review.slug})

    assert response.context["analysis"].total == count


def test_analysis_of_a_review_without_roundtables_counts_every_input_outside(review):
    InputFactory(review=review, status=InputStatus.ACCEPTED, objectives=[2])
    InputFactory(review=review, status=InputStatus.ACCEPTED)

    analysis = input_analysis(review=review, statuses=[InputStatus.ACCEPTED])
    quotes = input_quotes(review=review, roundtables=[], per_cluster=3)

    assert (analysis.total, analysis.by_cluster, analysis.no_cluster) == (2, [], 2)
    assert [(cluster, len(items)) for cluster, items in quotes] == [(None, 2)]


def test_analysis_of_the_demo_counts_its_18_oral_inputs(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    client.force_login(moderator())

    response = client.get(reverse("roundtables:analysis"), {"review": "unece-2024"})

    analysis = response.context["analysis"]
    assert response.context["review"] == RegionalReview.objects.get(slug="unece-2024")
    assert analysis.total == 18
    assert {str(label): n for label, n in analysis.by_type} == {
        "Content": 8,
        "Process and outcomes": 10,
    }
    per_objective = {o.number: n for o, n in analysis.by_objective}
    assert per_objective[17] == 3


def test_analysis_with_an_unknown_review_is_not_found(client):
    client.force_login(moderator())

    assert client.get(reverse("roundtables:analysis"), {"review": "nope"}).status_code == 404


def test_admin_accept_action_uses_the_service(client, review, django_capture_on_commit_callbacks):
    item = InputFactory(review=review)
    client.force_login(StaffFactory())

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:roundtables_stakeholderinput_changelist"),
            {"action": "accept_inputs", "_selected_action": [item.pk]},
        )

    item.refresh_from_db()
    assert response.status_code == 302
    assert item.status == InputStatus.ACCEPTED
    assert OutgoingMail.objects.filter(to=item.author.email).count() == 1


def test_admin_accept_action_reports_a_refused_input_and_accepts_the_others(client, review):
    merged = InputFactory(
        review=review,
        title="Merged one",
        status=InputStatus.MERGED,
        merged_into=InputFactory(review=review),
    )
    fresh = InputFactory(review=review)
    client.force_login(StaffFactory())

    response = client.post(
        reverse("admin:roundtables_stakeholderinput_changelist"),
        {"action": "accept_inputs", "_selected_action": [merged.pk, fresh.pk]},
        follow=True,
    )

    html = response.content.decode()
    assert "Merged one: This input has been merged into another one: that decision is final." in (
        html
    )
    assert "1 inputs accepted." in html
    fresh.refresh_from_db()
    merged.refresh_from_db()
    assert (fresh.status, merged.status) == (InputStatus.ACCEPTED, InputStatus.MERGED)


STORAGE_DOWN = "Your file could not be stored just now because of a technical problem"


def test_input_new_with_storage_down_keeps_the_typed_text_with_a_message(
    client, review, author, broken_storage
):
    client.force_login(author)

    response = client.post(
        reverse("roundtables:input_new"),
        form_data(review, text="Decent work for care workers.", attachment=pdf_upload("n.pdf")),
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert broken_storage.attempts == 1
    assert STORAGE_DOWN in page
    assert "Decent work for care workers." in page
    assert StakeholderInput.objects.count() == 0


def test_input_edit_with_storage_down_keeps_the_typed_text_and_the_saved_input(
    client, review, author, broken_storage
):
    item = InputFactory(review=review, author=author, title="Saved title", objectives=[15])
    client.force_login(author)

    response = client.post(
        reverse("roundtables:input_edit", kwargs={"pk": item.pk}),
        form_data(review, title="A new title", attachment=pdf_upload("n.pdf")),
    )

    page = response.content.decode()
    item.refresh_from_db()
    assert response.status_code == 200
    assert broken_storage.attempts == 1
    assert STORAGE_DOWN in page
    assert 'value="A new title"' in page
    assert item.title == "Saved title"
