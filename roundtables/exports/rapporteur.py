"""Exports of a Rapporteur call's scores and comments, so that the selection can be
justified: the ranking with the balance of each candidate, and every score, comment and
recusal. Written by core.spreadsheets, which keeps text typed by people (comments, names)
from running as a formula and writes empty values the same way in CSV and XLSX.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.spreadsheets import Sheet, csv_response, xlsx_workbook_response
from roundtables.balance import Labels
from roundtables.models import RapporteurCall
from roundtables.selectors.rapporteur import (
    export_rows,
    selection_ranking,
    show_identity,
)


def _score_table(call: RapporteurCall) -> tuple[list[str], list[list]]:
    """One row per score: who scored which application on which criterion, and why."""
    applications = export_rows(call=call)
    named = show_identity(call)
    header = [
        _("Reference"),
        *([_("Candidate"), _("Email")] if named else []),
        _("Status"),
        _("Assessor"),
        _("Criterion"),
        _("Score"),
        _("Comment"),
        _("Scored"),
    ]
    rows = []
    for application in applications:
        identity = [application.user.name, application.user.email] if named else []
        for score in application.scores.all():
            rows.append(
                [
                    application.reference,
                    *identity,
                    application.get_status_display(),
                    score.assessor.name or score.assessor.email,
                    score.criterion.name,
                    score.value,
                    score.comment,
                    timezone.localtime(score.created_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
        for recusal in application.recusals.all():
            rows.append(
                [
                    application.reference,
                    *identity,
                    application.get_status_display(),
                    recusal.assessor.name or recusal.assessor.email,
                    _("Recused"),
                    "",
                    recusal.reason,
                    timezone.localtime(recusal.created_at).strftime("%Y-%m-%d %H:%M"),
                ]
            )
    return header, rows


def _summary_table(call: RapporteurCall) -> tuple[list[str], list[list]]:
    """One row per application: its rank, mean scores and balance attributes."""
    labels = Labels(region_id=call.review.region_id)
    ranking = selection_ranking(call=call, labels=labels)
    criteria = list(call.criteria.all())
    named = show_identity(call)
    header = [
        _("Rank"),
        _("Reference"),
        *([_("Candidate")] if named else []),
        _("Status"),
        *[_("Mean: %(criterion)s") % {"criterion": c.name} for c in criteria],
        _("Mean score"),
        _("Assessors"),
        _("Recusals"),
        _("Gender"),
        _("Sub-region"),
        _("Sector"),
        _("Migrant voice"),
    ]
    rows = []
    for row in ranking:
        application = row.application
        person = row.person
        rows.append(
            [
                row.rank,
                application.reference,
                *([application.user.name or application.user.email] if named else []),
                application.get_status_display(),
                *row.criterion_means,
                row.mean,
                row.assessors,
                row.recusals,
                str(labels.labels["gender"][person.gender]),
                str(labels.labels["subregion"][person.subregion]),
                str(labels.labels["sector"][person.sector]),
                str(labels.labels["migrant_voice"][person.migrant_voice]),
            ]
        )
    return header, rows


def scores_csv(call: RapporteurCall) -> HttpResponse:
    header, rows = _score_table(call)
    return csv_response(filename=f"{call.slug}-scores", header=header, rows=rows)


def scores_xlsx(call: RapporteurCall) -> HttpResponse:
    return xlsx_workbook_response(
        filename=f"{call.slug}-scores",
        sheets=[
            Sheet(_("Ranking"), *_summary_table(call)),
            Sheet(_("Scores and comments"), *_score_table(call)),
        ],
    )
