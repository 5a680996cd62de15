from django.urls import path

from workings.documents import views

app_name = "documents"
_DOC = "projects/<slug:slug>/documents/<int:pk>/"
_VER = _DOC + "versions/<int:number>/"
urlpatterns = [
    path("projects/<slug:slug>/documents/", views.DocumentListView.as_view(), name="list"),
    path(_DOC, views.DocumentDetailView.as_view(), name="detail"),
    path(_DOC + "propose/", views.VersionProposeView.as_view(), name="propose"),
    path(_DOC + "compare/", views.DocumentCompareView.as_view(), name="compare"),
    path(_DOC + "export/", views.DocumentExportView.as_view(), name="export"),
    path(
        _DOC + "suggestions/<int:sid>/decide/",
        views.SuggestionDecideView.as_view(),
        name="suggestion-decide",
    ),
    path(_VER, views.VersionDetailView.as_view(), name="version"),
    path(_VER + "approve/", views.VersionApproveView.as_view(), name="approve"),
    path(_VER + "dissent/", views.VersionDissentView.as_view(), name="dissent"),
    path(_VER + "submit/", views.VersionSubmitView.as_view(), name="submit"),
    path(_VER + "suggest/", views.SuggestionMakeView.as_view(), name="suggest"),
]
