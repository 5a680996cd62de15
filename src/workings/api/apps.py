from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "workings.api"
    label = "workings_api"
