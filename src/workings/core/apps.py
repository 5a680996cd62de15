from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "workings.core"
    label = "core"
    verbose_name = "Workings core"

    def ready(self) -> None:
        from workings.core.signals import create_cache_table

        post_migrate.connect(create_cache_table, sender=self)
