from django.urls import include, path

from workings.api.api import api
from workings.core.admin_site import site as admin_site
from workings.core.views import AboutView, GlossaryView
from workings.projects.home import HomeView
from workings.projects.urls import invitation_urlpatterns

# The site's own pages keep the core: names; the home page lists projects, so its view lives
# in projects (core must not import projects).
site_urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("about/", AboutView.as_view(), name="about"),
    path("glossary/", GlossaryView.as_view(), name="glossary"),
]

handler500 = "workings.core.views.server_error"

urlpatterns = [
    path("", include((site_urlpatterns, "core"))),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("workings.accounts.urls")),
    path("projects/", include("workings.projects.urls")),
    path("invitations/", include((invitation_urlpatterns, "invitations"))),
    path("", include("workings.events.urls")),
    path("", include("workings.agreements.urls")),
    path("", include("workings.record.urls")),
    path("", include("workings.documents.urls")),
    path("", include("workings.funders.urls")),
    path("", include("workings.concerns.urls")),
    path("", include("workings.money.urls")),
    path("", include("workings.posts.urls")),
    path("", include("workings.verification.urls")),
    path("", include("workings.plans.urls")),
    path("", include("workings.audits.urls")),
    path("", include("workings.publishing.urls")),
    path("", include("workings.notifications.urls")),
    path("", include("workings.reports.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin_site.urls),
]
