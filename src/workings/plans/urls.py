from django.urls import path

from workings.plans import minutes_views, views

app_name = "plans"
P = "projects/<slug:slug>/plans/"
M = P + "milestones/<int:pk>/"
N = P + "minutes/<int:pk>/"
urlpatterns = [
    path(P, views.PlansHomeView.as_view(), name="home"),
    path(P + "milestones/new/", views.MilestoneCreateView.as_view(), name="milestone-new"),
    path(M, views.MilestoneDetailView.as_view(), name="milestone"),
    path(M + "edit/", views.MilestoneEditView.as_view(), name="milestone-edit"),
    path(M + "progress/", views.MilestoneProgressView.as_view(), name="milestone-progress"),
    path(M + "evidence/", views.EvidenceAddView.as_view(), name="evidence-add"),
    path(P + "minutes/", minutes_views.MinutesListView.as_view(), name="minutes-list"),
    path(P + "minutes/new/", minutes_views.MinutesCreateView.as_view(), name="minutes-new"),
    path(N, minutes_views.MinutesDetailView.as_view(), name="minutes"),
    path(N + "comment/", minutes_views.MinutesCommentView.as_view(), name="minutes-comment"),
    path(N + "finalise/", minutes_views.MinutesFinaliseView.as_view(), name="minutes-finalise"),
    path(P + "training/new/", views.TrainingCreateView.as_view(), name="training-new"),
]
