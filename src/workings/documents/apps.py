from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "workings.documents"
    label = "documents"
    verbose_name = _("Co-owned documents")

    def ready(self) -> None:
        from workings.documents import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.documents import snapshots  # noqa: F401 - registers the event types
        from workings.documents.selectors import public_summary
        from workings.projects.summary import register_summary_source

        register_summary_source(public_summary)

        register_project_tab("Documents", "documents:list", "view_members", 25)

        from workings.documents import portfolio

        portfolio.register()
        from workings.core.needs import register_need_source
        from workings.documents.needs import document_needs

        register_need_source(document_needs)
