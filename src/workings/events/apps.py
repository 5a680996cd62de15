from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "workings.events"
    label = "events"
    verbose_name = "Project logs"

    def ready(self) -> None:
        from workings.events import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.events import checks, snapshots  # noqa: F401  (system checks, log types)

        register_project_tab("Record", "events:record", "view_record", 90)
