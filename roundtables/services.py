"""Writes for the Rapporteur call and stakeholder inputs. Each service owns its
transaction and row locks, and queues its emails through the outbox (sent after commit,
in the recipient's language)."""

import os
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext as _

from consultations.models import RegionalReview, Session
from outbox.services import mail_queue
from roundtables.enums import ApplicationStatus, Attribution, InputStatus
from roundtables.models import (
    Application,
    ApplicationStatusChange,
    Criterion,
    RapporteurCall,
    Recusal,
    Score,
    StakeholderInput,
)
from stakeholders.models import Profile, User

APPLICATION_FIELDS = (
    "motivation",
    "experience",
    "languages",
    "other_languages",
    "sector",
    "country_of_residence",
    "gender",
    "gender_self_description",
    "lived_migration_experience",
)
INPUT_FIELDS = ("title", "text", "language", "input_type", "roundtable", "attribution")


def _delete_file_later(storage, name: str) -> None:
    """Delete a replaced or orphaned private file once the transaction has committed."""
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _save_upload(field_file, upload) -> None:
    """Store an upload under the field's own generated name (never the uploaded one)."""
    field_file.save("upload.pdf", upload, save=False)


# --- Rapporteur applications -------------------------------------------------------------


def _lock_call(call: RapporteurCall) -> RapporteurCall:
    return RapporteurCall.objects.select_for_update().get(pk=call.pk)


def application_submit(
    *,
    call: RapporteurCall,
    user: User,
    data: dict,
    cv=None,
    now=None,
) -> tuple[Application, bool]:
    """Create or update the user's one application to the call, until its deadline.

    The deadline is an absolute instant: an application that reaches the server at or
    after it is refused, whatever the candidate's time zone. Returns the application
    and whether it was created.
    """
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        if not call.is_open(now=now):
            raise ValidationError(call_closed_message(call, now=now), code="closed")
        application = Application.objects.select_for_update().filter(call=call, user=user).first()
        created = application is None
        if created:
            if cv is None:
                raise ValidationError({"cv": _("Please upload your CV as a PDF.")})
            application = Application(call=call, user=user)
        for name in APPLICATION_FIELDS:
            setattr(application, name, data[name])
        old_cv = application.cv.name if not created else ""
        if cv is not None:
            _save_upload(application.cv, cv)
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
            _delete_file_later(application.cv.storage, old_cv)
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
            raise ValidationError(call_closed_message(call, now=now), code="closed")
        storage, name = application.cv.storage, application.cv.name
        application.delete()
        _delete_file_later(storage, name)


def _set_status(*, application: Application, to_status: str, by: User | None) -> None:
    """Every status change is recorded and emailed to the candidate, in their language."""
    if application.status == to_status:
        return
    ApplicationStatusChange.objects.create(
        application=application,
        from_status=application.status,
        to_status=to_status,
        changed_by=by,
    )
    application.status = to_status
    application.shortlisted = to_status in {
        ApplicationStatus.SHORTLISTED,
        ApplicationStatus.SELECTED,
    }
    application.save(update_fields=["status", "shortlisted", "updated_at"])
    user = application.user
    mail_queue(
        to=user.email,
        template="emails/rapporteur_status",
        context={"application": application, "call": application.call, "user": user},
        language=user.language,
    )


def _require_review_phase(call: RapporteurCall, *, now) -> None:
    if not call.has_closed(now=now):
        raise ValidationError(
            _("The review starts after the deadline; applications can still change until then.")
        )
    if call.selection_confirmed_at is not None:
        raise ValidationError(_("The selection of this call has been confirmed: it is final."))


def call_start_review(*, call: RapporteurCall, by: User | None = None, now=None) -> int:
    """After the deadline, move every submitted application to "under review" (each
    candidate is told). Safe to run twice: returns how many moved this time."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        _require_review_phase(call, now=now)
        if call.review_started_at is None:
            call.review_started_at = now
            call.save(update_fields=["review_started_at"])
        moved = 0
        for application in call.applications.select_related("user").filter(
            status=ApplicationStatus.SUBMITTED
        ):
            application.call = call
            _set_status(application=application, to_status=ApplicationStatus.UNDER_REVIEW, by=by)
            moved += 1
    return moved


def shortlist_save(
    *, call: RapporteurCall, by: User, application_ids: Iterable[int], now=None
) -> tuple[int, int]:
    """Put the ticked applications on the shortlist and take the others off it.
    Selected candidates stay on it. Returns (added, removed)."""
    now = now or timezone.now()
    wanted = set(application_ids)
    call_start_review(call=call, by=by, now=now)
    with transaction.atomic():
        call = _lock_call(call)
        applications = list(
            call.applications.select_related("user").select_for_update(of=("self",))
        )
        unknown = wanted - {application.pk for application in applications}
        if unknown:
            raise ValidationError(_("Some of the ticked applications are not in this call."))
        added = removed = 0
        for application in applications:
            application.call = call
            if application.pk in wanted and application.status == ApplicationStatus.UNDER_REVIEW:
                _set_status(application=application, to_status=ApplicationStatus.SHORTLISTED, by=by)
                added += 1
            elif (
                application.pk not in wanted and application.status == ApplicationStatus.SHORTLISTED
            ):
                _set_status(
                    application=application, to_status=ApplicationStatus.UNDER_REVIEW, by=by
                )
                removed += 1
    return added, removed


def application_select(*, application: Application, by: User, now=None) -> None:
    """Select a shortlisted candidate; they are told at once. The others are told only
    when the selection is confirmed."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(application.call)
        _require_review_phase(call, now=now)
        application = Application.objects.select_for_update().get(pk=application.pk)
        application.call = call
        if application.status != ApplicationStatus.SHORTLISTED:
            raise ValidationError(_("Only a shortlisted candidate can be selected."))
        selected = call.applications.filter(status=ApplicationStatus.SELECTED).count()
        if selected >= call.places:
            raise ValidationError(
                _(
                    "All %(places)s places are filled. Undo a selection before selecting "
                    "someone else."
                )
                % {"places": call.places}
            )
        _set_status(application=application, to_status=ApplicationStatus.SELECTED, by=by)


def application_unselect(*, application: Application, by: User, now=None) -> None:
    """Put a selected candidate back on the shortlist (e.g. they declined)."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(application.call)
        _require_review_phase(call, now=now)
        application = Application.objects.select_for_update().get(pk=application.pk)
        application.call = call
        if application.status != ApplicationStatus.SELECTED:
            raise ValidationError(_("This candidate is not selected."))
        _set_status(application=application, to_status=ApplicationStatus.SHORTLISTED, by=by)


def selection_confirm(*, call: RapporteurCall, by: User, now=None) -> int:
    """Make the selection final: every candidate not selected is told. Returns how
    many were told."""
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        _require_review_phase(call, now=now)
        applications = list(
            call.applications.select_related("user").select_for_update(of=("self",))
        )
        if not any(a.status == ApplicationStatus.SELECTED for a in applications):
            raise ValidationError(_("Select at least one candidate before confirming."))
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


def _require_scorable(application: Application, reviewer: User) -> None:
    if application.status == ApplicationStatus.SUBMITTED:
        raise ValidationError(_("This application is not under review yet."))
    if application.call.selection_confirmed_at is not None:
        raise ValidationError(_("The selection of this call has been confirmed: it is final."))
    if Recusal.objects.filter(application=application, reviewer=reviewer).exists():
        raise ValidationError(_("You have recused yourself from this application."))


def score_save(
    *, application: Application, reviewer: User, scores: dict[int, tuple[int, str]]
) -> None:
    """Record a reviewer's score (1-5) and comment for each criterion of the call."""
    criteria = {c.pk: c for c in Criterion.objects.filter(call_id=application.call_id)}
    if set(scores) != set(criteria):
        raise ValidationError(_("Score every criterion from 1 to 5."))
    if any(not 1 <= value <= 5 for value, _comment in scores.values()):
        raise ValidationError(_("Scores go from 1 to 5."))
    with transaction.atomic():
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=application.pk)
        )
        _require_scorable(application, reviewer)
        for criterion_id, (value, comment) in scores.items():
            Score.objects.update_or_create(
                application=application,
                reviewer=reviewer,
                criterion=criteria[criterion_id],
                defaults={"value": value, "comment": comment.strip()},
            )


def recusal_create(*, application: Application, reviewer: User, reason: str = "") -> Recusal:
    """A reviewer steps aside from one application (a conflict of interest); their
    scores for it, if any, are withdrawn."""
    with transaction.atomic():
        # The same lock as score_save: a score cannot land after the recusal removed it.
        application = (
            Application.objects.select_for_update(of=("self",))
            .select_related("call")
            .get(pk=application.pk)
        )
        if application.call.selection_confirmed_at is not None:
            raise ValidationError(_("The selection of this call has been confirmed: it is final."))
        recusal, _created = Recusal.objects.get_or_create(
            application=application, reviewer=reviewer, defaults={"reason": reason.strip()}
        )
        Score.objects.filter(application=application, reviewer=reviewer).delete()
    return recusal


# --- Stakeholder inputs ------------------------------------------------------------------


def inputs_open(review: RegionalReview, *, now=None) -> bool:
    now = now or timezone.now()
    return review.inputs_deadline is not None and now < review.inputs_deadline


def _inputs_closed_message(review: RegionalReview) -> str:
    if review.inputs_deadline is None:
        return _("This review does not take written inputs.")
    return _("The deadline for written inputs to this review has passed.")


def _attributed_to(*, attribution: str, user: User, profile: Profile | None) -> str:
    if attribution == Attribution.ANONYMOUS:
        return ""
    if attribution == Attribution.ORGANISATION and profile and profile.organisation_id:
        return profile.organisation.name
    return user.name or ""


def input_submit(
    *,
    review: RegionalReview,
    author: User,
    data: dict,
    objectives: Iterable,
    attachment=None,
    now=None,
) -> StakeholderInput:
    """A written input to a review before its deadline. The author's sector and
    country are kept as they are now, for the analysis by sector and country."""
    now = now or timezone.now()
    with transaction.atomic():
        review = RegionalReview.objects.select_for_update().get(pk=review.pk)
        if not inputs_open(review, now=now):
            raise ValidationError(_inputs_closed_message(review), code="closed")
        profile = Profile.objects.select_related("organisation").filter(user=author).first()
        stakeholder_input = StakeholderInput(
            review=review,
            author=author,
            sector_id=profile.sector_id if profile else None,
            country=profile.country if profile else "",
            publish_consent=data["publish_consent"],
        )
        for name in INPUT_FIELDS:
            setattr(stakeholder_input, name, data[name])
        stakeholder_input.attributed_to = _attributed_to(
            attribution=data["attribution"], user=author, profile=profile
        )
        if attachment is not None:
            _save_upload(stakeholder_input.attachment, attachment)
        try:
            stakeholder_input.save()
        except Exception:
            if attachment is not None:
                stakeholder_input.attachment.storage.delete(stakeholder_input.attachment.name)
            raise
        stakeholder_input.objectives.set(objectives)
        mail_queue(
            to=author.email,
            template="emails/inputs_received",
            context={"input": stakeholder_input, "review": review, "user": author},
            language=author.language,
        )
    return stakeholder_input


def input_update(
    *,
    stakeholder_input: StakeholderInput,
    data: dict,
    objectives: Iterable,
    attachment=None,
    remove_attachment: bool = False,
    now=None,
) -> StakeholderInput:
    """The author changes an input not yet moderated, before the deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        stakeholder_input = (
            StakeholderInput.objects.select_for_update(of=("self",))
            .select_related("review", "author")
            .get(pk=stakeholder_input.pk)
        )
        _require_editable(stakeholder_input, now=now)
        for name in INPUT_FIELDS:
            setattr(stakeholder_input, name, data[name])
        stakeholder_input.publish_consent = data["publish_consent"]
        profile = (
            Profile.objects.select_related("organisation")
            .filter(user_id=stakeholder_input.author_id)
            .first()
        )
        stakeholder_input.attributed_to = _attributed_to(
            attribution=data["attribution"], user=stakeholder_input.author, profile=profile
        )
        storage, old = stakeholder_input.attachment.storage, stakeholder_input.attachment.name
        if attachment is not None:
            _save_upload(stakeholder_input.attachment, attachment)
        elif remove_attachment:
            stakeholder_input.attachment = ""
        stakeholder_input.save()
        stakeholder_input.objectives.set(objectives)
        if old and old != stakeholder_input.attachment.name:
            _delete_file_later(storage, old)
    return stakeholder_input


def _require_editable(stakeholder_input: StakeholderInput, *, now) -> None:
    if stakeholder_input.status != InputStatus.SUBMITTED:
        raise ValidationError(_("This input has been moderated and can no longer be changed."))
    if not inputs_open(stakeholder_input.review, now=now):
        raise ValidationError(_inputs_closed_message(stakeholder_input.review))


def input_withdraw(*, stakeholder_input: StakeholderInput, now=None) -> None:
    """The author withdraws an input that has not been moderated yet."""
    now = now or timezone.now()
    with transaction.atomic():
        stakeholder_input = (
            StakeholderInput.objects.select_for_update(of=("self",))
            .select_related("review")
            .get(pk=stakeholder_input.pk)
        )
        if stakeholder_input.status != InputStatus.SUBMITTED:
            raise ValidationError(
                _("This input has been moderated and can no longer be withdrawn.")
            )
        storage, name = stakeholder_input.attachment.storage, stakeholder_input.attachment.name
        stakeholder_input.delete()
        _delete_file_later(storage, name)


def _moderated(stakeholder_input: StakeholderInput, *, status: str, by: User, now) -> None:
    stakeholder_input.status = status
    stakeholder_input.moderated_by = by
    stakeholder_input.moderated_at = now
    stakeholder_input.save()
    author = stakeholder_input.author
    if author is not None:
        mail_queue(
            to=author.email,
            template="emails/inputs_moderated",
            context={
                "input": stakeholder_input,
                "review": stakeholder_input.review,
                "user": author,
            },
            language=author.language,
        )


def _lock_input(stakeholder_input: StakeholderInput) -> StakeholderInput:
    return (
        StakeholderInput.objects.select_for_update(of=("self",))
        .select_related("review", "author", "merged_into")
        .get(pk=stakeholder_input.pk)
    )


def input_accept(*, stakeholder_input: StakeholderInput, by: User, now=None) -> None:
    now = now or timezone.now()
    with transaction.atomic():
        stakeholder_input = _lock_input(stakeholder_input)
        if stakeholder_input.status == InputStatus.ACCEPTED:
            return
        stakeholder_input.rejection_reason = ""
        stakeholder_input.merged_into = None
        _moderated(stakeholder_input, status=InputStatus.ACCEPTED, by=by, now=now)


def input_reject(*, stakeholder_input: StakeholderInput, by: User, reason: str, now=None) -> None:
    """Reject with a reason, which the author is sent."""
    now = now or timezone.now()
    if not reason.strip():
        raise ValidationError({"reason": _("Give the author a reason for the rejection.")})
    with transaction.atomic():
        stakeholder_input = _lock_input(stakeholder_input)
        stakeholder_input.rejection_reason = reason.strip()
        stakeholder_input.merged_into = None
        _moderated(stakeholder_input, status=InputStatus.REJECTED, by=by, now=now)


def input_merge(*, duplicate: StakeholderInput, into: StakeholderInput, by: User, now=None) -> None:
    """Merge a duplicate into another input of the same review: the kept input gains
    the duplicate's objectives, and inputs merged into the duplicate follow it."""
    now = now or timezone.now()
    if duplicate.pk == into.pk:
        raise ValidationError({"into": _("An input cannot be merged into itself.")})
    with transaction.atomic():
        duplicate = _lock_input(duplicate)
        into = _lock_input(into)
        if into.review_id != duplicate.review_id:
            raise ValidationError({"into": _("Merge only inputs to the same review.")})
        if into.status in {InputStatus.MERGED, InputStatus.REJECTED}:
            raise ValidationError(
                {"into": _("Merge into an input that is accepted or still to be moderated.")}
            )
        into.objectives.add(*duplicate.objectives.all())
        StakeholderInput.objects.filter(merged_into=duplicate).update(merged_into=into)
        duplicate.merged_into = into
        duplicate.rejection_reason = ""
        _moderated(duplicate, status=InputStatus.MERGED, by=by, now=now)


def input_set_source(
    *, stakeholder_input: StakeholderInput, session: Session | None
) -> StakeholderInput:
    """Note the consultation at which an oral input was raised."""
    with transaction.atomic():
        stakeholder_input = _lock_input(stakeholder_input)
        if session is not None and session.review_id != stakeholder_input.review_id:
            raise ValidationError(
                {"source_session": _("Choose a consultation of the same review.")}
            )
        stakeholder_input.source_session = session
        stakeholder_input.save(update_fields=["source_session", "updated_at"])
    return stakeholder_input
