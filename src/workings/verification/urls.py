from django.urls import path

from workings.verification import views

app_name = "verification"
_REQ = "projects/<slug:slug>/verification/<int:pk>/"
urlpatterns = [
    path("projects/<slug:slug>/verification/", views.RequestListView.as_view(), name="list"),
    path(_REQ, views.RequestDetailView.as_view(), name="detail"),
    path(_REQ + "claims/", views.ClaimsEditView.as_view(), name="claims"),
    path(_REQ + "send/", views.RequestSendView.as_view(), name="send"),
    path(_REQ + "remind/", views.RequestRemindView.as_view(), name="remind"),
    path(_REQ + "close/", views.RequestCloseView.as_view(), name="close"),
    path(_REQ + "answer/", views.AnswerView.as_view(), name="answer"),
    path(_REQ + "answers/", views.AnswersView.as_view(), name="answers"),
    path("verify/<str:token>/", views.LinkAnswerView.as_view(), name="link"),
]
