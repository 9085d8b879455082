from django.urls import path

from stakeholders import views

app_name = "stakeholders"

urlpatterns = [
    path("me/", views.home, name="home"),
    path("me/profile/", views.profile, name="profile"),
    path("me/data/", views.my_data, name="my_data"),
    path("me/data/download/", views.data_download, name="data_download"),
    path("me/delete/", views.account_delete, name="account_delete"),
    path("privacy/", views.privacy, name="privacy"),
]
