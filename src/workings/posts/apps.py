from django.apps import AppConfig


class PostsConfig(AppConfig):
    name = "workings.posts"
    label = "posts"
    verbose_name = "Posts"

    def ready(self) -> None:
        from workings.posts import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.posts import snapshots  # noqa: F401
        from workings.posts.digest import digest_reminder

        register_reminders(digest_reminder)
        register_project_tab("Posts", "posts:list", "view", 45)
