"""An application is on the shortlist when its status says so (shortlisted or selected):
the separate flag, which could disagree with the status, is dropped. Migrating back
fills the flag again from the status."""

from django.db import migrations


def fill_flag_from_status(apps, schema_editor):
    Application = apps.get_model("roundtables", "Application")
    Application.objects.using(schema_editor.connection.alias).filter(
        status__in=["shortlisted", "selected"]
    ).update(shortlisted=True)


class Migration(migrations.Migration):
    dependencies = [("roundtables", "0006_assess_application_permission")]

    operations = [
        # Runs backwards after the field is back.
        migrations.RunPython(migrations.RunPython.noop, fill_flag_from_status),
        migrations.RemoveField(model_name="application", name="shortlisted"),
    ]
