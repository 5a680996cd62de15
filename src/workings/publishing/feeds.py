"""The Atom feed (RFC 4287) of a project's published record: the newest entries the public
reads, each linking to its place on the public page. Entries the public may not read are
left out of the feed (the public page shows their tombstones)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from workings.core import clock
from workings.publishing import selectors


def record_feed(request: HttpRequest, project: Any) -> bytes:
    page = request.build_absolute_uri(reverse("publishing:public", args=[project.slug]))
    feed_url = request.build_absolute_uri(reverse("publishing:feed", args=[project.slug]))
    entries = selectors.public_entries(project=project, before=None, limit=selectors.FEED_SIZE)
    rows = [r for r in selectors.public_rows(entries) if r["shown"] and not r["erased"]]
    feed = Atom1Feed(
        title=_("The record of %(title)s") % {"title": project.title},
        link=page,
        description=project.summary[:300],
        feed_url=feed_url,
        feed_guid=feed_url,
        author_name=project.title,
        language="en",
    )
    for row in rows:
        e = row["entry"]
        feed.add_item(
            title=row["summary"],
            link=f"{page}#entry-{e.seq}",
            description=_("Entry %(seq)s of the record: %(summary)s.")
            % {"seq": e.seq, "summary": row["summary"]},
            unique_id=f"{feed_url}#{e.seq}",
            pubdate=e.recorded_at,
            updateddate=e.recorded_at,
        )
    if not rows:
        feed.latest_post_date = lambda: clock.now()  # type: ignore[method-assign]
    return feed.writeString("utf-8").encode("utf-8")
