"""The word review names only the Regional Review: the scoring side of the Rapporteur call is
its assessment. Columns and the assessors' table are renamed in place, so every row (the
assessors named on a call, scores, recusals) is kept.

The unique constraints on scores and recusals name the renamed column: they are dropped
before the rename and created again after it, which works on SQLite and PostgreSQL alike.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

STATUSES = [
    ("submitted", "Submitted"),
    ("under-assessment", "Under assessment"),
    ("shortlisted", "Shortlisted"),
    ("selected", "Selected"),
    ("not-selected", "Not selected"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("roundtables", "0003_rapporteur_review_and_inputs"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # Scores and recusals: reviewer -> assessor.
        migrations.RemoveConstraint(model_name="score", name="score_once"),
        migrations.RemoveConstraint(model_name="recusal", name="recusal_once"),
        migrations.RenameField(model_name="score", old_name="reviewer", new_name="assessor"),
        migrations.RenameField(model_name="recusal", old_name="reviewer", new_name="assessor"),
        migrations.AlterField(
            model_name="score",
            name="assessor",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assessor",
            ),
        ),
        migrations.AlterField(
            model_name="recusal",
            name="assessor",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assessor",
            ),
        ),
        migrations.AddConstraint(
            model_name="score",
            constraint=models.UniqueConstraint(
                fields=("application", "assessor", "criterion"), name="score_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="recusal",
            constraint=models.UniqueConstraint(
                fields=("application", "assessor"), name="recusal_once"
            ),
        ),
        # The call: its assessors, anonymised assessment and when the assessment started.
        migrations.RenameField(
            model_name="rapporteurcall", old_name="reviewers", new_name="assessors"
        ),
        migrations.RenameField(
            model_name="rapporteurcall",
            old_name="anonymised_review",
            new_name="anonymised_assessment",
        ),
        migrations.RenameField(
            model_name="rapporteurcall",
            old_name="review_started_at",
            new_name="assessment_started_at",
        ),
        migrations.AlterField(
            model_name="rapporteurcall",
            name="assessors",
            field=models.ManyToManyField(
                blank=True,
                help_text="Staff who score the applications of this call.",
                limit_choices_to={"is_staff": True},
                related_name="rapporteur_calls_to_assess",
                to=settings.AUTH_USER_MODEL,
                verbose_name="assessors",
            ),
        ),
        migrations.AlterField(
            model_name="rapporteurcall",
            name="anonymised_assessment",
            field=models.BooleanField(
                default=False,
                help_text="Assessors see no name, email or CV file name.",
                verbose_name="anonymised assessment",
            ),
        ),
        migrations.AlterField(
            model_name="rapporteurcall",
            name="assessment_started_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="assessment started"),
        ),
        # "under-assessment" is longer than the old 14 characters; rows are updated in
        # 0005.
        migrations.AlterField(
            model_name="application",
            name="status",
            field=models.CharField(
                choices=STATUSES, default="submitted", max_length=20, verbose_name="status"
            ),
        ),
        migrations.AlterField(
            model_name="applicationstatuschange",
            name="from_status",
            field=models.CharField(
                blank=True, choices=STATUSES, max_length=20, verbose_name="from"
            ),
        ),
        migrations.AlterField(
            model_name="applicationstatuschange",
            name="to_status",
            field=models.CharField(choices=STATUSES, max_length=20, verbose_name="to"),
        ),
    ]
