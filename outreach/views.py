from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.errors import DomainError, show_error
from core.permissions import permission_required
from core.spreadsheets import csv_response, xlsx_response
from outreach import importing, selectors, services
from outreach.enums import CampaignStatus, ImportStatus
from outreach.forms import (
    CampaignForm,
    ContactFilterForm,
    ImportUploadForm,
    OrganisationMergeForm,
)
from outreach.models import Campaign, ContactImport, Invitation
from outreach.tokens import INVITATION_SALT, UNSUBSCRIBE_SALT, read_token
from stakeholders.models import User

# The directory, imports and campaigns (outreach/rules.py).
MANAGE = "outreach.manage"

PAGE_SIZE = 50
PREVIEW_ROWS = 20


def _filtered_contacts(request):
    form = ContactFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    contacts = selectors.contact_directory(
        q=filters.get("q", ""), sector=filters.get("sector"), country=filters.get("country", "")
    )
    return form, contacts


@permission_required(MANAGE)
def directory(request):
    form, contacts = _filtered_contacts(request)
    page = Paginator(contacts, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "outreach/directory.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


EXPORT_HEADER = (
    "email",
    "name",
    "organisation",
    "sector",
    "country",
    "language",
    "basis",
    "unsubscribed",
)


@permission_required(MANAGE)
def directory_export(request):
    _form, contacts = _filtered_contacts(request)
    rows = (
        (
            contact.email,
            contact.name,
            contact.organisation.name if contact.organisation else "",
            contact.sector.code if contact.sector else "",
            str(contact.country or ""),
            contact.language,
            contact.basis,
            contact.unsubscribed_at.date().isoformat() if contact.unsubscribed_at else "",
        )
        for contact in contacts.iterator(chunk_size=2000)
    )
    if request.GET.get("format") == "xlsx":
        return xlsx_response(filename="contacts", header=EXPORT_HEADER, rows=rows, title="Contacts")
    return csv_response(filename="contacts", header=EXPORT_HEADER, rows=rows)


@permission_required(MANAGE)
def organisations(request):
    page = Paginator(selectors.organisation_directory(), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "outreach/organisations.html", {"page": page})


@permission_required(MANAGE)
def organisation_merge(request):
    form = OrganisationMergeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            record = services.organisation_merge(
                keep_id=form.cleaned_data["keep"].pk,
                merge_id=form.cleaned_data["merge"].pk,
                by=request.user,
            )
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            messages.success(
                request,
                _("“%(merged)s” is merged into “%(kept)s”.")
                % {"merged": record.merged_name, "kept": record.kept.name},
            )
            return redirect("outreach:organisations")
    return render(request, "outreach/merge.html", {"form": form})


@permission_required(MANAGE)
def import_upload(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    check = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            check = importing.check_table(importing.read_table(upload))
        except DomainError as error:
            show_error(request, error, form=form)
        else:
            if check.ok:
                contact_import = services.contact_import_create(
                    name=form.cleaned_data["name"],
                    filename=upload.name,
                    rows=check.rows,
                    by=request.user,
                )
                return redirect("outreach:import_preview", pk=contact_import.pk)
    return render(
        request,
        "outreach/import.html",
        {"form": form, "check": check, "imports": selectors.import_list()[:20]},
    )


@permission_required(MANAGE)
def import_preview(request, pk):
    contact_import = get_object_or_404(ContactImport, pk=pk)
    if request.method == "POST":
        try:
            services.contact_import_apply(import_id=contact_import.pk, by=request.user)
        except DomainError as error:
            show_error(request, error)
        else:
            messages.success(
                request,
                _("%(count)s contacts imported.") % {"count": contact_import.contacts.count()},
            )
            return redirect("outreach:directory")
    rows = contact_import.rows
    return render(
        request,
        "outreach/import_preview.html",
        {
            "contact_import": contact_import,
            "rows": rows[:PREVIEW_ROWS],
            "count": len(rows),
            "more": max(len(rows) - PREVIEW_ROWS, 0),
            "pending": contact_import.status == ImportStatus.PREVIEW,
        },
    )


@permission_required(MANAGE)
def campaign_list(request):
    page = Paginator(selectors.campaign_list(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "outreach/campaign_list.html", {"page": page})


@permission_required(MANAGE)
def campaign_create(request):
    form = CampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        campaign = form.save(commit=False)
        campaign.created_by = request.user
        campaign.save()
        return redirect("outreach:campaign", pk=campaign.pk)
    return render(request, "outreach/campaign_form.html", {"form": form})


@permission_required(MANAGE)
def campaign_edit(request, pk):
    """A draft's text and segment, in the form it was composed in; a sent campaign is
    refused with a message on its page."""
    campaign = get_object_or_404(Campaign, pk=pk)
    try:
        services.campaign_check_editable(campaign)
    except DomainError as error:
        show_error(request, error)
        return redirect("outreach:campaign", pk=campaign.pk)
    form = CampaignForm(request.POST or None, instance=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            services.campaign_update(
                campaign_id=campaign.pk,
                changes={name: form.cleaned_data[name] for name in form.Meta.fields},
            )
        except DomainError as error:
            show_error(request, error)
        else:
            messages.success(request, _("The campaign is saved."))
        return redirect("outreach:campaign", pk=campaign.pk)
    return render(request, "outreach/campaign_form.html", {"form": form, "campaign": campaign})


@permission_required(MANAGE)
def campaign_detail(request, pk):
    campaign = get_object_or_404(
        Campaign.objects.select_related(
            "review", "session", "sector", "subregion", "past_review", "contact_list"
        ),
        pk=pk,
    )
    context = {"campaign": campaign}
    if campaign.status == CampaignStatus.DRAFT:
        context["previews"] = _previews(campaign)
        context["recipients"] = selectors.campaign_recipients(campaign=campaign).count()
        segment = selectors.campaign_segment(campaign=campaign)
        context["unsubscribed"] = segment.filter(unsubscribed_at__isnull=False).count()
    else:
        context["funnel"] = selectors.campaign_funnel(campaign=campaign)
    return render(request, "outreach/campaign_detail.html", context)


def _previews(campaign: Campaign) -> list[dict]:
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils import translation

    previews = []
    for code, label in settings.LANGUAGES:
        context = services.invitation_context(
            campaign=campaign,
            language=code,
            name=_("Name of the recipient"),
            invitation_url=settings.SITE_URL + "/…",
            unsubscribe_url=settings.SITE_URL + "/…",
        )
        with translation.override(code):
            subject = render_to_string(
                "emails/campaign_invitation_subject.txt", context, using="text"
            )
            body = render_to_string("emails/campaign_invitation_body.txt", context, using="text")
        previews.append(
            {"code": code, "label": label, "subject": " ".join(subject.split()), "body": body}
        )
    return previews


@permission_required(MANAGE)
@require_POST
def campaign_send(request, pk):
    campaign = get_object_or_404(Campaign, pk=pk)
    try:
        services.campaign_send(campaign_id=campaign.pk, by=request.user)
    except DomainError as error:
        show_error(request, error)
    else:
        messages.success(request, _("The campaign is being sent."))
    return redirect("outreach:campaign", pk=campaign.pk)


def invitation(request, token):
    """The personal link of an invitation: to the registration form when signed in,
    otherwise to sign-up (or sign-in, for an address that has an account) and then on."""
    invitation_id = read_token(token, salt=INVITATION_SALT)
    if invitation_id is None or not Invitation.objects.filter(pk=invitation_id).exists():
        raise Http404
    invitation = services.invitation_open(invitation_id=invitation_id)
    campaign = invitation.campaign
    if campaign.session_id:
        target = campaign.session.get_absolute_url()
    else:
        target = reverse("consultations:list") + "?" + urlencode({"review": campaign.review.slug})
    if request.user.is_authenticated:
        return redirect(target)
    has_account = User.objects.filter(email__iexact=invitation.contact.email).exists()
    where = reverse("account_login" if has_account else "account_signup")
    return redirect(f"{where}?{urlencode({'next': target})}")


@csrf_exempt
def unsubscribe(request, token):
    """One click: a mail program posts here (RFC 8058) with no CSRF token, and a person
    confirms with one button; a plain GET changes nothing, since link checkers open
    every link of a mail."""
    contact_id = read_token(token, salt=UNSUBSCRIBE_SALT)
    if contact_id is None:
        raise Http404
    done = False
    if request.method == "POST":
        if services.contact_unsubscribe(contact_id=contact_id) is None:
            raise Http404
        done = True
    return render(request, "outreach/unsubscribe.html", {"done": done})
