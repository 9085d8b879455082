from django.urls import path

from outreach import views

app_name = "outreach"

urlpatterns = [
    path("staff/outreach/", views.directory, name="directory"),
    path("staff/outreach/export/", views.directory_export, name="export"),
    path("staff/outreach/organisations/", views.organisations, name="organisations"),
    path("staff/outreach/organisations/merge/", views.organisation_merge, name="merge"),
    path("staff/outreach/imports/", views.import_upload, name="import"),
    path("staff/outreach/imports/<id:pk>/", views.import_preview, name="import_preview"),
    path("staff/outreach/campaigns/", views.campaign_list, name="campaigns"),
    path("staff/outreach/campaigns/new/", views.campaign_create, name="campaign_create"),
    path("staff/outreach/campaigns/<id:pk>/", views.campaign_detail, name="campaign"),
    path("staff/outreach/campaigns/<id:pk>/edit/", views.campaign_edit, name="campaign_edit"),
    path("staff/outreach/campaigns/<id:pk>/send/", views.campaign_send, name="campaign_send"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
