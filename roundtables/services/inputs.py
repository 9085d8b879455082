"""Writes for stakeholder inputs: submitting, changing and withdrawing them, and their
moderation. Each service owns its transaction and row locks."""

from collections.abc import Iterable

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_status_change
from consultations.models import RegionalReview, Session
from core.errors import DomainError
from core.files import delete_file_on_commit, save_upload
from gcm.models import Objective
from outbox.services import mail_queue
from roundtables.enums import INPUT_TRANSITIONS, Attribution, InputStatus
from roundtables.models import Roundtable, StakeholderInput
from stakeholders.models import Profile, User


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
    title: str,
    text: str,
    language: str,
    input_type: str,
    objectives: Iterable[Objective],
    roundtable: Roundtable | None = None,
    attribution: str,
    publish_consent: bool,
    attachment: UploadedFile | None = None,
    now=None,
) -> StakeholderInput:
    """A written input to a review before its deadline. The author's sector and
    country are kept as they are now, for the analysis by sector and country."""
    now = now or timezone.now()
    with transaction.atomic():
        review = RegionalReview.objects.select_for_update().get(pk=review.pk)
        if not inputs_open(review, now=now):
            raise DomainError(_inputs_closed_message(review), code="closed")
        profile = Profile.objects.select_related("organisation").filter(user=author).first()
        stakeholder_input = StakeholderInput(
            review=review,
            author=author,
            sector_id=profile.sector_id if profile else None,
            country=profile.country if profile else "",
            title=title,
            text=text,
            language=language,
            input_type=input_type,
            roundtable=roundtable,
            attribution=attribution,
            attributed_to=_attributed_to(attribution=attribution, user=author, profile=profile),
            publish_consent=publish_consent,
        )
        if attachment is not None:
            save_upload(stakeholder_input.attachment, attachment)
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
    title: str,
    text: str,
    language: str,
    input_type: str,
    objectives: Iterable[Objective],
    roundtable: Roundtable | None = None,
    attribution: str,
    publish_consent: bool,
    attachment: UploadedFile | None = None,
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
        stakeholder_input.title = title
        stakeholder_input.text = text
        stakeholder_input.language = language
        stakeholder_input.input_type = input_type
        stakeholder_input.roundtable = roundtable
        stakeholder_input.attribution = attribution
        stakeholder_input.publish_consent = publish_consent
        profile = (
            Profile.objects.select_related("organisation")
            .filter(user_id=stakeholder_input.author_id)
            .first()
        )
        stakeholder_input.attributed_to = _attributed_to(
            attribution=attribution, user=stakeholder_input.author, profile=profile
        )
        storage, old = stakeholder_input.attachment.storage, stakeholder_input.attachment.name
        if attachment is not None:
            save_upload(stakeholder_input.attachment, attachment)
        elif remove_attachment:
            stakeholder_input.attachment = ""
        stakeholder_input.save()
        stakeholder_input.objectives.set(objectives)
        if old and old != stakeholder_input.attachment.name:
            delete_file_on_commit(storage, old)
    return stakeholder_input


def _require_editable(stakeholder_input: StakeholderInput, *, now) -> None:
    if stakeholder_input.status != InputStatus.SUBMITTED:
        raise DomainError(
            _("This input has been moderated and can no longer be changed."), code="moderated"
        )
    if not inputs_open(stakeholder_input.review, now=now):
        raise DomainError(_inputs_closed_message(stakeholder_input.review), code="closed")


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
            raise DomainError(
                _("This input has been moderated and can no longer be withdrawn."),
                code="moderated",
            )
        storage, name = stakeholder_input.attachment.storage, stakeholder_input.attachment.name
        stakeholder_input.delete()
        delete_file_on_commit(storage, name)


def _moderation_refusal(source: str, target: str) -> str:
    if source == InputStatus.MERGED:
        return _("This input has been merged into another one: that decision is final.")
    if source == target:
        return _("This input has already been moderated that way.")
    return _("A rejected input cannot be merged. Accept it first if it is a duplicate.")


def _moderated(stakeholder_input: StakeholderInput, *, status: str, by: User, now) -> None:
    """The one place an input's status changes: the move is checked against
    INPUT_TRANSITIONS, recorded with who moderated it, and the author is told."""
    INPUT_TRANSITIONS.check(
        stakeholder_input.status,
        status,
        message=_moderation_refusal(stakeholder_input.status, status),
    )
    audit_status_change(
        by=by,
        target=stakeholder_input,
        old=stakeholder_input.status,
        new=status,
        subject_id=stakeholder_input.author_id,
    )
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
        raise DomainError(_("Give the author a reason for the rejection."), field="reason")
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
        raise DomainError(_("An input cannot be merged into itself."), field="into")
    with transaction.atomic():
        duplicate = _lock_input(duplicate)
        into = _lock_input(into)
        if into.review_id != duplicate.review_id:
            raise DomainError(_("Merge only inputs to the same review."), field="into")
        if into.status in {InputStatus.MERGED, InputStatus.REJECTED}:
            raise DomainError(
                _("Merge into an input that is accepted or still to be moderated."), field="into"
            )
        duplicate.merged_into = into
        duplicate.rejection_reason = ""
        _moderated(duplicate, status=InputStatus.MERGED, by=by, now=now)
        into.objectives.add(*duplicate.objectives.all())
        StakeholderInput.objects.filter(merged_into=duplicate).update(merged_into=into)


def input_set_source(
    *, stakeholder_input: StakeholderInput, session: Session | None
) -> StakeholderInput:
    """Note the consultation at which an oral input was raised."""
    with transaction.atomic():
        stakeholder_input = _lock_input(stakeholder_input)
        if session is not None and session.review_id != stakeholder_input.review_id:
            raise DomainError(
                _("Choose a consultation of the same review."), field="source_session"
            )
        stakeholder_input.source_session = session
        stakeholder_input.save(update_fields=["source_session", "updated_at"])
    return stakeholder_input
