from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "workings.agreements"
    label = "agreements"
