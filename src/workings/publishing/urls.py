from django.urls import path

from workings.publishing.views import public, requests, team

app_name = "publishing"
P = "projects/<slug:slug>/"
urlpatterns = [
    path(P + "public/", public.PublicPageView.as_view(), name="public"),
    path(P + "public/comment/", public.CommentCreateView.as_view(), name="comment"),
    path(P + "public/feed.atom", public.FeedView.as_view(), name="feed"),
    path(P + "publishing/", team.SettingsView.as_view(), name="settings"),
    path(P + "publishing/consent/", team.ConsentView.as_view(), name="consent"),
    path(P + "publishing/requests/", requests.RequestsView.as_view(), name="requests"),
    path(
        P + "publishing/requests/<int:pk>/",
        requests.RequestAnswerView.as_view(),
        name="consent-request",
    ),
    path(P + "publishing/comments/", team.ModerationView.as_view(), name="moderation"),
    path(P + "publishing/comments/<int:pk>/", team.ModerateView.as_view(), name="moderate"),
    # Not under /comments/: the posts app answers there for comments on posts.
    path("project-comments/<str:token>/", public.MyCommentView.as_view(), name="my-comment"),
]
