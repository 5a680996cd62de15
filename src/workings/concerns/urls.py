from django.urls import path

from workings.concerns import anonymous_views, views

app_name = "concerns"
_P = "projects/<slug:slug>/concerns/"
_C = _P + "<int:pk>/"
urlpatterns = [
    path(_P, views.ConcernListView.as_view(), name="list"),
    path(_P + "raise/", views.ConcernRaiseView.as_view(), name="raise"),
    path(_C, views.ConcernDetailView.as_view(), name="detail"),
    path(_C + "reply/", views.ConcernReplyView.as_view(), name="reply"),
    path(_C + "escalate/", views.ConcernEscalateView.as_view(), name="escalate"),
    path(_C + "ask-team/", views.ConcernAskTeamView.as_view(), name="ask-team"),
    path(_C + "summary/", views.ConcernSummaryView.as_view(), name="summary"),
    path(_C + "summary/answer/", views.ConcernSummaryAnswerView.as_view(), name="summary-answer"),
    path(_C + "close/", views.ConcernCloseView.as_view(), name="close"),
    path("concerns/inbox/", views.InboxView.as_view(), name="inbox"),
    path(
        "concerns/anonymous/<slug:slug>/<str:key>/",
        anonymous_views.anonymous_view(anonymous_views.AnonymousRaiseView.as_view()),
        name="anonymous-raise",
    ),
    path(
        "concerns/anonymous/<slug:slug>/<str:key>/follow-up/",
        anonymous_views.anonymous_view(anonymous_views.AnonymousFollowUpView.as_view()),
        name="anonymous-follow-up",
    ),
]
