"""The document's kind, decided from its content (never from its file name).

First from the title, the memo markers and the template headings (`detect_kind`); a
document that names an agreement but whose headings were renamed or cut short is then
judged on everything else the analyzers recognised (`decide_from_cues`): parties with
organisation numbers, an annex list, groups with members, a validity, signatures.
"""

from __future__ import annotations

from typing import Any

from lint.model import Document, Kind, Section, SourceText

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


def kind_cues(document: Document, vocab: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    """What the analyzers recognised that an agreement has, with counts."""
    local = vocab.get("kinds", {}).get("local_agreement", {})
    head = _title_text(document.source)
    titled = any(m in head for m in local.get("title_markers", ()))
    cues = {
        "title": int(titled),
        "template_sections": len({s.template_key for s in document.sections if s.template_key}),
        "parties": len(document.parties),
        "org_numbers": len(document.org_numbers),
        "annexes": len(document.annexes),
        "groups": sum(1 for g in document.groups if g.members),
        "validity": len(document.validity),
        "signatures": len(document.signatures),
    }
    return tuple((name, count) for name, count in cues.items())


def decide_from_cues(cues: tuple[tuple[str, int], ...], vocab: dict[str, Any]) -> Kind:
    """A local agreement when it says so in its title and enough of its parts were found."""
    local = vocab.get("kinds", {}).get("local_agreement", {})
    weights: dict[str, Any] = local.get("cue_weights", {})
    found = dict(cues)
    if not found.get("title"):
        return Kind.UNKNOWN
    score = sum(
        weight for name, weight in weights.items() if found.get(name, 0) >= _least(name, local)
    )
    return Kind.LOCAL_AGREEMENT if score >= local.get("min_cue_score", 4) else Kind.UNKNOWN


def _least(name: str, local: dict[str, Any]) -> int:
    return int(local.get("cue_minimum", {}).get(name, 1))


def _title_text(source: SourceText) -> str:
    non_empty = [source.line_text(line) for line in source.lines if source.line_text(line).strip()]
    return " ".join(" ".join(non_empty[:_TITLE_LINES]).lower().split())


def _count(text: str, markers: Any) -> int:
    return sum(1 for marker in markers if marker in text)
