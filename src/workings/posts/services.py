"""Writes for posts, comments and moderation: one function, one transaction, a log entry
for a project's post or comment (the site's blog has no project log). Bad input raises
ValidationFailed before anything is written; a picture saved before a later failure is
deleted again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotFound, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.posts import images
from workings.posts.models import (
    AppealState,
    Comment,
    CommentState,
    HideReason,
    Moderator,
    Post,
    PostStatus,
)
from workings.posts.permissions import posts_policy, require
from workings.projects.models import Membership

COMMENT_MAX = 5000


def _record(project: Any, type: str, actor: Any, row: Any, **content: Any) -> None:
    if project is not None:
        append_event(project=project, type=type, actor=actor, content=content, subjects=[row])


def _when(value: Any) -> dt.datetime | None:
    if value in (None, ""):
        return None
    moment = value if isinstance(value, dt.datetime) else parse_datetime(str(value))
    if moment is None:
        raise ValidationFailed(
            _("Give the date and time like 2026-12-24 09:00."), field="publish_at"
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _default_byline(actor: Any, project: Any) -> str:
    if project is None:
        return str(actor.display_name or _("The Workings team"))
    membership = Membership.objects.filter(project=project, user=actor).first()
    return membership.label if membership else _("A member")


def _post_fields(
    actor: Any, project: Any, data: dict[str, Any], problems: Problems
) -> dict[str, Any]:
    """Every field checked; each broken rule is kept in `problems`, raised by the caller."""
    status = data.get("status") or PostStatus.DRAFT
    if status not in PostStatus.values:
        problems.add(_("Choose draft or published."), field="status")
    publish_at = problems.check(_when, data.get("publish_at"))
    if status == PostStatus.PUBLISHED and publish_at is None:
        publish_at = clock.now()
    byline = problems.check(
        optional_text, data.get("byline"), field="byline", label=_("Name shown"), max_length=120
    )
    return {
        "title": problems.check(
            required_text, data.get("title"), field="title", label=_("Title"), max_length=200
        ),
        "series": problems.check(
            optional_text, data.get("series"), field="series", label=_("Series"), max_length=80
        ),
        "byline": byline or _default_byline(actor, project),
        "body": problems.check(
            required_text, data.get("body"), field="body", label=_("The post"), max_length=50_000
        ),
        "status": status,
        "publish_at": publish_at,
    }


def _all_fields(actor: Any, project: Any, data: dict[str, Any], had_image: bool) -> dict[str, Any]:
    """The post's words and its picture, every broken rule reported at once."""
    problems = Problems()
    fields = _post_fields(actor, project, data, problems)
    picture = problems.check(_image_fields, data, had_image)
    problems.raise_any()
    return {**fields, **(picture or {})}


def _image_fields(data: dict[str, Any], had_image: bool) -> dict[str, Any]:
    upload = data.get("image")
    alt = optional_text(
        data.get("image_alt"), field="image_alt", label=_("Picture description"), max_length=300
    )
    if upload is None:
        if had_image and not alt:
            raise _alt_missing()
        return {"image_alt": alt} if had_image else {}
    if not alt:
        raise _alt_missing()
    clean = images.clean(upload)
    return {
        "_image": clean,
        "image_alt": alt,
        "image_type": clean.content_type,
        "image_sha256": clean.sha256,
    }


def _alt_missing() -> ValidationFailed:
    return ValidationFailed(
        _(
            "Describe the picture in a sentence for people who cannot see it "
            "(for example “Five people around a table with papers”)."
        ),
        field="image_alt",
    )


def _save_image(post: Post, fields: dict[str, Any]) -> None:
    clean = fields.pop("_image", None)
    if clean is not None:
        name = f"{post.pk}-{clean.sha256[:16]}.{images.EXTENSIONS[clean.content_type]}"
        post.image.save(name, ContentFile(clean.data), save=False)


@transaction.atomic
def post_create(*, actor: Any, project: Any | None, **data: Any) -> Post:
    require(
        posts_policy.can_write(actor, project),
        _("Only the project's team (or, for the site's blog, its staff) writes posts."),
    )
    fields = _all_fields(actor, project, data, had_image=False)
    clean = fields.pop("_image", None)
    post = Post.objects.create(project=project, author=actor, **fields)
    if clean is not None:
        _save_image(post, {"_image": clean})
        post.save(update_fields=["image"])
    _record(project, "posts.post_saved", actor, post, post=post.pk)
    return post


@transaction.atomic
def post_change(*, actor: Any, post: Post, **data: Any) -> Post:
    post = Post.objects.select_for_update(of=("self",)).select_related("project").get(pk=post.pk)
    require(posts_policy.can_edit(actor, post), _("Only the person who wrote a post changes it."))
    fields = _all_fields(actor, post.project, data, had_image=bool(post.image))
    _save_image(post, fields)
    for name, value in fields.items():
        setattr(post, name, value)
    post.save()
    _record(post.project, "posts.post_saved", actor, post, post=post.pk)
    return post


@transaction.atomic
def comment_add(*, post: Post, name: Any, body: Any, actor: Any = None) -> Comment:
    """A comment from anyone, held for moderation. No e-mail or IP address is kept."""
    if not posts_policy.can_comment(actor, post):
        raise NotFound(_("That post does not exist."))
    problems = Problems()  # every broken rule is reported at once
    words = {
        "name": problems.check(
            required_text, name, field="name", label=_("Your name"), max_length=80
        ),
        "body": problems.check(
            required_text, body, field="body", label=_("Your comment"), max_length=COMMENT_MAX
        ),
    }
    problems.raise_any()
    comment = Comment.objects.create(post=post, **words)
    _record(post.project, "posts.comment_held", None, comment, comment=comment.pk)
    return comment


def _locked(comment: Comment) -> Comment:
    return (
        Comment.objects.select_for_update(of=("self",))
        .select_related("post__project")
        .get(pk=comment.pk)
    )


@transaction.atomic
def comment_approve(*, actor: Any, comment: Comment) -> Comment:
    comment = _locked(comment)
    require(posts_policy.can_moderate(actor, comment.post.project), _("Only moderators decide."))
    if comment.state != CommentState.PENDING:
        raise ValidationFailed(_("This comment has already been decided."))
    comment.state = CommentState.APPROVED
    comment.moderated_by = actor
    comment.save()
    _record(comment.post.project, "posts.comment_approved", actor, comment, comment=comment.pk)
    return comment


@transaction.atomic
def comment_hide(*, actor: Any, comment: Comment, reason: Any, note: Any = "") -> Comment:
    """Hide a waiting or published comment. It is never deleted: a tombstone with the
    reason's category stays where it was, and the writer can read it and appeal."""
    comment = _locked(comment)
    require(posts_policy.can_moderate(actor, comment.post.project), _("Only moderators decide."))
    if comment.state == CommentState.HIDDEN:
        raise ValidationFailed(_("This comment is already hidden."))
    problems = Problems()  # every broken rule is reported at once
    if reason not in HideReason.values:
        problems.add(
            _("Choose why the comment is hidden: the reason is shown in its place."),
            field="reason",
        )
    note_text = problems.check(
        optional_text, note, field="note", label=_("Note to the writer"), max_length=1000
    )
    if reason == HideReason.OTHER and note_text == "":
        problems.add(_("Say in a sentence why, for the writer."), field="note")
    problems.raise_any()
    comment.state = CommentState.HIDDEN
    comment.reason = reason
    comment.note = note_text
    comment.moderated_by = actor
    comment.save()
    _record(
        comment.post.project,
        "posts.comment_hidden",
        actor,
        comment,
        comment=comment.pk,
        reason=reason,
    )
    return comment


@transaction.atomic
def comment_appeal(*, comment: Comment, appeal: Any) -> Comment:
    """The writer (holding the private link) asks for a hidden comment to come back."""
    comment = _locked(comment)
    if comment.state != CommentState.HIDDEN:
        raise ValidationFailed(_("Only a hidden comment can be appealed."))
    if comment.appeal_state != AppealState.NONE:
        raise ValidationFailed(_("You have already appealed; a moderator will decide."))
    comment.appeal = required_text(
        appeal, field="appeal", label=_("Why it should come back"), max_length=2000
    )
    comment.appeal_state = AppealState.WAITING
    comment.save()
    _record(comment.post.project, "posts.comment_appealed", None, comment, comment=comment.pk)
    return comment


@transaction.atomic
def appeal_decide(*, actor: Any, comment: Comment, uphold: bool) -> Comment:
    comment = _locked(comment)
    require(
        posts_policy.can_decide_appeal(actor, comment),
        _("An appeal is decided by a moderator other than the one who hid the comment."),
    )
    comment.appeal_state = AppealState.UPHELD if uphold else AppealState.REFUSED
    comment.appeal_decided_by = actor
    if uphold:
        comment.state = CommentState.APPROVED
    comment.save()
    _record(
        comment.post.project,
        "posts.appeal_decided",
        actor,
        comment,
        comment=comment.pk,
        upheld=uphold,
    )
    return comment


@transaction.atomic
def moderator_appoint(*, actor: Any, project: Any, membership: Any) -> Moderator:
    require(posts_policy.can_appoint(actor, project), _("Only the project's lead appoints."))
    member = Membership.objects.filter(project=project, pk=membership, left_at=None).first()
    if member is None:
        raise ValidationFailed(_("Choose one of the project's members."), field="membership")
    moderator, _created = Moderator.objects.update_or_create(
        project=project, membership=member, defaults={"appointed_by": actor, "active": True}
    )
    _record(project, "posts.moderator_appointed", actor, moderator, moderator=moderator.pk)
    return moderator


@transaction.atomic
def moderator_end(*, actor: Any, moderator: Moderator) -> Moderator:
    moderator = Moderator.objects.select_for_update().get(pk=moderator.pk)
    require(
        posts_policy.can_appoint(actor, moderator.project), _("Only the project's lead appoints.")
    )
    moderator.active = False
    moderator.save()
    _record(moderator.project, "posts.moderator_ended", actor, moderator, moderator=moderator.pk)
    return moderator
