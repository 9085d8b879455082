import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from consultations.enums import Attendance, Mode
from core.errors import DomainError
from feedback import services
from feedback.models import RATING_FIELDS, SurveyResponse
from feedback.selectors import Cell
from feedback.tasks import send_surveys
from outbox.models import OutgoingMail
from tests.factories import RegistrationFactory, SessionFactory, StaffFactory, stakeholder

pytestmark = pytest.mark.django_db

ANSWERS = {
    "overall": "5",
    "content": "4",
    "interpretation": "3",
    "accessibility": "",
    "comments": "Très utile.",
}


def _past_session():
    starts = timezone.now() - dt.timedelta(days=1)
    return SessionFactory(starts_at=starts, ends_at=starts + dt.timedelta(hours=2))


def _attendee(session, *, mode=Mode.ONLINE, language="en", sector="civil-society"):
    user = stakeholder(user__language=language, sector=_sector(sector))
    return RegistrationFactory(
        session=session, user=user, mode=mode, attendance=Attendance.ATTENDED
    )


def _sector(code):
    from gcm.models import Sector

    return Sector.objects.get(code=code)


def _survey_url(registration, language="fr"):
    with translation.override(language):
        return reverse("feedback:survey", args=[services.survey_token(registration.pk)])


def test_survey_goes_once_to_attendees_in_their_language():
    session = _past_session()
    french = _attendee(session, mode=Mode.IN_PERSON, language="fr")
    online = _attendee(session, mode=Mode.ONLINE)
    RegistrationFactory(session=session, attendance=Attendance.NO_SHOW)

    first = send_surveys()
    second = send_surveys()

    assert (first, second) == (2, 0)
    mails = {mail.to: mail for mail in OutgoingMail.objects.all()}
    assert set(mails) == {french.user.email, online.user.email}
    assert mails[french.user.email].subject.startswith("Comment s\u2019est passée")
    assert "/fr/feedback/" in mails[french.user.email].body


def test_attendee_answers_in_french_staff_see_it_and_a_second_answer_is_refused(client):
    session = _past_session()
    registration = _attendee(session, mode=Mode.IN_PERSON, language="fr")
    url = _survey_url(registration)

    page = client.get(url)
    response = client.post(url, ANSWERS)
    again = client.post(url, {**ANSWERS, "overall": "1"})

    assert page.status_code == 200
    assert "Vos impressions" in page.content.decode()
    assert response.context["answered"] is True
    answer = SurveyResponse.objects.get()
    assert (answer.overall, answer.content, answer.interpretation, answer.accessibility) == (
        5,
        4,
        3,
        None,
    )
    assert (answer.language, answer.mode, answer.sector.code) == (
        "fr",
        Mode.IN_PERSON,
        "civil-society",
    )
    assert again.context["answered"] is True
    assert SurveyResponse.objects.count() == 1
    with pytest.raises(DomainError) as refused:
        services.feedback_submit(registration_id=registration.pk, overall=1, content=1)
    assert refused.value.code == "answered"

    translation.activate("en")  # the test client left the French of the survey active
    staff = StaffFactory()
    client.force_login(staff)
    results = client.get(reverse("feedback:session", args=[session.slug]))
    assert results.context["results"].total.averages == [5.0, 4.0, 3.0, None, None]
    assert results.context["results"].total.count == 1
    assert [(row.label, row.count) for row in results.context["results"].by_mode] == [
        ("In person", 1)
    ]
    assert results.context["results"].comments == ["Très utile."]
    assert results.context["results"].total.cells[0] == Cell(5.0, 0.0, 100.0)
    assert "<svg" in results.content.decode()
    assert registration.user.email not in results.content.decode()


def test_survey_form_refuses_a_missing_rating_with_a_message(client):
    registration = _attendee(_past_session())

    response = client.post(_survey_url(registration, "en"), {"content": "9"})

    assert response.status_code == 200
    assert response.context["form"].errors["overall"] == ["This field is required."]
    assert "content" in response.context["form"].errors
    assert SurveyResponse.objects.count() == 0


@pytest.mark.parametrize("token", ["nonsense", "1"])
def test_survey_with_a_bad_token_answers_404(client, token):
    assert client.get(reverse("feedback:survey", args=[token])).status_code == 404


def test_survey_of_a_no_show_answers_404(client):
    registration = RegistrationFactory(attendance=Attendance.NO_SHOW)

    assert client.get(_survey_url(registration)).status_code == 404


def _answers(session, count):
    for n in range(count):
        registration = _attendee(session, mode=Mode.ONLINE if n % 2 else Mode.IN_PERSON)
        services.feedback_submit(
            registration_id=registration.pk, overall=4, content=3, comments=f"c{n}"
        )


@pytest.mark.parametrize("count", [1, 12])
def test_results_pages_query_count_does_not_grow(client, django_assert_num_queries, count):
    session = _past_session()
    _answers(session, count)
    client.force_login(StaffFactory())

    with django_assert_num_queries(8):
        response = client.get(reverse("feedback:session", args=[session.slug]))
    with django_assert_num_queries(8):
        review = client.get(reverse("feedback:review", args=[session.review.slug]))

    assert response.context["results"].total.count == count
    assert review.context["results"].total.count == count


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_results_tables_download_as_csv_per_session_and_per_review(client):
    session = _past_session()
    _answers(session, 3)  # two in person, one online: overall 4, content 3
    client.force_login(StaffFactory())
    session_url = reverse("feedback:session", args=[session.slug])
    review_url = reverse("feedback:review", args=[session.review.slug])

    by_mode = client.get(session_url + "?csv=mode")
    by_sector = client.get(review_url + "?csv=sector")
    everyone = client.get(review_url + "?csv=all")

    assert by_mode["Content-Disposition"] == (
        f'attachment; filename="{session.slug}-feedback-mode.csv"'
    )
    labels = [str(SurveyResponse._meta.get_field(name).verbose_name) for name in RATING_FIELDS]
    assert _csv(by_mode) == [
        ["Attendance mode", "Answers", *labels],
        ["In person", "2", "4.0", "3.0", "", "", ""],
        ["Online", "1", "4.0", "3.0", "", "", ""],
    ]
    assert _csv(by_sector) == [
        ["Sector", "Answers", *labels],
        ["Civil society", "3", "4.0", "3.0", "", "", ""],
    ]
    assert _csv(everyone) == [
        ["Answers", "Answers", *labels],
        ["All answers", "3", "4.0", "3.0", "", "", ""],
    ]


def test_results_page_links_each_table_to_its_csv_and_unknown_tables_answer_404(client):
    session = _past_session()
    _answers(session, 1)
    client.force_login(StaffFactory())
    url = reverse("feedback:session", args=[session.slug])

    html = client.get(url).content.decode()

    for key, caption in (("all", "All answers"), ("mode", "By mode of attendance")):
        assert (
            f'<a href="?csv={key}">Download CSV<span class="visually-hidden">: {caption}</span></a>'
            in html
        )
    assert "<caption>By sector</caption>" in html
    assert client.get(url + "?csv=nothing").status_code == 404


def test_results_bars_start_from_the_right_in_arabic(client):
    session = _past_session()
    _answers(session, 1)  # overall 4 of 5
    client.force_login(StaffFactory())

    with translation.override("ar"):
        response = client.get(reverse("feedback:session", args=[session.slug]))
        cell = response.context["results"].total.cells[0]

    assert cell == Cell(4.0, 20.0, 80.0)
    assert '<rect x="20.0" y="0" width="80.0"' in response.content.decode()


def test_results_answer_404_to_stakeholders(client):
    session = _past_session()
    client.force_login(stakeholder())

    assert client.get(reverse("feedback:session", args=[session.slug])).status_code == 404
    assert client.get(reverse("feedback:review", args=[session.review.slug])).status_code == 404
