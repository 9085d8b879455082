"""Checks shared by forms, the admin and services."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_PHOTO_BYTES = 5 * 1024 * 1024


def validate_session_times(*, starts_at, ends_at) -> None:
    if starts_at and ends_at and ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must be after the start.")})


def validate_registration_window(*, opens_at, closes_at, starts_at) -> None:
    if opens_at and closes_at and closes_at <= opens_at:
        raise ValidationError(
            {"registration_closes_at": _("Registration must close after it opens.")}
        )
    if closes_at and starts_at and closes_at > starts_at:
        raise ValidationError(
            {"registration_closes_at": _("Registration must close before the session starts.")}
        )


def validate_capacity_not_below_confirmed(*, field: str, capacity, confirmed: int) -> None:
    """Lowering a capacity below the people already confirmed would overbook silently."""
    if capacity is not None and capacity < confirmed:
        raise ValidationError(
            {
                field: _(
                    "%(confirmed)s people are already confirmed; the capacity cannot be lower. "
                    "Cancel or move registrations first."
                )
                % {"confirmed": confirmed}
            }
        )


def validate_photo(photo) -> None:
    if photo is None:
        return
    if photo.size > MAX_PHOTO_BYTES:
        raise ValidationError(_("The photo must be 5 MB or smaller."), code="photo_size")
    if photo.size == 0:
        raise ValidationError(_("The photo file is empty."), code="photo_empty")


def validate_accreditation_dates(*, expiry, birth, session_date: dt.date) -> None:
    errors = {}
    if expiry and expiry < session_date:
        errors["id_document_expiry"] = _(
            "The identity document must still be valid on the day of the session."
        )
    if birth and birth >= session_date - dt.timedelta(days=365 * 16):
        errors["date_of_birth"] = _("Please check the date of birth.")
    if birth and birth.year < 1900:
        errors["date_of_birth"] = _("Please check the date of birth.")
    if errors:
        raise ValidationError(errors)
