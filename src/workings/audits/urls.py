from django.urls import path

from workings.audits import views

app_name = "audits"
P = "projects/<slug:slug>/audits/"
A = P + "<int:pk>/"
urlpatterns = [
    path(P, views.AuditListView.as_view(), name="list"),
    path(A, views.AuditDetailView.as_view(), name="detail"),
    path(A + "assess/", views.AssessmentView.as_view(), name="assess"),
    path(A + "findings/", views.FindingAddView.as_view(), name="finding-add"),
    path(A + "sign/", views.AuditSignView.as_view(), name="sign"),
]
