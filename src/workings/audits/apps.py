from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "workings.audits"
    label = "audits"
    verbose_name = "Audits"

    def ready(self) -> None:
        from workings.audits import person_data

        person_data.register()
        from workings.audits import snapshots  # noqa: F401
        from workings.audits.notices import scheduled_audits
        from workings.audits.portfolio import LAST_AUDIT
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.core.portfolio import register_portfolio_column

        register_reminders(scheduled_audits)
        register_project_tab("Audits", "audits:list", "view_members", 46)
        register_portfolio_column(LAST_AUDIT)
