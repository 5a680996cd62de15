from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "workings.concerns"
    label = "concerns"

    def ready(self) -> None:
        from workings.concerns import person_data

        person_data.register()
        from workings.concerns import erasure, snapshots  # noqa: F401
        from workings.concerns.permissions import raised_the_sealed_entry
        from workings.concerns.reads import note_entry_reads
        from workings.concerns.reminders import concern_reminders
        from workings.concerns.services import raiser_membership_check
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.events.permissions import (
            register_sealed_read_listener,
            register_sealed_reader,
        )
        from workings.projects.hooks import on_membership_change

        register_sealed_reader(raised_the_sealed_entry)
        register_sealed_read_listener(note_entry_reads)
        erasure.register()
        on_membership_change(raiser_membership_check)
        register_reminders(concern_reminders)

        register_project_tab("Concerns", "concerns:list", "view_concerns", 50)

        from workings.concerns import portfolio

        portfolio.register()
        from workings.concerns.needs import concern_needs
        from workings.core.needs import register_need_source

        register_need_source(concern_needs)
