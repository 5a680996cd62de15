from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "workings.notifications"
    label = "notifications"

    def ready(self) -> None:
        from workings.notifications import erasure

        erasure.register()
