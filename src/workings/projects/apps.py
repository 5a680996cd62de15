from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "workings.projects"
    label = "projects"

    def ready(self) -> None:
        from workings.core.nav import register_project_tab
        from workings.projects import snapshots  # noqa: F401

        register_project_tab("Overview", "projects:detail", "view", 0)
        register_project_tab("Members", "projects:members", "view_members", 10)
