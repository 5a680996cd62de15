from django.urls import path

from workings.record import form_views as fv
from workings.record import views

app_name = "record"
P = "projects/<slug:slug>/working-record/"
urlpatterns = [
    path(P, views.TimelineView.as_view(), name="timeline"),
    path(P + "export.csv", views.ExportView.as_view(fmt="csv"), name="export-csv"),
    path(P + "export.json", views.ExportView.as_view(fmt="json"), name="export-json"),
    path(P + "decisions/matrix/", views.MatrixView.as_view(), name="matrix"),
    path(P + "<int:pk>/", views.ItemView.as_view(), name="item"),
    path(P + "attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
    path(P + "meetings/new/", fv.MeetingCreateView.as_view(), name="meeting-create"),
    path(P + "feedback/new/", fv.FeedbackCreateView.as_view(), name="feedback-create"),
    path(P + "decisions/new/", fv.DecisionCreateView.as_view(), name="decision-create"),
    path(P + "disagreements/new/", fv.DisagreementCreateView.as_view(), name="disagreement-create"),
    path(P + "accounts/new/", fv.AccountCreateView.as_view(), name="account-create"),
    path(P + "<int:pk>/answer/", fv.FeedbackAnswerView.as_view(), name="feedback-answer"),
    path(P + "<int:pk>/satisfaction/", fv.SatisfactionView.as_view(), name="feedback-satisfaction"),
    path(P + "<int:pk>/view/", fv.DecisionViewView.as_view(), name="decision-view"),
    path(P + "<int:pk>/positions/new/", fv.PositionCreateView.as_view(), name="position-create"),
    path(P + "positions/<int:pk>/edit/", fv.PositionEditView.as_view(), name="position-edit"),
    path(P + "<int:pk>/outcome/", fv.OutcomeView.as_view(), name="disagreement-outcome"),
    path(P + "<int:pk>/account/edit/", fv.AccountEditView.as_view(), name="account-edit"),
    path(P + "<int:pk>/correct/", fv.CorrectionCreateView.as_view(), name="correction-create"),
]
