from django.urls import path

from roundtables import staff_views, views

app_name = "roundtables"

urlpatterns = [
    path("roundtables/", views.index, name="index"),
    # Stakeholder inputs.
    path("inputs/", views.input_list, name="inputs"),
    path("inputs/new/", views.input_new, name="input_new"),
    path("inputs/<int:pk>/edit/", views.input_edit, name="input_edit"),
    path("inputs/<int:pk>/withdraw/", views.input_withdraw, name="input_withdraw"),
    path("inputs/<int:pk>/attachment/", views.input_attachment, name="input_attachment"),
    path("me/inputs/", views.my_inputs, name="my_inputs"),
    # The Rapporteur call.
    path("rapporteur/", views.call_list, name="calls"),
    path("rapporteur/cv/<int:pk>/", views.cv_download, name="cv"),
    path("rapporteur/<slug:slug>/", views.call_detail, name="call"),
    path("rapporteur/<slug:slug>/apply/", views.apply, name="apply"),
    path("rapporteur/<slug:slug>/withdraw/", views.withdraw, name="withdraw"),
    path("me/applications/", views.my_applications, name="my_applications"),
    # Staff.
    path("staff/roundtables/", staff_views.staff_home, name="staff_home"),
    path("staff/inputs/", staff_views.moderation, name="moderation"),
    path("staff/inputs/analysis/", staff_views.analysis, name="analysis"),
    path("staff/inputs/<int:pk>/", staff_views.moderate, name="moderate"),
    path(
        "staff/rapporteur/<slug:slug>/review/",
        staff_views.review_list_view,
        name="review_list",
    ),
    path(
        "staff/rapporteur/<slug:slug>/review/<int:pk>/",
        staff_views.review_application,
        name="review",
    ),
    path("staff/rapporteur/<slug:slug>/selection/", staff_views.selection, name="selection"),
    path(
        "staff/rapporteur/<slug:slug>/selection/action/",
        staff_views.selection_action,
        name="selection_action",
    ),
    path(
        "staff/rapporteur/<slug:slug>/export.<str:fmt>",
        staff_views.export,
        name="export",
    ),
]
