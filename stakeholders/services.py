from django.conf import settings
from django.db import transaction
from django_countries.fields import Country

from gcm.models import Sector
from stakeholders.enums import EcosocStatus
from stakeholders.models import Consent, Organisation, Profile, User


@transaction.atomic
def profile_update(
    *,
    user: User,
    name: str,
    language: str,
    job_title: str,
    sector: Sector,
    country: str | Country,
    gender: str,
    gender_self_description: str,
    organisation_name: str = "",
    organisation_acronym: str = "",
    ecosoc_status: str = EcosocStatus.NONE,
    migrant_led: bool = False,
    diaspora: bool = False,
    website: str = "",
    consent: bool,
) -> Profile:
    """Create or update a stakeholder's profile and organisation.

    The organisation takes the person's sector and country. A person edits only an
    organisation they created; naming another one creates their own record, which staff
    can reconcile in the admin. Without an organisation name the person takes part as an
    individual. Consent is recorded with the notice version it was given for, once per
    version.
    """
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])

    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    profile.job_title = job_title
    profile.sector = sector
    profile.country = country
    profile.gender = gender
    profile.gender_self_description = gender_self_description

    if organisation_name:
        organisation = profile.organisation
        if organisation is None or organisation.created_by_id != user.pk:
            organisation = Organisation(created_by=user)
        organisation.name = organisation_name
        organisation.acronym = organisation_acronym
        organisation.ecosoc_status = ecosoc_status
        organisation.migrant_led = migrant_led
        organisation.diaspora = diaspora
        organisation.website = website
        organisation.sector = profile.sector
        organisation.country = profile.country
        organisation.save()
        profile.organisation = organisation
    else:
        profile.organisation = None
    profile.save()

    if consent:
        Consent.objects.get_or_create(user=user, text_version=settings.CONSENT_TEXT_VERSION)
    return profile
