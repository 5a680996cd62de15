"""Posts pages: a project's blog and the site's ("perspectives") share these views; the URL
says which (a `slug` for a project, none for the site). Thin: ask the policy, call one
service or selector, render."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from workings.core import clock
from workings.core.exceptions import NotAllowed, NotFound, WorkingsError
from workings.core.forms import add_service_error
from workings.core.project_access import project_access
from workings.core.project_views import project_context
from workings.core.text import render_markdown
from workings.posts import guards, selectors, services
from workings.posts.forms import CommentForm, PostForm
from workings.posts.models import Comment, Post
from workings.posts.permissions import posts_policy


class BlogMixin(View):
    """self.project: the URL's project (through the project policy), or None for the site."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        slug = kwargs.get("slug")
        self.project = project_access().get_for(request.user, slug, "view") if slug else None
        return super().dispatch(request, *args, **kwargs)

    def names(self) -> dict[str, str]:
        site = self.project is None
        return {
            key: ("posts:site-" + key if site else "posts:" + key)
            for key in ("list", "detail", "new", "edit", "image", "moderation", "feed", "subscribe")
        }

    def url(self, key: str, **kwargs: Any) -> str:
        if self.project is not None:
            kwargs["slug"] = self.project.slug
        return reverse(self.names()[key], kwargs=kwargs)

    def render(self, template: str, status: int = 200, **extra: Any) -> HttpResponse:
        user = self.request.user
        context = {
            "blog_title": self.project.title if self.project else _("Perspectives"),
            "site_blog": self.project is None,
            "url_names": self.names(),
            "can_write": posts_policy.can_write(user, self.project),
            "can_moderate": posts_policy.can_moderate(user, self.project),
            "can_appoint": self.project is not None
            and posts_policy.can_appoint(user, self.project),
            "feed_url": self.url("feed"),
            "subscribe_url": self.url("subscribe"),
            **extra,
        }
        if self.project is not None:
            context = project_context(user, self.project, **context)
        return render(self.request, template, context, status=status)

    def post_or_404(self, pk: int) -> Post:
        post = Post.objects.filter(project=self.project, pk=pk).select_related("project").first()
        if post is None or not posts_policy.can_read(self.request.user, post):
            raise NotFound(_("That post does not exist."))
        return post


class PostListView(BlogMixin):
    def get(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        posts = selectors.with_comment_counts(selectors.posts_for(request.user, self.project))
        page = Paginator(posts.order_by("-publish_at", "-id"), selectors.PAGE).get_page(
            request.GET.get("page")
        )
        return self.render(
            "posts/list.html",
            page=page,
            series=selectors.series_names(self.project),
            now=clock.now(),
        )


class PostDetailView(BlogMixin):
    def get(self, request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
        return self.page(self.post_or_404(pk), CommentForm())

    def page(self, post: Post, form: CommentForm, status: int = 200) -> HttpResponse:
        return self.render(
            "posts/detail.html",
            status=status,
            post=post,
            body=render_markdown(post.body),
            comments=selectors.comments_shown(post),
            form=form,
            can_comment=posts_policy.can_comment(self.request.user, post),
            can_edit=posts_policy.can_edit(self.request.user, post),
        )

    def post(self, request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
        post = self.post_or_404(pk)
        if not posts_policy.can_comment(request.user, post):
            raise NotFound(_("That post does not exist."))
        form = CommentForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["website"]:
                # A bot filled in the hidden field: thank it and keep nothing.
                messages.success(request, _("Thank you. A moderator will read your comment."))
                return redirect(post.url)
            if guards.over_limit("comment", guards.client_address(request)):
                form.add_error(
                    None,
                    _(
                        "Many comments have come from here in the last few minutes. "
                        "Please wait ten minutes and send it again."
                    ),
                )
                return self.page(post, form, status=429)
            try:
                comment = services.comment_add(
                    post=post,
                    name=form.cleaned_data["name"],
                    body=form.cleaned_data["body"],
                    actor=request.user,
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                own = reverse("posts:comment", kwargs={"token": guards.comment_token(comment)})
                return redirect(own + "?new=1")
        return self.page(post, form, status=400)


class PostCreateView(BlogMixin):
    def get(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        self.check()
        return self.render("posts/form.html", form=PostForm(), post=None)

    def check(self) -> None:
        if not posts_policy.can_write(self.request.user, self.project):
            raise NotAllowed(_("Only the team writes posts here."))

    def post(self, request: HttpRequest, slug: str | None = None) -> HttpResponse:
        self.check()
        form = PostForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                post = services.post_create(
                    actor=request.user, project=self.project, **form.cleaned_data
                )
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The post is saved."))
                return redirect(post.url)
        return self.render("posts/form.html", status=400, form=form, post=None)


class PostEditView(BlogMixin):
    def get_post(self, pk: int) -> Post:
        post = self.post_or_404(pk)
        if not posts_policy.can_edit(self.request.user, post):
            raise NotAllowed(_("Only the person who wrote a post changes it."))
        return post

    def get(self, request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
        post = self.get_post(pk)
        initial = {
            "title": post.title,
            "byline": post.byline,
            "series": post.series,
            "body": post.body,
            "image_alt": post.image_alt,
            "status": post.status,
            "publish_at": post.publish_at,
        }
        return self.render("posts/form.html", form=PostForm(initial=initial), post=post)

    def post(self, request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
        post = self.get_post(pk)
        form = PostForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.post_change(actor=request.user, post=post, **form.cleaned_data)
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The post is saved."))
                return redirect(post.url)
        return self.render("posts/form.html", status=400, form=form, post=post)


class PostImageView(BlogMixin):
    def get(self, request: HttpRequest, pk: int, slug: str | None = None) -> HttpResponse:
        post = self.post_or_404(pk)
        if not post.image:
            raise NotFound(_("That post has no picture."))
        response = FileResponse(post.image.open("rb"), content_type=post.image_type)
        response["X-Content-Type-Options"] = "nosniff"
        return response


class CommentOwnView(View):
    """The writer's private page for their comment (reached by the link shown once they
    send it): its state, the reason if it was hidden, and the appeal."""

    def comment(self, token: str) -> Comment:
        value = guards.read_signed(token, guards.COMMENT_SALT)
        comment = (
            Comment.objects.filter(uuid=value).select_related("post__project").first()
            if value
            else None
        )
        if comment is None:
            raise NotFound(_("That link is not complete or not valid."))
        return comment

    def page(self, comment: Comment, form: Any = None, status: int = 200) -> HttpResponse:
        from workings.posts.forms import AppealForm

        return render(
            self.request,
            "posts/comment_own.html",
            {
                "comment": comment,
                "form": form or AppealForm(),
                "new": self.request.GET.get("new") == "1",
                "own_url": self.request.path,
            },
            status=status,
        )

    def get(self, request: HttpRequest, token: str) -> HttpResponse:
        return self.page(self.comment(token))

    def post(self, request: HttpRequest, token: str) -> HttpResponse:
        from workings.posts.forms import AppealForm

        comment = self.comment(token)
        form = AppealForm(request.POST)
        if form.is_valid():
            try:
                services.comment_appeal(comment=comment, appeal=form.cleaned_data["appeal"])
            except WorkingsError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your appeal is sent. A moderator will decide."))
                return redirect(request.path)
        return self.page(comment, form, status=400)
