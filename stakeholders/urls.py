from django.urls import path

from stakeholders import views

app_name = "stakeholders"

urlpatterns = [
    path("me/", views.home, name="home"),
    path("me/profile/", views.profile, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
]
