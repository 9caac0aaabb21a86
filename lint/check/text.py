"""Text checks: TXT."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Violation, register
from lint.model import Document


@register("term_spelling")
def term_spelling(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("number_words")
def number_words(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet
