"""Nothing private leaves through the API: every operation of the schema is called, in
every language, and no answer holds an email address, a join link, a draft, an
unpublished or unconsented input, a moderation note, a CV or an accreditation field."""

import datetime as dt
import re

import pytest

from consultations.enums import SessionStatus
from consultations.models import AccreditationData, SessionContact
from roundtables.enums import InputStatus
from tests.factories import RegistrationFactory, ReviewFactory, SessionFactory, stakeholder
from tests.factories.reports import ready_report
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    InputFactory,
    RoleFactory,
    RoundtableFactory,
)

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
SECRETS = (
    "secret-join",
    "Draft secret session",
    "Unmoderated secret input",
    "Rejected secret input",
    "Unconsented secret input",
    "Merged secret input",
    "secret rejection reason",
    "secret motivation",
    "secret-cv",
    "SECRET-ID-123",
    "secret-call",
    "woman",  # a panelist's gender
)


@pytest.fixture
def private_data():
    review = ReviewFactory(slug="unece-2024")
    author = stakeholder(user__email="author-secret@example.org", user__name="Amina Author")
    session = SessionFactory(
        review=review, slug="open", join_url="https://zoom.example.org/secret-join"
    )
    SessionFactory(
        review=review, slug="draft", title="Draft secret session", status=SessionStatus.DRAFT
    )
    SessionContact.objects.create(
        session=session, heading="Secretariat", email="contact-secret@example.org"
    )
    registration = RegistrationFactory(session=session, mode="in-person")
    AccreditationData.objects.create(
        registration=registration,
        id_document_number="SECRET-ID-123",
        id_document_expiry=dt.date(2030, 1, 1),
        nationality="CH",
        date_of_birth=dt.date(1990, 1, 1),
        photo="accreditation/secret.jpg",
    )
    roundtable = RoundtableFactory(review=review, number=1, objectives=[21])
    RoleFactory(roundtable=roundtable, user=author, name="", gender="woman")
    published = {"review": review, "author": author, "objectives": [21]}
    InputFactory(
        status=InputStatus.ACCEPTED, publish_consent=True, title="Public input", **published
    )
    InputFactory(status=InputStatus.SUBMITTED, title="Unmoderated secret input", **published)
    InputFactory(
        status=InputStatus.REJECTED,
        title="Rejected secret input",
        rejection_reason="secret rejection reason",
        **published,
    )
    InputFactory(
        status=InputStatus.ACCEPTED,
        publish_consent=False,
        title="Unconsented secret input",
        **published,
    )
    InputFactory(status=InputStatus.MERGED, title="Merged secret input", **published)
    call = CallFactory(review=review, slug="rapporteur")
    ApplicationFactory(call=call, motivation="secret motivation", cv_original_name="secret-cv.pdf")
    CallFactory(review=review, slug="secret-call", is_published=False)
    ready_report(published=True, session=session)
    return {"draft_report": ready_report(published=False, session=session)}


def operation_urls(client) -> list[str]:
    paths = client.get("/api/v1/schema").json()["paths"]
    return [
        path.replace("{slug}", "unece-2024" if path.startswith("/api/v1/reviews") else "open")
        for path in paths
    ]


@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh-hans"])
def test_privacy_no_answer_holds_private_data(client, private_data, language):
    draft_download = f"/reports/{private_data['draft_report'].pk}/pdf/"
    urls = operation_urls(client)

    answers = {}
    for url in urls:
        response = client.get(f"{url}?lang={language}&page_size=100")
        answers[url] = (response.status_code, response.content.decode())

    assert {url: status for url, (status, _body) in answers.items()} == dict.fromkeys(urls, 200)
    for url, (_status, body) in answers.items():
        assert EMAIL.findall(body) == [], url
        assert [secret for secret in SECRETS if secret in body] == [], url
        assert draft_download not in body, url
    assert "Public input" in answers["/api/v1/inputs"][1]
    assert "Amina Author" in answers["/api/v1/reviews/unece-2024/roundtables"][1]
