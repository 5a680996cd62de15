from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "workings.agreements"
    label = "agreements"
    verbose_name = "Involvement agreements"

    def ready(self) -> None:
        from workings.agreements import event_types  # noqa: F401
