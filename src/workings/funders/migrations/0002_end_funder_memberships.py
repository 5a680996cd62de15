"""No membership grants reviewer powers any more: end the funder memberships and withdraw
pending funder invitations made before funder organisations (see
docs/decisions/funder-organisations.md). Each is recorded in its project's log."""

from django.db import migrations


def end_funder_memberships(apps, schema_editor):  # type: ignore[no-untyped-def]
    Membership = apps.get_model("projects", "Membership")
    Invitation = apps.get_model("projects", "Invitation")
    legacy = list(
        Membership.objects.filter(role="funder", left_at__isnull=True).values_list(
            "pk", flat=True
        )
    )
    pending = list(
        Invitation.objects.filter(role="funder", status="pending").values_list("pk", flat=True)
    )
    if not legacy and not pending:
        return
    # Recording needs the log's real write path (snapshots, signing), so the live models are
    # used; this only runs on a database that has such rows, i.e. one already up to date.
    from workings.funders.legacy import end_legacy_funder_roles

    end_legacy_funder_roles(membership_ids=legacy, invitation_ids=pending)


class Migration(migrations.Migration):
    dependencies = [
        ("funders", "0001_initial"),
        # The live models are used, so every table they read must be up to date.
        ("projects", "0002_membership_left_reason_public"),
        ("events", "0006_merge_erasure_and_audiences"),
    ]

    operations = [
        migrations.RunPython(end_funder_memberships, migrations.RunPython.noop, elidable=False),
    ]
