"""Atom feeds (RFC 4287) of published posts: a project's blog and the site's. A feed only
ever holds what the public may read, whoever asks for it: drafts, scheduled posts and an
unpublished project's posts never reach it."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from workings.core.project_access import project_access
from workings.core.text import render_markdown
from workings.posts import selectors
from workings.posts.models import Post

LATEST = 30


class PostsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: Any, slug: str | None = None) -> Any:
        if slug is None:
            return None
        # Anyone may read a published project's feed; for any other project it is not found.
        return project_access().get_for(AnonymousUser(), slug, "view")

    def title(self, obj: Any) -> str:
        return obj.title if obj else _("Workings: perspectives")

    def link(self, obj: Any) -> str:
        from django.urls import reverse

        if obj is None:
            return reverse("posts:site-list")
        return reverse("posts:list", kwargs={"slug": obj.slug})

    def subtitle(self, obj: Any) -> str:
        return _("Posts from this project") if obj else _("Posts from the Workings team")

    def author_name(self, obj: Any) -> str:
        return obj.title if obj else _("Workings")

    def items(self, obj: Any) -> Any:
        return selectors.public_posts(obj).order_by("-publish_at", "-id")[:LATEST]

    def item_title(self, item: Post) -> str:
        return item.title

    def item_description(self, item: Post) -> str:
        return str(render_markdown(item.body))

    def item_link(self, item: Post) -> str:
        return item.url

    def item_author_name(self, item: Post) -> str:
        return item.byline

    def item_pubdate(self, item: Post) -> Any:
        return item.publish_at

    def item_updateddate(self, item: Post) -> Any:
        return item.publish_at

    def item_categories(self, item: Post) -> tuple[str, ...]:
        return (item.series,) if item.series else ()
