"""Errors a user can meet when handing a document to the extractor."""

from __future__ import annotations


class ExtractionInputError(ValueError):
    """The input cannot be read as a text document (empty, binary, undecodable).

    The message is one line, fit to print as a CLI error.
    """
