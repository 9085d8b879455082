"""The key messages of a review's outcome report, traceable to what they draw on."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from consultations.models import RegionalReview, Session
from roundtables.models.clusters import Roundtable
from roundtables.models.inputs import StakeholderInput


class KeyMessage(models.Model):
    """A key message of a review's outcome report, traceable to what it draws on."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="key_messages",
        verbose_name=_("Regional Review"),
    )
    roundtable = models.ForeignKey(
        Roundtable,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_messages",
        verbose_name=_("roundtable"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text = models.TextField(_("text"))
    sessions = models.ManyToManyField(
        Session, related_name="+", verbose_name=_("drawn from sessions"), blank=True
    )
    inputs = models.ManyToManyField(
        StakeholderInput, related_name="+", verbose_name=_("drawn from inputs"), blank=True
    )

    class Meta:
        ordering = ["review", "roundtable__number", "position", "pk"]
        verbose_name = _("key message")
        verbose_name_plural = _("key messages")

    def __str__(self) -> str:
        return self.text[:80]
