"""What deleting an account does to inputs, Rapporteur applications and panels, and the
retention rule of CVs and scores."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEvent
from core.roles import SECRETARIAT_LEAD
from outbox.models import OutgoingMail
from roundtables.enums import ApplicationStatus, Attribution, InputStatus
from roundtables.models import Application, Recusal, RoundtableRole, Score, StakeholderInput
from roundtables.selectors.rapporteur import selection_managers
from roundtables.services.rapporteur import rapporteur_retention_purge
from stakeholders.services import account_delete
from tests.factories import StaffFactory, UserFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    InputFactory,
    RoleFactory,
    pdf_upload,
)
from tests.roundtables.conftest import assessor_for, lead
from tests.support import grant_role

pytestmark = pytest.mark.django_db


# --- inputs -------------------------------------------------------------------------------


def _input(author, **kwargs):
    return InputFactory(author=author, attachment=pdf_upload(), **kwargs)


@pytest.mark.parametrize(
    ("status", "consent"),
    [
        (InputStatus.SUBMITTED, True),
        (InputStatus.ACCEPTED, False),
        (InputStatus.REJECTED, True),
        (InputStatus.MERGED, True),
    ],
)
def test_account_delete_withdraws_an_unpublished_input(
    status, consent, django_capture_on_commit_callbacks
):
    author = stakeholder()
    item = _input(author, status=status, publish_consent=consent)
    storage, name = item.attachment.storage, item.attachment.name

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=author)

    assert not StakeholderInput.objects.filter(pk=item.pk).exists()
    assert not storage.exists(name)


@pytest.mark.parametrize(
    ("attribution", "attributed_to", "expected"),
    [
        (Attribution.PERSON, "Amina Diallo", (Attribution.ANONYMOUS, "")),
        (Attribution.ORGANISATION, "Migrant Forum", (Attribution.ORGANISATION, "Migrant Forum")),
        # Organisation chosen without one: the person's name was printed instead.
        (Attribution.ORGANISATION, "amina diallo ", (Attribution.ANONYMOUS, "")),
        (Attribution.ANONYMOUS, "", (Attribution.ANONYMOUS, "")),
    ],
)
def test_account_delete_keeps_a_published_input_under_what_its_consent_allows(
    attribution, attributed_to, expected, django_capture_on_commit_callbacks
):
    author = stakeholder(user__name="Amina Diallo")
    item = _input(
        author,
        status=InputStatus.ACCEPTED,
        publish_consent=True,
        attribution=attribution,
        attributed_to=attributed_to,
    )
    storage, name = item.attachment.storage, item.attachment.name

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=author)

    item.refresh_from_db()
    assert (item.attribution, item.attributed_to) == expected
    assert (item.author, item.attachment.name, item.is_published) == (None, "", True)
    assert (item.sector.code, item.country) == ("civil-society", "CH")
    assert not storage.exists(name)


# --- Rapporteur applications --------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "confirmed", "told"),
    [
        (ApplicationStatus.SUBMITTED, False, True),
        (ApplicationStatus.UNDER_ASSESSMENT, False, True),
        (ApplicationStatus.SHORTLISTED, False, True),
        (ApplicationStatus.SELECTED, False, True),
        (ApplicationStatus.SELECTED, True, True),
        (ApplicationStatus.NOT_SELECTED, True, False),
    ],
)
def test_account_delete_tells_the_selection_managers_when_a_selection_changes(
    status, confirmed, told, django_capture_on_commit_callbacks
):
    manager = StaffFactory(email="lead@un.example", language="es")
    call = CallFactory(selection_confirmed_at=timezone.now() if confirmed else None)
    application = ApplicationFactory(call=call, status=status)
    storage, name = application.cv.storage, application.cv.name
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=application.user)

    assert not Application.objects.exists()
    assert not storage.exists(name)
    sent = [m for m in mail.outbox if m.to == [manager.email]]
    assert len(sent) == (1 if told else 0)
    events = AuditEvent.objects.filter(
        action=AuditAction.DELETED_ACCOUNT, target_type="roundtables.rapporteurcall"
    )
    assert [(e.target_id, e.detail) for e in events] == (
        [
            (
                str(call.pk),
                {"application": application.reference, "status": status, "managers_told": 1},
            )
        ]
        if told
        else []
    )


def test_selection_managers_mail_names_the_reference_only(django_capture_on_commit_callbacks):
    manager = StaffFactory(email="lead@un.example", language="en")
    candidate = stakeholder(user__name="Amina Diallo", user__email="amina@example.org")
    application = ApplicationFactory(user=candidate, status=ApplicationStatus.SELECTED)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        account_delete(user=candidate)

    message = OutgoingMail.objects.get(to=manager.email)
    assert message.subject == (
        f"“{application.call.title}”: candidate {application.reference} has deleted their account"
    )
    assert "This candidate had been selected: the call may need another Rapporteur." in (
        message.body
    )
    assert f"/en/staff/rapporteur/{application.call.slug}/selection/" in message.body
    assert "Amina" not in message.body + message.subject
    assert "amina@example.org" not in message.body


def test_selection_managers_are_active_staff_allowed_to_select():
    superuser = StaffFactory()
    allowed = lead()
    UserFactory(is_staff=True)  # staff without the role
    grant_role(UserFactory(), SECRETARIAT_LEAD)  # in the group, but not a staff account
    StaffFactory(is_active=False)
    UserFactory()  # a stakeholder

    assert selection_managers() == [superuser, allowed]


def test_account_delete_takes_the_person_off_panels():
    person = stakeholder()
    role = RoleFactory(user=person, name="")
    other = RoleFactory()

    account_delete(user=person)

    assert list(RoundtableRole.objects.values_list("pk", flat=True)) == [other.pk]
    assert role.roundtable.roles.count() == 0


# --- retention of CVs and scores ----------------------------------------------------------


@pytest.fixture
def assessed(settings):
    """A call whose selection was confirmed, with a CV, a score and a recusal."""
    settings.RAPPORTEUR_RETENTION_DAYS = 180
    confirmed = timezone.now() - dt.timedelta(days=10)
    call = CallFactory(selection_confirmed_at=confirmed)
    application = ApplicationFactory(call=call, status=ApplicationStatus.NOT_SELECTED)
    assessor = assessor_for(call)
    Score.objects.create(
        application=application,
        assessor=assessor,
        criterion=call.criteria.first(),
        value=4,
        comment="Clear.",
    )
    Recusal.objects.create(application=application, assessor=assessor_for(call), reason="Knows")
    return call, application, confirmed


def test_rapporteur_purge_deletes_cvs_and_scores_after_the_period(
    assessed, django_capture_on_commit_callbacks
):
    _call, application, confirmed = assessed
    storage, name = application.cv.storage, application.cv.name

    with django_capture_on_commit_callbacks(execute=True):
        early = rapporteur_retention_purge(now=confirmed + dt.timedelta(days=179))
        due = rapporteur_retention_purge(now=confirmed + dt.timedelta(days=180))
        again = rapporteur_retention_purge(now=confirmed + dt.timedelta(days=181))

    application.refresh_from_db()
    assert (early, due, again) == (0, 3, 0)
    assert (application.cv.name, application.cv_original_name) == ("", "")
    assert not storage.exists(name)
    assert (Score.objects.count(), Recusal.objects.count()) == (0, 0)
    # The application stays, with its outcome, for the candidate.
    assert application.status == ApplicationStatus.NOT_SELECTED


def test_rapporteur_purge_leaves_calls_not_confirmed_or_confirmed_recently(
    assessed, django_capture_on_commit_callbacks
):
    _call, application, confirmed = assessed
    open_application = ApplicationFactory()

    with django_capture_on_commit_callbacks(execute=True):
        purged = rapporteur_retention_purge(now=confirmed + dt.timedelta(days=100))

    application.refresh_from_db()
    open_application.refresh_from_db()
    assert purged == 0
    assert application.cv.storage.exists(application.cv.name)
    assert open_application.cv.storage.exists(open_application.cv.name)
    assert (Score.objects.count(), Recusal.objects.count()) == (1, 1)


def test_my_applications_says_when_the_cv_was_deleted(client, assessed):
    _call, application, confirmed = assessed
    rapporteur_retention_purge(now=confirmed + dt.timedelta(days=180))
    client.force_login(application.user)

    response = client.get("/en/me/applications/")

    assert "Deleted after the retention period" in response.content.decode()
    assert f"/en/rapporteur/cv/{application.pk}/" not in response.content.decode()


def test_cv_download_after_the_purge_answers_404(client, assessed):
    _call, application, confirmed = assessed
    rapporteur_retention_purge(now=confirmed + dt.timedelta(days=180))
    client.force_login(application.user)

    response = client.get(f"/en/rapporteur/cv/{application.pk}/")

    assert response.status_code == 404
