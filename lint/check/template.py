"""Template section and prioritized-area checks: TPL, PRI."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Violation, register
from lint.model import Document


@register("template_sections_present")
def template_sections_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("template_sections_order")
def template_sections_order(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("priority_areas_present")
def priority_areas_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("priority_areas_known")
def priority_areas_known(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet
