from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, show_error
from stakeholders import services
from stakeholders.forms import AccountDeleteForm, ProfileForm
from stakeholders.models import Profile
from stakeholders.selectors import has_current_consent, profile_for
from stakeholders.services import profile_update


@login_required
def home(request):
    profile = profile_for(user=request.user)
    if profile is None:
        return redirect("stakeholders:profile")
    return render(request, "stakeholders/home.html", {"profile": profile})


@login_required
def profile(request):
    user = request.user
    current = profile_for(user=user)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    instance = current or Profile(user=user)
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=instance)
        if form.is_valid():
            profile_update(user=user, **form.cleaned_data)
            messages.success(request, _("Your profile has been saved."))
            return redirect(next_url or "stakeholders:home")
    else:
        form = ProfileForm(
            instance=instance,
            consented=has_current_consent(user=user, text_version=settings.CONSENT_TEXT_VERSION),
        )
    return render(
        request,
        "stakeholders/profile.html",
        {"form": form, "is_new": current is None, "next": next_url},
    )


def privacy(request):
    """The personal data notice: each category of data, why it is kept and for how long,
    with the periods the retention purges apply (settings), so the two never differ."""
    return render(
        request,
        "stakeholders/privacy.html",
        {
            "version": settings.CONSENT_TEXT_VERSION,
            "accreditation_days": settings.ACCREDITATION_PURGE_DAYS,
            "rapporteur_days": settings.RAPPORTEUR_RETENTION_DAYS,
            "unverified_days": settings.UNVERIFIED_ACCOUNT_DAYS,
            "outbox_days": settings.OUTBOX_RETENTION_DAYS,
            "audit_days": settings.AUDIT_RETENTION_DAYS,
            "export_days": settings.EXPORT_RETENTION_DAYS,
        },
    )


def _is_staff(user) -> bool:
    return user.is_staff or user.is_superuser


@login_required
def my_data(request):
    """What the person can do with their data: download it, delete their account."""
    return render(request, "stakeholders/my_data.html", {"is_staff": _is_staff(request.user)})


@require_POST
@login_required
@reauthentication_required
def data_download(request):
    """The person's data as a ZIP. Asks for the password again unless they signed in a
    moment ago: the archive holds their ID document details and files."""
    content = services.account_export(user=request.user)
    response = HttpResponse(content, content_type="application/zip")
    filename = f"gcm-consultations-my-data-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def account_delete(request):
    """Delete one's own account after reading what happens and giving the password.
    Staff accounts are closed by the secretariat (stakeholders.services.account_delete)."""
    user = request.user
    form = AccountDeleteForm(request.POST or None, request=request, user=user)
    if request.method == "POST" and form.is_valid():
        try:
            services.account_delete(user=user)
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            logout(request)
            messages.success(
                request,
                _(
                    "Your account has been deleted, and your personal data with it. Thank you "
                    "for taking part in the consultations."
                ),
            )
            return redirect("home")
    return render(
        request,
        "stakeholders/account_delete.html",
        {
            "form": form,
            "is_staff": _is_staff(user),
            "consequences": services.account_consequences(user=user),
        },
    )
