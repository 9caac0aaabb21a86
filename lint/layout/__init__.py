"""Layout: decide once what every reader line is, and give the analyzers a reading view.

Between read and segment. Page furniture is left out, a sentence runs on across a page
break, side-by-side signature blocks are read one column at a time, table rows and lines
with a drawn bullet become list items. The view maps back to the reader's text exactly
(`OffsetMap`), so findings are located in the text `samlint extract` prints.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from lint.layout.columns import SIGNATURE_OPENING, Table, find_tables
from lint.layout.furniture import furniture_lines
from lint.layout.patterns import LIST_MARKER
from lint.layout.view import OffsetMap, Piece, build_view, remap_spans
from lint.model import Line, LineStyle, SourceText

__all__ = ["Layout", "OffsetMap", "lay_out", "remap_spans"]

_SENTENCE_CLOSED = (".", "!", "?", ":", ";")
# A line that ends in a word whose number follows ("… enligt bilaga" | "1. Till …"): the
# number opening the next page continues it even when it looks like a list marker.
_AWAITS_NUMBER = re.compile(r"(?<!\w)(?:bilaga|bil\.|sidan|punkt|avsnitt)$", re.IGNORECASE)
_NUMBER_FIRST = re.compile(r"(?:\d{1,3}[a-z]?|[IVX]{1,6})(?!\w)")


@dataclass(frozen=True)
class Layout:
    source: SourceText  # what the reader gave
    view: SourceText  # what the analyzers read
    mapping: OffsetMap
    furniture: frozenset[int]  # indices of reader lines that are page furniture
    tables: tuple[Table, ...]


def lay_out(source: SourceText) -> Layout:
    furniture = furniture_lines(source)
    tables = find_tables(source, furniture)
    pieces = _pieces(source, furniture, tables)
    view, mapping = build_view(source, pieces)
    return Layout(source, view, mapping, furniture, tuple(tables))


def _pieces(source: SourceText, furniture: frozenset[int], tables: list[Table]) -> list[Piece]:
    by_first = {table.first: table for table in tables}
    joins = _page_break_joins(source, furniture)
    pieces: list[Piece] = []
    index = 0
    lines = source.lines
    while index < len(lines):
        table = by_first.get(index)
        if table is not None:
            pieces.extend(_table_pieces(source, table))
            index = table.last + 1
            continue
        line = lines[index]
        index += 1
        if line.number - 1 in furniture or line.number - 1 in joins:
            continue
        pieces.append(_line_piece(source, line))
    return pieces


def _line_piece(source: SourceText, line: Line) -> Piece:
    style = line.style
    text = source.line_text(line)
    if style.shape_marker and text.strip() and not LIST_MARKER.match(text):
        return Piece(line.start, line.end, line.page, _as_item(style), prefix="• ")
    return Piece(line.start, line.end, line.page, style)


def _as_item(style: LineStyle) -> LineStyle:
    return dataclasses.replace(style, list_item=True, cells_x=())


def _page_break_joins(source: SourceText, furniture: frozenset[int]) -> set[int]:
    """Blank lines at a page break inside a running sentence ("… enligt bilaga" | "3 …").

    A page break is a change of PDF page, or page furniture between the two lines (text
    copied from a PDF: "… bilaga" | "Sida 3 av 5" | "1.")."""
    joins: set[int] = set()
    lines = source.lines
    content = [
        i for i, line in enumerate(lines) if i not in furniture and source.line_text(line).strip()
    ]
    for before, after in itertools.pairwise(content):
        if after - before < 2:
            continue
        if lines[before].page == lines[after].page and not any(
            i in furniture for i in range(before + 1, after)
        ):
            continue
        closing = source.line_text(lines[before]).rstrip()
        opening = source.line_text(lines[after]).lstrip()
        if closing.endswith(_SENTENCE_CLOSED) or not opening:
            continue
        if (
            opening[0].islower()
            or (opening[0].isdigit() and not LIST_MARKER.match(opening))
            or (_AWAITS_NUMBER.search(closing) and _NUMBER_FIRST.match(opening))
        ):
            joins.update(range(before + 1, after))
    return joins


def _table_pieces(source: SourceText, table: Table) -> list[Piece]:
    lines = source.lines
    if not table.signatures:
        pieces = []
        for index in range(table.first, table.last + 1):
            line = lines[index]
            if source.line_text(line).strip():
                pieces.append(Piece(line.start, line.end, line.page, _as_item(line.style)))
        pieces.append(_blank(lines[table.last]))
        return pieces
    pieces = [_blank(lines[table.first])]
    columns = sorted({cell.column for cell in table.cells})
    for column in columns:
        opened = False
        for cell in (c for c in table.cells if c.column == column):
            line = lines[cell.line]
            start, end = _trimmed(source, cell.start, cell.end)
            opening = bool(SIGNATURE_OPENING.match(source.text[start:end]))
            if opening and opened:
                pieces.append(_blank(line))  # the next block in this column
            opened = not opening
            style = dataclasses.replace(line.style, cells_x=())
            pieces.append(Piece(start, end, line.page, style))
        pieces.append(_blank(lines[table.last]))
    return pieces


def _blank(line: Line) -> Piece:
    return Piece(line.end, line.end, line.page, LineStyle())


def _trimmed(source: SourceText, start: int, end: int) -> tuple[int, int]:
    text = source.text[start:end]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return start + lead, max(start + lead, end - trail)
