from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString

from workings.core.nav import project_tabs
from workings.core.project_access import project_access
from workings.core.text import render_markdown

register = template.Library()


@register.inclusion_tag("core/_project_nav.html", takes_context=True)
def project_nav(context: dict[str, Any], project: Any) -> dict[str, Any]:
    request = context["request"]
    current = request.path
    tabs = []
    for tab in project_tabs():
        if project_access().can(request.user, tab.action, project):
            url = reverse(tab.url_name, args=[project.slug])
            is_current = current == url or (tab.order > 0 and current.startswith(url))
            tabs.append({"label": tab.label, "url": url, "current": is_current})
    return {"tabs": tabs, "project": project}


@register.filter
def markdown(text: str) -> SafeString:
    return render_markdown(text or "")


@register.simple_tag
def field_widget(field: Any) -> SafeString:
    """The field's input, described by its hint and by its error message (so a screen reader
    reads the error when the field gets focus, not only in the summary at the top)."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}_helptext")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    attrs = {"aria-describedby": " ".join(ids)} if ids else None
    return SafeString(field.as_widget(attrs=attrs))


@register.simple_tag
def html_lang() -> str:
    """The active language as <html lang> wants it (BCP 47: "en-GB", not Django's "en-gb")."""
    from django.utils.translation import get_language

    code = get_language() or "en"
    lang, _, region = code.partition("-")
    return f"{lang}-{region.upper()}" if region else lang


MULTI_INPUT_WIDGETS = {"radioselect", "checkboxselectmultiple"}


@register.simple_tag
def error_summary(form: Any) -> list[dict[str, str]]:
    """Every error on the form at once, each linking to its field (the first button of a
    group), in the words the field shows. The label is added only when the message does not
    already name the field ("Enter a title" needs no "Title:" before it)."""
    items = [{"href": "", "text": str(e)} for e in form.non_field_errors()]
    for field in [*form.hidden_fields(), *form.visible_fields()]:
        label = str(field.label or "")
        for error in field.errors:
            text = str(error)
            if label and label.lower().rstrip(":?.") not in text.lower():
                text = f"{label}: {text}"
            href = ""
            if not field.is_hidden:
                suffix = "_0" if field.widget_type in MULTI_INPUT_WIDGETS else ""
                href = f"#{field.auto_id}{suffix}"
            items.append({"href": href, "text": text})
    return items
