"""Template helpers shared by every page that extends ``base.html``."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info, gettext

from coopnode.web.accounts import is_operator as _is_operator

from .. import queries, search
from ..models import SearchEntry

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


@register.filter
def local_name(entity: Any) -> str:
    """The entity's name in the reader's language (falls back to its display name)."""
    if entity is None:
        return ""
    return entity.name_in(get_language() or "en")


@register.filter
def short_name(entity: Any) -> str:
    """A short name in the reader's language when there is one (countries, long bodies)."""
    if entity is None:
        return ""
    return queries.short_name_in(entity, queries.current_lang())


@register.filter
def partial_date(record: Any) -> str:
    """A date at its known precision, in the reader's locale: 26 июня 2026 г. / 2026年6月26日 /
    June 26, 2026; a month-precision date shows only month and year."""
    value = getattr(record, "date", None)
    if value is None:
        return ""
    precision = getattr(record, "date_precision", "day")
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


@register.filter
def event_title(event: Any) -> str:
    return queries.event_label(event)


@register.filter
def language_name(code: str) -> str:
    """The name of a language in the reader's language (ru -> Russian / русский / 俄语)."""
    code = {"zh": "zh-hans", "und": ""}.get(code, code)
    if not code:
        return gettext("unknown language")
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


@register.filter
def search_snippet(document: Any, query: str) -> str:
    return search.snippet(document.text or document.title, query)


@register.filter
def kind_label(kind: str) -> str:
    return str(SearchEntry.Kind(kind).label) if kind in SearchEntry.Kind.values else kind


@register.filter
def distinct_names(entity: Any, limit: int = 6) -> list[str]:
    """An entity's spellings, each once, official names first, ru/zh/en order."""
    texts: list[str] = []
    for group in queries.names_by_language(entity):
        texts.extend(n.text for n in group.names if n.text not in texts)
    return texts[:limit]
