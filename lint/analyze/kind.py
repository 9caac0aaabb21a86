"""The document's kind, decided from its content (never from its file name)."""

from __future__ import annotations

from typing import Any

from lint.model import Kind, Section, SourceText

_TITLE_LINES = 6


def detect_kind(source: SourceText, sections: tuple[Section, ...], vocab: dict[str, Any]) -> Kind:
    markers = vocab.get("kinds", {})
    lowered = " ".join(source.text.lower().split())
    head = _title_text(source)
    overarching = markers.get("overarching_agreement", {})
    if any(m in head for m in overarching.get("title_markers", ())) and _count(
        lowered, overarching.get("markers", ())
    ) >= overarching.get("min_markers", 1):
        return Kind.OVERARCHING_AGREEMENT
    local = markers.get("local_agreement", {})
    template_sections = len({s.template_key for s in sections if s.template_key})
    names_agreement = any(m in lowered for m in local.get("title_markers", ()))
    # An agreement that follows most of the template stays one even if it mentions the
    # district council or has a summary, words that otherwise mark a memo.
    if names_agreement and template_sections >= local.get("certain_template_sections", 7):
        return Kind.LOCAL_AGREEMENT
    memo = markers.get("memo", {})
    if _count(lowered, memo.get("markers", ())) >= memo.get("min_markers", 3):
        return Kind.MEMO
    if names_agreement and template_sections >= local.get("min_template_sections", 4):
        return Kind.LOCAL_AGREEMENT
    return Kind.UNKNOWN


def _title_text(source: SourceText) -> str:
    non_empty = [source.line_text(line) for line in source.lines if source.line_text(line).strip()]
    return " ".join(" ".join(non_empty[:_TITLE_LINES]).lower().split())


def _count(text: str, markers: Any) -> int:
    return sum(1 for marker in markers if marker in text)
