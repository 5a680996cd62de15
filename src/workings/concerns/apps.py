from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "workings.concerns"
    label = "concerns"

    def ready(self) -> None:
        from workings.concerns import event_types  # noqa: F401
        from workings.core.nav import register_project_tab

        register_project_tab("Concerns", "concerns:list", "raise_concern", 50)
