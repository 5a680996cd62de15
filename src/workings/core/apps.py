from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    name = "workings.core"
    label = "core"
    verbose_name = "Workings core"

    def ready(self) -> None:
        from workings.core.signals import create_cache_table

        # No sender: post_migrate is only sent for apps with models, and core has none.
        post_migrate.connect(create_cache_table, dispatch_uid="workings.core.cache_table")
