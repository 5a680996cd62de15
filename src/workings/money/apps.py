from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "workings.money"
    label = "money"
    verbose_name = "Money"

    def ready(self) -> None:
        from workings.core.nav import register_project_tab
        from workings.money import snapshots  # noqa: F401

        register_project_tab("Money", "money:home", "view_members", 40)
