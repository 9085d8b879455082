import pytest
from django.core import mail
from django.urls import reverse

from consultations.enums import Attendance
from core.errors import DomainError
from gcm.models import Sector
from outbox.models import OutgoingMail
from outreach import services
from outreach.enums import CampaignStatus, ContactBasis
from outreach.models import Campaign, Contact, Invitation
from outreach.selectors import campaign_funnel, review_campaign_funnels
from outreach.tasks import deliver_campaign
from outreach.tokens import INVITATION_SALT, UNSUBSCRIBE_SALT, make_token
from tests.factories import RegistrationFactory, SessionFactory, UserFactory, stakeholder
from tests.outreach.conftest import csv_upload

pytestmark = pytest.mark.django_db

SECTORS = ["civil-society", "academia", "trade-unions", "private-sector"]
LANGUAGES = ["en", "fr", "es"]


def _thousand_contacts() -> list[str]:
    """1,000 rows: a quarter in civil society, in English, French and Spanish."""
    return [
        # Not the factories' person<n>@example.org: no account may match a contact by chance.
        f"contact{n}@example.net,Person {n},,{SECTORS[n % 4]},CH,{LANGUAGES[n % 3]},yes,,"
        for n in range(1000)
    ]


def _compose(client, session, **segment):
    data = {
        "name": "Civil society invitation",
        "review": session.review.pk,
        "session": session.pk,
        "subject_en": "Join the consultation",
        "message_en": "We invite you.",
        "subject_fr": "Participez à la consultation",
        "message_fr": "Nous vous invitons.",
        "subject_es": "Participe en la consulta",
        "message_es": "Le invitamos.",
        **segment,
    }
    response = client.post(reverse("outreach:campaign_create"), data)
    assert response.status_code == 302, response.context["form"].errors
    return Campaign.objects.get(name="Civil society invitation")


def test_campaign_to_one_sector_of_a_thousand_contacts_moves_its_funnel(
    staff_client, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    imported = staff_client.post(
        reverse("outreach:import"),
        {"name": "Directory 2026", "file": csv_upload(_thousand_contacts())},
    )
    staff_client.post(imported["Location"])
    assert Contact.objects.count() == 1000
    Contact.objects.filter(email__in=["contact0@example.net", "contact4@example.net"]).update(
        unsubscribed_at="2026-01-01T00:00Z"
    )
    campaign = _compose(staff_client, session, sector=Sector.objects.get(code="civil-society").pk)
    preview = staff_client.get(reverse("outreach:campaign", args=[campaign.pk]))
    assert preview.context["recipients"] == 248
    assert preview.context["unsubscribed"] == 2
    assert [p["subject"] for p in preview.context["previews"]][:4] == [
        "Join the consultation",  # Arabic left empty: the English text
        "Join the consultation",
        "Participe en la consulta",
        "Participez à la consultation",
    ]

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reverse("outreach:campaign_send", args=[campaign.pk]))

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.SENT
    assert campaign.skipped_unsubscribed == 2
    assert Invitation.objects.filter(campaign=campaign).count() == 248
    assert OutgoingMail.objects.count() == 248
    assert len(mail.outbox) == 248
    assert not OutgoingMail.objects.filter(to__in=["contact0@example.net", "contact4@example.net"])
    by_language = {m.to: m for m in OutgoingMail.objects.all()}
    assert by_language["contact8@example.net"].subject == "Participe en la consulta"
    assert by_language["contact12@example.net"].subject == "Join the consultation"
    assert by_language["contact16@example.net"].subject == "Participez à la consultation"
    french = by_language["contact16@example.net"]
    assert "Nous vous invitons." in french.body
    assert "/fr/invitations/" in french.body
    assert french.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert french.headers["List-Unsubscribe"].startswith("<http://")
    sent = next(m for m in mail.outbox if m.to == ["contact16@example.net"])
    assert sent.extra_headers["List-Unsubscribe"] == french.headers["List-Unsubscribe"]
    funnel = campaign_funnel(campaign=campaign)
    assert (funnel.total.invited, funnel.total.signed_up, funnel.total.registered) == (248, 0, 0)

    user = stakeholder(user__email="contact16@example.net", user__language="fr")
    registration = RegistrationFactory(session=session, user=user)
    RegistrationFactory(session=session, user=stakeholder(user__email="contact8@example.net"))
    registration.attendance = Attendance.ATTENDED
    registration.save()

    page = staff_client.get(reverse("outreach:campaign", args=[campaign.pk]))
    funnel = page.context["funnel"]
    assert (
        funnel.total.invited,
        funnel.total.signed_up,
        funnel.total.registered,
        funnel.total.attended,
    ) == (248, 2, 2, 1)
    assert [(row.label, row.invited, row.registered) for row in funnel.by_language] == [
        ("English", 83, 0),
        ("French", 82, 1),
        ("Spanish", 83, 1),
    ]
    assert [(row.label, row.invited) for row in funnel.by_sector] == [("Civil society", 248)]


def test_campaign_sent_twice_is_refused_and_delivery_is_idempotent(
    staff_client, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    Contact.objects.create(email="a@example.org", basis=ContactBasis.CONSENT)
    Contact.objects.create(email="b@example.org")  # no basis for contact: skipped
    campaign = _compose(staff_client, session)
    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_send(campaign_id=campaign.pk)

    response = staff_client.post(reverse("outreach:campaign_send", args=[campaign.pk]), follow=True)
    Campaign.objects.filter(pk=campaign.pk).update(status=CampaignStatus.SENDING)
    deliver_campaign(campaign_id=campaign.pk)
    deliver_campaign(campaign_id=123456789)

    assert "This campaign has already been sent." in response.content.decode()
    assert Invitation.objects.filter(campaign=campaign).count() == 1
    assert OutgoingMail.objects.count() == 1
    campaign.refresh_from_db()
    assert campaign.skipped_no_basis == 1


def test_campaign_to_past_participants_of_a_review_adds_them_to_the_directory(
    staff_client, django_capture_on_commit_callbacks
):
    past = RegistrationFactory()
    session = SessionFactory()
    campaign = _compose(staff_client, session, past_review=past.session.review.pk)

    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_send(campaign_id=campaign.pk)

    contact = Contact.objects.get()
    assert (contact.email, contact.basis) == (past.user.email, ContactBasis.PARTICIPANT)
    assert OutgoingMail.objects.get().to == past.user.email


def test_campaign_session_of_another_review_is_refused(staff_client):
    session, other = SessionFactory(), SessionFactory()

    response = staff_client.post(
        reverse("outreach:campaign_create"),
        {
            "name": "x",
            "review": other.review.pk,
            "session": session.pk,
            "subject_en": "s",
            "message_en": "m",
        },
    )

    assert response.context["form"].errors["session"] == [
        "This session belongs to another Regional Review."
    ]


def _invitation(email="a@example.org", language="fr"):
    session = SessionFactory()
    contact = Contact.objects.create(email=email, basis=ContactBasis.CONSENT, language=language)
    campaign = Campaign.objects.create(
        review=session.review, session=session, name="c", subject="s", message="m"
    )
    return Invitation.objects.create(campaign=campaign, contact=contact, language=language)


def test_invitation_link_leads_a_newcomer_to_sign_up_then_the_session(client):
    invitation = _invitation()

    response = client.get(
        reverse("outreach:invitation", args=[make_token(invitation.pk, salt=INVITATION_SALT)])
    )

    session_url = invitation.campaign.session.get_absolute_url()
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_signup"))
    assert "next=" in response["Location"]
    assert session_url.replace("/", "%2F") in response["Location"]
    invitation.refresh_from_db()
    assert invitation.opened_at is not None


def test_invitation_link_leads_a_signed_in_person_to_the_session(client):
    invitation = _invitation()
    client.force_login(stakeholder(user__email="a@example.org"))

    response = client.get(
        reverse("outreach:invitation", args=[make_token(invitation.pk, salt=INVITATION_SALT)])
    )

    assert response["Location"] == invitation.campaign.session.get_absolute_url()


@pytest.mark.parametrize("token", ["nonsense", make_token(1, salt=UNSUBSCRIBE_SALT)])
def test_invitation_link_with_a_bad_token_answers_404(client, token):
    assert client.get(reverse("outreach:invitation", args=[token])).status_code == 404


def test_unsubscribe_link_needs_a_click_and_works_without_csrf(rf):
    from django.test import Client

    contact = Contact.objects.create(email="a@example.org", basis=ContactBasis.CONSENT)
    url = reverse("outreach:unsubscribe", args=[make_token(contact.pk, salt=UNSUBSCRIBE_SALT)])
    client = Client(enforce_csrf_checks=True)

    client.get(url)
    contact.refresh_from_db()
    assert contact.unsubscribed_at is None

    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    contact.refresh_from_db()
    assert response.status_code == 200
    assert contact.unsubscribed_at is not None


def test_unsubscribed_contact_is_skipped_by_later_campaigns(
    staff_client, django_capture_on_commit_callbacks
):
    contact = Contact.objects.create(email="a@example.org", basis=ContactBasis.CONSENT)
    services.contact_unsubscribe(contact_id=contact.pk)
    campaign = _compose(staff_client, SessionFactory())

    with django_capture_on_commit_callbacks(execute=True):
        services.campaign_send(campaign_id=campaign.pk)

    assert OutgoingMail.objects.count() == 0
    campaign.refresh_from_db()
    assert (campaign.status, campaign.skipped_unsubscribed) == (CampaignStatus.SENT, 1)


@pytest.mark.parametrize("count", [1, 40])
def test_campaign_funnel_page_query_count_does_not_grow(
    staff_client, django_assert_num_queries, count
):
    invitation = _invitation()
    campaign = invitation.campaign
    campaign.status = CampaignStatus.SENT
    campaign.save()
    Invitation.objects.bulk_create(
        Invitation(
            campaign=campaign,
            contact=Contact.objects.create(email=f"x{n}@example.org"),
            language="en",
        )
        for n in range(count)
    )

    with django_assert_num_queries(5):
        response = staff_client.get(reverse("outreach:campaign", args=[campaign.pk]))

    assert response.status_code == 200


def test_review_campaign_funnels_count_every_campaign_in_three_queries(
    django_assert_num_queries,
):
    first = SessionFactory()
    review = first.review
    second = SessionFactory(review=review)
    to_session = Campaign.objects.create(
        review=review, session=first, name="To the first session", subject="s", message="m"
    )
    to_review = Campaign.objects.create(
        review=review, name="To the review", subject="s", message="m"
    )
    draft = Campaign.objects.create(review=review, name="Draft", subject="s", message="m")
    Campaign.objects.create(
        review=SessionFactory().review, name="Elsewhere", subject="s", message="m"
    )
    ada = Contact.objects.create(email="ada@example.org", basis=ContactBasis.CONSENT)
    bea = Contact.objects.create(email="bea@example.org", basis=ContactBasis.CONSENT)
    cid = Contact.objects.create(email="cid@example.org", basis=ContactBasis.CONSENT)
    for campaign in (to_session, to_review):
        for contact in (ada, bea, cid):
            Invitation.objects.create(campaign=campaign, contact=contact, language="en")
    Invitation.objects.filter(campaign=to_review, contact=cid).update(opened_at="2026-01-01T00:00Z")
    # Ada registered for the second session and attended; Bea, in another case, for the
    # first; Cid signed up only.
    RegistrationFactory(
        session=second,
        user=stakeholder(user__email="ada@example.org"),
        attendance=Attendance.ATTENDED,
    )
    RegistrationFactory(session=first, user=stakeholder(user__email="BEA@example.org"))
    stakeholder(user__email="cid@example.org")

    with django_assert_num_queries(3):
        funnels = review_campaign_funnels(review=review)

    assert [
        (c.name, row.invited, row.opened, row.signed_up, row.registered, row.attended)
        for c, row in funnels
    ] == [
        ("To the first session", 3, 0, 3, 1, 0),
        ("To the review", 3, 1, 3, 2, 1),
        ("Draft", 0, 0, 0, 0, 0),
    ]
    assert campaign_funnel(campaign=draft).total.invited == 0


def test_draft_campaign_is_edited_in_the_form_it_was_composed_in(staff_client):
    session = SessionFactory()
    campaign = _compose(staff_client, session)
    url = reverse("outreach:campaign_edit", args=[campaign.pk])
    academia = Sector.objects.get(code="academia")

    page = staff_client.get(url)
    response = staff_client.post(
        url,
        {
            "name": campaign.name,
            "review": session.review.pk,
            "session": "",
            "subject_en": "Join the review",
            "message_en": "We invite you to the review.",
            "subject_fr": "Participez à l'examen",
            "message_fr": "Nous vous invitons.",
            "sector": academia.pk,
            "migrant_led": "on",
        },
        follow=True,
    )

    assert page.context["form"].instance == campaign
    assert page.context["form"]["subject_en"].value() == "Join the consultation"
    assert "Save and preview" in page.content.decode()
    assert response.redirect_chain == [(reverse("outreach:campaign", args=[campaign.pk]), 302)]
    assert "The campaign is saved." in response.content.decode()
    campaign.refresh_from_db()
    assert (campaign.subject_en, campaign.message_en, campaign.subject_fr) == (
        "Join the review",
        "We invite you to the review.",
        "Participez à l'examen",
    )
    assert (campaign.session, campaign.sector, campaign.migrant_led) == (None, academia, True)
    # Spanish left empty: the invitation falls back to English.
    assert (campaign.subject_es, campaign.status) == (None, CampaignStatus.DRAFT)


def test_draft_campaign_edit_keeps_the_checks_of_composing(staff_client):
    campaign = _compose(staff_client, SessionFactory())
    other = SessionFactory()

    response = staff_client.post(
        reverse("outreach:campaign_edit", args=[campaign.pk]),
        {"name": "x", "review": campaign.review.pk, "session": other.pk, "subject_en": "s"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "message_en": ["This field is required."],
        "session": ["This session belongs to another Regional Review."],
    }
    campaign.refresh_from_db()
    assert campaign.subject_en == "Join the consultation"


@pytest.mark.parametrize("status", [CampaignStatus.SENDING, CampaignStatus.SENT])
def test_campaign_edit_once_sent_is_refused_with_a_message(staff_client, status):
    campaign = _compose(staff_client, SessionFactory())
    Campaign.objects.filter(pk=campaign.pk).update(status=status)
    url = reverse("outreach:campaign_edit", args=[campaign.pk])
    refusal = "This campaign has already been sent: only a draft campaign can be edited."

    page = staff_client.get(url, follow=True)
    posted = staff_client.post(
        url, {"name": "x", "review": campaign.review.pk, "subject_en": "s", "message_en": "m"}
    )

    assert page.redirect_chain == [(reverse("outreach:campaign", args=[campaign.pk]), 302)]
    assert refusal in page.content.decode()
    assert posted.status_code == 302
    campaign.refresh_from_db()
    assert (campaign.name, campaign.subject_en) == (
        "Civil society invitation",
        "Join the consultation",
    )


def test_campaign_update_refuses_a_campaign_sent_since_the_form_was_opened(staff_client):
    campaign = _compose(staff_client, SessionFactory())
    services.campaign_send(campaign_id=campaign.pk)

    with pytest.raises(DomainError) as refused:
        services.campaign_update(campaign_id=campaign.pk, changes={"subject_en": "Changed"})

    assert refused.value.code == "sent"
    campaign.refresh_from_db()
    assert campaign.subject_en == "Join the consultation"


def test_campaign_edit_asks_the_outreach_permission(client):
    campaign = Campaign.objects.create(
        review=SessionFactory().review, name="c", subject="s", message="m"
    )
    url = reverse("outreach:campaign_edit", args=[campaign.pk])

    anonymous = client.get(url)
    client.force_login(stakeholder())
    as_stakeholder = client.get(url)
    client.force_login(UserFactory(is_staff=True))
    as_staff_without_the_role = client.get(url)

    assert anonymous["Location"].startswith(reverse("account_login"))
    assert (as_stakeholder.status_code, as_staff_without_the_role.status_code) == (404, 403)


def test_unknown_campaign_answers_404(staff_client):
    assert staff_client.get(reverse("outreach:campaign", args=[999999])).status_code == 404


def test_campaign_whose_task_was_lost_is_resumed(staff_client, monkeypatch):
    from outreach import tasks

    Contact.objects.create(email="a@example.org", basis=ContactBasis.CONSENT)
    campaign = _compose(staff_client, SessionFactory())

    def broker_down(**kwargs):
        raise OSError("broker unreachable")

    monkeypatch.setattr(tasks.deliver_campaign, "delay", broker_down)
    services.campaign_send(campaign_id=campaign.pk)
    services._hand_over(tasks.deliver_campaign, campaign.pk)
    assert OutgoingMail.objects.count() == 0
    monkeypatch.undo()

    resumed = tasks.resume_campaigns()

    campaign.refresh_from_db()
    assert (resumed, campaign.status, OutgoingMail.objects.count()) == (1, CampaignStatus.SENT, 1)
