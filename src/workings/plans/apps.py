from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "workings.plans"
    label = "plans"
    verbose_name = "Plans"

    def ready(self) -> None:
        from workings.plans import person_data

        person_data.register()
        from workings.plans import erasure

        erasure.register()
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.core.portfolio import register_portfolio_column
        from workings.plans import snapshots  # noqa: F401
        from workings.plans.notices import slippage_reminders
        from workings.plans.portfolio import SLIPPAGE

        register_reminders(slippage_reminders)
        register_project_tab("Plans", "plans:home", "view_members", 45)
        register_portfolio_column(SLIPPAGE)
        from workings.core.needs import register_need_source
        from workings.plans.needs import plans_needs

        register_need_source(plans_needs)
