from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from stakeholders.forms import ProfileForm
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
    if request.method == "POST":
        form = ProfileForm(request.POST)
        if form.is_valid():
            profile_update(
                user=user,
                name=form.cleaned_data["name"],
                language=form.cleaned_data["language"],
                profile_fields=form.profile_fields(),
                organisation_fields=form.organisation_fields(),
                consent=form.cleaned_data["consent"],
            )
            messages.success(request, _("Your profile has been saved."))
            return redirect(next_url or "stakeholders:home")
    else:
        form = ProfileForm(initial=_initial(user, current))
    return render(
        request,
        "stakeholders/profile.html",
        {"form": form, "is_new": current is None, "next": next_url},
    )


def _initial(user, current) -> dict:
    initial = {
        "name": user.name,
        "language": user.language,
        "consent": has_current_consent(user=user, text_version=settings.CONSENT_TEXT_VERSION),
    }
    if current is not None:
        initial.update(
            job_title=current.job_title,
            sector=current.sector_id,
            country=current.country.code,
            gender=current.gender,
            gender_self_description=current.gender_self_description,
        )
        if current.organisation is not None:
            organisation = current.organisation
            initial.update(
                organisation_name=organisation.name,
                organisation_acronym=organisation.acronym,
                ecosoc_status=organisation.ecosoc_status,
                migrant_led=organisation.migrant_led,
                diaspora=organisation.diaspora,
                website=organisation.website,
            )
    return initial


def privacy(request):
    return render(request, "stakeholders/privacy.html", {"version": settings.CONSENT_TEXT_VERSION})
