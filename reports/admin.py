"""Reports in the admin: versions with their state, actions to render again, publish
and withdraw; the report texts of a review; and "render" actions added to the session
and review admins (registered by consultations, which must not import reports)."""

from django.conf import settings
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from core.errors import DomainError
from core.permissions import can
from reports import kinds, services
from reports.enums import ReportStatus
from reports.kinds import ReportType
from reports.models import Report, ReviewReportText


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "kind",
        "language",
        "version",
        "status",
        "page_count",
        "requested_at",
        "published_at",
        "progress_link",
    )
    list_filter = ("kind", "status", "language", ("published_at", admin.EmptyFieldListFilter))
    list_select_related = ("session", "review")
    show_full_result_count = False
    date_hierarchy = "requested_at"
    search_fields = ("session__slug", "review__slug", "session__title_en", "review__title_en")
    actions = ("render_again", "publish", "withdraw")
    # The PDF is private (no URL): "progress and download" links to the view that
    # checks permission.
    exclude = ("pdf",)
    readonly_fields = [
        field.name
        for field in Report._meta.get_fields()
        if getattr(field, "concrete", False) and not field.auto_created and field.name != "pdf"
    ] + ["reason", "progress_link"]

    def has_add_permission(self, request):
        # A version is made by rendering (the session/review buttons or the actions).
        return False

    @admin.display(description=_("why it failed"))
    def reason(self, obj):
        return obj.error_message

    @admin.display(description=_("progress and download"))
    def progress_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("reports:staff_detail", kwargs={"pk": obj.pk}),
            gettext("Open"),
        )

    def has_render_permission(self, request):
        return can(request.user, "reports.render_report")

    @admin.action(description=_("Render again (a new version)"), permissions=["render"])
    def render_again(self, request, queryset):
        count = 0
        for report in queryset.select_related("session", "review"):
            services.report_rerender(report=report, requested_by=request.user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s report is being rendered.",
                "%(count)s reports are being rendered.",
                count,
            )
            % {"count": count},
        )

    def has_publish_permission(self, request):
        return can(request.user, "reports.publish_version")

    @admin.action(description=_("Publish the selected versions"), permissions=["publish"])
    def publish(self, request, queryset):
        published, skipped = 0, 0
        for report in queryset:
            try:
                services.report_publish(report=report, published_by=request.user)
                published += 1
            except DomainError:
                skipped += 1
        self.message_user(
            request,
            gettext("%(published)s published; %(skipped)s skipped (not rendered).")
            % {"published": published, "skipped": skipped},
            messages.SUCCESS if not skipped else messages.WARNING,
        )

    @admin.action(
        description=_("Withdraw the selected versions from publication"), permissions=["publish"]
    )
    def withdraw(self, request, queryset):
        count = 0
        for report in queryset.filter(published_at__isnull=False):
            services.report_withdraw(report=report)
            count += 1
        self.message_user(request, gettext("%(count)s withdrawn.") % {"count": count})


@admin.register(ReviewReportText)
class ReviewReportTextAdmin(TranslationAdmin):
    list_display = ("review", "rapporteur_name", "updated_at")
    list_select_related = ("review",)
    readonly_fields = ("updated_at", "updated_by")

    def save_model(self, request, obj, form, change):
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


def _render_action(report_type: ReportType):
    """An admin action on sessions or reviews that renders a report of this kind about
    each selected one, in the languages chosen on a confirmation page."""

    def action(modeladmin, request, queryset):
        if not can(request.user, "reports.render_report"):
            modeladmin.message_user(request, gettext("You may not render reports."), messages.ERROR)
            return None
        languages = [
            code for code in request.POST.getlist("languages") if code in dict(settings.LANGUAGES)
        ]
        if "apply" in request.POST and languages:
            started = [
                services.report_request(
                    kind=report_type.value,
                    subject=subject,
                    language=language,
                    requested_by=request.user,
                )
                for subject in queryset
                for language in languages
            ]
            modeladmin.message_user(
                request,
                format_html(
                    '{} <a href="{}?status__exact={}">{}</a>',
                    ngettext(
                        "%(count)s report is being rendered.",
                        "%(count)s reports are being rendered.",
                        len(started),
                    )
                    % {"count": len(started)},
                    reverse("admin:reports_report_changelist"),
                    ReportStatus.QUEUED,
                    gettext("Follow them"),
                ),
            )
            return None
        return TemplateResponse(
            request,
            "reports/admin/render_confirm.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": report_type.action_label,
                "subjects": queryset,
                "action": request.POST.get("action"),
                "languages": settings.LANGUAGES,
                "error": "apply" in request.POST,
                "opts": modeladmin.model._meta,
            },
        )

    action.__name__ = f"render_{report_type.value}_report"
    action.short_description = report_type.action_label
    # Shown only to those the rules let render (see _add_action).
    action.allowed_permissions = ("render_report",)
    return action


def _has_render_report_permission(request) -> bool:
    return can(request.user, "reports.render_report")


def _add_action(model, action) -> None:
    model_admin = admin.site._registry.get(model)
    if model_admin is None:
        return
    # The session and review admins belong to consultations, which must not import
    # reports: the permission the action asks is given to them here.
    model_admin.has_render_report_permission = _has_render_report_permission
    existing = list(model_admin.actions or [])
    if action.__name__ not in [getattr(a, "__name__", a) for a in existing]:
        model_admin.actions = [*existing, action]


for _report_type in kinds.KINDS.values():
    _add_action(_report_type.subject_model, _render_action(_report_type))
