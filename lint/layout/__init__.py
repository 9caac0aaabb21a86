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
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from lint.layout.columns import SIGNATURE_OPENING, Table, columns_of, find_tables, split_cells
from lint.layout.furniture import furniture_lines
from lint.layout.patterns import LIST_MARKER, RUNS_ON, caption_under_rule
from lint.layout.sectiontable import section_header_rows
from lint.layout.view import OffsetMap, Piece, build_view, remap_spans
from lint.model import Line, LineStyle, SourceText
from lint.read.pdflines import KEEP_HYPHEN_BEFORE, NUMBER_REST, SPLIT_NUMBER

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
    in_tables = {i for table in tables for i in range(table.first, table.last + 1)}
    margin = _right_margin(source)
    continued, list_ends = _list_item_lines(source, furniture | in_tables, margin)
    skip = furniture | in_tables | continued.keys() | list_ends
    continued.update(_paragraph_lines(source, skip, joins, margin))
    continued.update(_overleaf_lines(source, joins, skip))
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
        joint = continued.get(index - 1)
        if joint is not None and pieces:
            pieces.extend(_continuation(source, line, pieces.pop(), joint))
        else:
            pieces.append(_line_piece(source, line))
        if index - 1 in list_ends:
            pieces.append(_blank(line))
    return pieces


def _list_item_lines(
    source: SourceText, skip: set[int] | frozenset[int], margin: float | None
) -> tuple[dict[int, str], set[int]]:
    """PDF list items that wrap: the lines that continue an item (by index, with how they
    join it), and the last line of every list, after which the view puts a blank line.

    A wrapped item's next line stands at the item's hanging indent: right of a typed
    marker, or at the text of an item whose bullet is drawn. A line at the marker or left
    of it ends the item; one that is no item ends the list (a blank line has set it apart
    already)."""
    continued: dict[int, str] = {}
    ends: set[int] = set()
    if source.format == "text":
        return _wrapped_text_items(source), ends
    if source.format != "pdf":
        return continued, ends
    lines, texts = source.lines, source.line_texts
    item: Line | None = None  # the item's first line
    last = -1  # index of the item's last line so far
    for index, line in enumerate(lines):
        if index in skip:
            continue
        text = texts[index]
        if not text.strip():  # the list, if it ends here, is already set apart
            item = None
            continue
        previous_line = texts[index - 1] if index else ""
        if _is_item(text, line.style) and not _awaited_number(previous_line, text):
            if item is not None and not _at_or_right_of(line, item):
                ends.add(last)
            item, last = line, index
            continue
        above, previous = lines[last], texts[last]
        if item is not None and (
            _hangs_from(line, item, above) or _wrapped_onto(above, line, previous, text, margin)
        ):
            continued[index] = _line_joint(previous, text)
            last = index
            continue
        if item is not None and not _runs_on(previous, text):
            ends.add(last)
        item = None
    if item is not None:
        ends.add(last)
    return continued, ends


def _runs_on(previous: str, text: str) -> bool:
    """The sentence goes on after the list ("a) …," | "samt Utbildningsförvaltningen …")."""
    return previous.rstrip().endswith((",", ";")) or text.lstrip()[:1].islower()


# A line this far below the one above (in ems, top to top) starts a new paragraph.
_PARAGRAPH_PITCH_EM = 1.6
# The average width of a character, in ems, to tell whether a word would have fitted.
_CHAR_EM = 0.5


def _paragraph_lines(
    source: SourceText, skip: set[int], joins: set[int], margin: float | None
) -> dict[int, str]:
    """PDF lines that continue the paragraph of the line above, with how they join it.

    The line above was wrapped by the producer: it reaches so near the page's right margin
    that the next line's first word would not have fitted, the two share their left edge,
    size and weight, and the next follows at the line pitch, not after a paragraph gap."""
    if source.format != "pdf":
        return {}
    lines, texts = source.lines, source.line_texts
    continued: dict[int, str] = {}
    for index in range(1, len(lines)):
        above, line = lines[index - 1], lines[index]
        if index in skip or index - 1 in skip or index in joins:
            continue
        text, previous = texts[index], texts[index - 1]
        if not text.strip() or not previous.strip():
            continue
        if _is_item(text, line.style) and not _awaited_number(previous, text):
            continue
        if _wrapped_onto(above, line, previous, text, margin):
            continued[index] = _line_joint(previous, text)
    return continued


# The share of a document's lines that run to its right margin, at the least.
_FULL_LINES = 0.1


def _right_margin(source: SourceText) -> float | None:
    """The right edge of the document's running text: where its longest lines end (not the
    longest line of a page, which on a signature page is a short one)."""
    ends = sorted(
        line.style.x1
        for line in source.lines
        if line.style.x1 is not None and not line.style.cells_x
    )
    if not ends:
        return None
    return ends[int((1 - _FULL_LINES) * (len(ends) - 1))]


def _wrapped_onto(above: Line, line: Line, previous: str, text: str, margin: float | None) -> bool:
    a, b = above.style, line.style
    if margin is None or a.x1 is None or a.x0 is None or b.x0 is None or a.top is None:
        return False
    em = a.font_size or 10.0
    if line.page != above.page or a.font_size != b.font_size or a.bold != b.bold:
        return False
    if abs(a.x0 - b.x0) > 1.0 or b.top is None or not 0 < b.top - a.top <= _PARAGRAPH_PITCH_EM * em:
        return False
    if previous.rstrip().endswith(":"):
        return False
    word = text.split(maxsplit=1)[0]
    return margin - a.x1 < (len(word) + 1) * _CHAR_EM * em


# A plain text is hard-wrapped when nearly all its lines are at most this long.
_HARD_WRAP_MAX = 100
# A line this near the wrap width, ending where a phrase cannot end, was wrapped.
_NEAR_WRAP = 0.75
_OPEN_END = re.compile(
    r"(?:,|\b(?:och|eller|samt|i|på|av|för|med|till|om|som|vid|från|mot|inom|kring|under|"
    r"över|mellan|efter|enligt|den|det|de|en|ett|att|särskilt))$",
    re.IGNORECASE,
)


def _wrapped_text_items(source: SourceText) -> dict[int, str]:
    """The lines of a hard-wrapped plain text that continue a list item ("• … centrum och" |
    "Skarpnäcks torg"): the item's line reaches the wrap width, and it ends in a comma or a
    word that cannot end a phrase, or the next line goes on in lower case."""
    texts = [text.rstrip() for text in source.line_texts]
    lengths = sorted(len(t) for t in texts if t.strip())
    if not lengths:
        return {}
    width = lengths[int(0.95 * (len(lengths) - 1))]
    if width > _HARD_WRAP_MAX:
        return {}
    continued: dict[int, str] = {}
    in_item = False
    for index, text in enumerate(texts):
        if not text.strip():
            in_item = False
            continue
        if LIST_MARKER.match(text):
            in_item = True
            continue
        previous = texts[index - 1] if index else ""
        wrapped = len(previous) >= _NEAR_WRAP * width and (
            _OPEN_END.search(previous) or text.lstrip()[:1].islower()
        )
        if in_item and wrapped:
            continued[index] = _line_joint(previous, text.lstrip())
        else:
            in_item = False
    return continued


def _awaited_number(previous: str, text: str) -> bool:
    """ "… enligt åtgärdsplanen, bilaga" | "2. I varje arbetsgrupp …": the number the line
    above asks for, not a list marker."""
    return bool(_AWAITS_NUMBER.search(previous.rstrip()) and _NUMBER_FIRST.match(text.lstrip()))


def _is_item(text: str, style: LineStyle) -> bool:
    return bool(LIST_MARKER.match(text)) or style.shape_marker


def _at_or_right_of(line: Line, item: Line) -> bool:
    x, marker = line.style.x0, item.style.x0
    return x is not None and marker is not None and x >= marker - 1.0


# How far right of its marker a wrapped item's text may start, in ems.
_HANGING_EM = 4.0


def _hangs_from(line: Line, item: Line, previous: Line) -> bool:
    """`line` continues the list item that `item` opened (its last line `previous`)."""
    x, marker, em = line.style.x0, item.style.x0, item.style.font_size or 10.0
    if x is None or marker is None or line.page != previous.page:
        return False
    if line.style.font_size != item.style.font_size:
        return False
    if item.style.shape_marker:  # the line's x0 is the item text's own
        return abs(x - marker) <= 1.0
    return marker + 1.0 < x <= marker + _HANGING_EM * em


def _line_joint(above: str, below: str) -> str:
    """How a wrapped line joins the one above: a space, or "-" when the word above was
    broken after its hyphen (the hyphen is dropped)."""
    end = above.rstrip()
    broken = end.endswith("-") and _BROKEN_AFTER_HYPHEN.search(end, max(0, len(end) - 2))
    if broken and below[:1].islower() and not KEEP_HYPHEN_BEFORE.match(below.lstrip()):
        return "-"
    return " "


def _continuation(source: SourceText, line: Line, before: Piece, joint: str) -> list[Piece]:
    """`line` added to the view line of `before`."""
    start, end = _trimmed(source, line.start, line.end)
    if joint == "-":
        before = dataclasses.replace(before, raw_end=before.raw_end - 1)
        joint = ""
    return [before, Piece(start, end, line.page, _NO_STYLE, joint, continues=True)]


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
    content = [i for i, text in enumerate(source.line_texts) if i not in furniture and text.strip()]
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
            or (_leads_on(closing) and not LIST_MARKER.match(opening))
        ):
            joins.update(range(before + 1, after))
    return joins


def _overleaf_lines(source: SourceText, joins: set[int], skip: set[int]) -> dict[int, str]:
    """PDF lines that carry a sentence on from the page before (`_page_break_joins`), with
    how they join the line they continue: one line of the paragraph, as if no page broke."""
    if source.format != "pdf":
        return {}
    texts = source.line_texts
    continued: dict[int, str] = {}
    for index in joins:
        opening, closing = index + 1, index - 1
        if opening in joins or opening >= len(texts) or opening in skip:
            continue  # not the last line of the break
        while closing in joins:
            closing -= 1
        opening_text, closing_text = texts[opening].lstrip(), texts[closing].rstrip()
        # In lower case, or after a word that leads on; a number overleaf ("5 Fokusområden")
        # may open a heading, which stays a line of its own.
        goes_on = opening_text[:1].islower() or _leads_on(closing_text)
        if closing >= 0 and closing not in skip and opening_text and goes_on:
            continued[opening] = _line_joint(closing_text, opening_text)
    return continued


def _leads_on(closing: str) -> bool:
    """The page's last line ends in a word that cannot end a sentence ("… i" | "Bagarmossen
    …"): the sentence goes on overleaf, whatever case the next page opens with."""
    words = closing.split()
    return bool(words) and words[-1].lower() in RUNS_ON


def _table_pieces(source: SourceText, table: Table) -> list[Piece]:
    lines = source.lines
    if not table.signatures and (sections := _section_rows(source, table)) is not None:
        return _section_table_pieces(source, table, *sections)
    if not table.signatures and table.wrapped and (table.drawn or _rows_by_gaps(source, table)):
        return _wrapped_row_pieces(source, table)
    if not table.signatures and table.wrapped:
        return _row_line_pieces(source, table)
    if not table.signatures:
        pieces = []
        for index in (i for row in table.rows for i in row):
            line = lines[index]
            pieces.append(Piece(line.start, line.end, line.page, _as_item(line.style)))
        pieces.append(_blank(lines[table.last]))
        return pieces
    pieces = [_blank(lines[table.first])]
    columns = sorted({cell.column for cell in table.cells})
    reach = _signature_column_reach(table)
    for column in columns:
        cells = [c for c in table.cells if c.column == column]
        widest = max((c.x1 for c in cells if c.x1 is not None), default=None)
        edge = None  # where a word broken at the column's edge ends
        if widest is not None and reach is not None and column < len(table.columns_x):
            edge = max(widest, table.columns_x[column] + reach)
        opened = False
        previous: tuple[str, float | None] | None = None  # the text and end of the last cell
        for cell in cells:
            line = lines[cell.line]
            start, end = _trimmed(source, cell.start, cell.end)
            text = source.text[start:end]
            caption = previous is not None and caption_under_rule(previous[0], text)
            opening = bool(SIGNATURE_OPENING.match(text)) and not caption
            joint = _signature_joint(previous, text, widest, line.style.font_size, edge, source)
            previous = None if caption else (text, cell.x1)  # a caption takes nothing on
            if joint is not None:  # a wrapped cell: "Skarpnäcks" | "stadsdelsförvaltning"
                pieces.append(Piece(start, end, line.page, _NO_STYLE, joint, continues=True))
                continue
            if opening and opened:
                pieces.append(_blank(line))  # the next block in this column
            opened = not opening
            style = dataclasses.replace(line.style, cells_x=(), signature_column=column)
            pieces.append(Piece(start, end, line.page, style))
        pieces.append(_blank(lines[table.last]))
    return pieces


def _section_rows(
    source: SourceText, table: Table
) -> tuple[list[list[_Fragment]], list[bool]] | None:
    """The table's rows as cell fragments, and which is its header, when the table lays out
    the document's sections (`section_header_rows`); None for any other table."""
    if len(table.columns_x) > 2:
        return None
    rows = [_row_fragments(source, table, row) for row in table.rows] or [
        _line_fragments(source, source.lines[index]) for index in range(table.first, table.last + 1)
    ]
    if any(fragment.column > 1 for row in rows for fragment in row):
        return None
    texts = [tuple(_cell_text(source, row, column) for column in (0, 1)) for row in rows]
    lines = source.lines
    share = (lines[table.last].end - lines[table.first].start) / max(1, len(source.text))
    headers = section_header_rows(texts, share)  # type: ignore[arg-type]
    return None if headers is None else (rows, headers)


def _line_fragments(source: SourceText, line: Line) -> list[_Fragment]:
    """A text or Word table row's cells, a line each (no page geometry)."""
    fragments = []
    for column, (start, end) in enumerate(split_cells(source, line)):
        start, end = _trimmed(source, start, end)
        if start < end:
            fragments.append(_Fragment(line, start, end, column, None))
    return fragments


def _cell_text(source: SourceText, row: list[_Fragment], column: int) -> str:
    return " ".join(source.text[f.start : f.end] for f in row if f.column == column)


def _section_table_pieces(
    source: SourceText, table: Table, rows: list[list[_Fragment]], headers: list[bool]
) -> list[Piece]:
    """A table of section titles and their texts: each title a line of its own, each text
    cell a paragraph (its wrapped lines joined), blank lines between; a header stays a row."""
    pieces: list[Piece] = []
    widest = _widest_cell_ends(source, table)
    for row, header in zip(rows, headers, strict=True):
        if header:
            line = row[0].line
            pieces.extend(
                (Piece(line.start, line.end, line.page, _as_item(line.style)), _blank(line))
            )
            continue
        for column in (0, 1):
            cell = [fragment for fragment in row if fragment.column == column]
            if not cell:
                continue
            first = cell[0]
            pieces.extend(
                (
                    _blank(first.line),
                    Piece(first.start, first.end, first.line.page, _plain(first.line)),
                )
            )
            for above, below in itertools.pairwise(cell):
                joint = _cell_line_joint(source, above, below, widest) if column else " "
                _continue_cell(pieces, above, below, joint)
        pieces.append(_blank(row[-1].line))
    return pieces


def _continue_cell(pieces: list[Piece], above: _Fragment, below: _Fragment, joint: str) -> None:
    """Add a cell's next line to the view line of the one above, joined by `joint`; "-" joins
    a word broken after a hyphen, without the hyphen."""
    if joint == "-":
        pieces[-1] = dataclasses.replace(pieces[-1], raw_end=above.end - 1)
        joint = ""
    pieces.append(Piece(below.start, below.end, below.line.page, _NO_STYLE, joint, True))


def _plain(line: Line) -> LineStyle:
    """A table line's style as a paragraph's: no cells."""
    return dataclasses.replace(line.style, cells_x=(), cells_x1=(), table_cell=None)


# How far short of what another column reaches a word broken at its own column's edge may
# end, in ems: the two lines' last glyphs differ in width, and the break leaves less room
# than the next glyph needs.
_EDGE_EM = 1.2


def _signature_column_reach(table: Table) -> float | None:
    """How far right of its left edge the text of a signature column may reach: the most
    that any of the table's columns uses (a producer gives signature blocks side by side
    columns of one width). A column's own widest line may be a word that wrapped whole
    ("Kommunstyrelsens" | "ordförande"), not one broken at the edge ("Lokalpolisområdesche"
    | "f")."""
    columns = table.columns_x
    if not columns:
        return None
    bounds = (*columns[1:], float("inf"))  # a line that runs over the next column is no cell
    reach = [
        cell.x1 - columns[cell.column]
        for cell in table.cells
        if cell.x1 is not None and cell.column < len(columns) and cell.x1 < bounds[cell.column]
    ]
    return max(reach, default=None)


# "För" alone, or "För lokalpolisområde" that reaches the column's edge: the party's name
# follows on the next line.
_OPEN_FOR = re.compile(r"^[Ff]ör(?:\s+[a-zåäö][\w-]*)*$")
# "För Polismyndigheten, lokalpolisområde" that reaches the column's edge, a type word last:
# its name ("Skärholmen", no digits, a few words) follows on the next line.
_FOR_TYPE_LAST = re.compile(r"^[Ff]ör\s.*\b[a-zåäö][\w-]*$")
_HAS_DIGIT = re.compile(r"\d")
_NAME_BROKEN_AT_HYPHEN = re.compile(r"[A-ZÅÄÖ][a-zåäö]+-$")
# A Swedish noun's definite or plural ending: the organisation named in full.
_DEFINITE = re.compile(r"(?:en|et|na)\s*$")
_NAME_GOES_ON = re.compile(r"^[A-ZÅÄÖ][^\d\s]*(?:\s+[^\d\s]+){0,2}$")


def _signature_joint(
    previous: tuple[str, float | None] | None,
    text: str,
    widest: float | None,
    font_size: float | None,
    edge: float | None = None,
    source: SourceText | None = None,
) -> str | None:
    """How a line of a signature column continues the one above, or None when it does not:
    a word too long for the column broken at its edge (`edge`, or else the column's widest
    line), a line going on in lower case, a line for the date after "Stockholm den", the
    rest of a date (a day, a year), a party's name after "För"."""
    if previous is None:
        return None
    above, x1 = previous
    if source is not None and above[-1:].isalnum() and _broken_inside_word(source, above, text):
        return ""  # "…, grundskoleavdelnin" | "g"
    if _NAME_BROKEN_AT_HYPHEN.search(above) and text[:1].isupper():
        return ""  # "För Stockholms kommun genom Hägersten-" | "Älvsjö stadsdelsnämnd"
    em = font_size or 10.0
    filled = x1 is not None and widest is not None and x1 >= widest - _FULL_EM * em
    if text[:1].islower():
        single = not re.search(r"\s", above) and above[-1:].isalnum()
        reaches = edge is None or (x1 is not None and x1 >= edge - _EDGE_EM * em)
        broken = filled and reaches
        return "" if single and broken else " "
    if _AWAITS_DATE.search(above) and _SIGNING_RULE.match(text):
        return " "
    if _DATE_WITHOUT_YEAR.search(above) and _DATE_GOES_ON.match(text):
        return " "  # "Kista den 25 januari" | "2023", "Kista den" | "25 januari 2023"
    # "För" alone, a line that reached the column's edge, or a type word without its name
    # ("För lokalpolisområde" | "Norrmalm"; "För utbildningsförvaltningen" is whole)
    opens = above.strip().lower() == "för" or filled or not _DEFINITE.search(above)
    if _OPEN_FOR.match(above) and opens and not _HAS_DIGIT.search(text):
        return " "
    if filled and _FOR_TYPE_LAST.match(above) and _NAME_GOES_ON.match(text):
        return " "
    return None


def _wrapped_row_pieces(source: SourceText, table: Table) -> list[Piece]:
    """A PDF table whose cells wrap: each row one line, as a Word table row reads (an item),
    its cells in column order separated by tabs and the lines of a wrapped cell joined."""
    pieces: list[Piece] = []
    widest = _widest_cell_ends(source, table)
    rows = [_row_fragments(source, table, row) for row in table.rows]
    breaks_words = any(_shows_broken_word(source, fragments) for fragments in rows)
    for fragments in rows:
        column = None
        for number, fragment in enumerate(fragments):
            start, end = fragment.start, fragment.end
            if number == 0:
                pieces.append(Piece(start, end, fragment.line.page, _as_item(fragment.line.style)))
            else:
                previous = fragments[number - 1]
                if fragment.column != column:
                    prefix = "\t" * max(1, fragment.column - (column or 0))
                    pieces.append(Piece(start, end, fragment.line.page, _NO_STYLE, prefix, True))
                else:
                    joint = _cell_line_joint(source, previous, fragment, widest, breaks_words)
                    _continue_cell(pieces, previous, fragment, joint)
            column = fragment.column
    pieces.append(_blank(source.lines[table.last]))
    return pieces


# "Stockholm den" at the end of a cell, its line for the date wrapped to the next line.
_AWAITS_DATE = re.compile(r"(?:\bden|datum:?)\s*$", re.IGNORECASE)
_SIGNING_RULE = re.compile(r"[_.…]{3,}\s*$")
# A place and date whose date is not complete at the end of a signature column's line
# ("Kista den 25 januari", "Kista den", "Karlstad 12 december"), and the rest of it on the
# next line: a day or a year.
_DATE_WITHOUT_YEAR = re.compile(
    r"^\S+,?\s+(?:den(?:\s+\d{1,2}(?::[ae])?(?:\s+[a-zåäö]+\.?)?)?"
    r"|\d{1,2}(?::[ae])?\s+[a-zåäö]{3,}\.?)\s*$",
    re.IGNORECASE,
)
_DATE_GOES_ON = re.compile(r"\d{1,4}\b")


def _rows_by_gaps(source: SourceText, table: Table) -> bool:
    """The rows of an undrawn table stand apart (`columns._rows` found several by the gaps
    between them), and each opens with a line of several cells, the rest of its lines wrapped
    cells: the lines of a row can be joined cell by cell as in a drawn table."""
    lines = source.lines
    return len(table.rows) >= 2 and all(
        len(lines[row[0]].style.cells_x) >= 2
        and all(len(lines[i].style.cells_x) <= len(lines[row[0]].style.cells_x) for i in row)
        for row in table.rows
    )


def _row_line_pieces(source: SourceText, table: Table) -> list[Piece]:
    """A table whose rows are known from the gaps between lines only: a row's lines stay
    together, its first line an item and a blank line after it, so that two rows never read
    as one, and no line is joined to another on a guess."""
    lines = source.lines
    pieces: list[Piece] = []
    for row in table.rows:
        for number, index in enumerate(row):
            line = lines[index]
            style = (
                _as_item(line.style) if number == 0 else dataclasses.replace(line.style, cells_x=())
            )
            pieces.append(Piece(line.start, line.end, line.page, style))
        pieces.append(_blank(lines[row[-1]]))
    return pieces


@dataclass(frozen=True)
class _Fragment:
    line: Line
    start: int
    end: int
    column: int
    x1: float | None  # where its text ends on the page


def _row_fragments(source: SourceText, table: Table, row: tuple[int, ...]) -> list[_Fragment]:
    """The row's cell texts line by line, ordered by column, then top to bottom."""
    fragments = []
    for index in row:
        line = source.lines[index]
        parts = split_cells(source, line)
        numbers = columns_of(line, parts, list(table.columns_x))
        ends = line.style.cells_x1 if len(line.style.cells_x1) == len(parts) else ()
        for position, ((start, end), column) in enumerate(zip(parts, numbers, strict=True)):
            start, end = _trimmed(source, start, end)
            if start < end:
                x1 = ends[position] if ends else None
                fragments.append(_Fragment(line, start, end, column, x1))
    return sorted(fragments, key=lambda f: f.column)  # stable: lines stay top to bottom


def _widest_cell_ends(source: SourceText, table: Table) -> dict[int, float]:
    """How far right the text of each column reaches anywhere in the table."""
    widest: dict[int, float] = {}
    for row in table.rows:
        for fragment in _row_fragments(source, table, row):
            if fragment.x1 is not None:
                widest[fragment.column] = max(widest.get(fragment.column, 0.0), fragment.x1)
    return widest


# A wrapped cell line that reaches this close to the column's right edge (in ems) was broken
# where it hit the edge, inside a word too long for the column.
_FULL_EM = 0.6
# A broken line stops where its next letter would pass the edge: within a wide letter of it.
_LETTER_EM = 1.0
_BROKEN_AFTER_HYPHEN = re.compile(r"(?<=[a-zåäöéü])-$", re.IGNORECASE)
_CONTINUES_WORD = re.compile(r"[a-zåäöéü”’»),.;:]")


def _shows_broken_word(source: SourceText, fragments: list[_Fragment]) -> bool:
    """A cell of the row has a line whose last word the document's words show broken at the
    edge, the producer's habit ("Utbildningsförvaltninge" | "n")."""
    for above, below in itertools.pairwise(fragments):
        if above.column == below.column:
            text = source.text[above.start : above.end]
            if _broken_inside_word(source, text, source.text[below.start : below.end]):
                return True
    return False


def _cell_line_joint(
    source: SourceText,
    above: _Fragment,
    below: _Fragment,
    widest: dict[int, float],
    breaks_words: bool = False,
) -> str:
    """How two lines of one cell join: a space; nothing, for a word too long for the column
    broken at its edge; "-" for a word broken after a hyphen (the hyphen is dropped).
    `breaks_words`: other cells of the table show words broken at the edge."""
    text = source.text[above.start : above.end]
    following = source.text[below.start : below.end]
    if SPLIT_NUMBER.search(text) and NUMBER_REST.match(following):
        return ""  # "202100-" | "0076": an organisation number broken after its hyphen
    if _BROKEN_AFTER_HYPHEN.search(text):
        lower = following[:1].islower()
        return "-" if lower and not KEEP_HYPHEN_BEFORE.match(following) else " "
    if not text[-1:].isalnum():
        return " "
    pieces = _word_pieces(source, text, following)
    if pieces is not None and pieces.broken:
        return ""  # "Skärholmens stads" | "delsförvaltning"
    if pieces is not None and pieces.whole == 0 and pieces.tail > 1:
        return " "  # "stadsdelsdirektör" | "samordnare": the document has the second alone
    em = above.line.style.font_size or 10.0
    edge = widest.get(above.column)
    if pieces is not None and pieces.unknown and breaks_words and edge is not None:
        # the table's producer breaks words at the edge (other cells show it), and this line
        # reaches the column's edge within a letter's width
        return "" if above.x1 is not None and above.x1 >= edge - _LETTER_EM * em else " "
    if not _CONTINUES_WORD.match(following) or re.search(r"\s", text):
        return " "
    if following.split(maxsplit=1)[0].lower() in RUNS_ON and " " in following.strip():
        return " "  # "lokalpolisområdeschef" | "för Globen": a word of its own goes on
    if above.x1 is None or edge is None or above.x1 < edge - _FULL_EM * em:
        return " "
    return ""


class _WordPieces(NamedTuple):
    """How often the document has a line's last word and the next line's first together as
    one word, the first alone and the second alone."""

    whole: int
    head: int
    tail: int

    @property
    def broken(self) -> bool:
        """The whole word stands in the document more often than its second piece alone: a
        producer that breaks words at a cell's edge without a hyphen (ReportLab) leaves a
        piece that stands alone less often than the whole word does ("Skärholmens stads" |
        "delsförvaltning")."""
        return self.whole > self.tail

    @property
    def unknown(self) -> bool:
        """Neither piece stands anywhere else in the document, nor the whole word: nothing in
        the words tells a break from a wrap ("n, grundskoleavdelnin" | "gen")."""
        return self.whole == 0 and self.head == 1 and self.tail == 1


def _word_pieces(source: SourceText, text: str, following: str) -> _WordPieces | None:
    """The document's counts of the pieces at a line's end and the next line's start, None
    unless the line ends in a letter and the next goes on in lower case."""
    head = _LAST_LETTERS.search(text)
    tail = _FIRST_LETTERS.match(following)
    if head is None or tail is None or not tail.group()[0].islower():
        return None
    words = _document_words(source.text)
    first, second = head.group().lower(), tail.group().lower()
    return _WordPieces(words.get(first + second, 0), words.get(first, 0), words.get(second, 0))


def _broken_inside_word(source: SourceText, text: str, following: str) -> bool:
    pieces = _word_pieces(source, text, following)
    return pieces is not None and pieces.broken


_LAST_LETTERS = re.compile(r"[^\W\d_]+$")
_FIRST_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=2)
def _document_words(text: str) -> Counter[str]:
    """How often each word of the text stands in it, in lower case (counted once a document,
    when a cell line ends in a letter and the next goes on in lower case)."""
    return Counter(word.lower() for word in _FIRST_LETTERS.findall(text))


_NO_STYLE = LineStyle()  # a continuation or blank piece's: styles are frozen, one will do


def _blank(line: Line) -> Piece:
    return Piece(line.end, line.end, line.page, _NO_STYLE)


def _trimmed(source: SourceText, start: int, end: int) -> tuple[int, int]:
    text = source.text[start:end]
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    return start + lead, max(start + lead, end - trail)
