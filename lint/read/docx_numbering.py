"""Word list numbering: the label ("4.", "b)", "iv.", "•") Word shows before a paragraph.

Numbers come from numbering.xml, not from the text: a paragraph (or its style) names a
numbering instance (numId) and a level (ilvl); the instance points to an abstract
definition with each level's start, format and label pattern ("%1.", "Bilaga %1:").
Counters run per instance; a level's counter resets when a shallower level advances.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lint.numerals import to_roman

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Level:
    start: int
    fmt: str
    text: str


@dataclass
class Numbering:
    levels: dict[str, dict[int, _Level]]  # numId → ilvl → level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    def label(self, num_id: str, ilvl: int) -> str | None:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        level = levels[ilvl]
        if level.fmt == "none":
            return None
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if level.fmt == "bullet":
            return "•"
        text = level.text
        for depth in range(ilvl, -1, -1):
            if depth in levels:
                value = counts.get(depth, levels[depth].start)
                text = text.replace(f"%{depth + 1}", _format(value, levels[depth].fmt))
        return text.strip() or None


def load_numbering(document: Any) -> Numbering:
    try:
        root = document.part.numbering_part.element
    except Exception:  # no numbering part: nothing is numbered
        return Numbering({})
    abstract: dict[str, dict[int, _Level]] = {}
    for node in root.findall(f"{_W}abstractNum"):
        abstract[node.get(f"{_W}abstractNumId")] = {
            int(lvl.get(f"{_W}ilvl", "0")): _level(lvl) for lvl in node.findall(f"{_W}lvl")
        }
    levels: dict[str, dict[int, _Level]] = {}
    for num in root.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        base = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else "", {}))
        for override in num.findall(f"{_W}lvlOverride"):
            ilvl = int(override.get(f"{_W}ilvl", "0"))
            start = override.find(f"{_W}startOverride")
            if start is not None and ilvl in base:
                level = base[ilvl]
                base[ilvl] = _Level(int(start.get(f"{_W}val", "1")), level.fmt, level.text)
        levels[num.get(f"{_W}numId")] = base
    return Numbering(levels)


def paragraph_numbering(paragraph: Any) -> tuple[str, int] | None:
    """(numId, ilvl) from the paragraph's own properties, else from its style chain."""
    props = paragraph._p.pPr
    found = _num_pr(props)
    style = paragraph.style
    depth = 0
    while found is None and style is not None and depth < 10:
        found = _num_pr(style.element.pPr)
        style = style.base_style
        depth += 1
    if found is None or found[0] in ("0", None):
        return None
    return found


def _num_pr(props: Any) -> tuple[str, int] | None:
    if props is None or props.numPr is None:
        return None
    num_pr = props.numPr
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return (str(num_id), int(ilvl)) if num_id is not None else None


def _level(node: Any) -> _Level:
    def value(tag: str, default: str) -> str:
        child = node.find(f"{_W}{tag}")
        return child.get(f"{_W}val", default) if child is not None else default

    return _Level(int(value("start", "1")), value("numFmt", "decimal"), value("lvlText", ""))


def _format(value: int, fmt: str) -> str:
    if fmt == "lowerLetter":
        return _letters(value)
    if fmt == "upperLetter":
        return _letters(value).upper()
    if fmt == "lowerRoman":
        return to_roman(value).lower()
    if fmt == "upperRoman":
        return to_roman(value)
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _letters(value: int) -> str:
    letter = chr(ord("a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)
