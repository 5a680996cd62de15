from __future__ import annotations

from typing import Any

from workings.agreements import selectors


def test_no_agreement_means_defaults(world: Any) -> None:
    project = world.project
    assert selectors.procedure_for(project) is selectors.DEFAULT_PROCEDURE
    assert selectors.DEFAULT_PROCEDURE.funder_stage_index == 2
    assert [s.response_days for s in selectors.DEFAULT_PROCEDURE.stages] == [10, 14, 28]
    assert selectors.decision_rights_for(project) == {}
    assert selectors.payment_terms_for(project) is None
    assert selectors.feedback_response_days(project) == 14
    assert selectors.version_in_force(project) is None
    assert list(selectors.amendment_history(project)) == []
