from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from stakeholders.forms import ProfileForm
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
    return render(request, "stakeholders/privacy.html", {"version": settings.CONSENT_TEXT_VERSION})
