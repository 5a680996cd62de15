from django.apps import AppConfig


class AgreementsConfig(AppConfig):
    name = "workings.agreements"
    label = "agreements"
    verbose_name = "Involvement agreements"

    def ready(self) -> None:
        from workings.agreements import person_data

        person_data.register()
        from workings.agreements import erasure, snapshots  # noqa: F401

        erasure.register()
        from workings.core.nav import register_project_tab

        register_project_tab("Agreement", "agreements:home", "view_record", 20)

        from workings.agreements import portfolio

        portfolio.register()
        from workings.agreements.needs import agreement_needs
        from workings.core.needs import register_need_source

        register_need_source(agreement_needs)
        from workings.agreements.leaving import agreement_leaving_terms
        from workings.projects.leaving import register_leaving_terms

        register_leaving_terms(agreement_leaving_terms)
