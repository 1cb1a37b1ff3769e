"""One-line fixtures for registry records: ``make_org(name_ru="…", name_en="…")``."""

from __future__ import annotations

from typing import Any

from coopnode.web.registry.actions import NameSpec, do_create_entity
from coopnode.web.registry.models import Entity


def _names(kwargs: dict[str, Any]) -> list[NameSpec]:
    names = []
    for lang in ("en", "ru", "zh"):
        value = kwargs.pop(f"name_{lang}", None)
        if value:
            names.append(NameSpec(value, lang, "official", "test"))
    for alias in kwargs.pop("aliases", []):
        names.append(NameSpec(alias[0], alias[1], "alias", "test"))
    return names


def make_entity(entity_type: str, **kwargs: Any) -> Entity:
    names = _names(kwargs)
    return do_create_entity(entity_type=entity_type, names=names, actor="test", **kwargs)


def make_org(**kwargs: Any) -> Entity:
    return make_entity("organization", **kwargs)


def make_person(**kwargs: Any) -> Entity:
    return make_entity("person", **kwargs)


def make_place(**kwargs: Any) -> Entity:
    return make_entity("place", **kwargs)
