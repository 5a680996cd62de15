from django.urls import path

from workings.plans import views

app_name = "plans"
P = "projects/<slug:slug>/plans/"
M = P + "milestones/<int:pk>/"
urlpatterns = [
    path(P, views.PlansHomeView.as_view(), name="home"),
    path(P + "milestones/new/", views.MilestoneCreateView.as_view(), name="milestone-new"),
    path(M, views.MilestoneDetailView.as_view(), name="milestone"),
    path(M + "edit/", views.MilestoneEditView.as_view(), name="milestone-edit"),
    path(M + "progress/", views.MilestoneProgressView.as_view(), name="milestone-progress"),
    path(M + "evidence/", views.EvidenceAddView.as_view(), name="evidence-add"),
    path(P + "training/new/", views.TrainingCreateView.as_view(), name="training-new"),
]
