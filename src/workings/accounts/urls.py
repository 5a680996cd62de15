from django.urls import path

from workings.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.ProfileView.as_view(), name="profile"),
    path(
        "sign-out-everywhere/",
        views.SignOutEverywhereView.as_view(),
        name="sign-out-everywhere",
    ),
    path("data/", views.PersonDataView.as_view(), name="data"),
    path(
        "data/<uuid:uuid>/download/",
        views.PersonDataDownloadView.as_view(),
        name="data-download",
    ),
    path("tokens/", views.TokenListView.as_view(), name="tokens"),
    path("tokens/<int:pk>/revoke/", views.TokenRevokeView.as_view(), name="token-revoke"),
]
