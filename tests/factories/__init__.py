"""factory_boy factories. Reference data (sectors, objectives, regions) comes from the
migrations, so factories look it up rather than create it."""

import datetime as dt
import zoneinfo

import factory
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils import timezone

from consultations.enums import Mode, RegistrationStatus, SessionFormat, SessionKind, SessionStatus
from consultations.models import RegionalReview, Registration, Session
from gcm.models import Region, Sector
from stakeholders.models import Consent, Organisation, Profile, User

GENEVA = zoneinfo.ZoneInfo("Europe/Zurich")
PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    name = factory.Sequence(lambda n: f"Person {n}")
    language = "en"
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class StaffFactory(UserFactory):
    is_staff = True
    is_superuser = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="civil-society"))
    country = "CH"


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    sector = factory.LazyFunction(lambda: Sector.objects.get(code="civil-society"))
    country = "CH"
    organisation = factory.SubFactory(
        OrganisationFactory, sector=factory.SelfAttribute("..sector"), country="CH"
    )

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            Consent.objects.create(user=obj.user, text_version=settings.CONSENT_TEXT_VERSION)


def stakeholder(**kwargs) -> User:
    """A signed-up stakeholder with a verified email, a profile and consent."""
    return ProfileFactory(**kwargs).user


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RegionalReview

    slug = factory.Sequence(lambda n: f"review-{n}")
    title = factory.Sequence(lambda n: f"Regional Review {n}")
    region = factory.LazyFunction(lambda: Region.objects.get(code="unece"))
    meeting_date = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=120)).date())
    venue = "Palais des Nations"
    city = "Geneva"
    time_zone = "Europe/Zurich"


class SessionFactory(factory.django.DjangoModelFactory):
    """An open hybrid session a month ahead, with registration open now."""

    class Meta:
        model = Session

    review = factory.SubFactory(ReviewFactory)
    slug = factory.Sequence(lambda n: f"session-{n}")
    kind = SessionKind.THEMATIC
    format = SessionFormat.HYBRID
    status = SessionStatus.OPEN
    title = factory.Sequence(lambda n: f"Thematic consultation {n}")
    starts_at = factory.LazyFunction(
        lambda: (timezone.now() + dt.timedelta(days=30)).replace(microsecond=0)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=2))
    time_zone = "Europe/Zurich"
    venue = "Palais des Nations, Geneva"
    platform = "Zoom"
    join_url = "https://zoom.example.org/j/123456"
    capacity_in_person = 10
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - dt.timedelta(days=1))
    registration_closes_at = factory.LazyAttribute(lambda o: o.starts_at - dt.timedelta(days=1))


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory)
    user = factory.LazyFunction(stakeholder)
    mode = Mode.ONLINE
    status = RegistrationStatus.CONFIRMED
