from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "workings.projects"
    label = "projects"

    def ready(self) -> None:
        from workings.projects import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.core.project_access import plug_project_access
        from workings.projects import snapshots  # noqa: F401
        from workings.projects.access import ProjectPolicyAccess

        # core and events ask the project policy through this port (they sit below projects).
        plug_project_access(ProjectPolicyAccess())

        register_project_tab("Overview", "projects:detail", "view", 0)
        register_project_tab("Members", "projects:members", "view_members", 10)
