from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.session_list, name="list"),
    path("consultations/calendar.ics", views.calendar_feed, name="calendar"),
    path("consultations/<slug:slug>/", views.session_view, name="detail"),
    path(
        "consultations/<slug:slug>/calendar.ics",
        views.session_calendar,
        name="session_calendar",
    ),
    path("consultations/<slug:slug>/register/", views.session_register, name="register"),
    path(
        "consultations/<slug:slug>/documents/<id:pk>/",
        views.session_document,
        name="document",
    ),
    path("registrations/<id:pk>/cancel/", views.registration_cancel, name="cancel"),
    path("registrations/<id:pk>/mode/", views.registration_change_mode, name="change_mode"),
    path("me/participation/", views.my_participation, name="my_participation"),
    path("gcm-talks/propose/", views.talk_request_create, name="talk_request"),
    path("staff/reviews/<slug:slug>/timeline/", views.staff_review_timeline, name="staff_timeline"),
    path("staff/sessions/<slug:slug>/counts/", views.staff_session_counts, name="staff_counts"),
    path("staff/sessions/<slug:slug>/check-in/", views.staff_check_in, name="staff_check_in"),
    path(
        "staff/registrations/<id:pk>/photo/",
        views.staff_accreditation_photo,
        name="staff_photo",
    ),
    path(
        "staff/sessions/<slug:slug>/email/",
        views.staff_email_participants,
        name="staff_email",
    ),
    path("staff/exports/<id:pk>/", views.staff_export_status, name="staff_export"),
    path(
        "staff/exports/<id:pk>/download/",
        views.staff_export_download,
        name="staff_export_download",
    ),
    path(
        "staff/gcm-talks/<id:pk>/decide/",
        views.staff_talk_request_decide,
        name="staff_talk_decide",
    ),
]
