from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "workings.record"
    label = "record"
    verbose_name = "Working record"

    def ready(self) -> None:
        from workings.core.nav import register_project_tab
        from workings.record import erasure, snapshots  # noqa: F401

        erasure.register()

        register_project_tab("Working record", "record:timeline", "view_record", 30)
