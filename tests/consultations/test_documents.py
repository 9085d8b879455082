import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from consultations.admin import SessionDocumentForm
from consultations.enums import DocumentKind, DocumentVisibility, Mode, RegistrationStatus
from consultations.models import SessionDocument
from consultations.services import registration_create
from outbox.models import OutgoingMail
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory, stakeholder
from tests.factories.roundtables import pdf_bytes

pytestmark = pytest.mark.django_db


def _document(
    session, *, visibility=DocumentVisibility.PUBLIC, title="Concept note", language="en"
):
    document = SessionDocument(
        session=session,
        kind=DocumentKind.CONCEPT_NOTE,
        title=title,
        language=language,
        visibility=visibility,
    )
    document.file.save("x.pdf", ContentFile(pdf_bytes(text="Concept")), save=False)
    document.save()
    return document


def test_public_document_is_listed_and_served_to_anyone(client):
    session = SessionFactory()
    document = _document(session)

    page = client.get(session.get_absolute_url())
    response = client.get(document.get_absolute_url())

    assert "Concept note" in page.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_registrants_document_is_hidden_from_others_and_answers_404(client):
    session = SessionFactory()
    document = _document(session, visibility=DocumentVisibility.REGISTRANTS, title="Slides")

    anonymous_page = client.get(session.get_absolute_url())
    anonymous = client.get(document.get_absolute_url())
    client.force_login(stakeholder())
    other = client.get(document.get_absolute_url())

    assert "Slides" not in anonymous_page.content.decode()
    assert (anonymous.status_code, other.status_code) == (404, 404)


@pytest.mark.parametrize("who", ["registrant", "staff"])
def test_registrants_document_is_served_to_registrants_and_staff(client, who):
    session = SessionFactory()
    document = _document(session, visibility=DocumentVisibility.REGISTRANTS, title="Slides")
    user = RegistrationFactory(session=session).user if who == "registrant" else StaffFactory()
    client.force_login(user)

    page = client.get(session.get_absolute_url())
    response = client.get(document.get_absolute_url())

    response.close()
    assert "Slides" in page.content.decode()
    assert response.status_code == 200


def test_cancelled_registrant_no_longer_gets_the_registrants_document(client):
    session = SessionFactory()
    document = _document(session, visibility=DocumentVisibility.REGISTRANTS)
    registration = RegistrationFactory(session=session, status=RegistrationStatus.CANCELLED)
    client.force_login(registration.user)

    assert client.get(document.get_absolute_url()).status_code == 404


def test_document_of_another_session_answers_404(client):
    document = _document(SessionFactory())
    other = SessionFactory()

    url = reverse("consultations:document", args=[other.slug, document.pk])

    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf", "This file is not a PDF."),
        (b"", "The submitted file is empty."),
    ],
)
def test_admin_refuses_a_document_that_is_not_a_pdf(content, message):
    session = SessionFactory()
    form = SessionDocumentForm(
        {
            "session": session.pk,
            "position": 0,
            "kind": DocumentKind.AGENDA,
            "title": "Agenda",
            "language": "fr",
            "visibility": DocumentVisibility.PUBLIC,
        },
        {"file": SimpleUploadedFile("agenda.pdf", content, "application/pdf")},
    )

    assert not form.is_valid()
    assert message in " ".join(form.errors["file"])


def test_confirmation_email_lists_the_documents_in_the_registrants_language(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory()
    _document(session, title="Note conceptuelle", language="fr")
    _document(session, visibility=DocumentVisibility.REGISTRANTS, title="Ordre du jour")
    user = stakeholder(user__language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        registration_create(session=session, user=user, mode=Mode.ONLINE)

    body = OutgoingMail.objects.get(to=user.email).body
    assert "Note conceptuelle" in body
    assert "Ordre du jour" in body
    assert f"/fr/consultations/{session.slug}/documents/" in body


@pytest.mark.parametrize("count", [1, 8])
def test_session_page_query_count_does_not_grow_with_documents(
    client, django_assert_num_queries, count
):
    session = SessionFactory()
    for n in range(count):
        _document(session, title=f"Paper {n}")

    with django_assert_num_queries(6):
        response = client.get(session.get_absolute_url())

    assert response.status_code == 200


def test_admin_session_page_names_its_documents_without_a_link_to_the_file(client):
    """Private files have no URL: the admin names the file and offers to replace it."""
    document = _document(SessionFactory())
    client.force_login(StaffFactory())

    response = client.get(reverse("admin:consultations_session_change", args=[document.session_id]))

    assert response.status_code == 200
    page = response.content.decode()
    assert document.file.name.rsplit("/", 1)[-1] in page
    assert f'href="{document.file.name}' not in page
    assert 'name="documents-0-file"' in page
