"""Matrix entries for publishing, written by hand from the rules (publishing/permissions.py).
The world project is not published, so its public page and feed are a preview for its
members (and the funder's reviewers), and nobody can comment on it yet:

- the lead chooses what is public and names moderators; the lead moderates;
- only a contributor gives consent (for their own entries), and answers the lead's request
  about one of them; only the lead asks;
- the publishing page is for the lead, contributors and moderators;
- a commenter's private page opens for whoever holds its link (no account needed).
"""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, CONTRIBUTOR, LEAD, MEMBERS, NOBODY, Case, slug_kwargs

TOKEN = "matrix-private-link-secret"


def setup(world: Any) -> None:
    from tests.publishing.helpers import contributor_feedback
    from workings.publishing.models import Comment
    from workings.publishing.services import consent_request
    from workings.publishing.services.comments import token_hash

    entry = contributor_feedback(world)
    world.extra["publishing_request"] = consent_request(
        actor=world.users["lead"], project=world.project, seq=entry.seq
    )
    # Made directly: comment_submit refuses an unpublished project.
    world.extra["publishing_comment"] = Comment.objects.create(
        project=world.project,
        target_kind="project",
        target_id=world.project.pk,
        name="Pat",
        body="Held",
        token_hash=token_hash(TOKEN),
    )


def _comment(world: Any) -> dict[str, Any]:
    return {"slug": world.project.slug, "pk": world.extra["publishing_comment"].pk}


def _request(key: str) -> Any:
    return lambda world: {"slug": world.project.slug, key: world.extra["publishing_request"].pk}


REQUESTS_API = Case(
    get=frozenset({LEAD, CONTRIBUTOR}),
    post=frozenset({LEAD}),
    kwargs=slug_kwargs,
    json=True,
    post_data=lambda w: {"seq": 1, "note": ""},
)

CASES: dict[str, Case] = {
    "publishing:public": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "publishing:comment": Case(get=None, post=NOBODY, kwargs=slug_kwargs),
    "publishing:feed": Case(get=MEMBERS, post=None, kwargs=slug_kwargs),
    "publishing:settings": Case(
        get=frozenset({LEAD, CONTRIBUTOR}), post=frozenset({LEAD}), kwargs=slug_kwargs
    ),
    "publishing:consent": Case(
        get=frozenset({CONTRIBUTOR}), post=frozenset({CONTRIBUTOR}), kwargs=slug_kwargs
    ),
    "publishing:requests": Case(
        get=frozenset({LEAD}),
        post=frozenset({LEAD}),
        kwargs=slug_kwargs,
        post_data=lambda w: {"seq": "1", "note": ""},
    ),
    "publishing:consent-request": Case(
        get=frozenset({CONTRIBUTOR}),
        post=frozenset({CONTRIBUTOR}),
        kwargs=_request("pk"),
        post_data=lambda w: {"publish": "yes"},
    ),
    "api:publishing_consent_request_list": REQUESTS_API,
    "api:publishing_consent_request_make": REQUESTS_API,
    "api:publishing_consent_request_answer": Case(
        get=None,
        post=frozenset({CONTRIBUTOR}),
        kwargs=_request("request_id"),
        json=True,
        post_data=lambda w: {"publish": True},
    ),
    "publishing:moderation": Case(get=frozenset({LEAD}), post=None, kwargs=slug_kwargs),
    "publishing:moderate": Case(get=None, post=frozenset({LEAD}), kwargs=_comment),
    "publishing:my-comment": Case(
        get=ALL,
        post=ALL,
        kwargs=lambda w: {"token": TOKEN},
        post_data=lambda w: {"text": "Please think again"},
    ),
}
