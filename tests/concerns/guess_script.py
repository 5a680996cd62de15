"""Run by test_guess_race.py in fresh processes against a real database shared by them (a
fresh SQLite file or PostgreSQL database), never the pytest-django test database.

    python tests/concerns/guess_script.py setup SLUG
    python tests/concerns/guess_script.py guess SLUG N
    python tests/concerns/guess_script.py check SLUG
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
    import django

    django.setup()
    from workings.concerns import services
    from workings.concerns.models import AnonymousWindow
    from workings.core.exceptions import NotFound, ValidationFailed
    from workings.projects.models import Project

    mode, slug = sys.argv[1], sys.argv[2]
    if mode == "setup":
        import datetime as dt

        from workings.accounts.models import User
        from workings.projects.services import project_create

        lead = User.objects.create_user(email="lead@example.org", password="x" * 12)
        project = project_create(
            actor=lead,
            title=slug,
            summary="Guessing test.",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2027, 1, 1),
        )
        services.concern_raise_anonymous(
            project=project, subject="A concern", what_happened="Words.", outcome_wanted="More."
        )
        print(project.slug)
        return 0
    project = Project.objects.get(slug=slug)
    if mode == "guess":
        checked = refused = 0
        for _ in range(int(sys.argv[3])):
            try:
                services.concern_by_receipt(project=project, code="1111-2222-3333-4444-5555")
            except NotFound:
                checked += 1
            except ValidationFailed:
                refused += 1
        print(f"checked={checked} refused={refused}")
        return 0
    if mode == "check":
        counts = list(
            AnonymousWindow.objects.filter(project=project, purpose="wrong-receipt").values_list(
                "count", flat=True
            )
        )
        print(f"counts={counts}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
