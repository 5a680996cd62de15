from django.urls import path

from workings.reports import views, views_actions, views_gripp2

app_name = "reports"
P = "projects/<slug:slug>/reports/"
urlpatterns = [
    path(P, views.IndexView.as_view(), name="index"),
    path(P + "annex/<str:audience>/", views.AnnexView.as_view(), name="annex"),
    path(
        P + "annex/<str:audience>/download.<str:fmt>",
        views.AnnexDownloadView.as_view(),
        name="annex-download",
    ),
    path(P + "files/<uuid:uuid>/", views.FileView.as_view(), name="file"),
    path(P + "reply/open/", views_actions.ReplyOpenView.as_view(), name="reply-open"),
    path(P + "reply/", views_actions.ReplyAnswerView.as_view(), name="reply"),
    path(P + "register/", views_actions.RegisterView.as_view(), name="register"),
    path(P + "gripp2/", views_gripp2.Gripp2View.as_view(), name="gripp2"),
    path(P + "gripp2/narrative/", views_gripp2.NarrativeView.as_view(), name="narrative"),
    path(
        P + "gripp2/export.<str:fmt>", views_gripp2.Gripp2ExportView.as_view(), name="gripp2-export"
    ),
    path(
        "registrations/<uuid:uuid>/", views_actions.RegistrationView.as_view(), name="registration"
    ),
    path(
        "registrations/<uuid:uuid>/withdraw/",
        views_actions.RegistrationWithdrawView.as_view(),
        name="registration-withdraw",
    ),
]
