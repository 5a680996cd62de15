"""Posts events (codes 1100-1149, never reused) and the snapshot each recorded model writes.

Audiences (docs/decisions/posts-and-subscriptions.md):
- a project post's writing and scheduling are the team's business until it is out
  (MEMBERS): a draft or a post scheduled for next week must not reach the public log;
- a comment waiting for moderation is the team's (MEMBERS); an approved comment is public
  (PUBLIC), and so is the fact that a comment was hidden, with its reason category (PUBLIC):
  moderation never deletes silently. A hidden comment's words are a personal field (they
  go to the member part, never the public part of the entry).

Posts on the site's own blog ("perspectives") and subscriptions belong to no project, so
they have no log to be recorded in; an e-mail address is never written to any log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from workings.events.snapshots import Snapshot
from workings.events.types import Audience, register

POST_SAVED = register(1100, "posts.post_saved", "A post was written or changed", Audience.MEMBERS)
COMMENT_HELD = register(
    1110, "posts.comment_held", "A comment is waiting for moderation", Audience.MEMBERS
)
COMMENT_APPROVED = register(
    1111, "posts.comment_approved", "A comment was published", Audience.PUBLIC
)
COMMENT_HIDDEN = register(
    1112, "posts.comment_hidden", "A comment was hidden by a moderator", Audience.PUBLIC
)
COMMENT_APPEALED = register(
    1113, "posts.comment_appealed", "A hidden comment's writer appealed", Audience.PUBLIC
)
APPEAL_DECIDED = register(
    1114, "posts.appeal_decided", "An appeal against hiding was decided", Audience.PUBLIC
)
MODERATOR_APPOINTED = register(
    1120, "posts.moderator_appointed", "A moderator was appointed", Audience.MEMBERS
)
MODERATOR_ENDED = register(
    1121, "posts.moderator_ended", "A moderator stepped down", Audience.MEMBERS
)


@dataclass(frozen=True)
class PostSnapshot(Snapshot):
    model: ClassVar[str] = "posts.post"
    project: int | None = None
    title: str = ""
    series: str = ""
    byline: str = ""
    author: int = 0
    body: str = ""
    status: str = ""
    publish_at: str | None = None
    image_alt: str = ""
    image_type: str = ""
    image_sha256: str = ""


@dataclass(frozen=True)
class CommentSnapshot(Snapshot):
    model: ClassVar[str] = "posts.comment"
    post: int = 0
    name: str = ""
    body: str = ""
    state: str = ""
    reason: str = ""
    appeal: str = ""
    appeal_state: str = ""
    moderated_by: int | None = None
    appeal_decided_by: int | None = None


@dataclass(frozen=True)
class ModeratorSnapshot(Snapshot):
    model: ClassVar[str] = "posts.moderator"
    project: int = 0
    membership: int = 0
    appointed_by: int = 0
    active: bool = True
