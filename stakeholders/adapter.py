from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import get_language

from outbox.services import mail_store


class AccountAdapter(DefaultAccountAdapter):
    """allauth, with its mail going through the outbox and the sign-up language kept as
    the person's preferred language."""

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        mail_store(
            to=email,
            subject=message.subject,
            body=message.body,
            language=get_language() or "en",
        )

    def save_user(self, request, user, form, commit=True):
        user.language = get_language() or user.language
        return super().save_user(request, user, form, commit=commit)
