from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VerificationConfig(AppConfig):
    name = "workings.verification"
    label = "verification"
    verbose_name = _("Verification requests")

    def ready(self) -> None:
        from workings.verification import person_data

        person_data.register()
        from workings.core.nav import register_project_tab
        from workings.core.notify import register_reminders
        from workings.core.portfolio import register_portfolio_column
        from workings.verification import snapshots  # noqa: F401 - registers the event types
        from workings.verification.reminders import verification_reminders
        from workings.verification.selectors import disputed_claims_column

        register_reminders(verification_reminders)
        register_portfolio_column(disputed_claims_column())
        register_project_tab("Checking claims", "verification:list", "view_members", 45)
