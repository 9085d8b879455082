from django.urls import path

from roundtables import views

app_name = "roundtables"

urlpatterns = [
    path("roundtables/", views.index, name="index"),
    path("rapporteur/", views.call_list, name="calls"),
    path("rapporteur/<slug:slug>/", views.call_detail, name="call"),
]
