from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RoundtablesConfig(AppConfig):
    name = "roundtables"
    verbose_name = _("Roundtables, inputs and rapporteur")

    def ready(self):
        from roundtables import privacy, rules  # noqa: F401  (rules registers the permissions)

        privacy.register()
