"""What roundtables hold about a person, for "Download my data" and "Delete my account"
(stakeholders.privacy): written inputs, Rapporteur applications with their CVs, and
places on roundtable panels; and the retention rule of CVs and scores.

Deleting an account withdraws the person's unpublished inputs; a published input stays,
under the attribution its author's consent allows but never under their name. A
Rapporteur application goes with its CV, and where that touches a selection still open,
or a candidate on the shortlist, the selection managers are told."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.enums import AuditAction
from audit.services import audit_record
from core.files import delete_file_on_commit
from outbox.services import mail_queue
from roundtables.enums import ON_SHORTLIST, ApplicationStatus, Attribution
from roundtables.models import Application, RapporteurCall, RoundtableRole, StakeholderInput
from roundtables.selectors.rapporteur import selection_managers
from roundtables.services.rapporteur import rapporteur_retention_purge
from stakeholders import privacy


def register() -> None:
    privacy.register(
        "inputs",
        export=_export_inputs,
        erase=_erase_inputs,
        files=_input_files,
        explain=_explain_inputs,
    )
    privacy.register(
        "rapporteur_applications",
        export=_export_applications,
        erase=_erase_applications,
        files=_cv_files,
        explain=_explain_applications,
    )
    privacy.register(
        "roundtable_roles", export=_export_roles, erase=_erase_roles, explain=_explain_roles
    )
    privacy.register_purge(
        "rapporteur", rapporteur_retention_purge, label="Rapporteur CVs, scores and recusals"
    )


# --- written inputs -----------------------------------------------------------------------


def _attachment_path(stakeholder_input: StakeholderInput) -> str:
    return f"files/inputs/input-{stakeholder_input.pk}.pdf"


def _export_inputs(user) -> list[dict]:
    inputs = (
        StakeholderInput.objects.filter(author=user)
        .select_related("review", "roundtable", "sector")
        .prefetch_related("objectives")
        .order_by("created_at", "pk")
    )
    return [
        {
            "title": item.title,
            "text": item.text,
            "review": item.review.title,
            "language": item.language,
            "type": item.input_type,
            "objectives": [objective.number for objective in item.objectives.all()],
            "roundtable": item.roundtable.title if item.roundtable else None,
            "published_as": item.attribution,
            "attributed_to": item.attributed_to,
            "may_be_published": item.publish_consent,
            "status": item.status,
            "reason_for_rejection": item.rejection_reason,
            "sector": privacy.sector_data(item.sector),
            "country": str(item.country),
            "attachment": _attachment_path(item) if item.attachment else None,
            "submitted_at": item.created_at,
            "moderated_at": item.moderated_at,
        }
        for item in inputs
    ]


def _input_files(user):
    for item in StakeholderInput.objects.filter(author=user).exclude(attachment=""):
        yield _attachment_path(item), item.attachment


def _names_the_person(item: StakeholderInput, user) -> bool:
    """Published under the person's name, or under the name printed for someone who
    chose their organisation but had none."""
    if item.attribution == Attribution.PERSON:
        return True
    name = user.name.strip().casefold()
    return bool(name) and item.attributed_to.strip().casefold() == name


def _erase_inputs(user, *, now) -> dict:
    """Unpublished inputs (not accepted, or without consent to publication) are
    withdrawn. A published one stays as published, with no link to the person: an
    attribution to their organisation stays, one to their name becomes anonymous (its
    sector and country remain, as for any anonymous input). Attachments go in every case:
    a file of the person's may carry their name where no one can remove it."""
    withdrawn = anonymised = kept = 0
    inputs = StakeholderInput.objects.select_for_update().filter(author=user).order_by("pk")
    for item in inputs:
        delete_file_on_commit(item.attachment.storage, item.attachment.name)
        if not item.is_published:
            item.delete()
            withdrawn += 1
            continue
        if _names_the_person(item, user):
            item.attribution = Attribution.ANONYMOUS
            item.attributed_to = ""
            anonymised += 1
        item.author = None
        item.attachment = ""
        item.save(update_fields=["author", "attachment", "attribution", "attributed_to"])
        kept += 1
    return {"withdrawn": withdrawn, "kept_published": kept, "made_anonymous": anonymised}


def _explain_inputs(user, *, now) -> list[str]:
    inputs = list(StakeholderInput.objects.filter(author=user))
    published = [item for item in inputs if item.is_published]
    unpublished = len(inputs) - len(published)
    sentences = []
    if unpublished:
        sentences.append(
            ngettext(
                "%(count)s written input not published will be withdrawn.",
                "%(count)s written inputs not published will be withdrawn.",
                unpublished,
            )
            % {"count": unpublished}
        )
    if published:
        sentences.append(
            ngettext(
                "%(count)s published input stays published, as part of the record of the "
                "consultations: attributed to your organisation if you chose so, otherwise "
                "anonymously, never under your name. Its attachment is deleted.",
                "%(count)s published inputs stay published, as part of the record of the "
                "consultations: attributed to your organisation if you chose so, otherwise "
                "anonymously, never under your name. Their attachments are deleted.",
                len(published),
            )
            % {"count": len(published)}
        )
    return sentences


# --- Rapporteur applications --------------------------------------------------------------


def _cv_path(application: Application) -> str:
    return f"files/rapporteur/cv-{application.reference}.pdf"


def _export_applications(user) -> list[dict]:
    applications = (
        Application.objects.filter(user=user)
        .select_related("call", "sector")
        .prefetch_related("status_changes")
        .order_by("submitted_at", "pk")
    )
    return [
        {
            "call": application.call.title,
            "reference": application.reference,
            "motivation": application.motivation,
            "experience": application.experience,
            "working_languages": application.languages,
            "other_languages": application.other_languages,
            "sector": privacy.sector_data(application.sector),
            "country_of_residence": str(application.country_of_residence),
            "gender": application.gender,
            "gender_self_description": application.gender_self_description,
            "lived_migration_experience": application.lived_migration_experience,
            "status": application.status,
            "history": [
                {"from": change.from_status, "to": change.to_status, "at": change.changed_at}
                for change in application.status_changes.all()
            ],
            "cv": _cv_path(application) if application.cv else None,
            "cv_file_name": application.cv_original_name,
            "submitted_at": application.submitted_at,
        }
        for application in applications
    ]


def _cv_files(user):
    for application in Application.objects.filter(user=user).exclude(cv=""):
        yield _cv_path(application), application.cv


def _affects_selection(application: Application, call: RapporteurCall) -> bool:
    """The selection managers must know when a candidate leaves a selection still to be
    confirmed, or leaves the shortlist or the Rapporteur's place itself."""
    return call.selection_confirmed_at is None or application.status in ON_SHORTLIST


def _erase_applications(user, *, now) -> dict:
    """Each application goes with its CV, its history and the scores given to it. When
    it touches a selection (see _affects_selection) every selection manager is written
    to in their own language, naming the application's reference only, and the event is
    kept in the audit trail."""
    deleted = affected = 0
    managers = None
    for application in Application.objects.filter(user=user).order_by("call_id", "pk"):
        # The call first, then the application: the order of the selection services.
        call = RapporteurCall.objects.select_for_update().get(pk=application.call_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        reference, status = application.reference, application.status
        storage, name = application.cv.storage, application.cv.name
        affects = _affects_selection(application, call)
        application.delete()
        delete_file_on_commit(storage, name)
        deleted += 1
        if not affects:
            continue
        affected += 1
        if managers is None:
            managers = selection_managers()
        for manager in managers:
            mail_queue(
                to=manager.email,
                template="emails/rapporteur_candidate_left",
                context={
                    "manager": manager,
                    "call": call,
                    "reference": reference,
                    "status": ApplicationStatus(status).label,
                    "was_selected": status == ApplicationStatus.SELECTED,
                    "was_shortlisted": status == ApplicationStatus.SHORTLISTED,
                },
                language=manager.language,
            )
        audit_record(
            actor=None,
            action=AuditAction.DELETED_ACCOUNT,
            target=call,
            subject_id=user.pk,
            detail={"application": reference, "status": status, "managers_told": len(managers)},
        )
    return {"applications": deleted, "selections_affected": affected}


def _explain_applications(user, *, now) -> list[str]:
    sentences = []
    for application in Application.objects.filter(user=user).select_related("call"):
        if _affects_selection(application, application.call):
            sentences.append(
                _(
                    "Your application %(reference)s to “%(call)s” and your CV will be "
                    "deleted, and the secretariat will be told that you have left the "
                    "selection."
                )
                % {"reference": application.reference, "call": application.call.title}
            )
        else:
            sentences.append(
                _("Your application %(reference)s to “%(call)s” and your CV will be deleted.")
                % {"reference": application.reference, "call": application.call.title}
            )
    return sentences


# --- roundtable panels --------------------------------------------------------------------


def _export_roles(user) -> list[dict]:
    roles = (
        RoundtableRole.objects.filter(user=user)
        .select_related("roundtable__review")
        .order_by("roundtable__review__meeting_date", "roundtable__number", "pk")
    )
    return [
        {
            "review": role.roundtable.review.title,
            "roundtable": role.roundtable.title,
            "role": role.kind,
            "title_or_function": role.title,
            "affiliation": role.affiliation,
        }
        for role in roles
    ]


def _erase_roles(user, *, now) -> dict:
    """A panel place held through the account goes with it: a role names its person, and
    without the account there is no one left to name. The secretariat can add a name
    again if the person agrees."""
    deleted, _by_model = RoundtableRole.objects.filter(user=user).delete()
    return {"roles": deleted}


def _explain_roles(user, *, now) -> list[str]:
    count = RoundtableRole.objects.filter(user=user).count()
    if not count:
        return []
    return [
        ngettext(
            "You will be taken off the panel of %(count)s roundtable.",
            "You will be taken off the panels of %(count)s roundtables.",
            count,
        )
        % {"count": count}
    ]
