from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "workings.ops"
    label = "ops"
