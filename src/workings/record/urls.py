from django.urls import path

from workings.record import views

app_name = "record"
P = "projects/<slug:slug>/working-record/"
urlpatterns = [
    path(P, views.TimelineView.as_view(), name="timeline"),
    path(P + "export.csv", views.ExportView.as_view(fmt="csv"), name="export-csv"),
    path(P + "export.json", views.ExportView.as_view(fmt="json"), name="export-json"),
    path(P + "decisions/matrix/", views.MatrixView.as_view(), name="matrix"),
    path(P + "meetings/new/", views.MeetingCreateView.as_view(), name="meeting-create"),
    path(P + "feedback/new/", views.FeedbackCreateView.as_view(), name="feedback-create"),
    path(P + "decisions/new/", views.DecisionCreateView.as_view(), name="decision-create"),
    path(
        P + "disagreements/new/", views.DisagreementCreateView.as_view(), name="disagreement-create"
    ),
    path(P + "accounts/new/", views.AccountCreateView.as_view(), name="account-create"),
    path(P + "<int:pk>/", views.ItemView.as_view(), name="item"),
    path(P + "<int:pk>/answer/", views.FeedbackAnswerView.as_view(), name="feedback-answer"),
    path(
        P + "<int:pk>/satisfaction/", views.SatisfactionView.as_view(), name="feedback-satisfaction"
    ),
    path(P + "<int:pk>/view/", views.DecisionViewView.as_view(), name="decision-view"),
    path(P + "<int:pk>/positions/new/", views.PositionCreateView.as_view(), name="position-create"),
    path(P + "positions/<int:pk>/edit/", views.PositionEditView.as_view(), name="position-edit"),
    path(P + "<int:pk>/outcome/", views.OutcomeView.as_view(), name="disagreement-outcome"),
    path(P + "<int:pk>/account/edit/", views.AccountEditView.as_view(), name="account-edit"),
    path(P + "<int:pk>/correct/", views.CorrectionCreateView.as_view(), name="correction-create"),
    path(P + "attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
]
