from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import get_language

from outbox.services import mail_store


class AccountAdapter(DefaultAccountAdapter):
    """allauth, with its mail going through the outbox and the sign-up language kept as
    the person's preferred language."""

    def send_mail(self, template_prefix, email, context):
        # The same context as allauth's own send_mail: its templates greet with the
        # site's name ("Hello from GCM Consultations!") and sign with its domain.
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": get_current_site(request),
            **context,
        }
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
