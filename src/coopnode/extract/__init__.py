"""Extraction: press releases in Russian, Chinese and English -> persons, organizations,
places, events and agreements (see ``docs/extraction.md`` and ``shared/spec/extraction.md``).

This import is light: the NLP models load on the first call of ``extract_document``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from coopnode.extract.errors import ExtractionInputError

if TYPE_CHECKING:
    from coopnode.extract.pipeline import ExtractionResult


def extract_document(data: bytes | str, *, lang: str | None = None, published: str | None = None,
                     source_name: str | None = None,
                     content_type: str | None = None) -> ExtractionResult:
    """See :func:`coopnode.extract.pipeline.extract_document`."""
    from coopnode.extract.pipeline import extract_document as run

    return run(data, lang=lang, published=published, source_name=source_name,
               content_type=content_type)


def __getattr__(name: str) -> Any:
    if name == "ExtractionResult":
        from coopnode.extract.pipeline import ExtractionResult

        return ExtractionResult
    raise AttributeError(name)


__all__ = ["ExtractionInputError", "ExtractionResult", "extract_document"]
