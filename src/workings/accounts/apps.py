from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "workings.accounts"
    label = "accounts"

    def ready(self) -> None:
        from workings.accounts import person_data, sessions  # noqa: F401  (signal receivers)

        person_data.register()
