from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Outreach")

    def ready(self):
        from outreach import privacy, rules  # noqa: F401  (rules registers the permissions)

        privacy.register()
