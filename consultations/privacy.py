"""What consultations hold about a person, for "Download my data" and "Delete my account"
(stakeholders.privacy): registrations with their attendance and accreditation data, and
proposals for GCM Talks; and the retention rule of accreditation data.

A registration outlives its participant's account only as anonymous figures: the staff
counts page and the reports (consultations.selectors) print every number they printed
before. Places in sessions still to come are given up as a cancellation gives them up,
to the next person on the waitlist."""

import uuid

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from consultations import exports, services
from consultations.enums import RegistrationStatus
from consultations.models import AccreditationData, GcmTalkRequest, Registration
from core.files import delete_file_on_commit
from stakeholders import privacy
from stakeholders.models import Profile


def register() -> None:
    privacy.register(
        "registrations",
        export=_export_registrations,
        erase=_erase_registrations,
        files=_registration_files,
        explain=_explain_registrations,
    )
    privacy.register(
        "gcm_talk_requests",
        export=_export_talk_requests,
        erase=_erase_talk_requests,
        explain=_explain_talk_requests,
    )
    privacy.register_purge(
        "accreditation", services.accreditation_purge, label="accreditation data and ID photos"
    )
    privacy.register_purge(
        "registration-exports", exports.export_job_purge, label="registrations export files"
    )


def _photo_path(registration_id: int) -> str:
    return f"files/accreditation/registration-{registration_id}.jpg"


def _export_registrations(user) -> list[dict]:
    registrations = (
        Registration.objects.filter(user=user)
        .select_related("session__review", "accreditation")
        .order_by("session__starts_at", "pk")
    )
    return [
        {
            "session": registration.session.title,
            "review": registration.session.review.title,
            "starts_at": registration.session.starts_at,
            "mode": registration.mode,
            "status": registration.status,
            "attendance": registration.attendance,
            "accessibility_needs": registration.accessibility_needs,
            "wants_to_speak": registration.wants_to_speak,
            "registered_at": registration.created_at,
            "waitlisted_at": registration.waitlisted_at,
            "cancelled_at": registration.cancelled_at,
            "checked_in_at": registration.checked_in_at,
            "accreditation": _accreditation(registration),
        }
        for registration in registrations
    ]


def _accreditation(registration: Registration) -> dict | None:
    data = getattr(registration, "accreditation", None)
    if data is None:
        return None
    return {
        "id_document_number": data.id_document_number,
        "id_document_expiry": data.id_document_expiry,
        "nationality": str(data.nationality),
        "date_of_birth": data.date_of_birth,
        "photo": _photo_path(registration.pk) if data.photo else None,
    }


def _registration_files(user):
    for data in AccreditationData.objects.filter(registration__user=user).exclude(photo=""):
        yield _photo_path(data.registration_id), data.photo


def _upcoming(user, *, now):
    return Registration.objects.filter(user=user, session__starts_at__gt=now).exclude(
        status=RegistrationStatus.CANCELLED
    )


def _erase_registrations(user, *, now) -> dict:
    """Registrations stay, without the person: their sector, country and organisation
    as the counts had them, and one random key for all of them so that a person who
    came to three sessions is still one person. Accessibility needs and accreditation
    data (ID document, photo) go. A place in a session still to come is cancelled and
    goes to the waitlist; sessions under way or past keep their attendance as it was."""
    profile = Profile.objects.select_related("organisation").filter(user=user).first()
    anonymous = {"anonymous_key": uuid.uuid4()}
    if profile is not None:
        organisation = profile.organisation
        anonymous["anonymous_sector_id"] = (
            organisation.sector_id if organisation is not None else profile.sector_id
        )
        anonymous["anonymous_country"] = str(profile.country)
        anonymous["anonymous_organisation"] = profile.organisation_id
    upcoming = list(_upcoming(user, now=now).order_by("session_id").values_list("pk", flat=True))
    registration_ids = list(Registration.objects.filter(user=user).values_list("pk", flat=True))
    accreditation = _delete_accreditation(registration_ids)
    Registration.objects.filter(pk__in=registration_ids).update(
        user=None, accessibility_needs="", **anonymous
    )
    # Anonymous first, so that the cancellation writes to no one but the waitlisted
    # person who gets the place.
    for registration_id in upcoming:
        services.registration_cancel(registration_id=registration_id, now=now)
    return {
        "registrations": len(registration_ids),
        "places_given_up": len(upcoming),
        "accreditation": accreditation,
    }


def _delete_accreditation(registration_ids: list[int]) -> int:
    deleted = 0
    for data in AccreditationData.objects.filter(registration_id__in=registration_ids):
        storage, name = data.photo.storage, data.photo.name
        data.delete()
        delete_file_on_commit(storage, name)
        deleted += 1
    return deleted


def _explain_registrations(user, *, now) -> list[str]:
    sentences = []
    upcoming = _upcoming(user, now=now).count()
    if upcoming:
        sentences.append(
            ngettext(
                "Your place in %(count)s session still to come will be cancelled and "
                "offered to the next person on the waitlist.",
                "Your places in %(count)s sessions still to come will be cancelled and "
                "offered to the next people on the waitlist.",
                upcoming,
            )
            % {"count": upcoming}
        )
    if Registration.objects.filter(user=user).exclude(pk__in=_upcoming(user, now=now)).exists():
        sentences.append(
            _(
                "Your registrations and attendance are kept only as anonymous figures (by "
                "sector, country and attendance mode) in the counts and reports of the "
                "sessions."
            )
        )
    if AccreditationData.objects.filter(registration__user=user).exists():
        sentences.append(_("Your identity document details and photo will be deleted."))
    return sentences


def _export_talk_requests(user) -> list[dict]:
    requests = (
        GcmTalkRequest.objects.filter(requested_by=user)
        .select_related("review")
        .prefetch_related("objectives")
        .order_by("created_at", "pk")
    )
    return [
        {
            "title": request.title,
            "review": request.review.title,
            "co_organisers": request.co_organisers,
            "objectives": [objective.number for objective in request.objectives.all()],
            "proposed_date": request.proposed_date,
            "proposed_format": request.proposed_format,
            "description": request.description,
            "status": request.status,
            "message_from_the_secretariat": request.staff_message,
            "decided_at": request.decided_at,
            "submitted_at": request.created_at,
        }
        for request in requests
    ]


def _erase_talk_requests(user, *, now) -> dict:
    """Proposals go; a GCM Talk already approved stays on the calendar as the session
    the secretariat published."""
    deleted = GcmTalkRequest.objects.filter(requested_by=user).count()
    GcmTalkRequest.objects.filter(requested_by=user).delete()
    return {"gcm_talk_requests": deleted}


def _explain_talk_requests(user, *, now) -> list[str]:
    count = GcmTalkRequest.objects.filter(requested_by=user).count()
    if not count:
        return []
    return [
        ngettext(
            "%(count)s proposal for a GCM Talk will be deleted; a GCM Talk already "
            "approved stays on the calendar.",
            "%(count)s proposals for GCM Talks will be deleted; GCM Talks already "
            "approved stay on the calendar.",
            count,
        )
        % {"count": count}
    ]
