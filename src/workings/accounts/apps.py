from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "workings.accounts"
    label = "accounts"
