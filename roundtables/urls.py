from django.urls import path

from roundtables.views import (
    assessment,
    clusters,
    inputs,
    moderation,
    rapporteur,
    selection,
    staff,
)

app_name = "roundtables"

urlpatterns = [
    path("roundtables/", clusters.index, name="index"),
    # Stakeholder inputs.
    path("inputs/", inputs.input_list, name="inputs"),
    path("inputs/new/", inputs.input_new, name="input_new"),
    path("inputs/<id:pk>/edit/", inputs.input_edit, name="input_edit"),
    path("inputs/<id:pk>/withdraw/", inputs.input_withdraw, name="input_withdraw"),
    path("inputs/<id:pk>/attachment/", inputs.input_attachment, name="input_attachment"),
    path("me/inputs/", inputs.my_inputs, name="my_inputs"),
    # The Rapporteur call.
    path("rapporteur/", rapporteur.call_list, name="calls"),
    path("rapporteur/cv/<id:pk>/", rapporteur.cv_download, name="cv"),
    path("rapporteur/<slug:slug>/", rapporteur.call_detail, name="call"),
    path("rapporteur/<slug:slug>/apply/", rapporteur.apply, name="apply"),
    path("rapporteur/<slug:slug>/withdraw/", rapporteur.withdraw, name="withdraw"),
    path("me/applications/", rapporteur.my_applications, name="my_applications"),
    # Staff.
    path("staff/roundtables/", staff.staff_home, name="staff_home"),
    path("staff/inputs/", moderation.moderation, name="moderation"),
    path("staff/inputs/analysis/", moderation.analysis, name="analysis"),
    path("staff/inputs/<id:pk>/", moderation.moderate, name="moderate"),
    path(
        "staff/rapporteur/<slug:slug>/assessment/",
        assessment.assessment_list,
        name="assessment_list",
    ),
    path(
        "staff/rapporteur/<slug:slug>/assessment/<id:pk>/",
        assessment.assess,
        name="assess",
    ),
    path("staff/rapporteur/<slug:slug>/selection/", selection.selection, name="selection"),
    path(
        "staff/rapporteur/<slug:slug>/selection/action/",
        selection.selection_action,
        name="selection_action",
    ),
    path(
        "staff/rapporteur/<slug:slug>/export.<str:fmt>",
        selection.export,
        name="export",
    ),
]
