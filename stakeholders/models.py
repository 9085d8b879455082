"""Who takes part: accounts, stakeholder profiles, organisations and consent."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from gcm.models import Sector
from stakeholders.enums import EcosocStatus, Gender
from stakeholders.validators import validate_gender_description


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """An account. People sign in with their email address; names are one field because
    a given-name/family-name split does not fit every culture."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(_("full name"), max_length=200, blank=True)
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Emails are sent in this language."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name or self.email


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="organisations", verbose_name=_("sector")
    )
    country = CountryField(_("country"))
    ecosoc_status = models.CharField(
        _("ECOSOC status"),
        max_length=10,
        choices=EcosocStatus.choices,
        default=EcosocStatus.NONE,
        help_text=_("Recorded for information; it is never required to take part."),
    )
    migrant_led = models.BooleanField(_("migrant-led"), default=False)
    diaspora = models.BooleanField(_("diaspora organisation"), default=False)
    website = models.URLField(_("website"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # The admin list's order and its country filter.
        indexes = [
            models.Index(fields=["name", "id"], name="organisation_list"),
            models.Index(fields=["country"], name="organisation_country"),
        ]

    def __str__(self) -> str:
        return self.name


class Profile(models.Model):
    """The stakeholder profile completed right after sign-up."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("organisation"),
    )
    job_title = models.CharField(_("function or title"), max_length=200, blank=True)
    sector = models.ForeignKey(
        Sector, on_delete=models.PROTECT, related_name="profiles", verbose_name=_("sector")
    )
    country = CountryField(_("country of residence"))
    gender = models.CharField(_("gender"), max_length=20, choices=Gender.choices, blank=True)
    gender_self_description = models.CharField(
        _("gender, in your own words"), max_length=100, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("stakeholder profile")
        verbose_name_plural = _("stakeholder profiles")
        # The filters of the profile and registration lists (sector has its key's index).
        indexes = [
            models.Index(fields=["country"], name="profile_country"),
            models.Index(fields=["gender"], name="profile_gender"),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def clean(self):
        validate_gender_description(
            gender=self.gender,
            description=self.gender_self_description,
            field="gender_self_description",
        )


class Consent(models.Model):
    """Consent to the processing of personal data, recorded with its date and the version
    of the notice the person agreed to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("user"),
    )
    text_version = models.CharField(_("notice version"), max_length=20)
    given_at = models.DateTimeField(_("given"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.UniqueConstraint(fields=["user", "text_version"], name="consent_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.text_version})"
