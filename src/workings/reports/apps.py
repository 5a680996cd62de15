from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "workings.reports"
    label = "reports"
