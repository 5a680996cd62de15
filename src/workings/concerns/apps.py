from django.apps import AppConfig


class ConcernsConfig(AppConfig):
    name = "workings.concerns"
    label = "concerns"
