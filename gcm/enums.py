from django.db import models
from django.utils.translation import gettext_lazy as _


class MembershipKind(models.TextChoices):
    """How a country or territory belongs to a regional commission. Associate members
    (non-independent territories such as Puerto Rico or Hong Kong, China) take part in
    a commission's work but are not States."""

    MEMBER = "member", _("Member State")
    ASSOCIATE = "associate", _("Associate member")
