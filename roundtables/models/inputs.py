"""Stakeholder inputs: written inputs to a review tagged to GCM objectives, and oral inputs
noted from a consultation."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from consultations.models import RegionalReview, Session
from core.storage import get_private_storage
from gcm.models import Objective, Sector
from roundtables.enums import (
    Attribution,
    InputStatus,
    InputType,
)
from roundtables.models.clusters import Roundtable


def input_attachment_path(instance, filename: str) -> str:
    # Never derived from the uploaded name, which may identify the author.
    return f"inputs/{instance.review_id}/{secrets.token_hex(16)}.pdf"


class StakeholderInput(models.Model):
    """A written input to a review, or an oral one noted from a consultation."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="inputs",
        verbose_name=_("Regional Review"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("author"),
    )
    # Who it speaks for, as printed (oral inputs have no account: "Stakeholders").
    attributed_to = models.CharField(_("attributed to"), max_length=250, blank=True)
    attribution = models.CharField(
        _("published as"),
        max_length=14,
        choices=Attribution.choices,
        default=Attribution.ORGANISATION,
    )
    # Snapshot of the author's sector and country at submission, for the analysis.
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    country = CountryField(_("country"), blank=True)
    title = models.CharField(_("title"), max_length=300)
    text = models.TextField(_("text"), max_length=20000)  # enforced by forms only
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    input_type = models.CharField(_("type"), max_length=10, choices=InputType.choices)
    objectives = models.ManyToManyField(
        Objective, related_name="inputs", verbose_name=_("GCM objectives addressed"), blank=True
    )
    roundtable = models.ForeignKey(
        Roundtable,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inputs",
        verbose_name=_("roundtable"),
    )
    attachment = models.FileField(
        _("PDF attachment"),
        upload_to=input_attachment_path,
        storage=get_private_storage,
        blank=True,
        max_length=200,
    )
    source_session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="oral_inputs",
        verbose_name=_("raised orally at"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    publish_consent = models.BooleanField(_("may be published"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=InputStatus.choices, default=InputStatus.SUBMITTED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
        verbose_name=_("merged into"),
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["review", "position", "created_at", "pk"]
        verbose_name = _("stakeholder input")
        verbose_name_plural = _("stakeholder inputs")
        indexes = [
            models.Index(fields=["review", "status"], name="input_review_status"),
            # The admin list's default order (the Meta ordering).
            models.Index(fields=["review", "position", "created_at", "id"], name="input_list"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == InputStatus.ACCEPTED and self.publish_consent
