"""KND001: a document that was not recognised, so only the general rules ran."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.engine import Param, Violation, register
from lint.localize import Joined, Text
from lint.model import Document, Kind, Span


@register(
    "document_recognised",
    params={"cue_labels": Param("mapping", {})},
    messages={"default": {"found"}},
    translated={"found"},
    any_kind=True,
)
def document_recognised(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    if document.kind is not Kind.UNKNOWN or document.kind_forced:
        return
    labels: Mapping[str, Mapping[str, str]] = params.get("cue_labels", {})
    found = tuple(
        Text.of(labels.get(name), name, count) for name, count in document.kind_cues if count
    )
    nothing = Text.of(labels.get("nothing"), "-")
    yield Violation(_title_span(document), args={"found": Joined(found, nothing)})


def _title_span(document: Document) -> Span:
    source = document.source
    for line in source.lines:
        text = source.line_text(line)
        if text.strip():
            lead = len(text) - len(text.lstrip())
            return Span(line.start + lead, line.end)
    return Span(0, 0)
