from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "workings.notifications"
    label = "notifications"

    def ready(self) -> None:
        from workings.notifications import person_data

        person_data.register()
        from workings.core.notify import plug_sender
        from workings.notifications import erasure, services

        erasure.register()
        # The domain apps send notices through core's port (they sit below this app). Looked
        # up on each call, so the sender is always this module's current notify.
        plug_sender(lambda **notice: services.notify(**notice))
