from django.urls import path
from django.views.decorators.http import require_GET

from workings.posts import feeds, moderation_views, subscribe_views, views

app_name = "posts"
P = "projects/<slug:slug>/posts/"
S = "perspectives/"
urlpatterns = [
    path(P, views.PostListView.as_view(), name="list"),
    path(P + "new/", views.PostCreateView.as_view(), name="new"),
    path(P + "<int:pk>/", views.PostDetailView.as_view(), name="detail"),
    path(P + "<int:pk>/edit/", views.PostEditView.as_view(), name="edit"),
    path(P + "<int:pk>/picture/", views.PostImageView.as_view(), name="image"),
    path(P + "feed.atom", require_GET(feeds.PostsFeed()), name="feed"),
    path(P + "moderation/", moderation_views.ModerationView.as_view(), name="moderation"),
    path(P + "moderators/", moderation_views.ModeratorsView.as_view(), name="moderators"),
    path(P + "subscribe/", subscribe_views.SubscribeView.as_view(), name="subscribe"),
    path(S, views.PostListView.as_view(), name="site-list"),
    path(S + "new/", views.PostCreateView.as_view(), name="site-new"),
    path(S + "<int:pk>/", views.PostDetailView.as_view(), name="site-detail"),
    path(S + "<int:pk>/edit/", views.PostEditView.as_view(), name="site-edit"),
    path(S + "<int:pk>/picture/", views.PostImageView.as_view(), name="site-image"),
    path(S + "feed.atom", require_GET(feeds.PostsFeed()), name="site-feed"),
    path(S + "moderation/", moderation_views.ModerationView.as_view(), name="site-moderation"),
    path(S + "subscribe/", subscribe_views.SubscribeView.as_view(), name="site-subscribe"),
    path("comments/<str:token>/", views.CommentOwnView.as_view(), name="comment"),
    path(
        "subscriptions/confirm/<str:token>/",
        subscribe_views.ConfirmView.as_view(),
        name="confirm",
    ),
    path(
        "subscriptions/<str:token>/",
        subscribe_views.SubscriptionView.as_view(),
        name="subscription",
    ),
    path(
        "subscriptions/<str:token>/unsubscribe/",
        subscribe_views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
]
