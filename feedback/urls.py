from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("feedback/<str:token>/", views.survey, name="survey"),
    path("staff/feedback/sessions/<slug:slug>/", views.session_results, name="session"),
    path("staff/feedback/reviews/<slug:slug>/", views.review_results, name="review"),
]
