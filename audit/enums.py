from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    """What the trail records: each access to personal data of a sensitive kind, and each
    act that changes someone's situation or reaches many people."""

    VIEWED_ACCREDITATION = "viewed-accreditation", _("Viewed accreditation data")
    VIEWED_ID_PHOTO = "viewed-id-photo", _("Viewed an ID photo")
    DOWNLOADED_CV = "downloaded-cv", _("Downloaded a CV")
    EXPORTED_PERSONAL_DATA = "exported-personal-data", _("Exported personal data")
    CHANGED_STATUS = "changed-status", _("Changed a status")
    EMAILED_PARTICIPANTS = "emailed-participants", _("Emailed participants")
    DOWNLOADED_OWN_DATA = "downloaded-own-data", _("Downloaded their own data")
    DELETED_ACCOUNT = "deleted-account", _("Deleted their account")
    PURGED_DATA = "purged-data", _("Purged personal data by the retention rules")
