"""Party checks: PTY."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Violation, register
from lint.model import Document


@register("required_parties")
def required_parties(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("copies_match_parties")
def copies_match_parties(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("party_references")
def party_references(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("org_numbers")
def org_numbers(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet
