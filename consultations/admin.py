from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from audit.enums import AuditAction
from audit.services import audit_record
from consultations import exports, services, validators
from consultations.enums import Attendance, ExportFormat, Mode, RegistrationStatus
from consultations.models import (
    AccreditationData,
    Footnote,
    GcmTalkRequest,
    RegionalReview,
    Registration,
    Session,
    SessionContact,
    SessionDocument,
    SessionLink,
    Speaker,
)
from consultations.roadmap import roadmap_warnings
from consultations.selectors import registrations_by_mode_status
from core.errors import DomainError
from core.forms import HTTPS_URLS, PrivateFileInput
from core.paginators import EstimatedCountPaginator, country_list_filter
from core.pdf import validate_pdf_upload
from core.permissions import can
from core.spreadsheets import csv_streaming_response, xlsx_response
from stakeholders.enums import Gender


def _https_urls(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs.setdefault("assume_scheme", "https")
    return field.formfield(**kwargs)


def _warnings_html(warnings) -> str:
    if not warnings:
        return format_html("<p>{}</p>", _("Every session follows the roadmap rules."))
    return format_html(
        '<ul class="messagelist">{}</ul>',
        format_html_join(
            "",
            '<li class="warning"><a href="{}">{}</a>: {}</li>',
            (
                (
                    reverse("admin:consultations_session_change", args=[w.session.pk]),
                    w.session.title,
                    w.message,
                )
                for w in warnings
            ),
        ),
    )


@admin.register(RegionalReview)
class RegionalReviewAdmin(TranslationAdmin):
    list_display = ("title", "region", "meeting_date", "venue", "timeline")
    list_select_related = ("region",)
    list_filter = ("region",)
    search_fields = ("slug", "title_en")
    prepopulated_fields = {"slug": ("title_en",)}
    readonly_fields = ("roadmap_warnings",)

    @admin.display(description=_("Roadmap"))
    def timeline(self, review):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("consultations:staff_timeline", args=[review.slug]),
            _("Timeline"),
        )

    @admin.display(description=_("Roadmap warnings"))
    def roadmap_warnings(self, review):
        if review.pk is None:
            return "—"
        sessions = list(review.sessions.order_by("starts_at"))
        return _warnings_html(roadmap_warnings(review, sessions))


class SpeakerInline(TranslationStackedInline):
    model = Speaker
    extra = 0


class SessionLinkInline(TranslationStackedInline):
    model = SessionLink
    extra = 0
    formfield_overrides = HTTPS_URLS


class SessionDocumentForm(forms.ModelForm):
    class Meta:
        model = SessionDocument
        fields = ["position", "kind", "title", "language", "visibility", "file"]
        widgets = {"file": PrivateFileInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_pdf_upload)


class SessionDocumentInline(admin.TabularInline):
    model = SessionDocument
    form = SessionDocumentForm
    extra = 0


class SessionContactInline(TranslationStackedInline):
    model = SessionContact
    extra = 0


class FootnoteInline(TranslationStackedInline):
    model = Footnote
    extra = 0


class SessionAdminForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages"), required=False, widget=forms.CheckboxSelectMultiple
    )
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation offered"), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Session
        fields = "__all__"  # noqa: DJ007 - the admin chooses the fields it shows
        formfield_callback = _https_urls

    def __init__(self, *args, **kwargs):
        from django.conf import settings

        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = settings.LANGUAGES
        self.fields["interpretation"].choices = settings.LANGUAGES

    def clean(self):
        cleaned = super().clean()
        try:
            validators.validate_session_times(
                starts_at=cleaned.get("starts_at"), ends_at=cleaned.get("ends_at")
            )
            validators.validate_registration_window(
                opens_at=cleaned.get("registration_opens_at"),
                closes_at=cleaned.get("registration_closes_at"),
                starts_at=cleaned.get("starts_at"),
            )
            if self.instance.pk:
                for field, mode in (
                    ("capacity_in_person", Mode.IN_PERSON),
                    ("capacity_online", Mode.ONLINE),
                ):
                    validators.validate_capacity_not_below_confirmed(
                        field=field,
                        capacity=cleaned.get(field),
                        confirmed=services.seats_taken(self.instance, mode),
                    )
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                for message in errors:
                    self.add_error(field, message)
        return cleaned


@admin.register(Session)
class SessionAdmin(TranslationAdmin):
    form = SessionAdminForm
    formfield_overrides = HTTPS_URLS
    list_display = ("title", "review", "kind", "format", "status", "starts_at", "staff_links")
    list_filter = ("review", "kind", "format", "status")
    list_select_related = ("review",)
    search_fields = ("slug", "title_en")
    date_hierarchy = "starts_at"
    readonly_fields = ("roadmap_warnings", "registration_counts")
    filter_horizontal = ("declared_sectors",)
    inlines = (
        SpeakerInline,
        SessionLinkInline,
        SessionDocumentInline,
        SessionContactInline,
        FootnoteInline,
    )

    @admin.display(description=_("Staff pages"))
    def staff_links(self, session):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a>',
            reverse("consultations:staff_counts", args=[session.slug]),
            _("Counts"),
            reverse("consultations:staff_check_in", args=[session.slug]),
            _("Check-in"),
        )

    @admin.display(description=_("Roadmap warnings"))
    def roadmap_warnings(self, session):
        if session.pk is None:
            return "—"
        return _warnings_html(roadmap_warnings(session.review, [session]))

    @admin.display(description=_("Registrations"))
    def registration_counts(self, session):
        if session.pk is None:
            return "—"
        return format_html(
            "<ul>{}</ul><p><a href='{}'>{}</a></p>",
            format_html_join(
                "", "<li>{} · {}: {}</li>", registrations_by_mode_status(session=session)
            ),
            reverse("consultations:staff_counts", args=[session.slug]),
            _("Counts by sector and country"),
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"capacity_in_person", "capacity_online"} & set(form.changed_data):
            promoted = services.session_fill_from_waitlist(session_id=obj.pk)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d person was promoted from the waitlist.",
                        "%(count)d people were promoted from the waitlist.",
                        promoted,
                    )
                    % {"count": promoted},
                    messages.SUCCESS,
                )


class AccreditationInline(admin.StackedInline):
    """ID data is shown only here, to staff allowed to view it."""

    model = AccreditationData
    can_delete = False
    extra = 0
    max_num = 0
    readonly_fields = (
        "id_document_number",
        "id_document_expiry",
        "nationality",
        "date_of_birth",
        "photo_link",
        "created_at",
    )
    fields = readonly_fields

    @admin.display(description=_("photo"))
    def photo_link(self, obj):
        # Private files have no URL: the photo is shown by a view that checks permission.
        if not obj.photo:
            return "-"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            reverse("consultations:staff_photo", kwargs={"pk": obj.registration_id}),
            _("View the photo"),
        )


class GenderFilter(admin.SimpleListFilter):
    title = _("gender")
    parameter_name = "gender"

    def lookups(self, request, model_admin):
        return Gender.choices

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(user__profile__gender=self.value())
        return queryset


def _localized(field: str) -> list[str]:
    from django.conf import settings

    return [field] + [f"{field}_{code.replace('-', '_')}" for code, _name in settings.LANGUAGES]


REGISTRATION_LIST_COLUMNS = (
    "session_id",
    "user_id",
    "mode",
    "status",
    "attendance",
    "wants_to_speak",
    "created_at",
    *(f"session__{f}" for f in _localized("title")),
    "user__name",
    "user__email",
    "user__profile__country",
    "user__profile__sector_id",
    *(f"user__profile__sector__{f}" for f in _localized("name")),
)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = (
        "user_name",
        "user_email",
        "session",
        "mode",
        "status",
        "attendance",
        "sector",
        "country",
        "wants_to_speak",
        "created_at",
    )
    list_filter = (
        # Choices from the sessions and sectors tables (reference data), never a
        # DISTINCT over the registrations.
        "session",
        "mode",
        "status",
        "attendance",
        "user__profile__sector",
        country_list_filter(path="user__profile__country", title=_("country")),
        GenderFilter,
    )
    list_select_related = ("user__profile__sector", "session")
    list_per_page = 50
    paginator = EstimatedCountPaginator
    search_fields = ("user__email", "user__name", "user__profile__organisation__name")
    raw_id_fields = ("user", "session")
    readonly_fields = ("created_at", "updated_at", "waitlisted_at", "cancelled_at", "reminded_at")
    show_full_result_count = False
    inlines = (AccreditationInline,)
    actions = (
        "export_csv",
        "export_xlsx",
        "mark_attended",
        "mark_no_show",
        "promote_from_waitlist",
        "email_participants",
    )

    def get_queryset(self, request):
        # Only the columns the list shows; the change form and the actions read their own.
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if request.method == "GET" and match and match.url_name.endswith("changelist"):
            queryset = queryset.only(*REGISTRATION_LIST_COLUMNS)
        return queryset

    @admin.display(description=_("name"), ordering="user__name")
    def user_name(self, registration):
        if registration.user is None:
            return _("deleted account")
        return registration.user.name

    @admin.display(description=_("email"), ordering="user__email")
    def user_email(self, registration):
        return registration.user.email if registration.user else "—"

    @admin.display(description=_("sector"))
    def sector(self, registration):
        profile = getattr(registration.user, "profile", None)
        return profile.sector if profile else "—"

    @admin.display(description=_("country"))
    def country(self, registration):
        profile = getattr(registration.user, "profile", None)
        return profile.country.name if profile else "—"

    def get_inlines(self, request, obj):
        if can(request.user, "consultations.view_accreditation"):
            return self.inlines
        return ()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and can(request.user, "consultations.view_accreditation"):
            accreditation = (
                AccreditationData.objects.filter(registration_id=object_id)
                .select_related("registration")
                .first()
                if str(object_id).isdigit()
                else None
            )
            if accreditation is not None:
                audit_record(
                    actor=request.user,
                    action=AuditAction.VIEWED_ACCREDITATION,
                    target=accreditation.registration,
                    subject_id=accreditation.registration.user_id,
                )
        return response

    # Actions ask the same named permissions as the staff pages (consultations/rules.py).
    def has_check_in_permission(self, request):
        return can(request.user, "consultations.check_in")

    def has_manage_permission(self, request):
        return can(request.user, "consultations.manage_registrations")

    def has_email_permission(self, request):
        return can(request.user, "consultations.email_participants")

    def _export(self, request, queryset, fmt: str):
        # The changelist's filters run once, here; the file is read by primary key.
        ids = exports.export_ids(queryset)
        audit_record(
            actor=request.user,
            action=AuditAction.EXPORTED_PERSONAL_DATA,
            detail={"what": "registrations", "format": fmt, "rows": len(ids)},
        )
        if len(ids) > exports.export_sync_limit():
            job = exports.export_job_start(user=request.user, fmt=fmt, registration_ids=ids)
            return redirect("consultations:staff_export", pk=job.pk)
        rows = exports.export_rows(registration_ids=ids)
        if fmt == ExportFormat.XLSX:
            return xlsx_response(
                filename="registrations",
                header=exports.EXPORT_HEADER,
                rows=rows,
                title="Registrations",
            )
        return csv_streaming_response(
            filename="registrations", header=exports.EXPORT_HEADER, rows=rows
        )

    @admin.action(description=_("Export the selection as CSV"), permissions=["manage"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, ExportFormat.CSV)

    @admin.action(description=_("Export the selection as Excel (XLSX)"), permissions=["manage"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, ExportFormat.XLSX)

    @admin.action(description=_("Mark as attended"), permissions=["check_in"])
    def mark_attended(self, request, queryset):
        count = services.registrations_mark_attendance(
            registration_ids=queryset.values_list("pk", flat=True),
            attendance=Attendance.ATTENDED,
            by=request.user,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d registration marked as attended.",
                "%(count)d registrations marked as attended.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Mark as no-show"), permissions=["check_in"])
    def mark_no_show(self, request, queryset):
        count = services.registrations_mark_attendance(
            registration_ids=queryset.values_list("pk", flat=True),
            attendance=Attendance.NO_SHOW,
            by=request.user,
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d registration marked as no-show.",
                "%(count)d registrations marked as no-show.",
                count,
            )
            % {"count": count},
        )

    @admin.action(description=_("Promote from the waitlist"), permissions=["manage"])
    def promote_from_waitlist(self, request, queryset):
        promoted = 0
        for registration in queryset.filter(status=RegistrationStatus.WAITLISTED).order_by(
            "waitlisted_at", "pk"
        ):
            try:
                services.registration_promote(registration_id=registration.pk, by=request.user)
            except DomainError as error:
                self.message_user(request, f"{registration.user}: {error.message}", messages.ERROR)
            else:
                promoted += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d person promoted and told by email.",
                "%(count)d people promoted and told by email.",
                promoted,
            )
            % {"count": promoted},
        )

    @admin.action(description=_("Email the participants of this session"), permissions=["email"])
    def email_participants(self, request, queryset):
        sessions = list(queryset.values_list("session__slug", flat=True).distinct()[:2])
        if len(sessions) != 1:
            self.message_user(
                request, _("Select registrations of one session only."), messages.ERROR
            )
            return None
        return redirect("consultations:staff_email", slug=sessions[0])


@admin.register(GcmTalkRequest)
class GcmTalkRequestAdmin(admin.ModelAdmin):
    list_display = ("title", "review", "requested_by", "proposed_date", "status", "decide")
    list_filter = ("status", "review")
    list_select_related = ("review", "requested_by")
    search_fields = ("title", "requested_by__email")
    readonly_fields = ("status", "decided_by", "decided_at", "session", "created_at")
    filter_horizontal = ("objectives",)

    @admin.display(description=_("Decision"))
    def decide(self, talk):
        if talk.status != "pending":
            return talk.get_status_display()
        return format_html(
            '<a class="button" href="{}">{}</a>',
            reverse("consultations:staff_talk_decide", args=[talk.pk]),
            _("Approve or decline"),
        )
