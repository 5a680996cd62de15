from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "workings.money"
    label = "money"
    verbose_name = "Money"

    def ready(self) -> None:
        from workings.money import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.money import snapshots  # noqa: F401
        from workings.money.reminders import payment_reminders

        register_reminders(payment_reminders)
        register_project_tab("Money", "money:home", "view_members", 40)

        from workings.money import portfolio

        portfolio.register()
        from workings.core.needs import register_need_source
        from workings.money.needs import money_needs

        register_need_source(money_needs)
