from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ContactBasis(models.TextChoices):
    """Why the secretariat may write to a contact. Kept on the contact, apart from any
    account: a person in the directory may never have signed up."""

    CONSENT = "consent", _("Agreed to be contacted")
    PARTICIPANT = "participant", _("Took part in a consultation")
    NONE = "", _("Not recorded")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", pgettext_lazy("import status", "Preview")
    APPLIED = "applied", pgettext_lazy("import status", "Imported")


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("campaign status", "Draft")
    SENDING = "sending", pgettext_lazy("campaign status", "Sending")
    SENT = "sent", pgettext_lazy("campaign status", "Sent")
