from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The append-only audit trail. Bottom layer: every app may record into it; it
    imports no project app but core."""

    name = "audit"
    verbose_name = _("Audit trail")

    def ready(self):
        from audit import rules  # noqa: F401  (registers the named permissions)
