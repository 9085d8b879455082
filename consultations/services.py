"""Registration for sessions: seats, waitlists, mode changes, attendance, GCM Talk requests.

Every write that touches seats takes a row lock on the session first
(`select_for_update`), so on PostgreSQL two requests for the last seat are serialised
and no session is ever overbooked; on SQLite every write transaction takes the database's
write lock at BEGIN (`transaction_mode = IMMEDIATE` in settings), which serialises them
too. Emails are stored in the outbox inside the same transaction and leave after commit.

Registrations and GCM Talk requests change status only along their tables in
`consultations.enums` (REGISTRATION_TRANSITIONS, TALK_REQUEST_TRANSITIONS): each service
checks its move under the row lock, and a move the table does not allow is refused with
a DomainError (code "transition") carrying the service's own message.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.enums import AuditAction
from audit.services import audit_record, audit_status_change
from consultations.calendar import session_ics
from consultations.enums import (
    REGISTRATION_TRANSITIONS,
    TALK_REQUEST_TRANSITIONS,
    Attendance,
    Mode,
    RegistrationStatus,
    SessionKind,
    SessionStatus,
    TalkRequestStatus,
)
from consultations.models import (
    AccreditationData,
    GcmTalkRequest,
    Registration,
    Session,
)
from consultations.selectors import free_places, session_documents
from core.errors import DomainError
from core.files import delete_file_on_commit, save_upload
from core.images import reencode_jpeg
from outbox.services import mail_queue, mail_queue_later, mail_renderer


class RegistrationError(DomainError):
    """A registration that cannot be honoured: a closed window, a mode the session does
    not offer, no seat, missing accreditation, a duplicate."""


class SeatsFull(RegistrationError):
    pass


@dataclass(frozen=True)
class Accreditation:
    id_document_number: str
    id_document_expiry: dt.date
    nationality: str
    date_of_birth: dt.date
    photo: object  # an UploadedFile


# --- rules ------------------------------------------------------------------------------


def registration_window_error(session: Session, *, now: dt.datetime) -> str | None:
    """Why this session does not take registrations now, or None if it does."""
    if session.status == SessionStatus.CANCELLED:
        return _("This session has been cancelled.")
    if session.status in (SessionStatus.HELD,) or session.ends_at <= now:
        return _("This session has already taken place.")
    if session.starts_at <= now:
        return _("This session has already started; registration is closed.")
    if session.status != SessionStatus.OPEN:
        return _("Registration for this session is not open.")
    if session.registration_opens_at and now < session.registration_opens_at:
        return _("Registration for this session has not opened yet.")
    if session.registration_closes_at and now >= session.registration_closes_at:
        return _("Registration for this session has closed.")
    return None


def mode_change_deadline(session: Session) -> dt.datetime:
    return session.mode_change_deadline or session.registration_closes_at or session.starts_at


def seats_taken(session: Session, mode: str) -> int:
    return Registration.objects.filter(
        session=session, mode=mode, status=RegistrationStatus.CONFIRMED
    ).count()


def seats_left(session: Session, mode: str) -> int | None:
    """Free places for a mode, or None when the mode has no limit (nothing to count)."""
    capacity = session.capacity_for(mode)
    if capacity is None:
        return None
    return free_places(capacity=capacity, taken=seats_taken(session, mode))


def _lock_session(session_id: int) -> Session:
    return Session.objects.select_for_update().get(pk=session_id)


def _has_seat(session: Session, mode: str) -> bool:
    capacity = session.capacity_for(mode)
    return capacity is None or seats_taken(session, mode) < capacity


# --- registration -----------------------------------------------------------------------


def registration_create(
    *,
    session: Session,
    user,
    mode: str,
    accessibility_needs: str = "",
    wants_to_speak: bool = False,
    accreditation: Accreditation | None = None,
    if_full: str = "",
    now: dt.datetime | None = None,
) -> Registration:
    """Register a person for a session (as read for this request) in the mode they chose.

    When the in-person seats are taken, `if_full` decides: "waitlist" queues the person,
    "online" registers them online instead (hybrid sessions), anything else refuses with
    SeatsFull so that the page can offer both. Raises RegistrationError with a message
    for the person in every other refusal.

    The row is inserted optimistically: the unique (session, user) constraint says
    whether the person registered before, which saves a query on the common path. Only a
    cancelled registration is then taken up again; any other is a duplicate.
    """
    fields = {
        "mode": mode,
        "accessibility_needs": accessibility_needs,
        "wants_to_speak": wants_to_speak,
        "accreditation": accreditation,
        "if_full": if_full,
        "now": now or timezone.now(),
    }
    try:
        return _register(session=session, user=user, existing=None, **fields)
    except IntegrityError:
        existing = Registration.objects.filter(session=session, user=user).first()
        if existing is None or existing.status != RegistrationStatus.CANCELLED:
            raise RegistrationError(
                _("You are already registered for this session."), code="duplicate"
            ) from None
    try:
        return _register(session=session, user=user, existing=existing, **fields)
    except IntegrityError as exc:  # a second submission raced this one
        raise RegistrationError(
            _("You are already registered for this session."), code="duplicate"
        ) from exc


def _register(
    *,
    session: Session,
    user,
    existing: Registration | None,
    mode: str,
    accessibility_needs: str,
    wants_to_speak: bool,
    accreditation: Accreditation | None,
    if_full: str,
    now: dt.datetime,
) -> Registration:
    with transaction.atomic():
        if session.capacity_for(mode) is not None:
            # Seats are counted: serialise registrations on the session row, re-read
            # under the lock. A mode without a limit needs no lock.
            session = _lock_session(session.pk)
        error = registration_window_error(session, now=now)
        if error:
            raise RegistrationError(error, code="closed")
        if mode not in session.modes:
            raise RegistrationError(
                _("This session cannot be attended in the mode you chose."), code="mode"
            )

        status = RegistrationStatus.CONFIRMED
        if not _has_seat(session, mode):
            if if_full == "online" and Mode.ONLINE in session.modes and mode != Mode.ONLINE:
                mode = Mode.ONLINE
                if not _has_seat(session, mode):
                    status = RegistrationStatus.WAITLISTED
            elif if_full == "waitlist":
                status = RegistrationStatus.WAITLISTED
            else:
                raise SeatsFull(_full_message(session, mode), code="full")

        needs_accreditation = mode == Mode.IN_PERSON and session.requires_accreditation
        if needs_accreditation and accreditation is None:
            raise RegistrationError(
                _("In-person attendance needs your identity document details and a photo."),
                code="accreditation",
            )

        registration = existing or Registration(session=session, user=user)
        registration.mode = mode
        registration.status = status
        registration.attendance = Attendance.UNKNOWN
        registration.accessibility_needs = accessibility_needs
        registration.wants_to_speak = wants_to_speak
        registration.waitlisted_at = now if status == RegistrationStatus.WAITLISTED else None
        registration.cancelled_at = None
        registration.reminded_at = None
        registration.checked_in_at = None
        registration.save()

        if existing is not None:
            AccreditationData.objects.filter(registration=registration).delete()
        if needs_accreditation:
            _store_accreditation(registration, accreditation)

        _notify(
            registration,
            "registration_confirmed"
            if status == RegistrationStatus.CONFIRMED
            else "registration_waitlisted",
        )
        return registration


def _full_message(session: Session, mode: str) -> str:
    if mode == Mode.IN_PERSON and Mode.ONLINE in session.modes:
        return _(
            "All in-person seats are taken. You can join the waitlist, and we will write to "
            "you if a seat frees up, or attend online instead."
        )
    return _(
        "All places are taken. You can join the waitlist, and we will write to you if a "
        "place frees up."
    )


def _store_accreditation(registration: Registration, accreditation: Accreditation) -> None:
    data = AccreditationData(
        registration=registration,
        id_document_number=accreditation.id_document_number,
        id_document_expiry=accreditation.id_document_expiry,
        nationality=accreditation.nationality,
        date_of_birth=accreditation.date_of_birth,
    )
    # Stored re-encoded: EXIF and GPS data of the person's device never reach the disk.
    save_upload(data.photo, reencode_jpeg(accreditation.photo), name="photo.jpg")
    data.save()


def registration_cancel(*, registration_id: int, user=None, now=None) -> Registration:
    """Cancel a registration (the person's own when `user` is given). A confirmed seat
    goes to the first person on the waitlist for that mode, who is told."""
    now = now or timezone.now()
    owner = {"user": user} if user is not None else {}
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id, **owner)
        session = _lock_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.status == RegistrationStatus.CANCELLED:
            return registration  # cancelling twice (a double click) changes nothing
        if session.ends_at <= now:
            raise RegistrationError(_("This session has already taken place."), code="past")
        REGISTRATION_TRANSITIONS.check(registration.status, RegistrationStatus.CANCELLED)
        freed = registration.status == RegistrationStatus.CONFIRMED
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.waitlisted_at = None
        registration.save(update_fields=["status", "cancelled_at", "waitlisted_at", "updated_at"])
        _delete_accreditation(registration)
        registration.session = session
        _notify(registration, "registration_cancelled")
        if freed:
            _promote_waitlisted(session, registration.mode)
        return registration


def registration_change_mode(
    *,
    registration_id: int,
    user,
    mode: str,
    accreditation: Accreditation | None = None,
    now=None,
) -> Registration:
    """Switch between in-person and online attendance before the session's deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id, user=user)
        session = _lock_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        if registration.status != RegistrationStatus.CONFIRMED:
            # A confirmed place is kept in the other mode; a waitlisted one is confirmed.
            REGISTRATION_TRANSITIONS.check(
                registration.status,
                RegistrationStatus.CONFIRMED,
                message=_("This registration has been cancelled."),
            )
        if now >= mode_change_deadline(session):
            raise RegistrationError(
                _("The deadline for changing how you attend has passed."), code="deadline"
            )
        if mode not in session.modes:
            raise RegistrationError(
                _("This session cannot be attended in the mode you chose."), code="mode"
            )
        if mode == registration.mode:
            return registration
        needs_accreditation = mode == Mode.IN_PERSON and session.requires_accreditation
        if needs_accreditation and accreditation is None:
            raise RegistrationError(
                _("In-person attendance needs your identity document details and a photo."),
                code="accreditation",
            )
        if not _has_seat(session, mode):
            raise SeatsFull(
                _("There is no free place to attend this way; your registration is unchanged."),
                code="full",
            )
        previous_mode, was_confirmed = registration.mode, registration.status
        registration.mode = mode
        registration.status = RegistrationStatus.CONFIRMED
        registration.waitlisted_at = None
        registration.save(update_fields=["mode", "status", "waitlisted_at", "updated_at"])
        _delete_accreditation(registration)
        if needs_accreditation:
            _store_accreditation(registration, accreditation)
        registration.session = session
        _notify(registration, "registration_confirmed")
        if was_confirmed == RegistrationStatus.CONFIRMED:
            _promote_waitlisted(session, previous_mode)
        return registration


def registration_promote(*, registration_id: int, by=None) -> Registration:
    """Staff move a waitlisted person to a confirmed place, if one is free."""
    with transaction.atomic():
        registration = Registration.objects.get(pk=registration_id)
        session = _lock_session(registration.session_id)
        registration = Registration.objects.select_for_update().get(pk=registration_id)
        REGISTRATION_TRANSITIONS.check(
            registration.status,
            RegistrationStatus.CONFIRMED,
            message=_("Only waitlisted registrations can be promoted."),
        )
        if not _has_seat(session, registration.mode):
            raise SeatsFull(
                _("There is no free place; raise the capacity of the session first."),
                code="full",
            )
        registration.session = session
        old = registration.status
        _confirm_from_waitlist(registration)
        audit_status_change(
            by=by,
            target=registration,
            old=old,
            new=registration.status,
            subject_id=registration.user_id,
        )
        return registration


def session_fill_from_waitlist(*, session_id: int) -> int:
    """Promote waitlisted people into places freed by a raised capacity. Returns how many."""
    with transaction.atomic():
        session = _lock_session(session_id)
        return sum(_promote_waitlisted(session, mode) for mode in session.modes)


def _promote_waitlisted(session: Session, mode: str) -> int:
    promoted = 0
    while _has_seat(session, mode):
        candidate = (
            Registration.objects.select_for_update()
            .filter(session=session, mode=mode, status=RegistrationStatus.WAITLISTED)
            .order_by("waitlisted_at", "pk")
            .first()
        )
        if candidate is None:
            break
        candidate.session = session
        _confirm_from_waitlist(candidate)
        promoted += 1
    return promoted


def _confirm_from_waitlist(registration: Registration) -> None:
    """Give a waitlisted person the place (the caller has checked the move)."""
    registration.status = RegistrationStatus.CONFIRMED
    registration.waitlisted_at = None
    registration.save(update_fields=["status", "waitlisted_at", "updated_at"])
    _notify(registration, "registration_promoted")


def _delete_accreditation(registration: Registration) -> None:
    data = AccreditationData.objects.filter(registration=registration).first()
    if data is not None:
        photo = data.photo
        data.delete()
        delete_file_on_commit(photo.storage, photo.name)


def waitlist_position(registration: Registration) -> int | None:
    """1 for the next person to get a place in that mode, and so on."""
    if registration.status != RegistrationStatus.WAITLISTED:
        return None
    queue = Registration.objects.filter(
        session_id=registration.session_id,
        mode=registration.mode,
        status=RegistrationStatus.WAITLISTED,
    ).exclude(pk=registration.pk)
    if registration.waitlisted_at is None:
        return queue.count() + 1
    ahead = queue.filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


# --- attendance -------------------------------------------------------------------------


def registrations_mark_attendance(*, registration_ids, attendance: str, by=None) -> int:
    """Staff record who attended and who did not."""
    now = timezone.now()
    with transaction.atomic():
        rows = list(
            Registration.objects.select_for_update()
            .filter(pk__in=list(registration_ids), status=RegistrationStatus.CONFIRMED)
            .order_by("pk")
        )
        queryset = Registration.objects.filter(pk__in=[row.pk for row in rows])
        checked_in_at = now if attendance == Attendance.ATTENDED else None
        count = queryset.update(attendance=attendance, checked_in_at=checked_in_at, updated_at=now)
        for row in rows:
            audit_status_change(
                by=by, target=row, old=row.attendance, new=attendance, subject_id=row.user_id
            )
    return count


def registration_check_in(*, registration_id: int, session_id: int, by=None) -> Registration:
    """Check a confirmed in-person participant in at the door."""
    with transaction.atomic():
        registration = (
            Registration.objects.select_for_update()
            .select_related("user")
            .get(pk=registration_id, session_id=session_id, user__isnull=False)
        )
        if registration.status != RegistrationStatus.CONFIRMED:
            raise RegistrationError(
                _("This person has no confirmed place for this session."), code="state"
            )
        if registration.checked_in_at is None:
            old = registration.attendance
            registration.checked_in_at = timezone.now()
            registration.attendance = Attendance.ATTENDED
            registration.save(update_fields=["checked_in_at", "attendance", "updated_at"])
            audit_status_change(
                by=by,
                target=registration,
                old=old,
                new=registration.attendance,
                subject_id=registration.user_id,
            )
        return registration


# --- scheduled work ---------------------------------------------------------------------


def reminders_send(*, now=None, ahead: dt.timedelta = dt.timedelta(hours=24)) -> int:
    """Queue the day-before reminder for confirmed participants of sessions starting in
    the next 24 hours. Each registration is reminded once, even if two runs overlap."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        due = (
            Registration.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("session", "user")
            .filter(
                status=RegistrationStatus.CONFIRMED,
                user__isnull=False,
                reminded_at__isnull=True,
                session__status__in=(SessionStatus.OPEN, SessionStatus.CLOSED),
                session__starts_at__gt=now,
                session__starts_at__lte=now + ahead,
            )
        )
        for registration in due:
            _notify(registration, "registration_reminder")
            registration.reminded_at = now
            registration.save(update_fields=["reminded_at"])
            sent += 1
    return sent


def accreditation_purge(*, now=None) -> int:
    """Delete ID data and photos once the session is over by its purge period (each photo
    once its row's deletion has committed). Safe to run twice."""
    now = now or timezone.now()
    default_days = settings.ACCREDITATION_PURGE_DAYS
    purged = 0
    candidates = AccreditationData.objects.select_related("registration__session").filter(
        registration__session__ends_at__lt=now
    )
    for data in candidates.iterator():
        session = data.registration.session
        days = (
            session.accreditation_purge_days
            if session.accreditation_purge_days is not None
            else default_days
        )
        if session.ends_at + dt.timedelta(days=days) <= now:
            name, storage = data.photo.name, data.photo.storage
            data.delete()
            delete_file_on_commit(storage, name)
            purged += 1
    return purged


# --- email ------------------------------------------------------------------------------


REGISTRATION_MAIL = "consultations.registration"
# Mails that carry the calendar file (and, online and confirmed, the join link).
_WITH_CALENDAR = ("registration_confirmed", "registration_promoted", "registration_reminder")
_WITH_DOCUMENTS = ("registration_confirmed", "registration_promoted")


def _notify(registration: Registration, template: str) -> None:
    """Queue the registration email in the registrant's language; the worker writes it
    (registration_mail) just before sending, so the request pays for one INSERT. A
    registration whose participant erased their account has no one to write to."""
    user = registration.user
    if user is None:
        return
    mail_queue_later(
        to=user.email,
        template=f"emails/{template}",
        language=user.language,
        renderer=REGISTRATION_MAIL,
        args={"registration_id": registration.pk, "template": template},
    )


@mail_renderer(REGISTRATION_MAIL)
def registration_mail(*, registration_id: int, template: str):
    """The context and attachments of a registration email, from the registration as it
    is when the mail is sent: with the calendar file (and, online, the join link) for
    confirmations and reminders. None once the registration or its person is gone."""
    registration = (
        Registration.objects.select_related("session__review", "user")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.user is None:
        return None
    session, user = registration.session, registration.user
    join_url = ""
    if registration.mode == Mode.ONLINE and registration.status == RegistrationStatus.CONFIRMED:
        join_url = session.join_url
    attachments = []
    if template in _WITH_CALENDAR:
        attachments.append(
            {
                "filename": f"{session.slug}.ics",
                "content_type": "text/calendar",
                "content": session_ics(session, join_url=join_url, language=user.language),
            }
        )
    context = {
        "registration": registration,
        "session": session,
        "user": user,
        "join_url": join_url,
        "position": waitlist_position(registration),
        "documents": session_documents(session=session, registered=True)
        if template in _WITH_DOCUMENTS
        else [],
    }
    return context, attachments


def session_email_participants(
    *,
    session_id: int,
    subject: str,
    message: str,
    by=None,
    statuses=(RegistrationStatus.CONFIRMED,),
) -> int:
    """Staff write to the participants of a session (in the words they typed). Who wrote
    to how many people is kept in the audit trail."""
    session = Session.objects.get(pk=session_id)
    registrations = Registration.objects.select_related("user").filter(
        session=session, status__in=statuses, user__isnull=False
    )
    count = 0
    with transaction.atomic():
        for registration in registrations:
            mail_queue(
                to=registration.user.email,
                template="emails/session_message",
                context={"session": session, "subject": subject, "message": message},
                language=registration.user.language,
            )
            count += 1
        audit_record(
            actor=by,
            action=AuditAction.EMAILED_PARTICIPANTS,
            target=session,
            detail={"recipients": count, "subject": subject[:200]},
        )
    return count


# --- GCM Talk requests ------------------------------------------------------------------


def talk_request_submit(*, review, user, objectives, **fields) -> GcmTalkRequest:
    with transaction.atomic():
        request = GcmTalkRequest.objects.create(review=review, requested_by=user, **fields)
        request.objectives.set(objectives)
    return request


def talk_request_approve(
    *,
    request_id: int,
    by,
    message: str,
    starts_at: dt.datetime,
    ends_at: dt.datetime,
    time_zone: str,
) -> GcmTalkRequest:
    """An approved request becomes a published session of kind GCM Talk."""
    from django.utils.text import slugify

    with transaction.atomic():
        request = GcmTalkRequest.objects.select_for_update().get(pk=request_id)
        _check_decision(request, TalkRequestStatus.APPROVED)
        base = slugify(request.title)[:80] or "gcm-talk"
        slug, n = base, 1
        while Session.objects.filter(slug=slug).exists():
            n += 1
            slug = f"{base}-{n}"
        session = Session.objects.create(
            review=request.review,
            slug=slug,
            kind=SessionKind.GCM_TALK,
            format=request.proposed_format,
            status=SessionStatus.OPEN,
            title=request.title,
            description=request.description,
            organisers=request.co_organisers,
            starts_at=starts_at,
            ends_at=ends_at,
            time_zone=time_zone,
            requires_accreditation=False,
        )
        request.status = TalkRequestStatus.APPROVED
        request.staff_message = message
        request.decided_by = by
        request.decided_at = timezone.now()
        request.session = session
        request.save()
        audit_status_change(
            by=by,
            target=request,
            old=TalkRequestStatus.PENDING,
            new=request.status,
            subject_id=request.requested_by_id,
        )
        _notify_talk_request(request)
    return request


def talk_request_decline(*, request_id: int, by, message: str) -> GcmTalkRequest:
    with transaction.atomic():
        request = GcmTalkRequest.objects.select_for_update().get(pk=request_id)
        _check_decision(request, TalkRequestStatus.DECLINED)
        request.status = TalkRequestStatus.DECLINED
        request.staff_message = message
        request.decided_by = by
        request.decided_at = timezone.now()
        request.save()
        audit_status_change(
            by=by,
            target=request,
            old=TalkRequestStatus.PENDING,
            new=request.status,
            subject_id=request.requested_by_id,
        )
        _notify_talk_request(request)
    return request


def _check_decision(request: GcmTalkRequest, status: str) -> None:
    TALK_REQUEST_TRANSITIONS.check(
        request.status, status, message=_("This request has already been decided.")
    )


def _notify_talk_request(request: GcmTalkRequest) -> None:
    user = request.requested_by
    mail_queue(
        to=user.email,
        template="emails/talk_request_decided",
        context={"request": request, "user": user},
        language=user.language,
    )
