from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "workings.ops"
    label = "ops"

    def ready(self) -> None:
        from workings.ops import person_data

        person_data.register()
