"""Signature checks: SIG."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Violation, register
from lint.model import Document


@register("parties_signed")
def parties_signed(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet


@register("signature_dates")
def signature_dates(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    yield from ()  # not implemented yet
