"""Comments from the public: held for moderation, published or hidden by a moderator
(never deleted), and appealed by their writer through a private link."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from workings.core import clock
from workings.core.exceptions import NotAllowed, NotFound, Problems, ValidationFailed
from workings.core.text import optional_text, required_text
from workings.events.services import append_event
from workings.publishing.models import (
    AppealStatus,
    Comment,
    CommentStatus,
    HideCategory,
    TargetKind,
)
from workings.publishing.permissions import publishing_policy, require

BODY_MAX = 5000
NAME_MAX = 80


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _clean_body(body: Any, *, field: str, label: str, limit: int) -> str:
    text = str(body or "")
    if len(text) > limit * 4:  # say so before cleaning a megabyte of text
        raise ValidationFailed(
            _("%(label)s is far too long; the limit is %(limit)s characters.")
            % {"label": label, "limit": limit},
            field=field,
        )
    return required_text(text, field=field, label=label, max_length=limit)


@transaction.atomic
def comment_submit(
    *,
    project: Any,
    name: Any,
    body: Any,
    honeypot: str = "",
    token: str | None = None,
) -> tuple[Comment, str]:
    """A member of the public comments on a published project. Held until a moderator
    decides; returns the comment and the secret of the writer's private link."""
    if not publishing_policy.can_comment(project):
        raise NotFound(_("We could not find that project."))
    if honeypot:
        raise ValidationFailed(
            _("Please leave the last box empty: it is there to catch automatic spam."),
            field="website",
        )
    problems = Problems()  # every broken rule is reported at once
    name = problems.check(
        optional_text, name, field="name", label=_("Your name"), max_length=NAME_MAX
    )
    text = problems.check(_clean_body, body, field="body", label=_("Your comment"), limit=BODY_MAX)
    problems.raise_any()
    secret = token or secrets.token_urlsafe(24)
    comment = Comment.objects.create(
        project=project,
        target_kind=TargetKind.PROJECT,
        target_id=project.pk,
        name=name or _("A member of the public"),
        body=text,
        token_hash=token_hash(secret),
        created_at=clock.now(),
    )
    return comment, secret


def _moderated(*, actor: Any, comment: Comment) -> Comment:
    locked = (
        Comment.objects.select_for_update(of=("self",)).select_related("project").get(pk=comment.pk)
    )
    if locked.project is None:
        raise NotFound(_("There is no such comment."))
    require(
        publishing_policy.can_moderate(actor, locked.project),
        _("Only the project's comment moderators decide on comments."),
    )
    return locked


def _publish(*, actor: Any, comment: Comment) -> Comment:
    comment.status = CommentStatus.PUBLISHED
    comment.category = ""
    comment.moderated_by = actor
    comment.save()
    entry = append_event(
        project=comment.project,
        type="publishing.comment_published",
        actor=actor,
        content={"comment": comment.pk},
        subjects=[comment],
    )
    if entry is not None:
        comment.published_seqs = [*comment.published_seqs, entry.seq]
        comment.save(update_fields=["published_seqs"])
    return comment


@transaction.atomic
def comment_publish(*, actor: Any, comment: Comment) -> Comment:
    comment = _moderated(actor=actor, comment=comment)
    if comment.status == CommentStatus.PUBLISHED:
        raise ValidationFailed(_("This comment is already published."))
    if comment.status == CommentStatus.HIDDEN:
        raise ValidationFailed(
            _(
                "This comment was hidden. Only an appeal, decided by another moderator, "
                "brings it back."
            )
        )
    return _publish(actor=actor, comment=comment)


@transaction.atomic
def comment_hide(*, actor: Any, comment: Comment, category: Any) -> Comment:
    """Hide a comment, with the reason's category: a tombstone shows in its place."""
    comment = _moderated(actor=actor, comment=comment)
    if category not in HideCategory.values:
        raise ValidationFailed(_("Choose why the comment is hidden."), field="category")
    if comment.status == CommentStatus.HIDDEN:
        raise ValidationFailed(_("This comment is already hidden."))
    comment.status = CommentStatus.HIDDEN
    comment.category = category
    comment.moderated_by = actor
    comment.save()
    append_event(
        project=comment.project,
        type="publishing.comment_hidden",
        actor=actor,
        content={"comment": comment.pk, "category": category},
        subjects=[comment],
    )
    return comment


def comment_by_token(token: str) -> Comment:
    comment = (
        Comment.objects.filter(token_hash=token_hash(str(token or "")))
        .select_related("project")
        .first()
    )
    if comment is None:
        raise NotFound(_("This link does not open any comment. Check it was copied whole."))
    return comment


@transaction.atomic
def comment_appeal(*, token: str, text: Any) -> Comment:
    """The writer of a hidden comment asks the moderators to think again (no account)."""
    comment = comment_by_token(token)
    comment = (
        Comment.objects.select_for_update(of=("self",)).select_related("project").get(pk=comment.pk)
    )
    if comment.status != CommentStatus.HIDDEN:
        raise ValidationFailed(_("Only a hidden comment can be appealed."))
    if comment.appeal_status:
        raise ValidationFailed(_("You have already appealed; a moderator will answer once."))
    comment.appeal = _clean_body(text, field="appeal", label=_("Your appeal"), limit=2000)
    comment.appeal_status = AppealStatus.OPEN
    comment.save()
    append_event(
        project=comment.project,
        type="publishing.comment_appealed",
        actor=None,
        content={"comment": comment.pk},
        subjects=[comment],
    )
    return comment


@transaction.atomic
def appeal_decide(*, actor: Any, comment: Comment, publish: bool) -> Comment:
    comment = _moderated(actor=actor, comment=comment)
    if comment.appeal_status != AppealStatus.OPEN:
        raise ValidationFailed(_("There is no open appeal on this comment."))
    if not publishing_policy.can_decide_appeal(actor, comment):
        raise NotAllowed(
            _("Another moderator must decide this appeal: nobody judges their own decision.")
        )
    if publish:
        comment.appeal_status = AppealStatus.UPHELD
        return _publish(actor=actor, comment=comment)
    comment.appeal_status = AppealStatus.REFUSED
    comment.moderated_by = actor
    comment.save()
    append_event(
        project=comment.project,
        type="publishing.comment_hidden",
        actor=actor,
        content={"comment": comment.pk, "category": comment.category, "appeal": "refused"},
        subjects=[comment],
    )
    return comment
