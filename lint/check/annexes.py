"""Annex list and reference checks: ANX001-ANX005."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Violation, register
from lint.model import Document


@register("annex_reference_unresolved")
def annex_reference_unresolved(
    document: Document, params: Mapping[str, Any]
) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("annex_reference_mismatch")
def annex_reference_mismatch(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("annex_list_numbering")
def annex_list_numbering(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("annex_numbering_style")
def annex_numbering_style(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("required_annexes")
def required_annexes(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet
