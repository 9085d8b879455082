from django.urls import path

from opendata import views

app_name = "opendata"

urlpatterns = [
    path("search/", views.search, name="search"),
    path("open-data/", views.index, name="index"),
    path("open-data/<slug:name>.<str:fmt>", views.dataset, name="dataset"),
]
