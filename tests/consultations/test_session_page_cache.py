"""The session page is served from a cached snapshot (selectors.session_detail) and
cached fragments: a second view asks the database nothing about the session, and every
change to what the page shows is there on the next view, for every person."""

import pytest
from django.urls import reverse

from consultations.enums import Mode, SessionStatus
from consultations.models import SessionLink, Speaker
from consultations.selectors import session_detail
from tests.factories import RegistrationFactory, SessionFactory, stakeholder

pytestmark = pytest.mark.django_db


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as a commit would: its on-commit forgetting included."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_second_view_of_a_session_asks_the_database_nothing(client, django_assert_num_queries):
    session = SessionFactory(format="online", capacity_in_person=None)
    client.get(session.get_absolute_url())

    with django_assert_num_queries(0):
        response = client.get(session.get_absolute_url())

    assert session.title in response.content.decode()


def test_second_view_counts_only_the_seats_left(client, django_assert_num_queries):
    session = SessionFactory(format="hybrid", capacity_in_person=10)
    client.get(session.get_absolute_url())

    with django_assert_num_queries(1):
        response = client.get(session.get_absolute_url())

    assert "10 places left" in response.content.decode()


def test_second_view_by_a_signed_in_person_asks_only_for_them(client, django_assert_num_queries):
    session = SessionFactory(format="online", capacity_in_person=None)
    client.force_login(stakeholder())
    client.get(session.get_absolute_url())

    # The person's session and account, and their registration: nothing of the session.
    with django_assert_num_queries(3):
        response = client.get(session.get_absolute_url())

    assert 'name="mode"' in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [
        lambda s: setattr(s, "title", "Renamed consultation") or s.save(),
        lambda s: Speaker.objects.create(session=s, name="Renamed consultation"),
        lambda s: SessionLink.objects.create(
            session=s, title="Renamed consultation", url="https://example.org/a"
        ),
        lambda s: setattr(s.review, "title", "Renamed consultation") or s.review.save(),
    ],
    ids=["session", "speaker", "link", "review"],
)
def test_a_change_is_on_the_next_view(client, committed, change):
    session = SessionFactory()
    assert "Renamed consultation" not in client.get(session.get_absolute_url()).content.decode()

    with committed():
        change(session)

    assert "Renamed consultation" in client.get(session.get_absolute_url()).content.decode()


def test_a_change_not_yet_committed_is_not_forgotten_before_its_commit(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory()
    session_detail(slug=session.slug)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        session.title = "Renamed consultation"
        session.save()
        # Another request before the commit would read the old row: it gets the snapshot.
        assert session_detail(slug=session.slug).title != "Renamed consultation"

    for callback in callbacks:
        callback()
    assert session_detail(slug=session.slug).title == "Renamed consultation"


def test_a_changed_slug_leaves_no_page_at_the_old_address(client, committed):
    session = SessionFactory()
    old_url = session.get_absolute_url()
    assert client.get(old_url).status_code == 200

    with committed():
        session.slug = "a-new-address"
        session.save()

    assert client.get(old_url).status_code == 404
    assert client.get(session.get_absolute_url()).status_code == 200


def test_a_session_set_back_to_draft_is_gone_on_the_next_view(client, committed):
    session = SessionFactory()
    assert client.get(session.get_absolute_url()).status_code == 200

    with committed():
        session.status = SessionStatus.DRAFT
        session.save()

    assert client.get(session.get_absolute_url()).status_code == 404


def test_registration_after_closing_is_refused_by_the_next_request(client, committed):
    session = SessionFactory(format="online", capacity_in_person=None)
    client.force_login(stakeholder())
    client.get(session.get_absolute_url())

    with committed():
        session.status = SessionStatus.CLOSED
        session.save()
    response = client.post(
        reverse("consultations:register", args=[session.slug]), {"mode": Mode.ONLINE}, follow=True
    )

    assert not session.registrations.exists()
    assert "Registration for this session is not open." in response.content.decode()


def test_cached_page_of_a_registrant_shows_nobody_else_the_join_link(client):
    session = SessionFactory(join_url="https://zoom.example.org/j/secret")
    registrant = RegistrationFactory(session=session, mode=Mode.ONLINE).user
    client.force_login(registrant)
    assert "zoom.example.org/j/secret" in client.get(session.get_absolute_url()).content.decode()

    client.force_login(stakeholder())
    page = client.get(session.get_absolute_url()).content.decode()

    assert "zoom.example.org/j/secret" not in page
    assert 'name="mode"' in page


def test_cached_registration_form_is_in_the_page_language(client):
    session = SessionFactory()
    client.force_login(stakeholder())
    client.get(session.get_absolute_url())

    page = client.get(f"/fr{session.get_absolute_url()[3:]}").content.decode()

    assert "Comment participerez-vous" in page
    assert "How will you attend" not in page


def test_a_form_sent_back_with_errors_is_not_the_cached_blank_one(client):
    session = SessionFactory()
    client.force_login(stakeholder())
    client.get(session.get_absolute_url())

    response = client.post(reverse("consultations:register", args=[session.slug]), {})

    assert response.context["form"].errors["mode"]
    assert 'class="field field-invalid"' in response.content.decode()


def test_seats_are_counted_on_every_view(client):
    session = SessionFactory(capacity_in_person=2)
    assert "2 places left" in client.get(session.get_absolute_url()).content.decode()

    RegistrationFactory(session=session, mode=Mode.IN_PERSON)

    assert "1 place left" in client.get(session.get_absolute_url()).content.decode()
