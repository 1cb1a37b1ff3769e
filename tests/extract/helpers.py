"""Running one language's components on a short text, the way the pipeline runs them."""

from __future__ import annotations

from coopnode.extract.components import LanguageComponents
from coopnode.extract.types import Doc


def run_components(components: LanguageComponents, text: str, language: str,
                   published: str | None) -> Doc:
    """All stages in pipeline order; every span must point at its own text."""
    doc = Doc(text=text, language=language, published=published)
    doc.sentences = components.sentences(doc)
    doc.entities = components.entities(doc)
    doc.positions = components.positions(doc)
    doc.dates = components.dates(doc)
    doc.triggers = components.triggers(doc)
    doc.agreements = components.agreements(doc)
    assert_offsets(doc)
    return doc


def names(doc: Doc, kind: str) -> set[str]:
    return {e.name for e in doc.entities if e.type == kind}


def assert_offsets(doc: Doc) -> None:
    for span in [*doc.sentences, *doc.entities, *doc.positions, *doc.dates, *doc.triggers,
                 *doc.agreements]:
        assert doc.text[span.start:span.end] == span.text, span
