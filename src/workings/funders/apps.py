from django.apps import AppConfig


class FundersConfig(AppConfig):
    name = "workings.funders"
    label = "funders"
    verbose_name = "Funder organisations"

    def ready(self) -> None:
        from workings.funders import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.funders import admin, snapshots  # noqa: F401
        from workings.funders.reviewers import reviewer_source
        from workings.projects.permissions import register_reviewer_source

        register_reviewer_source(reviewer_source)
        from workings.funders import menu

        menu.register()
        from workings.core.notify import register_reminders
        from workings.funders.tasks import witness_reminders

        register_reminders(witness_reminders)
        register_project_tab("Funder", "funders:project-funder", "view_members", 15)
