from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("Participants' feedback")

    def ready(self):
        from feedback import privacy, rules  # noqa: F401  (rules registers the permissions)

        privacy.register()
