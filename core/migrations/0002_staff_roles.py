"""The staff roles as groups, each with the model permissions it needs in the admin.

Frozen here as they were when written (core/roles.py may change later; a change is a new
migration). tests/core/test_roles.py checks that the groups match core/roles.py."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def _crud(app_label, *models, actions=("view", "add", "change", "delete")):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


SESSION_MODELS = (
    "regionalreview",
    "session",
    "speaker",
    "sessionlink",
    "sessioncontact",
    "footnote",
    "gcmtalkrequest",
)

ROLES = {
    "Secretariat lead": [
        *_crud("consultations", *SESSION_MODELS, "registration", "accreditationdata"),
        *_crud(
            "roundtables",
            "roundtable",
            "roundtablerole",
            "stakeholderinput",
            "keymessage",
            "rapporteurcall",
            "criterion",
            "application",
        ),
        "roundtables.view_applicationstatuschange",
        *_crud("reports", "report", "reviewreporttext"),
        "audit.view_auditevent",
        "outbox.view_outgoingmail",
        "stakeholders.view_user",
        "stakeholders.view_profile",
        "stakeholders.view_organisation",
    ],
    "Session manager": [
        *_crud("consultations", *SESSION_MODELS),
        *_crud("consultations", "registration", actions=("view", "change")),
        "consultations.view_accreditationdata",
    ],
    "Inputs moderator": _crud("roundtables", "stakeholderinput", actions=("view", "change")),
    "Rapporteur call assessor": [],
    "Report editor": [
        *_crud("reports", "report", actions=("view", "change")),
        *_crud("reports", "reviewreporttext", actions=("view", "add", "change")),
        "consultations.view_session",
        "consultations.view_regionalreview",
    ],
}


def create_roles(apps, schema_editor):
    # Permissions are made after all migrations (post_migrate); make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codes in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = []
        for code in codes:
            app_label, codename = code.split(".")
            permissions.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_heartbeat"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("audit", "0002_append_only_trigger"),
        ("consultations", "0005_registration_outlives_its_participant"),
        ("outbox", "0002_outgoingmail_handed_at"),
        ("reports", "0003_report_texts_and_publishing"),
        ("roundtables", "0009_cv_deleted_after_retention"),
        ("stakeholders", "0002_site_name"),
    ]

    operations = [
        migrations.RunPython(
            # Going back keeps the groups: they hold who was given which role.
            create_roles,
            migrations.RunPython.noop,
        )
    ]
