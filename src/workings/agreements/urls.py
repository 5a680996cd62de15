from django.urls import path

from workings.agreements import views

app_name = "agreements"
V = "projects/<slug:slug>/agreement/versions/<int:number>"
urlpatterns = [
    path("projects/<slug:slug>/agreement/", views.AgreementHomeView.as_view(), name="home"),
    path("projects/<slug:slug>/agreement/start/", views.AgreementStartView.as_view(), name="start"),
    path("projects/<slug:slug>/agreement/diff/", views.VersionDiffView.as_view(), name="diff"),
    path(f"{V}/", views.VersionDetailView.as_view(), name="version"),
    path(f"{V}/edit/", views.VersionEditView.as_view(), name="edit"),
    path(f"{V}/new-draft/", views.VersionNewDraftView.as_view(), name="new-draft"),
    path(f"{V}/propose/", views.VersionProposeView.as_view(), name="propose"),
    path(f"{V}/sign/", views.VersionSignView.as_view(), name="sign"),
    path(f"{V}/comment/", views.CommentCreateView.as_view(), name="comment"),
    path(f"{V}/print/", views.VersionPrintView.as_view(), name="print"),
    path(f"{V}/pdf/", views.VersionPdfView.as_view(), name="pdf"),
]
