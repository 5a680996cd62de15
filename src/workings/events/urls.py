from django.urls import path

from workings.events import check_views, views

app_name = "events"
urlpatterns = [
    path(".well-known/workings/log-key", views.LogKeyView.as_view(), name="log-key"),
    path("projects/<slug:slug>/record/", views.RecordView.as_view(), name="record"),
    path(
        "projects/<slug:slug>/record/check/",
        check_views.RecordCheckView.as_view(),
        name="check",
    ),
    path(
        "projects/<slug:slug>/record/<int:seq>/erase/",
        views.EntryEraseView.as_view(),
        name="erase",
    ),
    path(
        "projects/<slug:slug>/record/<int:seq>/hide/",
        views.EntryHideView.as_view(),
        name="hide",
    ),
    path(
        "projects/<slug:slug>/record/<int:seq>/data-request/",
        views.DataRequestView.as_view(),
        name="data-request",
    ),
    path("data-requests/done/", views.DataRequestDoneView.as_view(), name="data-request-done"),
    path("projects/<slug:slug>/record/witness/", views.WitnessView.as_view(), name="witness"),
]
