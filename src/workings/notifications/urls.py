from django.urls import path

from workings.notifications import home, views

app_name = "notifications"
urlpatterns = [
    path("home/", home.HomeView.as_view(), name="home"),
    path("notifications/", views.NotificationListView.as_view(), name="list"),
    path("notifications/read/", views.NotificationReadView.as_view(), name="read"),
    path("notifications/preferences/", views.PreferenceView.as_view(), name="preferences"),
]
