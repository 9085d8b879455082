from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholders")

    def ready(self):
        from outbox.services import mail_purge
        from stakeholders import privacy, services, signals  # noqa: F401

        # The account's own parts come first, so that they are erased last; the apps
        # above register theirs from their own ready().
        privacy.register_account_parts()
        privacy.register_purge(
            "unverified-accounts", services.unverified_accounts_purge, label="unverified accounts"
        )
        privacy.register_purge("outbox", mail_purge, label="sent and failed outgoing mail")
