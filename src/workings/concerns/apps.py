from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "workings.concerns"
    label = "concerns"

    def ready(self) -> None:
        from workings.concerns import erasure, event_types  # noqa: F401
        from workings.concerns.permissions import raised_the_sealed_entry
        from workings.core.nav import register_project_tab
        from workings.events.permissions import register_sealed_reader

        register_sealed_reader(raised_the_sealed_entry)
        erasure.register()

        register_project_tab("Concerns", "concerns:list", "raise_concern", 50)
