from __future__ import annotations

from pathlib import Path
from typing import Any

from workings.agreements import demo as agreements_demo
from workings.concerns import demo as concerns_demo
from workings.core.demo import DemoContext
from workings.events import keys
from workings.events.audit import export_project
from workings.events.models import Checkpoint, Cosignature
from workings.funders import demo
from workings.funders.models import FunderOrganisation, ProjectFunder, SealedRead, WitnessAlarm
from workings.funders.witness_keys import key_file
from workings.projects import demo as projects_demo
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role
from workings.verifier.cli import main as verifier_main
from workings.verifier.cosignature import generate_witness_key


def test_the_fund_is_an_organisation_with_helen_as_its_reviewer(db: Any) -> None:
    ctx = DemoContext()
    projects_demo.build(ctx)
    demo.build(ctx)
    stride = ctx.projects["stride"]
    fund = FunderOrganisation.objects.get(name="National Stroke Research Fund")
    link = ProjectFunder.objects.get(project=stride)
    assert link.organisation == fund and link.status == "confirmed"
    helen = ctx.people["funder"]
    assert helen.email == "helen.marsh@example.org"
    assert not Membership.objects.filter(user=helen).exists()
    assert project_policy.role_of(helen, stride) == Role.FUNDER
    labels = {r.label for r in project_policy.reviewers(stride)}
    assert labels == {
        "Helen Marsh, reviewer for National Stroke Research Fund",
        "Ruth Adeyemi, independent reviewer for National Stroke Research Fund",
    }
    # The Fund's admin is not a reader of the project's sealed concerns.
    assert project_policy.role_of(ctx.people["funder_admin"], stride) is None
    assert {"funder", "funder admin", "independent reviewer"} <= {x["role"] for x in ctx.logins}


def test_helens_read_of_the_confidential_concern_is_recorded(db: Any) -> None:
    ctx = DemoContext()
    for module in (projects_demo, demo, agreements_demo, concerns_demo):
        module.build(ctx)
    read = SealedRead.objects.get()
    assert read.reader == ctx.people["funder"] and read.concern_id is not None
    assert read.reader_label == "Helen Marsh, reviewer for National Stroke Research Fund"


def test_the_fund_witnesses_the_demo_and_stride_verifies_with_its_key(
    db: Any, settings: Any, tmp_path: Path
) -> None:
    """Out of the box: the Fund has a witness key (a file, never a table), has cosigned its
    projects' newest checkpoints, and `workings verify --witness` accepts STRIDE's export."""
    from workings.core.demo import build_demo

    settings.WORKINGS_WITNESS_KEY_DIR = str(tmp_path / "witnesses")
    ctx = build_demo()
    fund = FunderOrganisation.objects.get(slug=demo.NSRF)
    assert fund.witness_key
    signer = key_file(fund).read_text().strip()
    assert signer.startswith("PRIVATE+KEY+") and fund.witness_key not in signer
    funded = ProjectFunder.objects.filter(organisation=fund, status="confirmed")
    assert funded.count() >= 5
    for link in funded.select_related("project"):
        newest = Checkpoint.objects.filter(log__project=link.project).order_by("-size").first()
        assert newest.cosignatures.filter(witness_key=fund.witness_key).exists(), link.project
    assert not WitnessAlarm.objects.exists()
    # STRIDE was witnessed early in its history and again at the end, the second time only
    # after the witness checked the record had grown without being rewritten.
    stride = ctx.projects["stride"]
    assert Cosignature.objects.filter(checkpoint__log__project=stride).count() == 2
    path = tmp_path / "stride.jsonl"
    with path.open("w") as out:
        export_project(stride, out)
    args = ["verify", str(path), "--key", keys.verifier_key()]
    assert verifier_main([*args, "--witness", fund.witness_key]) == 0
    stranger = generate_witness_key("someone.else")[1]
    assert verifier_main([*args, "--witness", stranger]) != 0
