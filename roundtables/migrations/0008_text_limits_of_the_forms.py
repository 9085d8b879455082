"""The length limits of long answers move from the forms to the model fields, where the
ModelForms find them. TextField does not enforce max_length in the database: no SQL."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("roundtables", "0007_remove_application_shortlisted"),
    ]

    operations = [
        migrations.AlterField(
            model_name="application",
            name="experience",
            field=models.TextField(max_length=5000, verbose_name="relevant experience"),
        ),
        migrations.AlterField(
            model_name="application",
            name="motivation",
            field=models.TextField(max_length=5000, verbose_name="motivation"),
        ),
        migrations.AlterField(
            model_name="stakeholderinput",
            name="text",
            field=models.TextField(max_length=20000, verbose_name="text"),
        ),
    ]
