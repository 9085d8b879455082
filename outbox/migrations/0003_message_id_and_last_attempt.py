"""Give each outgoing mail a stable Message-ID and record when it was last attempted.

Existing rows get a Message-ID each (a single default would repeat one value on every
row), then the column becomes unique and required."""

from django.db import migrations, models

import outbox.models


def backfill_message_ids(apps, schema_editor):
    OutgoingMail = apps.get_model("outbox", "OutgoingMail")
    for mail in OutgoingMail.objects.filter(message_id__isnull=True).only("pk").iterator():
        OutgoingMail.objects.filter(pk=mail.pk).update(message_id=outbox.models.new_message_id())


class Migration(migrations.Migration):
    dependencies = [
        ("outbox", "0002_outgoingmail_handed_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="outgoingmail",
            name="last_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="last attempt"),
        ),
        migrations.AddField(
            model_name="outgoingmail",
            name="message_id",
            field=models.CharField(editable=False, max_length=255, null=True),
        ),
        migrations.RunPython(backfill_message_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="outgoingmail",
            name="message_id",
            field=models.CharField(
                default=outbox.models.new_message_id,
                editable=False,
                max_length=255,
                unique=True,
                verbose_name="Message-ID",
            ),
        ),
    ]
