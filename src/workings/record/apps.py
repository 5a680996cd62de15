from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "workings.record"
    label = "record"
    verbose_name = "Working record"

    def ready(self) -> None:
        from workings.record import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.record import erasure, snapshots  # noqa: F401
        from workings.record.reminders import feedback_reminders

        erasure.register()
        register_reminders(feedback_reminders)

        register_project_tab("Working record", "record:timeline", "view_record", 30)

        from workings.record import portfolio

        portfolio.register()
        from workings.core.needs import register_need_source
        from workings.record.needs import record_needs

        register_need_source(record_needs)
