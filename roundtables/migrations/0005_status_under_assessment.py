"""Stored applications and their history say "under-assessment" where they said
"under-review". Plain UPDATEs, so SQLite and PostgreSQL run them alike; reversible."""

from django.db import migrations

OLD, NEW = "under-review", "under-assessment"


def _rename_status(apps, schema_editor, *, old: str, new: str) -> None:
    db = schema_editor.connection.alias
    Application = apps.get_model("roundtables", "Application")
    ApplicationStatusChange = apps.get_model("roundtables", "ApplicationStatusChange")
    Application.objects.using(db).filter(status=old).update(status=new)
    ApplicationStatusChange.objects.using(db).filter(from_status=old).update(from_status=new)
    ApplicationStatusChange.objects.using(db).filter(to_status=old).update(to_status=new)


def forwards(apps, schema_editor):
    _rename_status(apps, schema_editor, old=OLD, new=NEW)


def backwards(apps, schema_editor):
    _rename_status(apps, schema_editor, old=NEW, new=OLD)


class Migration(migrations.Migration):
    dependencies = [("roundtables", "0004_rename_review_to_assessment")]

    operations = [migrations.RunPython(forwards, backwards)]
