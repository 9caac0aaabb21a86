"""The reading view: the text the analyzers read, mapped back to the reader's text.

The layout stage leaves page furniture out, lets a sentence run on across a page break,
puts side-by-side blocks one after the other and gives a drawn bullet its marker. Every
view line is one piece of a reader line (or a blank), optionally preceded by a few
synthetic characters, so any view offset maps to an exact offset in the reader's text.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from lint.model import Line, OffsetMap, Piece, SourceText, Span

__all__ = ["OffsetMap", "Piece", "build_view", "remap_spans"]


def build_view(raw: SourceText, pieces: list[Piece]) -> tuple[SourceText, OffsetMap]:
    parts: list[str] = []
    lines: list[Line] = []
    starts: list[int] = []
    offset = 0
    open_line: Piece | None = None  # the piece that began the view line being built
    line_start = 0
    for piece in pieces:
        text = piece.prefix + raw.text[piece.raw_start : piece.raw_end]
        if piece.continues and open_line is not None:
            starts.append(offset - 1)  # the newline before it is gone
            parts[-1] += text
            offset += len(text)
            continue
        if open_line is not None:
            lines.append(_view_line(len(lines) + 1, line_start, offset - 1, open_line))
        open_line, line_start = piece, offset
        starts.append(offset)
        parts.append(text)
        offset += len(text) + 1
    if open_line is not None:
        lines.append(_view_line(len(lines) + 1, line_start, offset - 1, open_line))
    view = SourceText(
        path=raw.path,
        format=raw.format,
        text="\n".join(parts),
        lines=tuple(lines),
        skipped_pages=raw.skipped_pages,
        body_font_size=raw.body_font_size,
    )
    return view, OffsetMap(tuple(starts), tuple(pieces))


def _view_line(number: int, start: int, end: int, first: Piece) -> Line:
    return Line(number, start, end, first.page, first.style)


def remap_spans(value: Any, mapping: OffsetMap) -> Any:
    """A copy of a model object with every `Span` inside it mapped to the reader's text."""
    kind = type(value)
    if kind is Span:
        return mapping.span_to_raw(value)
    if kind is tuple:
        return tuple([remap_spans(item, mapping) for item in value])
    if kind in _LEAVES:
        return value
    walked, names, plain = _model_fields(kind)
    if not walked:
        return value
    changes = {}
    for name in walked:
        current = getattr(value, name)
        mapped = remap_spans(current, mapping)
        if mapped is not current:
            changes[name] = mapped
    if not changes:
        return value
    if not plain:
        return dataclasses.replace(value, **changes)
    # What `dataclasses.replace` does for a plain dataclass, without its checks per call.
    copy = object.__new__(kind)
    fields = copy.__dict__
    for name in names:
        fields[name] = changes[name] if name in changes else getattr(value, name)
    return copy


# Values that never hold a span: walked past without a look inside.
_LEAVES = frozenset({str, int, float, bool, type(None), SourceText, OffsetMap})
_FIELDS: dict[type, tuple[tuple[str, ...], tuple[str, ...], bool]] = {}


def _model_fields(kind: type) -> tuple[tuple[str, ...], tuple[str, ...], bool]:
    """A dataclass's fields that may hold a span, all its fields (none for any other type),
    and whether it is plain (every field set by `__init__`, no `__post_init__`, no slots),
    once per type."""
    known = _FIELDS.get(kind)
    if known is None:
        is_model = dataclasses.is_dataclass(kind) and not issubclass(kind, SourceText | OffsetMap)
        fields = dataclasses.fields(kind) if is_model else ()
        plain = (
            all(f.init for f in fields)
            and not hasattr(kind, "__post_init__")
            and not hasattr(kind, "__slots__")
        )
        names = tuple(f.name for f in fields)
        # A plain copy takes every field; only those that may hold a span are walked.
        walked = tuple(f.name for f in fields if not (plain and _holds_no_span(f.type)))
        known = _FIELDS[kind] = (walked, names, plain)
    return known


# Names in a field's annotation that never hold a span (the annotations are strings).
_SPANLESS_NAMES = frozenset(
    {"str", "int", "float", "bool", "None", "tuple", "frozenset", "Kind", "NumberStyle"}
)


def _holds_no_span(annotation: object) -> bool:
    """The annotation names only text, numbers and enums ("str | None", "tuple[str, ...]")."""
    if not isinstance(annotation, str):
        return False
    return set(re.findall(r"[A-Za-z_]\w*", annotation)) <= _SPANLESS_NAMES
