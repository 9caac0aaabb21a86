"""The reading view: the text the analyzers read, mapped back to the reader's text.

The layout stage leaves page furniture out, lets a sentence run on across a page break,
puts side-by-side blocks one after the other and gives a drawn bullet its marker. Every
view line is one piece of a reader line (or a blank), optionally preceded by a few
synthetic characters, so any view offset maps to an exact offset in the reader's text.
"""

from __future__ import annotations

import bisect
import dataclasses
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from lint.model import Line, LineStyle, SourceText, Span


@dataclass(frozen=True)
class Piece:
    """One view line: `prefix` (synthetic) followed by raw text [raw_start, raw_end)."""

    raw_start: int
    raw_end: int
    page: int | None
    style: LineStyle
    prefix: str = ""


@dataclass(frozen=True)
class OffsetMap:
    view_starts: tuple[int, ...]
    pieces: tuple[Piece, ...]

    @cached_property
    def identity(self) -> bool:
        return all(
            not p.prefix and p.raw_start == v
            for v, p in zip(self.view_starts, self.pieces, strict=True)
        )

    def to_raw(self, offset: int) -> int:
        index = max(0, bisect.bisect_right(self.view_starts, offset) - 1)
        piece = self.pieces[index]
        inside = offset - self.view_starts[index] - len(piece.prefix)
        return piece.raw_start + min(max(inside, 0), piece.raw_end - piece.raw_start)

    def span_to_raw(self, span: Span) -> Span:
        start = self.to_raw(span.start)
        if span.end <= span.start:
            return Span(start, start)
        end = self.to_raw(span.end - 1) + 1
        return Span(start, max(end, start))


def build_view(raw: SourceText, pieces: list[Piece]) -> tuple[SourceText, OffsetMap]:
    parts: list[str] = []
    lines: list[Line] = []
    starts: list[int] = []
    offset = 0
    for number, piece in enumerate(pieces, start=1):
        text = piece.prefix + raw.text[piece.raw_start : piece.raw_end]
        starts.append(offset)
        lines.append(Line(number, offset, offset + len(text), piece.page, piece.style))
        parts.append(text)
        offset += len(text) + 1
    view = SourceText(
        path=raw.path,
        format=raw.format,
        text="\n".join(parts),
        lines=tuple(lines),
        skipped_pages=raw.skipped_pages,
        body_font_size=raw.body_font_size,
    )
    return view, OffsetMap(tuple(starts), tuple(pieces))


def remap_spans(value: Any, mapping: OffsetMap) -> Any:
    """A copy of a model object with every `Span` inside it mapped to the reader's text."""
    if isinstance(value, Span):
        return mapping.span_to_raw(value)
    if isinstance(value, tuple):
        return tuple(remap_spans(item, mapping) for item in value)
    if isinstance(value, SourceText) or not dataclasses.is_dataclass(value):
        return value
    changes = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        mapped = remap_spans(current, mapping)
        if mapped is not current:
            changes[field.name] = mapped
    return dataclasses.replace(value, **changes) if changes else value
