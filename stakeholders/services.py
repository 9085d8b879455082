from django.conf import settings
from django.db import transaction

from stakeholders.models import Consent, Organisation, Profile, User

ORGANISATION_FIELDS = ("name", "acronym", "ecosoc_status", "migrant_led", "diaspora", "website")


@transaction.atomic
def profile_update(
    *,
    user: User,
    name: str,
    language: str,
    profile_fields: dict,
    organisation_fields: dict | None,
    consent: bool,
) -> Profile:
    """Create or update a stakeholder's profile and organisation.

    The organisation takes the person's sector and country. A person edits only an
    organisation they created; naming another one creates their own record, which staff
    can reconcile in the admin. Consent is recorded with the notice version it was given
    for, once per version.
    """
    user.name = name
    user.language = language
    user.save(update_fields=["name", "language"])

    profile = Profile.objects.select_for_update().filter(user=user).first() or Profile(user=user)
    for field, value in profile_fields.items():
        setattr(profile, field, value)

    if organisation_fields and organisation_fields.get("name"):
        organisation = profile.organisation
        if organisation is None or organisation.created_by_id != user.pk:
            organisation = Organisation(created_by=user)
        for field in ORGANISATION_FIELDS:
            setattr(
                organisation, field, organisation_fields.get(field, getattr(organisation, field))
            )
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
