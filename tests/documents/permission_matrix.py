"""Matrix entries for co-owned documents (pages and API).

In the world, the agreement in force names the contributor as the only owner, every owner
must approve. A summary with one version and one open suggestion exists. Only the owner
approves, dissents, accepts or rejects; only the lead records a submission; every member
(and the funder's reviewer) reads; observers and reviewers do not write."""

from __future__ import annotations

from typing import Any

from tests.matrix import CONTRIBUTOR, LEAD, MEMBERS, RESEARCHER, Case

WRITERS = frozenset({CONTRIBUTOR, RESEARCHER, LEAD})
OWNER = frozenset({CONTRIBUTOR})
LEAD_ONLY = frozenset({LEAD})


def setup(world: Any) -> None:
    from tests.documents.helpers import agree_documents, summary
    from workings.agreements.selectors import version_in_force
    from workings.documents import suggestions

    owner = world.users["contributor"]
    in_force = version_in_force(world.project)
    if in_force is None:
        agree_documents(world, owners=[owner], rule="all")
    else:
        # The agreements matrix put a template agreement in force (and left a newer one
        # waiting for signatures): name the owner in it directly. A fixture shortcut only;
        # the software offers no such path.
        content = {**in_force.content, "documents": {"final_say": "all", "owners": [owner.pk]}}
        type(in_force).objects.filter(pk=in_force.pk).update(content=content)
    document = summary(world)
    world.extra["document"] = document
    world.extra["suggestion"] = suggestions.suggestion_make(
        actor=world.users["researcher"],
        document=document,
        number=1,
        original="help",
        replacement="support",
    )


def _doc(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["document"].pk}


def _ver(world: Any) -> dict[str, Any]:
    return {**_doc(world), "number": 1}


def _api_doc(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "document_id": world.extra["document"].pk}


def _api_ver(world: Any) -> dict[str, Any]:
    return {**_api_doc(world), "number": 1}


def _sid(world: Any) -> dict[str, Any]:
    return {**_doc(world), "sid": world.extra["suggestion"].pk}


def _api_sid(world: Any) -> dict[str, Any]:
    return {**_api_doc(world), "suggestion_id": world.extra["suggestion"].pk}


def _project(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug}


def _create(world: Any) -> dict[str, Any]:
    return {"kind": "other", "title": "Minutes"}


def _propose(world: Any) -> dict[str, Any]:
    return {"base": 1, "text": "New words for the summary."}


def _suggest(world: Any) -> dict[str, Any]:
    return {"original": "stroke", "replacement": "a stroke of bad luck"}


CASES: dict[str, Case] = {
    "documents:list": Case(get=MEMBERS, post=WRITERS, kwargs=_project, post_data=_create),
    "documents:detail": Case(get=MEMBERS, post=None, kwargs=_doc),
    "documents:propose": Case(get=WRITERS, post=WRITERS, kwargs=_doc, post_data=_propose),
    "documents:compare": Case(get=MEMBERS, post=None, kwargs=_doc),
    "documents:export": Case(get=MEMBERS, post=None, kwargs=_doc),
    "documents:version": Case(get=MEMBERS, post=None, kwargs=_ver),
    "documents:approve": Case(get=None, post=OWNER, kwargs=_ver),
    "documents:dissent": Case(
        get=None, post=OWNER, kwargs=_ver, post_data=lambda w: {"text": "I disagree."}
    ),
    "documents:submit": Case(
        get=None, post=LEAD_ONLY, kwargs=_ver, post_data=lambda w: {"application": "RfPB"}
    ),
    "documents:suggest": Case(get=None, post=WRITERS, kwargs=_ver, post_data=_suggest),
    "documents:suggestion-decide": Case(
        get=None, post=OWNER, kwargs=_sid, post_data=lambda w: {"decision": "reject"}
    ),
    "api:document_list": Case(
        get=MEMBERS, post=WRITERS, kwargs=_project, post_data=_create, json=True
    ),
    "api:document_create": Case(
        get=MEMBERS, post=WRITERS, kwargs=_project, post_data=_create, json=True
    ),
    "api:document_detail": Case(get=MEMBERS, post=None, kwargs=_api_doc, json=True),
    "api:document_propose": Case(
        get=None, post=WRITERS, kwargs=_api_doc, post_data=_propose, json=True
    ),
    "api:document_approve": Case(
        get=None, post=OWNER, kwargs=_api_ver, post_data=lambda w: {}, json=True
    ),
    "api:document_dissent": Case(
        get=None, post=OWNER, kwargs=_api_ver, post_data=lambda w: {"text": "No."}, json=True
    ),
    "api:document_submit": Case(
        get=None,
        post=LEAD_ONLY,
        kwargs=_api_ver,
        post_data=lambda w: {"application": "RfPB"},
        json=True,
    ),
    "api:document_suggest": Case(
        get=None, post=WRITERS, kwargs=_api_ver, post_data=_suggest, json=True
    ),
    "api:document_suggestion_decide": Case(
        get=None, post=OWNER, kwargs=_api_sid, post_data=lambda w: {"accept": False}, json=True
    ),
    "api:document_diff": Case(get=MEMBERS, post=None, kwargs=_api_doc, json=True),
    "api:document_export": Case(get=MEMBERS, post=None, kwargs=_api_doc, json=True),
}
