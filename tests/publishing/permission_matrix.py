"""Matrix entries for publishing, written by hand from the rules (publishing/permissions.py).
The world project is not published, so its public page and feed are a preview for its
members (and the funder's reviewers), and nobody can comment on it yet:

- the lead chooses what is public and names moderators; the lead moderates;
- only a contributor gives consent (for their own entries);
- the publishing page is for the lead, contributors and moderators;
- a commenter's private page opens for whoever holds its link (no account needed).
"""

from __future__ import annotations

from typing import Any

from tests.matrix import ALL, CONTRIBUTOR, LEAD, MEMBERS, NOBODY, Case, slug_kwargs

TOKEN = "matrix-private-link-secret"


def setup(world: Any) -> None:
    from workings.publishing.models import Comment
    from workings.publishing.services.comments import token_hash

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
    "publishing:moderation": Case(get=frozenset({LEAD}), post=None, kwargs=slug_kwargs),
    "publishing:moderate": Case(get=None, post=frozenset({LEAD}), kwargs=_comment),
    "publishing:my-comment": Case(
        get=ALL,
        post=ALL,
        kwargs=lambda w: {"token": TOKEN},
        post_data=lambda w: {"text": "Please think again"},
    ),
}
