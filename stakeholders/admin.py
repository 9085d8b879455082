from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from core.forms import HTTPS_URLS
from core.paginators import EstimatedCountPaginator, country_list_filter
from stakeholders.models import Consent, Organisation, Profile, User
from stakeholders.services import account_close


class ProfileInline(admin.StackedInline):
    model = Profile
    can_delete = False
    autocomplete_fields = ("organisation",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ("email",)
    list_display = ("email", "name", "language", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "language")
    search_fields = ("email", "name")
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    inlines = (ProfileInline,)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name", "language")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    # Deleting an account here erases it as the person's own deletion does
    # (stakeholders.privacy): registrations stay as anonymous figures, published inputs
    # as their consent allows, and staff are told where a Rapporteur selection changes.
    def delete_model(self, request, obj):
        account_close(user=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            account_close(user=user, by=request.user)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_URLS
    list_display = (
        "name",
        "acronym",
        "sector",
        "country_name",
        "ecosoc_status",
        "migrant_led",
        "diaspora",
    )
    # Choices from reference data: the sectors table and the ISO 3166 list.
    list_filter = ("sector", "ecosoc_status", "migrant_led", "diaspora", "country")
    list_select_related = ("sector",)
    search_fields = ("name", "acronym")
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    list_per_page = 50

    @admin.display(description=_("country"), ordering="country")
    def country_name(self, organisation):
        # Not the field itself: the admin would look its label up in the 249 choices
        # on every row.
        return organisation.country.name


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "user_email", "organisation", "sector", "country_name", "gender")
    list_filter = (
        "sector",
        country_list_filter(path="country", title=_("country of residence")),
        "gender",
    )
    list_select_related = ("user", "organisation", "sector")
    search_fields = ("user__email", "user__name", "organisation__name")
    autocomplete_fields = ("organisation",)
    raw_id_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    show_full_result_count = False
    paginator = EstimatedCountPaginator

    list_per_page = 50

    @admin.display(description=_("email"), ordering="user__email")
    def user_email(self, profile):
        return profile.user.email

    @admin.display(description=_("country of residence"), ordering="country")
    def country_name(self, profile):
        # Not the field itself: the admin would look its label up in the 249 choices
        # on every row.
        return profile.country.name


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    list_display = ("user", "text_version", "given_at")
    list_filter = ("text_version",)
    list_select_related = ("user",)
    search_fields = ("user__email",)
    readonly_fields = ("user", "text_version", "given_at")
