"""Writes for the Rapporteur call: applying, withdrawing, assessing and selecting. Each
service owns its transaction and row locks and queues its emails through the outbox (sent
after commit, in the candidate's language)."""

import datetime as dt
import os
from collections.abc import Iterable

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _
from django_countries.fields import Country

from audit.services import audit_status_change
from core.errors import DomainError
from core.files import delete_file_on_commit, save_upload
from gcm.models import Sector
from outbox.services import mail_queue
from roundtables.enums import APPLICATION_TRANSITIONS, ApplicationStatus
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    Criterion,
    RapporteurCall,
    Recusal,
    Score,
)
from stakeholders.models import User


def _lock_call(call: RapporteurCall) -> RapporteurCall:
    return RapporteurCall.objects.select_for_update().get(pk=call.pk)


def application_submit(
    *,
    call: RapporteurCall,
    user: User,
    motivation: str,
    experience: str,
    languages: list[str],
    other_languages: str,
    sector: Sector,
    country_of_residence: str | Country,
    gender: str,
    gender_self_description: str,
    lived_migration_experience: str,
    cv: UploadedFile | None = None,
    now=None,
) -> tuple[Application, bool]:
    """Create or update the user's one application to the call, until its deadline.
    A first application needs a CV; a change without one keeps the CV on file.

    The deadline is an absolute instant: an application that reaches the server at or
    after it is refused, whatever the candidate's time zone. Returns the application
    and whether it was created.
    """
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        if not call.is_open(now=now):
            raise DomainError(call_closed_message(call, now=now), code="closed")
        application = Application.objects.select_for_update().filter(call=call, user=user).first()
        created = application is None
        if created:
            if cv is None:
                raise DomainError(_("Please upload your CV as a PDF."), field="cv")
            application = Application(call=call, user=user)
        application.motivation = motivation
        application.experience = experience
        application.languages = list(languages)
        application.other_languages = other_languages
        application.sector = sector
        application.country_of_residence = country_of_residence
        application.gender = gender
        application.gender_self_description = gender_self_description
        application.lived_migration_experience = lived_migration_experience
        old_cv = application.cv.name if not created else ""
        if cv is not None:
            save_upload(application.cv, cv)
            application.cv_original_name = os.path.basename(cv.name or "")[:255]
        new_cv = application.cv.name
        try:
            application.save()
            if created:
                ApplicationStatusChange.objects.create(
                    application=application, from_status="", to_status=application.status
                )
                mail_queue(
                    to=user.email,
                    template="emails/rapporteur_received",
                    context={"application": application, "call": call, "user": user},
                    language=user.language,
                )
        except Exception:
            if cv is not None:
                application.cv.storage.delete(new_cv)
            raise
        if cv is not None and old_cv and old_cv != new_cv:
            delete_file_on_commit(application.cv.storage, old_cv)
    return application, created


def call_closed_message(call: RapporteurCall, *, now) -> str:
    if now < call.opens_at:
        return _("This call is not open yet.")
    return _(
        "The deadline of this call has passed (%(deadline)s, %(zone)s): applications "
        "can no longer be submitted or changed."
    ) % {
        "deadline": f"{date_format(call.local_deadline)}, "
        f"{time_format(call.local_deadline, 'H:i')}",
        "zone": call.time_zone,
    }


def application_withdraw(*, application: Application, now=None) -> None:
    """Withdraw (delete) one's own application and its CV, until the deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(application.call)
        if not call.is_open(now=now):
            raise DomainError(call_closed_message(call, now=now), code="closed")
        storage, name = application.cv.storage, application.cv.name
        application.delete()
        delete_file_on_commit(storage, name)


def _set_status(
    *, application: Application, to_status: str, by: User | None, refusal: str | None = None
) -> None:
    """The one place an application's status changes: the move is checked against
    APPLICATION_TRANSITIONS (refused with `refusal`, if given), recorded, and emailed to
    the candidate in their language."""
    APPLICATION_TRANSITIONS.check(application.status, to_status, message=refusal)
    ApplicationStatusChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=to_status,
        changed_by=by,
    )
    audit_status_change(
        by=by,
        target=application,
        old=application.status,
        new=to_status,
        subject_id=application.user_id,
    )
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    user = application.user
    mail_queue(
        to=user.email,
        template="emails/rapporteur_status",
        context={"application": application, "call": application.call, "user": user},
        language=user.language,
    )


def _require_assessment_phase(call: RapporteurCall, *, now) -> None:
    if not call.has_closed(now=now):
        raise DomainError(
            _(
                "The assessment starts after the deadline; applications can still change "
                "until then."
            ),
            code="open",
        )
    _require_not_final(call)


def _require_not_final(call: RapporteurCall) -> None:
    if call.selection_confirmed_at is not None:
        raise DomainError(
            _("The selection of this call has been confirmed: it is final."), code="final"
        )


def call_start_assessment(*, call: RapporteurCall, by: User | None = None, now=None) -> int:
    """After the deadline, move every submitted application to "under assessment" (each
    candidate is told). Safe to run twice: returns how many moved this time."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        _require_assessment_phase(call, now=now)
        if call.assessment_started_at is None:
            call.assessment_started_at = now
            call.save(update_fields=["assessment_started_at"])
        moved = 0
        for application in call.applications.select_related("user").filter(
            status=ApplicationStatus.SUBMITTED
        ):
            application.call = call
            _set_status(
                application=application, to_status=ApplicationStatus.UNDER_ASSESSMENT, by=by
            )
            moved += 1
    return moved


def shortlist_save(
    *, call: RapporteurCall, by: User, application_ids: Iterable[int], now=None
) -> tuple[int, int]:
    """Put the ticked applications on the shortlist and take the others off it.
    Selected candidates stay on it. Returns (added, removed)."""
    now = now or timezone.now()
    wanted = set(application_ids)
    call_start_assessment(call=call, by=by, now=now)
    with transaction.atomic():
        call = _lock_call(call)
        applications = list(
            call.applications.select_related("user").select_for_update(of=("self",))
        )
        unknown = wanted - {application.pk for application in applications}
        if unknown:
            raise DomainError(_("Some of the ticked applications are not in this call."))
        added = removed = 0
        for application in applications:
            application.call = call
            if (
                application.pk in wanted
                and application.status == ApplicationStatus.UNDER_ASSESSMENT
            ):
                _set_status(application=application, to_status=ApplicationStatus.SHORTLISTED, by=by)
                added += 1
            elif (
                application.pk not in wanted and application.status == ApplicationStatus.SHORTLISTED
            ):
                _set_status(
                    application=application, to_status=ApplicationStatus.UNDER_ASSESSMENT, by=by
                )
                removed += 1
    return added, removed


def _decide(
    *, application: Application, to_status: str, by: User, now, refusal: str, rule=None
) -> None:
    """One selection decision on one application: the call is locked first (the places
    are counted under that lock), then the application; `rule(call)` may refuse."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(application.call)
        _require_assessment_phase(call, now=now)
        application = Application.objects.select_for_update().get(pk=application.pk)
        application.call = call
        if rule is not None:
            rule(call)
        _set_status(application=application, to_status=to_status, by=by, refusal=refusal)


def _require_a_free_place(call: RapporteurCall) -> None:
    if call.applications.filter(status=ApplicationStatus.SELECTED).count() >= call.places:
        raise DomainError(
            _("All %(places)s places are filled. Undo a selection before selecting someone else.")
            % {"places": call.places},
            code="full",
        )


def application_select(*, application: Application, by: User, now=None) -> None:
    """Select a shortlisted candidate; they are told at once. The others are told only
    when the selection is confirmed."""
    _decide(
        application=application,
        to_status=ApplicationStatus.SELECTED,
        by=by,
        now=now,
        refusal=_("Only a shortlisted candidate can be selected."),
        rule=_require_a_free_place,
    )


def application_unselect(*, application: Application, by: User, now=None) -> None:
    """Put a selected candidate back on the shortlist (e.g. they declined)."""
    _decide(
        application=application,
        to_status=ApplicationStatus.SHORTLISTED,
        by=by,
        now=now,
        refusal=_("This candidate is not selected."),
    )


def selection_confirm(*, call: RapporteurCall, by: User, now=None) -> int:
    """Make the selection final: every candidate not selected is told. Returns how
    many were told."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        _require_assessment_phase(call, now=now)
        applications = list(
            call.applications.select_related("user").select_for_update(of=("self",))
        )
        if not any(a.status == ApplicationStatus.SELECTED for a in applications):
            raise DomainError(_("Select at least one candidate before confirming."))
        told = 0
        for application in applications:
            application.call = call
            if application.status != ApplicationStatus.SELECTED:
                _set_status(
                    application=application, to_status=ApplicationStatus.NOT_SELECTED, by=by
                )
                told += 1
        call.selection_confirmed_at = now
        call.save(update_fields=["selection_confirmed_at"])
    return told


def _require_scorable(application: Application, assessor: User) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        raise DomainError(_("This application is not under assessment yet."))
    _require_not_final(application.call)
    if Recusal.objects.filter(application=application, assessor=assessor).exists():
        raise DomainError(_("You have recused yourself from this application."), code="recused")


def score_save(
    *, application: Application, assessor: User, scores: dict[int, tuple[int, str]]
) -> None:
    """Record an assessor's score (1-5) and comment for each criterion of the call."""
    criteria = {c.pk: c for c in Criterion.objects.filter(call_id=application.call_id)}
    if set(scores) != set(criteria):
        raise DomainError(_("Score every criterion from 1 to 5."))
    if any(not 1 <= value <= 5 for value, _comment in scores.values()):
        raise DomainError(_("Scores go from 1 to 5."))
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=application.pk)
        )
        _require_scorable(application, assessor)
        for criterion_id, (value, comment) in scores.items():
            Score.objects.update_or_create(
                application=application,
                assessor=assessor,
                criterion=criteria[criterion_id],
                defaults={"value": value, "comment": comment.strip()},
            )


def recusal_create(*, application: Application, assessor: User, reason: str = "") -> Recusal:
    """An assessor steps aside from one application (a conflict of interest); their
    scores for it, if any, are withdrawn."""
    with transaction.atomic():
        # The same lock as score_save: a score cannot land after the recusal removed it.
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=application.pk)
        )
        _require_not_final(application.call)
        recusal, _created = Recusal.objects.get_or_create(
            application=application, assessor=assessor, defaults={"reason": reason.strip()}
        )
        Score.objects.filter(application=application, assessor=assessor).delete()
    return recusal


def rapporteur_retention_purge(*, now=None) -> int:
    """Delete the candidates' CVs, and the assessors' scores, comments and recusals, of
    every call whose selection was confirmed RAPPORTEUR_RETENTION_DAYS ago or more (the
    privacy notice states the period). The applications stay, so that candidates keep
    the outcome and history of theirs. Safe to run twice. Returns how many CVs, scores
    and recusals were deleted."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.RAPPORTEUR_RETENTION_DAYS)
    due = Application.objects.filter(call__selection_confirmed_at__lte=cutoff)
    with transaction.atomic():
        cvs = 0
        for application in due.exclude(cv="").select_for_update(of=("self",)).order_by("pk"):
            storage, name = application.cv.storage, application.cv.name
            application.cv = ""
            application.cv_original_name = ""
            application.save(update_fields=["cv", "cv_original_name"])
            delete_file_on_commit(storage, name)
            cvs += 1
        scores, _by_model = Score.objects.filter(application__in=due).delete()
        recusals, _by_model = Recusal.objects.filter(application__in=due).delete()
    return cvs + scores + recusals
