"""The secretariat's reach: a directory of organisations and contacts, contact lists
imported from spreadsheets, invitation campaigns and the invitations they sent."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from consultations.models import RegionalReview, Session
from gcm.models import Sector, SubRegion
from outbox.models import OutgoingMail
from outreach.enums import CampaignStatus, ContactBasis, ImportStatus
from stakeholders.models import Organisation


class Contact(models.Model):
    """A person the secretariat may write to. Their basis for being contacted (and an
    unsubscription) belongs to the contact, not to an account: most people in the
    directory never signed up, and someone who did keeps the choice made here."""

    email = models.EmailField(_("email address"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("organisation"),
    )
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contacts",
        verbose_name=_("sector"),
    )
    country = CountryField(_("country"), blank=True)
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    basis = models.CharField(
        _("basis for contact"),
        max_length=20,
        choices=ContactBasis.choices,
        default=ContactBasis.NONE,
        blank=True,
    )
    basis_recorded_at = models.DateTimeField(_("basis recorded"), null=True, blank=True)
    basis_source = models.CharField(_("source of the basis"), max_length=200, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["email"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        constraints = [
            # Addresses are stored in lower case by the services; the index keeps a
            # differently cased duplicate out even when something else writes.
            models.UniqueConstraint(Lower("email"), name="contact_email_unique"),
            models.CheckConstraint(
                condition=models.Q(basis__in=ContactBasis.values), name="contact_basis_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name or self.email


class OrganisationMerge(models.Model):
    """The record of two organisations made one: what the merged one was, and how many
    links of each kind moved to the one kept."""

    kept = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="merges",
        verbose_name=_("organisation kept"),
    )
    merged_id = models.PositiveBigIntegerField(_("id of the merged organisation"))
    merged_name = models.CharField(_("name of the merged organisation"), max_length=250)
    merged_data = models.JSONField(_("merged organisation"), default=dict)
    moved = models.JSONField(_("links moved"), default=dict)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("merged by"),
    )
    merged_at = models.DateTimeField(_("merged"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("organisation merge")
        verbose_name_plural = _("organisation merges")

    def __str__(self) -> str:
        return f"{self.merged_name} → {self.kept}"


class ContactImport(models.Model):
    """One uploaded contact list: its checked rows wait here between the preview and the
    confirmation, and the contacts it touched make a list a campaign can address."""

    name = models.CharField(_("name of the list"), max_length=200)
    filename = models.CharField(_("file"), max_length=255)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PREVIEW
    )
    rows = models.JSONField(_("rows"), default=list)
    contacts = models.ManyToManyField(
        Contact, blank=True, related_name="imports", verbose_name=_("contacts")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    applied_at = models.DateTimeField(_("imported"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact import")
        verbose_name_plural = _("contact imports")

    def __str__(self) -> str:
        return self.name


class Campaign(models.Model):
    """An invitation to a review, or to one of its sessions, sent to a segment of the
    directory. The segment's criteria all apply together; empty ones are ignored."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="campaigns",
        verbose_name=_("Regional Review"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("session"),
        help_text=_("Leave empty to invite to the review as a whole."),
    )
    name = models.CharField(_("internal name"), max_length=200, help_text=_("Seen by staff only."))
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("message"))
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    country = CountryField(_("country"), blank=True)
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sub-region"),
    )
    migrant_led = models.BooleanField(_("migrant-led organisations only"), default=False)
    diaspora = models.BooleanField(_("diaspora organisations only"), default=False)
    past_review = models.ForeignKey(
        RegionalReview,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("past participants of"),
    )
    contact_list = models.ForeignKey(
        ContactImport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name=_("imported list"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    skipped_unsubscribed = models.PositiveIntegerField(_("skipped: unsubscribed"), default=0)
    skipped_no_basis = models.PositiveIntegerField(_("skipped: no basis for contact"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=CampaignStatus.values), name="campaign_status_valid"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """One contact invited by one campaign, in the contact's language. The link in the
    mail carries a signed token of this row; opening it is the only thing recorded
    (no tracking pixel)."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("campaign")
    )
    contact = models.ForeignKey(
        Contact, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("contact")
    )
    language = models.CharField(_("language"), max_length=10)
    # The contact's sector when invited, so that the funnel by segment stays what it was.
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    mail = models.ForeignKey(
        OutgoingMail,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("mail"),
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    opened_at = models.DateTimeField(_("link opened"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "contact"], name="invitation_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.contact}"
