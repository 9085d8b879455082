from django.db import models
from django.utils.translation import gettext_lazy as _


class Rating(models.IntegerChoices):
    VERY_POOR = 1, _("1: very poor")
    POOR = 2, _("2: poor")
    FAIR = 3, _("3: fair")
    GOOD = 4, _("4: good")
    VERY_GOOD = 5, _("5: very good")
