from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "workings.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self) -> None:
        from workings.publishing import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.events.permissions import register_public_withholder
        from workings.publishing import snapshots  # noqa: F401
        from workings.publishing.withholding import public_check

        register_public_withholder(public_check)
        register_project_tab("Public page", "publishing:public", "view", 90)
        from workings.core.needs import register_need_source
        from workings.publishing.needs import publishing_needs

        register_need_source(publishing_needs)
        from workings.projects.leaving import register_left_project_links
        from workings.publishing.needs import left_project_links

        register_left_project_links(left_project_links)
