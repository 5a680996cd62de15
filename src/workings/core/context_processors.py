from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from workings.core.nav import site_links_for


def site(request: HttpRequest) -> dict[str, Any]:
    """Accessibility preferences become classes on <html> for every page."""
    classes: list[str] = []
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if user.pref_larger_text:
            classes.append("pref-larger-text")
        if user.pref_high_contrast:
            classes.append("pref-high-contrast")
        if user.pref_reduced_motion:
            classes.append("pref-reduced-motion")
    return {
        "pref_classes": " ".join(classes),
        # Asked only when the menu is drawn (at most one query, by the funders app).
        "site_links": SimpleLazyObject(lambda: site_links_for(user)),
    }
