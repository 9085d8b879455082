"""The roundtable clusters of a review, the GCM objectives each covers, and the people on
each panel."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from consultations.models import RegionalReview, Session
from gcm.enums import MembershipKind
from gcm.models import Objective, Sector
from gcm.selectors import region_membership_kinds
from roundtables.enums import (
    RoleKind,
)
from roundtables.validators import validate_role
from stakeholders.enums import Gender


class Roundtable(models.Model):
    """A thematic roundtable of a review, clustering GCM objectives as the four IMRF
    roundtables do (A/RES/73/326, para 21)."""

    review = models.ForeignKey(
        RegionalReview,
        on_delete=models.CASCADE,
        related_name="roundtables",
        verbose_name=_("Regional Review"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    objectives = models.ManyToManyField(
        Objective, related_name="roundtables", verbose_name=_("GCM objectives"), blank=True
    )
    # Declared here, not on Session, so that consultations never depends on roundtables.
    consultations = models.ManyToManyField(
        Session,
        related_name="roundtables",
        verbose_name=_("thematic consultations covering it"),
        blank=True,
    )

    class Meta:
        ordering = ["review", "number"]
        verbose_name = _("roundtable")
        verbose_name_plural = _("roundtables")
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="roundtable_number_once")
        ]

    def __str__(self) -> str:
        return self.title


class RoundtableRole(models.Model):
    """A Member State speaker, moderator or panelist of a roundtable: a linked stakeholder
    account, or a name and affiliation for people without one."""

    roundtable = models.ForeignKey(
        Roundtable, on_delete=models.CASCADE, related_name="roles", verbose_name=_("roundtable")
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="roundtable_roles",
        verbose_name=_("stakeholder account"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("title or function"), max_length=250, blank=True)
    affiliation = models.CharField(_("affiliation"), max_length=250, blank=True)
    country = CountryField(_("country"), blank=True)
    sector = models.ForeignKey(
        Sector,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sector"),
    )
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)

    class Meta:
        ordering = ["roundtable", "kind", "position", "pk"]
        verbose_name = _("roundtable role")
        verbose_name_plural = _("roundtable roles")
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="role_has_person"
            ),
            # "For each thematic roundtable, a Member State speaker will start the
            # discussion": one opening speaker per roundtable.
            models.UniqueConstraint(
                fields=["roundtable"],
                condition=Q(kind=RoleKind.MEMBER_STATE_SPEAKER),
                name="one_member_state_speaker",
                violation_error_message=_("A roundtable is opened by one Member State speaker."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.name or self.user}"

    def clean(self):
        # Only a Member State speaker is checked against the region's memberships, so
        # a panel of many people costs one query, not one per person.
        member_states, associates = None, frozenset()
        if self.roundtable_id and self.kind == RoleKind.MEMBER_STATE_SPEAKER:
            kinds = region_membership_kinds(region_id=self.roundtable.review.region_id)
            member_states = {code for code, kind in kinds.items() if kind == MembershipKind.MEMBER}
            associates = {code for code, kind in kinds.items() if kind == MembershipKind.ASSOCIATE}
        validate_role(
            kind=self.kind,
            has_user=self.user_id is not None,
            name=self.name,
            affiliation=self.affiliation,
            country=str(self.country or ""),
            member_state_countries=member_states,
            associate_member_countries=associates,
        )

    @property
    def display_name(self) -> str:
        """The printed name; a linked account's email address is never shown."""
        if self.name:
            return self.name
        return self.user.name if self.user_id else ""
