"""Run by the concurrency and crash tests in fresh processes against a real database file
(or a PostgreSQL database), never the pytest-django test database.

    python tests/events/conc_script.py setup SLUG
    python tests/events/conc_script.py append SLUG N [WORKER]
    python tests/events/conc_script.py check SLUG
"""

from __future__ import annotations

import os
import sys


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "workings.settings")
    import django

    django.setup()
    from django.db import transaction

    from workings.events.models import Checkpoint, Entry, Log
    from workings.events.services import append_event
    from workings.projects.models import Project

    mode, slug = sys.argv[1], sys.argv[2]
    if mode == "setup":
        import datetime as dt

        from workings.accounts.models import User
        from workings.projects.services import project_create

        lead = User.objects.create_user(email="lead@example.org", password="x" * 12)
        project_create(
            actor=lead,
            title=slug,
            summary="Concurrency test.",
            start_date=dt.date(2026, 1, 1),
            end_date=dt.date(2027, 1, 1),
        )
        print(Project.objects.get().slug)
        return 0
    project = Project.objects.get(slug=slug)
    if mode == "append":
        n, worker = int(sys.argv[3]), sys.argv[4] if len(sys.argv) > 4 else "0"
        for i in range(n):
            with transaction.atomic():
                append_event(
                    project=project,
                    type="project.updated",
                    actor=None,
                    content={"worker": worker, "i": i},
                )
            if i == 0:
                print("started", flush=True)
        return 0
    if mode == "check":
        from workings.events.audit import verify_project

        log = Log.objects.get(project=project)
        seqs = list(Entry.objects.filter(log=log).order_by("seq").values_list("seq", flat=True))
        sizes = list(
            Checkpoint.objects.filter(log=log).order_by("size").values_list("size", flat=True)
        )
        check = verify_project(project)
        print(f"size={log.size} entries={len(seqs)} checkpoints={len(sizes)}")
        print(check.summary())
        if seqs != list(range(len(seqs))) or log.size != len(seqs):
            print("FAIL: sequence numbers have a gap or a duplicate")
            return 1
        from workings.events.models import EntryContent

        if EntryContent.objects.filter(entry__log=log).count() != len(seqs):
            print("FAIL: an entry without its content row (a partial append)")
            return 1
        if sizes != list(range(1, len(seqs) + 1)):
            print("FAIL: not one checkpoint per append")
            return 1
        return 0 if check.ok else 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
