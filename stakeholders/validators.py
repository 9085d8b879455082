from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from stakeholders.enums import Gender


def validate_gender_description(*, gender: str, description: str, field: str) -> None:
    """A self-described gender needs the description, and only then is one kept."""
    if gender == Gender.SELF_DESCRIBED and not description.strip():
        raise ValidationError({field: _("Please describe your gender, or choose another answer.")})
    if gender != Gender.SELF_DESCRIBED and description.strip():
        raise ValidationError(
            {field: _("Choose “I describe myself” to give a description of your gender.")}
        )
