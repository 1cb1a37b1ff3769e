"""Keep the search index current: every save of a searchable record re-indexes it.

Handlers never let an indexing failure break the save (see :func:`search.safe_index`).  Raw saves
(``loaddata`` during ``coopnode restore``) are skipped: the dump carries its own search rows, and
indexing half-loaded records would collide with them.  Bulk operations that bypass signals
(``bulk_create``, ``QuerySet.update``) are caught up by ``manage.py rebuild_search_index``.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from coopnode.web.registry.models import Agreement, Document, Entity, EntityName, Event, Project

from . import search
from .models import AGREEMENT, DOCUMENT, ENTITY, EVENT, PROJECT


@receiver(post_save, sender=Entity)
@receiver(post_save, sender="registry.Organization")
@receiver(post_save, sender="registry.Person")
@receiver(post_save, sender="registry.Place")
def _entity_saved(sender: Any, instance: Entity, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    search.safe_index(search.index_entity, instance)


@receiver(post_save, sender=EntityName)
@receiver(post_delete, sender=EntityName)
def _name_changed(sender: Any, instance: EntityName, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    entity = Entity.all_objects.filter(pk=instance.entity_id).first()
    if entity is not None:
        search.safe_index(search.index_entity, entity)


@receiver(post_save, sender=Document)
def _document_saved(sender: Any, instance: Document, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    search.safe_index(search.index_document, instance)


@receiver(post_save, sender=Event)
def _event_saved(sender: Any, instance: Event, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    search.safe_index(search.index_event, instance)


@receiver(post_save, sender=Agreement)
def _agreement_saved(sender: Any, instance: Agreement, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    search.safe_index(search.index_agreement, instance)


@receiver(post_save, sender=Project)
def _project_saved(sender: Any, instance: Project, **kwargs: Any) -> None:
    if kwargs.get("raw"):
        return
    search.safe_index(search.index_project, instance)


_KINDS = (
    (Entity, ENTITY), (Document, DOCUMENT),
    (Event, EVENT), (Agreement, AGREEMENT),
    (Project, PROJECT),
)


@receiver(post_delete)
def _record_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    for model, kind in _KINDS:
        if isinstance(instance, model):
            search.safe_index(lambda pk, kind=kind: search.remove_from_index(kind, pk), instance.pk)
            return
