from __future__ import annotations

from typing import Any

from workings.agreements import demo as agreements_demo
from workings.concerns import demo as concerns_demo
from workings.core.demo import DemoContext
from workings.funders import demo
from workings.funders.models import FunderOrganisation, ProjectFunder, SealedRead
from workings.projects import demo as projects_demo
from workings.projects.models import Membership
from workings.projects.permissions import project_policy
from workings.projects.roles import Role


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
