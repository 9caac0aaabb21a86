"""A table that lays out the agreement itself: each section's title in the first column and
its text beside it ("Avsnitt | Innehåll", "Parter | Bromma stadsdelsförvaltning, …"), the
section's further paragraphs in rows whose first cell is empty. A registrar's document
template does this; a reader reads it as headings over paragraphs."""

from __future__ import annotations

from dataclasses import dataclass

from lint.layout.columns import Table, split_cells
from lint.model import SourceText

_MAX_LABEL_WORDS = 8  # a section title: a few words
_MIN_PROSE_WORDS = 6  # a section's text: a sentence
_MIN_SECTIONS = 3
_PROSE_SHARE = 0.6  # of the titled rows whose text is prose
_LABEL_CLOSED = (".", ",", ";", ":", "!", "?")
# Of the document's text, the share the table holds: a table that lays out the agreement
# holds most of it; a table of problems and causes inside one section does not.
_MIN_SHARE = 0.4


@dataclass(frozen=True)
class SectionRow:
    line: int  # the reader line's index
    title: tuple[int, int] | None  # offsets of the title cell, None in a continuing row
    text: tuple[int, int] | None  # offsets of the text cell, None when empty
    header: bool = False  # the table's header row ("Avsnitt | Innehåll"): no section


def section_rows(source: SourceText, table: Table) -> list[SectionRow] | None:
    """The table's lines as section rows, or None when it is no such table: two columns
    holding much of the document, at least three rows titled by a short label in the first,
    most of their texts prose. A first line whose text is no prose is the table's header."""
    if table.signatures or table.wrapped or not _holds_the_document(source, table):
        return None
    rows: list[SectionRow] = []
    for index in range(table.first, table.last + 1):
        line = source.lines[index]
        cells = [_trimmed(source, start, end) for start, end in split_cells(source, line)]
        if len(cells) > 2:
            return None
        title, text = (cells[0], cells[1]) if len(cells) == 2 else (None, cells[0])
        rows.append(SectionRow(index, title, text))
    if rows[0].title is not None and not _is_prose(source, rows[0].text):
        rows[0] = SectionRow(rows[0].line, rows[0].title, rows[0].text, header=True)
    titled = [row for row in rows if row.title is not None and not row.header]
    if len(titled) < _MIN_SECTIONS or not all(_is_label(source, row.title) for row in titled):
        return None
    prose = sum(_is_prose(source, row.text) for row in titled)
    return rows if prose >= _PROSE_SHARE * len(titled) else None


def _holds_the_document(source: SourceText, table: Table) -> bool:
    lines = source.lines
    held = lines[table.last].end - lines[table.first].start
    return held >= _MIN_SHARE * len(source.text)


def _trimmed(source: SourceText, start: int, end: int) -> tuple[int, int] | None:
    text = source.text[start:end]
    stripped = text.strip()
    if not stripped:
        return None
    begin = start + len(text) - len(text.lstrip())
    return begin, begin + len(stripped)


def _is_label(source: SourceText, cell: tuple[int, int] | None) -> bool:
    if cell is None:
        return False
    text = source.text[cell[0] : cell[1]]
    words = text.split()
    return len(words) <= _MAX_LABEL_WORDS and text[0].isupper() and not text.endswith(_LABEL_CLOSED)


def _is_prose(source: SourceText, cell: tuple[int, int] | None) -> bool:
    if cell is None:
        return False
    text = source.text[cell[0] : cell[1]]
    return len(text.split()) >= _MIN_PROSE_WORDS and text.endswith((".", "!", "?", ":"))
