"""The "Check this record" page: the visitor's own browser checks the record (static
events/check.js and events/check-page.js); without JavaScript the page explains the other
ways to check. The words the script shows are translated here and handed to it as JSON."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View

from workings.core.project_views import ProjectMixin
from workings.events import keys, selectors


def check_messages() -> dict[str, str]:
    """Every sentence the in-browser check can show. {n}, {seq}, {date}, ... are filled in
    by the script."""
    return {
        "start": _("Checking. This takes a few seconds."),
        "downloading": _("Downloading the record: {done} of {total} entries."),
        "checking": _("Checking the entries: {done} of {total}."),
        "done": _("The check has finished. The answer is below."),
        "ok": _("✔ All {n} entries check out."),
        "ok_first": _(
            "This is the first time this browser has checked this record. Next time it will "
            "also tell you whether anything has changed since today."
        ),
        "ok_same": _("Nothing has changed since you last looked on {date}."),
        "ok_grew": _(
            "The {old} entries you saw on {date} are unchanged, and {added} have been added since."
        ),
        "did_signature": _("The record's summary was signed by this site's key."),
        "did_entries": _(
            "Every one of the {n} entries matched its fingerprint, and together they add up "
            "to the signed summary: nothing was changed, taken out or put in a different order."
        ),
        "did_opened": _("The words of the {n} entries you can read are the words recorded."),
        "did_private": _(
            "{n} private entries were checked by fingerprint only: you cannot read them, but "
            "they cannot be changed or removed without it showing."
        ),
        "did_erased": _(
            "{n} entries had their words erased at someone's request; the fact that they were "
            "written still checks out."
        ),
        "newer": _("{n} entries were added while the check ran; the next check will include them."),
        "bad": _("✘ This record did not check out."),
        "bad_meaning": _(
            "This can mean someone changed the record behind the software's back, or that "
            "something went wrong on the site. Please tell the project's funder, and keep a "
            "copy of this page (a screenshot is fine)."
        ),
        "key": _("This site's public key could not be read."),
        "note": _("The record's signed summary could not be read."),
        "signature": _("The signature on the record's summary is not this site's."),
        "unsupported": _(
            "This browser cannot check signatures. Please try an up-to-date browser, or one "
            "of the other ways to check below."
        ),
        "missing": _("Entries are missing: the site sent {got} of the {n} entries it signed for."),
        "order": _("Entry {seq} is not in its place."),
        "leaf": _("Entry {seq} has been changed since it was written."),
        "header": _("Entry {seq} does not belong to this record, or is in the wrong place."),
        "content": _("The words of entry {seq} are not the words that were recorded."),
        "root": _(
            "The entries do not add up to the signed summary: something in the record was "
            "changed, added or taken out."
        ),
        "shrank": _("The record is shorter than when you last looked on {date}."),
        "forked": _("Entries you saw on {date} have been changed since then."),
        "network": _(
            "The record could not be downloaded. Please check your internet connection and try "
            "again."
        ),
        "empty": _("This record has no signed entries yet, so there is nothing to check."),
    }


class RecordCheckView(ProjectMixin, View):
    action = "view_record"

    def get(self, request: HttpRequest, slug: str) -> HttpResponse:
        api = f"/api/v1/projects/{self.project.slug}"
        return render(
            request,
            "events/check.html",
            self.context(
                checkpoint=selectors.latest_checkpoint(project=self.project),
                log_key=keys.verifier_key(),
                api_base=api,
                check_urls={
                    "key": reverse("events:log-key"),
                    "checkpoint": reverse("api:log-checkpoint", kwargs={"slug": slug}),
                    "entries": reverse("api:log-entries", kwargs={"slug": slug}),
                },
                check_messages=check_messages(),
            ),
        )
