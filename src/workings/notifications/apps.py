from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "workings.notifications"
    label = "notifications"
