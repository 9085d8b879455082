from django.db import models
from django.utils.translation import gettext_lazy as _


class EcosocStatus(models.TextChoices):
    NONE = "none", _("No ECOSOC consultative status")
    GENERAL = "general", _("General consultative status")
    SPECIAL = "special", _("Special consultative status")
    ROSTER = "roster", _("Roster")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non-binary", _("Non-binary")
    SELF_DESCRIBED = "self-described", _("I describe myself (below)")
    PREFER_NOT_TO_SAY = "prefer-not", _("Prefer not to say")
