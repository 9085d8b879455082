from stakeholders.models import Consent, Profile


def profile_for(*, user) -> Profile | None:
    """The user's stakeholder profile with what pages show of it, or None."""
    return Profile.objects.select_related("organisation", "sector").filter(user=user).first()


def has_current_consent(*, user, text_version: str) -> bool:
    return Consent.objects.filter(user=user, text_version=text_version).exists()
