from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "consultations"
    verbose_name = _("Consultations")

    def ready(self):
        from consultations import privacy, rules, signals  # noqa: F401  (rules registers the permissions)

        privacy.register()
        signals.connect()
