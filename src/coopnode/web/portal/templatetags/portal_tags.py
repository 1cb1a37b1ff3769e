"""Template helpers shared by every page that extends ``base.html``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe

from coopnode.web.accounts import is_operator as _is_operator

register = template.Library()


@register.filter
def is_operator(user: Any) -> bool:
    """So the navigation can show the operator link without every view passing a flag."""
    return _is_operator(user)


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, section: str) -> SafeString:
    """``aria-current`` on the navigation link of the section the page belongs to.

    A view marks its section with ``nav_section`` in the context; otherwise the first path
    segment is used, so other apps' pages (``/operator/…``) are marked too.
    """
    current = context.get("nav_section")
    if not current:
        request = context.get("request")
        path = getattr(request, "path", "") or ""
        current = path.strip("/").split("/")[0]
    return mark_safe('aria-current="page"') if current == section else mark_safe("")
