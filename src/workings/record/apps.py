from django.apps import AppConfig


class RecordConfig(AppConfig):
    name = "workings.record"
    label = "record"
