from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key) if mapping else None


@register.inclusion_tag("agreements/_sign_notice.html", takes_context=True)
def agreement_notice(context: dict[str, Any], project: Any) -> dict[str, Any]:
    """A notice for a party who has an agreement version to answer (e.g. someone who joined
    after it came into force). For the project overview: {% agreement_notice project %}."""
    from workings.agreements.selectors import pending_signature_for

    request = context.get("request")
    user = getattr(request, "user", None)
    return {"version": pending_signature_for(user, project)}
