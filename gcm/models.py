"""The Compact's own vocabulary: reference data loaded by migrations, never user data."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from gcm.enums import MembershipKind


class Sector(models.Model):
    """A stakeholder sector as listed in GCM para 44 (A/RES/73/195)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position in para 44"), unique=True)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["position"]
        verbose_name = _("stakeholder sector")
        verbose_name_plural = _("stakeholder sectors")

    def __str__(self) -> str:
        return self.name


class Objective(models.Model):
    """One of the 23 objectives of the Global Compact for Migration."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    title = models.CharField(_("title"), max_length=255)

    class Meta:
        ordering = ["number"]
        verbose_name = _("GCM objective")
        verbose_name_plural = _("GCM objectives")
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1) & Q(number__lte=23), name="objective_number_1_23"
            )
        ]

    def __str__(self) -> str:
        return _("Objective %(number)s: %(title)s") % {"number": self.number, "title": self.title}


class Region(models.Model):
    """A region of the GCM Regional Reviews, and the UN regional commission that runs its
    review (GCM para 50: the reviews draw on the regional commissions)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=150)
    commission_name = models.CharField(_("regional commission"), max_length=150, blank=True)
    commission_abbreviation = models.CharField(
        _("abbreviation of the commission"), max_length=40, blank=True
    )
    membership_source = models.URLField(
        _("source of the membership list"),
        blank=True,
        help_text=_("The commission's own page listing its members."),
    )

    class Meta:
        ordering = ["position"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class SubRegion(models.Model):
    """A group of member States used to show geographic balance (e.g. Central Asia)."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="subregions", verbose_name=_("region")
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["region__position", "position"]
        verbose_name = _("sub-region")
        verbose_name_plural = _("sub-regions")

    def __str__(self) -> str:
        return self.name


class MemberState(models.Model):
    """One membership of a regional commission: a member State, or an associate member
    (a territory, not a State). A country in several commissions (France, the United
    States, Türkiye ...) has one row per commission, each with that commission's
    sub-region. ISO 3166 code; names come from django-countries."""

    region = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="member_states", verbose_name=_("region")
    )
    subregion = models.ForeignKey(
        SubRegion,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="member_states",
        verbose_name=_("sub-region"),
    )
    country = CountryField(_("country"))
    kind = models.CharField(
        _("kind of membership"),
        max_length=20,
        choices=MembershipKind.choices,
        default=MembershipKind.MEMBER,
    )

    class Meta:
        ordering = ["region__position", "country"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["region", "country"], name="member_state_once"),
            models.CheckConstraint(
                condition=Q(kind__in=MembershipKind.values), name="member_state_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return str(self.country.name)
