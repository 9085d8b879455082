"""The summary report's "Participants' feedback" section and its session documents."""

import pytest
from django.core.files.base import ContentFile
from django.utils import translation

from consultations.enums import Attendance, DocumentKind, DocumentVisibility, Mode
from consultations.models import SessionDocument
from feedback.services import feedback_submit
from reports.builders import build_summary
from reports.rendering import render_html
from reports.selectors import session_for_summary
from tests.factories import RegistrationFactory, SessionFactory
from tests.factories.roundtables import pdf_bytes

pytestmark = pytest.mark.django_db


def _summary(session, language="en"):
    with translation.override(language):
        return build_summary(session=session_for_summary(pk=session.pk), language=language)


def test_summary_has_no_feedback_section_before_anyone_answers():
    assert _summary(SessionFactory()).feedback is None


def test_summary_shows_the_feedback_by_mode_of_attendance():
    session = SessionFactory()
    for mode, overall in [(Mode.IN_PERSON, 5), (Mode.ONLINE, 3), (Mode.ONLINE, 4)]:
        registration = RegistrationFactory(
            session=session, mode=mode, attendance=Attendance.ATTENDED
        )
        with translation.override("fr"):
            feedback_submit(registration_id=registration.pk, overall=overall, content=4)

    data = _summary(session)
    html = render_html(data)

    assert data.feedback.results.total.count == 3
    assert data.feedback.results.total.averages[:2] == [4.0, 4.0]
    assert [(row.label, row.count, row.averages[0]) for row in data.feedback.results.by_mode] == [
        ("In person", 1, 5.0),
        ("Online", 2, 3.5),
    ]
    assert "<h2>Participants' feedback</h2>" in html


def test_summary_lists_public_session_documents_only():
    session = SessionFactory()
    for title, visibility in [
        ("Concept note", DocumentVisibility.PUBLIC),
        ("Slides", DocumentVisibility.REGISTRANTS),
    ]:
        document = SessionDocument(
            session=session,
            kind=DocumentKind.CONCEPT_NOTE,
            title=title,
            language="fr",
            visibility=visibility,
        )
        document.file.save("x.pdf", ContentFile(pdf_bytes()), save=False)
        document.save()

    data = _summary(session)

    assert [(d.title, d.language) for d in data.documents] == [("Concept note", "French")]
    public = SessionDocument.objects.get(title="Concept note")
    assert data.documents[0].url == (
        f"http://127.0.0.1:8000/en/consultations/{session.slug}/documents/{public.pk}/"
    )
