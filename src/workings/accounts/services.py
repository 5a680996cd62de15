"""Writes for people and their API tokens."""

from __future__ import annotations

import hashlib
import secrets

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from workings.accounts.models import PersonalAccessToken, User
from workings.core.exceptions import NotFound, ValidationFailed
from workings.core.text import check_plain_text

TOKEN_PREFIX = "wk_"  # noqa: S105 - a public prefix, not a secret


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def profile_update(
    *,
    actor: User,
    display_name: str,
    pref_larger_text: bool,
    pref_high_contrast: bool,
    pref_reduced_motion: bool,
) -> User:
    actor.display_name = check_plain_text(
        display_name, field="display_name", label=_("Display name"), max_length=80
    )
    actor.pref_larger_text = pref_larger_text
    actor.pref_high_contrast = pref_high_contrast
    actor.pref_reduced_motion = pref_reduced_motion
    actor.full_clean()
    actor.save()
    return actor


@transaction.atomic
def token_create(*, actor: User, name: str) -> tuple[PersonalAccessToken, str]:
    """Returns the token row and the secret, which is shown once and never stored."""
    name = check_plain_text(name, field="name", label=_("Token name"), max_length=80)
    if not name:
        raise ValidationFailed(
            _("Give the token a name so you can recognise it later."), field="name"
        )
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PersonalAccessToken(user=actor, name=name, prefix=raw[:10], token_hash=hash_token(raw))
    token.full_clean()
    token.save()
    return token, raw


@transaction.atomic
def token_revoke(*, actor: User, token_id: int) -> PersonalAccessToken:
    token = PersonalAccessToken.objects.select_for_update().filter(id=token_id, user=actor).first()
    if token is None:
        raise NotFound(_("That token does not exist."))
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def token_authenticate(raw: str) -> User | None:
    """The user a Bearer token belongs to, if it is valid and not revoked."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        PersonalAccessToken.objects.select_related("user")
        .filter(token_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    today = timezone.now().date()
    if token.last_used_on != today:
        PersonalAccessToken.objects.filter(id=token.id).update(last_used_on=today)
    return token.user


@transaction.atomic
def sign_out_everywhere(*, actor: User, revoke_tokens: bool) -> int:
    """End every session of ``actor`` (this one too) and, if asked, revoke their API tokens.

    Returns how many tokens were revoked."""
    User.objects.filter(pk=actor.pk).update(sessions_epoch=models.F("sessions_epoch") + 1)
    actor.refresh_from_db(fields=["sessions_epoch"])
    if not revoke_tokens:
        return 0
    return PersonalAccessToken.objects.filter(user=actor, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
