from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("reports/", views.report_list, name="list"),
    path("reports/<id:pk>/pdf/", views.report_download, name="download"),
    path("staff/reports/new/", views.staff_new, name="staff_new"),
    path("staff/reviews/<slug:slug>/dashboard/", views.staff_dashboard, name="dashboard"),
    path("staff/reports/<id:pk>/", views.staff_detail, name="staff_detail"),
    path("staff/reports/<id:pk>/status/", views.staff_status, name="staff_status"),
    path("staff/reports/<id:pk>/publish/", views.staff_publish, name="staff_publish"),
    path("staff/reports/<id:pk>/withdraw/", views.staff_withdraw, name="staff_withdraw"),
    path("staff/reports/<id:pk>/rerender/", views.staff_rerender, name="staff_rerender"),
]
