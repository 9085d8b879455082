"""The permission to score applications is "assess_application" (it was
"review_application"). The existing auth_permission row is renamed in place, so that the
users and groups it was granted to keep it; post_migrate would otherwise create a new,
ungranted row and leave the old one behind.

On a fresh database there is no row yet (post_migrate creates permissions after all
migrations): nothing to do. If both rows exist (post_migrate ran between two partial
migrations), the grants move to the new row and the old one is deleted.
"""

from django.conf import settings
from django.db import migrations

OLD = ("review_application", "Can score rapporteur applications of calls they review")
NEW = ("assess_application", "Can score rapporteur applications of calls they assess")


def _rename_permission(apps, schema_editor, *, old, new) -> None:
    db = schema_editor.connection.alias
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = (
        ContentType.objects.using(db).filter(app_label="roundtables", model="application").first()
    )
    if content_type is None:
        return
    permissions = Permission.objects.using(db).filter(content_type=content_type)
    current = permissions.filter(codename=old[0]).first()
    if current is None:
        return
    target = permissions.filter(codename=new[0]).first()
    if target is None:
        current.codename, current.name = new
        current.save(update_fields=["codename", "name"])
        return
    Group = apps.get_model("auth", "Group")
    User = apps.get_model(settings.AUTH_USER_MODEL)
    for through, owner in (
        (Group.permissions.through, "group_id"),
        (User.user_permissions.through, "user_id"),
    ):
        granted = through.objects.using(db).filter(permission=current)
        for owner_id in granted.values_list(owner, flat=True):
            through.objects.using(db).get_or_create(**{owner: owner_id, "permission": target})
    current.delete()


def forwards(apps, schema_editor):
    _rename_permission(apps, schema_editor, old=OLD, new=NEW)


def backwards(apps, schema_editor):
    _rename_permission(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("roundtables", "0005_status_under_assessment"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="application",
            options={
                "ordering": ["call", "submitted_at", "pk"],
                "permissions": [
                    NEW,
                    ("select_application", "Can shortlist and select the stakeholder Rapporteur"),
                ],
                "verbose_name": "rapporteur application",
                "verbose_name_plural": "rapporteur applications",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
