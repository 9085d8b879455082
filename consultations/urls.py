from django.urls import path

from consultations import views

app_name = "consultations"

urlpatterns = [
    path("consultations/", views.session_list, name="list"),
    path("consultations/calendar.ics", views.calendar_feed, name="calendar"),
    path("consultations/<slug:slug>/", views.session_view, name="detail"),
]
