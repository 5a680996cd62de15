from django.urls import path

from workings.funders import portfolio_views, settings_views, views

app_name = "funders"
urlpatterns = [
    path("funders/", views.OrganisationListView.as_view(), name="list"),
    path("funders/<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
    path("funders/<slug:slug>/settings/", settings_views.SettingsView.as_view(), name="settings"),
    path(
        "funders/<slug:slug>/portfolio/",
        portfolio_views.PortfolioView.as_view(),
        name="portfolio",
    ),
    path(
        "funders/<slug:slug>/portfolio.csv",
        portfolio_views.PortfolioCsvView.as_view(),
        name="portfolio-csv",
    ),
    path("funders/<slug:slug>/appoint/", views.AppointView.as_view(), name="appoint"),
    path(
        "funders/<slug:slug>/appointments/<int:pk>/end/",
        views.AppointmentEndView.as_view(),
        name="appointment-end",
    ),
    path(
        "funders/<slug:slug>/projects/<int:pk>/answer/", views.AnswerView.as_view(), name="answer"
    ),
    path("projects/<slug:slug>/funder/", views.ProjectFunderView.as_view(), name="project-funder"),
]
