import datetime as dt
import re
import zoneinfo
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from core.errors import DomainError
from gcm.models import Sector
from outbox.models import OutgoingMail
from roundtables.enums import ApplicationStatus
from roundtables.models import Application, ApplicationStatusChange
from roundtables.services import rapporteur as services
from tests.factories import PASSWORD, UserFactory, stakeholder
from tests.factories.roundtables import (
    ApplicationFactory,
    CallFactory,
    close_call,
    pdf_bytes,
    pdf_upload,
)
from tests.roundtables.test_validators import EXECUTABLE

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    data = {
        "motivation": "I would convey the priorities of migrant-led organisations.",
        "experience": "Coordinator of a migrant-led network since 2015.",
        "languages": ["en", "fr"],
        "other_languages": "Wolof",
        "sector": Sector.objects.get(code="migrants").pk,
        "country_of_residence": "FR",
        "gender": "woman",
        "gender_self_description": "",
        "lived_migration_experience": "yes",
    }
    data.update(overrides)
    return data


def service_data(**overrides) -> dict:
    data = {
        "motivation": "Motivation",
        "experience": "Experience",
        "languages": ["en"],
        "other_languages": "",
        "sector": Sector.objects.get(code="academia"),
        "country_of_residence": "DE",
        "gender": "",
        "gender_self_description": "",
        "lived_migration_experience": "",
    }
    data.update(overrides)
    return data


# --- Services --------------------------------------------------------------------------


def test_application_submit_creates_one_application_with_history_and_receipt(
    call, candidate, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application, created = services.application_submit(
            call=call, user=candidate, **service_data(), cv=pdf_upload("Amina CV.pdf")
        )

    assert created is True
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.cv_original_name == "Amina CV.pdf"
    assert application.reference.startswith("RAP-")
    assert len(application.reference) == 10
    assert [(c.from_status, c.to_status) for c in application.status_changes.all()] == [
        ("", "submitted")
    ]
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert mail.outbox[0].subject == (
        f"Your expression of interest has been received ({application.reference})"
    )


def test_application_submit_stores_the_cv_privately_under_a_random_name(call, candidate):
    application, _created = services.application_submit(
        call=call, user=candidate, **service_data(), cv=pdf_upload("Amina Diallo CV.pdf")
    )

    name = application.cv.name
    assert re.fullmatch(rf"cv/{call.pk}/[0-9a-f]{{32}}\.pdf", name)
    path = application.cv.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))


def test_application_submit_twice_updates_the_same_application(call, candidate):
    first, _ = services.application_submit(
        call=call, user=candidate, **service_data(), cv=pdf_upload()
    )
    old_cv = first.cv.name

    second, created = services.application_submit(
        call=call, user=candidate, **service_data(motivation="Changed"), cv=None
    )

    assert created is False
    assert second.pk == first.pk
    assert Application.objects.filter(call=call, user=candidate).count() == 1
    assert Application.objects.get(pk=first.pk).motivation == "Changed"
    assert Application.objects.get(pk=first.pk).cv.name == old_cv


def test_application_submit_replacing_the_cv_deletes_the_old_file(
    call, candidate, django_capture_on_commit_callbacks
):
    first, _ = services.application_submit(
        call=call, user=candidate, **service_data(), cv=pdf_upload()
    )
    storage, old_cv = first.cv.storage, first.cv.name

    with django_capture_on_commit_callbacks(execute=True):
        second, _ = services.application_submit(
            call=call, user=candidate, **service_data(), cv=pdf_upload("new.pdf")
        )

    assert second.cv.name != old_cv
    assert not storage.exists(old_cv)
    assert storage.exists(second.cv.name)
    assert second.cv_original_name == "new.pdf"


def test_application_submit_first_time_without_cv_is_refused(call, candidate):
    with pytest.raises(DomainError) as caught:
        services.application_submit(call=call, user=candidate, **service_data(), cv=None)

    assert (caught.value.field, caught.value.message) == ("cv", "Please upload your CV as a PDF.")
    assert Application.objects.count() == 0


# Deadline 23:59 in Almaty (UTC+5): 18:59 UTC, 19:59 in Geneva, 13:59 in New York.
ALMATY = zoneinfo.ZoneInfo("Asia/Almaty")


@pytest.fixture
def almaty_call():
    deadline = dt.datetime(2030, 3, 1, 23, 59, tzinfo=ALMATY)
    return CallFactory(
        opens_at=deadline - dt.timedelta(days=30), deadline=deadline, time_zone="Asia/Almaty"
    )


def test_deadline_in_almaty_is_the_same_instant_seen_from_new_york(almaty_call):
    new_york = zoneinfo.ZoneInfo("America/New_York")

    assert almaty_call.deadline.astimezone(dt.UTC) == dt.datetime(2030, 3, 1, 18, 59, tzinfo=dt.UTC)
    assert almaty_call.deadline.astimezone(new_york).hour == 13
    assert almaty_call.local_deadline.strftime("%H:%M %Z") == "23:59 +05"


def test_application_submit_one_second_before_the_deadline_is_accepted(almaty_call, candidate):
    # 13:58:59 in New York is still before 23:59 in Almaty.
    now = dt.datetime(2030, 3, 1, 13, 58, 59, tzinfo=zoneinfo.ZoneInfo("America/New_York"))

    _application, created = services.application_submit(
        call=almaty_call, user=candidate, **service_data(), cv=pdf_upload(), now=now
    )

    assert created is True


def test_application_submit_at_the_deadline_is_refused_with_the_local_deadline(
    almaty_call, candidate
):
    now = dt.datetime(2030, 3, 1, 19, 59, tzinfo=zoneinfo.ZoneInfo("Europe/Zurich"))

    with pytest.raises(DomainError) as caught:
        services.application_submit(
            call=almaty_call, user=candidate, **service_data(), cv=pdf_upload(), now=now
        )

    assert caught.value.message == (
        "The deadline of this call has passed (March 1, 2030, 23:59, Asia/Almaty): "
        "applications can no longer be submitted or changed."
    )
    assert Application.objects.count() == 0


def test_application_edit_after_the_deadline_is_refused(almaty_call, candidate):
    before = dt.datetime(2030, 3, 1, 12, 0, tzinfo=ALMATY)
    services.application_submit(
        call=almaty_call, user=candidate, **service_data(), cv=pdf_upload(), now=before
    )
    after = dt.datetime(2030, 3, 2, 0, 0, tzinfo=ALMATY)

    with pytest.raises(DomainError):
        services.application_submit(
            call=almaty_call,
            user=candidate,
            **service_data(motivation="Late change"),
            cv=None,
            now=after,
        )

    assert Application.objects.get().motivation == "Motivation"


def test_application_submit_before_the_call_opens_is_refused(almaty_call, candidate):
    now = almaty_call.opens_at - dt.timedelta(seconds=1)

    with pytest.raises(DomainError) as caught:
        services.application_submit(
            call=almaty_call, user=candidate, **service_data(), cv=pdf_upload(), now=now
        )

    assert caught.value.message == "This call is not open yet."


def test_application_withdraw_deletes_the_application_and_cv(
    call, candidate, django_capture_on_commit_callbacks
):
    application, _ = services.application_submit(
        call=call, user=candidate, **service_data(), cv=pdf_upload()
    )
    storage, name = application.cv.storage, application.cv.name

    with django_capture_on_commit_callbacks(execute=True):
        services.application_withdraw(application=application)

    assert Application.objects.count() == 0
    assert not storage.exists(name)


# --- Views ------------------------------------------------------------------------------


def test_apply_requires_sign_in(client, call):
    url = reverse("roundtables:apply", kwargs={"slug": call.slug})

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={url}"


def test_apply_without_profile_asks_for_the_profile_first(client, call):
    user = UserFactory()
    client.force_login(user)
    url = reverse("roundtables:apply", kwargs={"slug": call.slug})

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == (f"{reverse('stakeholders:profile')}?{urlencode({'next': url})}")


def test_apply_form_is_prefilled_from_the_profile(client, call, candidate):
    client.force_login(candidate)

    response = client.get(reverse("roundtables:apply", kwargs={"slug": call.slug}))

    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial["country_of_residence"] == "CH"
    assert form.initial["sector"] == candidate.profile.sector_id


def test_apply_with_a_pdf_creates_the_application_and_redirects(
    client, call, candidate, django_capture_on_commit_callbacks
):
    client.force_login(candidate)
    data = form_data(cv=pdf_upload("cv.pdf"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), data)

    assert response.status_code == 302
    assert response["Location"] == reverse("roundtables:my_applications")
    application = Application.objects.get(call=call, user=candidate)
    assert application.languages == ["en", "fr"]
    assert application.lived_migration_experience == "yes"
    assert OutgoingMail.objects.filter(to=candidate.email).count() == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (EXECUTABLE, "cv.pdf", "This file is not a PDF. Please save your document as PDF"),
        (b"", "cv.pdf", "The file is empty. Please choose your PDF again."),
        (b"just some words", "cv.docx", "This file is not a PDF."),
    ],
)
def test_apply_with_a_cv_that_is_not_a_pdf_is_refused_with_a_message(
    client, call, candidate, content, name, message
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(candidate)
    data = form_data(cv=SimpleUploadedFile(name, content))

    response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), data)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert Application.objects.count() == 0


def test_apply_with_self_described_gender_needs_the_description(client, call, candidate):
    client.force_login(candidate)
    data = form_data(gender="self-described", cv=pdf_upload())

    response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "gender_self_description": ["Please describe your gender, or choose another answer."]
    }


def test_apply_without_required_answers_lists_each_error(client, call, candidate):
    client.force_login(candidate)

    response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), {})

    errors = response.context["form"].errors
    assert response.status_code == 200
    assert errors["languages"] == ["Tick at least one language you can work in."]
    assert errors["cv"] == ["Please upload your CV as a PDF."]
    assert set(errors) == {
        "motivation",
        "experience",
        "languages",
        "sector",
        "country_of_residence",
        "cv",
    }


def test_apply_edit_form_is_bound_to_the_application(client, call, candidate):
    application = ApplicationFactory(call=call, user=candidate, motivation="Saved motivation")
    client.force_login(candidate)

    response = client.get(reverse("roundtables:apply", kwargs={"slug": call.slug}))

    form = response.context["form"]
    assert form.instance == application
    assert (form["motivation"].value(), form["languages"].value()) == ("Saved motivation", ["en"])
    assert form.fields["cv"].required is False


@pytest.mark.parametrize(
    ("gender", "description", "errors"),
    [
        ("self-described", " ", ["Please describe your gender, or choose another answer."]),
        ("woman", "Woman", ["Choose “I describe myself” to give a description of your gender."]),
        ("self-described", "Two-spirit", None),
    ],
)
def test_application_clean_applies_the_gender_rule(call, gender, description, errors):
    application = ApplicationFactory.build(
        call=call, gender=gender, gender_self_description=description
    )

    if errors is None:
        application.clean()
    else:
        with pytest.raises(ValidationError) as caught:
            application.clean()
        assert caught.value.message_dict == {"gender_self_description": errors}


def test_apply_edit_keeps_the_cv_when_none_is_uploaded(client, call, candidate):
    application = ApplicationFactory(call=call, user=candidate)
    old_cv = application.cv.name
    client.force_login(candidate)

    response = client.post(
        reverse("roundtables:apply", kwargs={"slug": call.slug}),
        form_data(motivation="Updated motivation"),
    )

    application.refresh_from_db()
    assert response.status_code == 302
    assert application.motivation == "Updated motivation"
    assert application.cv.name == old_cv


def test_apply_after_the_deadline_is_refused_with_a_message(client, call, candidate):
    close_call(call)
    client.force_login(candidate)

    response = client.post(
        reverse("roundtables:apply", kwargs={"slug": call.slug}),
        form_data(cv=pdf_upload()),
        follow=True,
    )

    assert response.redirect_chain[-1][0] == call.get_absolute_url()
    assert "The deadline of this call has passed" in response.content.decode()
    assert Application.objects.count() == 0


def test_apply_unknown_or_unpublished_call_is_not_found(client, candidate):
    hidden = CallFactory(is_published=False)
    client.force_login(candidate)

    assert client.get(reverse("roundtables:apply", kwargs={"slug": "nope"})).status_code == 404
    assert client.get(reverse("roundtables:apply", kwargs={"slug": hidden.slug})).status_code == 404


def test_call_detail_shows_the_deadline_in_the_call_time_zone_and_apply_link(client):
    deadline = dt.datetime(2099, 3, 1, 23, 59, tzinfo=ALMATY)
    call = CallFactory(deadline=deadline, time_zone="Asia/Almaty")

    response = client.get(call.get_absolute_url())

    html = response.content.decode()
    assert "March 1, 2099, 23:59</time> (Asia/Almaty)" in html
    assert 'data-local-time="2099-03-01T23:59:00+05:00"' in html
    assert reverse("roundtables:apply", kwargs={"slug": call.slug}) in html


def test_call_detail_shows_the_candidate_status(client, call, candidate):
    application = ApplicationFactory(
        call=call, user=candidate, status=ApplicationStatus.SHORTLISTED
    )
    client.force_login(candidate)

    response = client.get(call.get_absolute_url())

    html = response.content.decode()
    assert f"You have applied to this call (reference {application.reference})." in html
    assert '<span class="badge badge-amber">Shortlisted</span>' in html


def test_withdraw_view_deletes_own_application(client, call, candidate):
    ApplicationFactory(call=call, user=candidate)
    client.force_login(candidate)

    response = client.post(reverse("roundtables:withdraw", kwargs={"slug": call.slug}))

    assert response.status_code == 302
    assert Application.objects.count() == 0


def test_withdraw_view_without_application_is_not_found(client, call, candidate):
    ApplicationFactory(call=call)
    client.force_login(candidate)

    response = client.post(reverse("roundtables:withdraw", kwargs={"slug": call.slug}))

    assert response.status_code == 404
    assert Application.objects.count() == 1


def _my_applications(client, django_assert_num_queries, expected):
    with django_assert_num_queries(expected):
        return client.get(reverse("roundtables:my_applications"))


@pytest.mark.parametrize("count", [1, 6])
def test_my_applications_lists_own_applications_in_constant_queries(
    client, candidate, django_assert_num_queries, count
):
    for _index in range(count):
        ApplicationFactory(user=candidate)
    ApplicationFactory()  # someone else's
    client.force_login(candidate)

    # session, user (with its profile-and-consent flag), applications, status changes
    response = _my_applications(client, django_assert_num_queries, 4)

    assert response.status_code == 200
    assert len(response.context["applications"]) == count


def test_my_applications_shows_status_and_history(client, call, candidate):
    application = ApplicationFactory(call=call, user=candidate)
    ApplicationStatusChange.objects.create(application=application, to_status="submitted")
    client.force_login(candidate)

    response = client.get(reverse("roundtables:my_applications"))

    html = response.content.decode()
    assert application.reference in html
    assert '<span class="badge">Submitted</span>' in html
    assert reverse("roundtables:apply", kwargs={"slug": call.slug}) in html


# --- CV downloads ------------------------------------------------------------------------


def test_cv_download_by_its_author(client, call, candidate):
    application = ApplicationFactory(call=call, user=candidate, cv_original_name="Amina.pdf")
    client.force_login(candidate)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="Amina.pdf"'
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_cv_download_by_another_candidate_is_not_found(client, call, candidate):
    application = ApplicationFactory(call=call)
    client.force_login(candidate)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_cv_download_anonymous_is_not_found(client, call):
    application = ApplicationFactory(call=call)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_cv_download_guessing_ids_finds_nothing(client, candidate):
    client.force_login(candidate)

    statuses = {
        client.get(reverse("roundtables:cv", kwargs={"pk": pk})).status_code for pk in range(1, 20)
    }

    assert statuses == {404}


def test_cv_download_by_staff_without_a_role_on_the_call_is_not_found(client, call):
    application = ApplicationFactory(call=call)
    client.force_login(UserFactory(is_staff=True))

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_cv_download_by_selector_uses_the_original_name(client, call, selector):
    application = ApplicationFactory(call=call, cv_original_name="Amina.pdf")
    client.force_login(selector)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    b"".join(response.streaming_content)
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Amina.pdf"'


def test_cv_download_in_anonymised_assessment_hides_the_file_name(client, assessor, call):
    call.anonymised_assessment = True
    call.save()
    application = ApplicationFactory(call=call, cv_original_name="Amina Diallo.pdf")
    client.force_login(assessor)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    b"".join(response.streaming_content)
    assert response.status_code == 200
    assert (
        response["Content-Disposition"] == f'attachment; filename="cv-{application.reference}.pdf"'
    )


def test_cv_download_by_recused_assessor_is_not_found(client, assessor, call):
    application = ApplicationFactory(call=call, status=ApplicationStatus.UNDER_ASSESSMENT)
    services.recusal_create(application=application, assessor=assessor)
    client.force_login(assessor)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_cv_download_missing_file_is_not_found(client, call, candidate):
    application = ApplicationFactory(call=call, user=candidate)
    application.cv.storage.delete(application.cv.name)
    client.force_login(candidate)

    response = client.get(reverse("roundtables:cv", kwargs={"pk": application.pk}))

    assert response.status_code == 404


def test_login_then_apply_round_trip(client, call):
    user = stakeholder(user__email="jo@example.org")
    client.post(reverse("account_login"), {"login": "jo@example.org", "password": PASSWORD})

    response = client.post(
        reverse("roundtables:apply", kwargs={"slug": call.slug}),
        form_data(cv=pdf_upload(content=pdf_bytes(pages=3))),
    )

    assert response.status_code == 302
    assert Application.objects.get().user == user
    assert timezone.now() < call.deadline


def test_cv_download_by_staff_is_recorded_and_by_its_author_is_not(client, call, selector):
    from audit.enums import AuditAction
    from audit.models import AuditEvent

    application = ApplicationFactory(call=call)
    url = reverse("roundtables:cv", kwargs={"pk": application.pk})
    client.force_login(application.user)
    b"".join(client.get(url).streaming_content)
    client.force_login(selector)
    b"".join(client.get(url).streaming_content)

    assert list(AuditEvent.objects.values_list("actor", "action", "subject_id")) == [
        (selector.pk, AuditAction.DOWNLOADED_CV, application.user_id)
    ]


def test_staff_changing_an_application_status_is_recorded(call, selector):
    from audit.enums import AuditAction
    from audit.models import AuditEvent

    application = ApplicationFactory(call=call, status=ApplicationStatus.SUBMITTED)
    close_call(call)

    services.call_start_assessment(call=call, by=selector)

    assert list(
        AuditEvent.objects.filter(action=AuditAction.CHANGED_STATUS).values_list(
            "actor", "target_id", "detail"
        )
    ) == [
        (
            selector.pk,
            str(application.pk),
            {"from": "submitted", "to": "under-assessment"},
        )
    ]


STORAGE_DOWN = "Your file could not be stored just now because of a technical problem"


def test_apply_with_storage_down_keeps_the_typed_text_with_a_message(
    client, call, candidate, broken_storage
):
    client.force_login(candidate)
    data = form_data(
        motivation="I would carry the voices of domestic workers.",
        experience="Twelve years with a domestic workers' union.",
        cv=pdf_upload("cv.pdf"),
    )

    response = client.post(reverse("roundtables:apply", kwargs={"slug": call.slug}), data)

    page = response.content.decode()
    assert response.status_code == 200
    assert broken_storage.attempts == 1
    assert STORAGE_DOWN in page
    assert "I would carry the voices of domestic workers." in page
    assert "Twelve years with a domestic workers&#x27; union." in page
    assert Application.objects.filter(call=call, user=candidate).count() == 0
    assert OutgoingMail.objects.count() == 0


def test_apply_again_once_storage_is_back_is_accepted(client, call, candidate, broken_storage):
    client.force_login(candidate)
    url = reverse("roundtables:apply", kwargs={"slug": call.slug})
    client.post(url, form_data(cv=pdf_upload("cv.pdf")))
    broken_storage.repair()

    response = client.post(url, form_data(cv=pdf_upload("cv.pdf")))

    assert response.status_code == 302
    assert Application.objects.get(call=call, user=candidate).cv
