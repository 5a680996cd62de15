from django.urls import path

from workings.projects import views

app_name = "projects"
urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    path("create/", views.ProjectCreateView.as_view(), name="create"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
    path("<slug:slug>/update/", views.ProjectUpdateView.as_view(), name="update"),
    path("<slug:slug>/members/", views.MemberListView.as_view(), name="members"),
    path("<slug:slug>/members/<int:pk>/role/", views.MemberRoleView.as_view(), name="member-role"),
    path(
        "<slug:slug>/members/<int:pk>/remove/",
        views.MemberRemoveView.as_view(),
        name="member-remove",
    ),
    path(
        "<slug:slug>/invitations/create/",
        views.InvitationCreateView.as_view(),
        name="invitation-create",
    ),
    path(
        "<slug:slug>/invitations/<int:pk>/withdraw/",
        views.InvitationWithdrawView.as_view(),
        name="invitation-withdraw",
    ),
    path("<slug:slug>/membership/", views.MembershipUpdateView.as_view(), name="membership"),
    path("<slug:slug>/leave/", views.LeaveView.as_view(), name="leave"),
]

invitation_urlpatterns = [
    path("<str:token>/", views.InvitationAnswerView.as_view(), name="answer"),
]
