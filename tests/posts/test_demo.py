from __future__ import annotations

from typing import Any

from workings.core.demo import DemoContext
from workings.posts import demo, selectors
from workings.posts.models import Comment, Post, Subscription
from workings.projects import demo as projects_demo


def test_the_demo_has_two_posts_moderated_comments_and_a_subscriber(db: Any) -> None:
    ctx = DemoContext()
    for module in (projects_demo, demo):
        module.build(ctx)
    stride = ctx.projects["stride"]
    assert selectors.public_posts(stride).count() == 2
    assert selectors.public_posts(None).count() == 1
    states = sorted(Comment.objects.values_list("state", flat=True))
    assert states == ["approved", "hidden", "pending"]
    assert selectors.hidden_counts(stride) == {"spam": 1}
    assert Subscription.objects.get().state == "confirmed"
    bylines = set(Post.objects.filter(project=stride).values_list("byline", flat=True))
    assert len(bylines) == 2
