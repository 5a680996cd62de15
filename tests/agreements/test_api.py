from __future__ import annotations

import json
from typing import Any

from tests.agreements.helpers import proposed
from workings.agreements.models import AgreementVersion, VersionStatus

BASE = "/api/v1/projects/{slug}/agreement"


def _call(client: Any, method: str, url: str, body: Any = None) -> Any:
    return client.generic(method, url, json.dumps(body or {}), content_type="application/json")


def test_whole_flow_over_the_api(world: Any, client_for: Any) -> None:
    base = BASE.format(slug=world.project.slug)
    lead = client_for(world.users["lead"])
    contributor = client_for(world.users["contributor"])
    summary = lead.get(base).json()
    assert summary["procedure_is_default"] is True and summary["in_force"] is None
    started = _call(lead, "POST", f"{base}/versions", {"source": "template"})
    assert started.status_code == 201, started.content
    version = started.json()
    content = version["content"]
    content["sections"]["time"] = "Two hours a month."
    saved = _call(contributor, "PUT", f"{base}/versions/1", {"revision": 1, "content": content})
    assert saved.status_code == 200 and saved.json()["revision"] == 2
    stale = _call(lead, "PUT", f"{base}/versions/1", {"revision": 1, "content": version["content"]})
    assert stale.status_code == 409
    assert stale.json()["theirs"]["sections"]["time"] == "Two hours a month."
    assert stale.json()["revision"] == 2
    bad = dict(content, payment={**content["payment"], "rate": "20000"})
    refused = _call(lead, "PUT", f"{base}/versions/1", {"revision": 2, "content": bad})
    assert refused.status_code == 400 and "looks like a mistake" in refused.json()["detail"]
    comment = _call(
        contributor, "POST", f"{base}/versions/1/comments", {"section": "time", "body": "Ok"}
    )
    assert comment.status_code == 201
    assert lead.get(f"{base}/versions/1/comments").json()[0]["body"] == "Ok"
    assert _call(contributor, "POST", f"{base}/versions/1/propose").status_code == 200
    on_behalf = _call(
        lead,
        "POST",
        f"{base}/versions/1/signatures",
        {"answer": "agree", "party_id": world.users["contributor"].pk},
    )
    assert on_behalf.status_code == 403
    assert (
        _call(lead, "POST", f"{base}/versions/1/signatures", {"answer": "agree"}).status_code == 201
    )
    twice = _call(lead, "POST", f"{base}/versions/1/signatures", {"answer": "agree"})
    assert twice.status_code == 400 and "already answered" in twice.json()["detail"]
    signed = _call(
        contributor,
        "POST",
        f"{base}/versions/1/signatures",
        {"answer": "agree_with_reservations", "words": "Pay sooner."},
    )
    assert signed.status_code == 201
    detail = lead.get(f"{base}/versions/1").json()
    assert detail["status"] == "in_force" and detail["waiting_for"] == []
    assert detail["answers"][1]["words"] == "Pay sooner."
    assert detail["checkpoint"]["size"] > 0
    amend = _call(contributor, "POST", f"{base}/versions", {"source": "version", "from_version": 1})
    assert amend.status_code == 201
    content = amend.json()["content"]
    content["payment"]["payment_days"] = 14
    _call(contributor, "PUT", f"{base}/versions/2", {"revision": 1, "content": content})
    diff = lead.get(f"{base}/diff?old=1&new=2").json()
    payment = next(d for d in diff if d["section"] == "payment")
    assert payment["changed"]
    assert {"op": "added", "text": "14"} in payment["parts"]
    assert lead.get(base).json()["procedure_is_default"] is False


def test_non_party_cannot_sign_over_the_api(world: Any, client_for: Any) -> None:
    proposed(world)
    base = BASE.format(slug=world.project.slug)
    observer = client_for(world.users["observer"])
    response = _call(observer, "POST", f"{base}/versions/1/signatures", {"answer": "agree"})
    assert response.status_code == 403
    assert AgreementVersion.objects.get().status == VersionStatus.PROPOSED
