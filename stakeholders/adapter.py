from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.shortcuts import resolve_url
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

    def get_login_redirect_url(self, request):
        """Staff sign in to work on the staff pages, not to complete a stakeholder
        profile: they land on their own start page (a `next` still wins)."""
        user = request.user
        if user.is_staff or user.is_superuser:
            return resolve_url(settings.STAFF_LOGIN_REDIRECT_URL)
        return super().get_login_redirect_url(request)
