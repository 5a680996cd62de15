from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "workings.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self) -> None:
        from workings.reports import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.reports import erasure, snapshots  # noqa: F401  (registers event types)

        erasure.register()

        register_project_tab("Reports", "reports:index", "view_record", 60)
