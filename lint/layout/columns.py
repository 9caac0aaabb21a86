"""Side-by-side blocks: lines split into cells by tabs (or wide gaps) read as columns.

A PDF line with a wide gap between two words, a DOCX table row and a plain-text line with
tabs all hold cells. A run of such lines is a table. When the same signature cue (a place
and date, a "För …" line, a signature rule) stands in two or more cells of one line, the
run is a page of signature blocks laid out side by side, and it is read column by column,
each column a block of its own; any other table is read row by row.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from lint.model import Line, SourceText

_CELL_SPLIT = re.compile(r"\t|(?<=\S) {4,}(?=\S)")
_TEXT_CELL_SPLIT = re.compile(r"\t")
# What opens a signature block: its place and date (or a line for the date), or "För <party>".
_OPENING = (
    r"för(?:\s|$)|\S+\s+den\s+\d|\S+\s+den\s*[_.…]{3,}|\S+\s+\d{4}-\d{2}-\d{2}"
    r"|ort\s+och\s+datum|\d{4}-\d{2}-\d{2}"
)
SIGNATURE_OPENING = re.compile(rf"^(?:{_OPENING})", re.IGNORECASE)
# What opens or underlines a signature block.
_SIGNATURE_CUE = re.compile(
    rf"^(?:{_OPENING}|datum\b|[._…\-–]{{5,}}|underskrift|namnförtydligande)", re.IGNORECASE
)


@dataclass(frozen=True)
class Cell:
    line: int  # index into source.lines
    start: int  # offsets into source.text
    end: int
    column: int
    x1: float | None = None  # PDF: where its last glyph starts


@dataclass(frozen=True)
class Table:
    first: int  # index of its first line
    last: int  # index of its last line (inclusive)
    cells: tuple[Cell, ...]
    signatures: bool  # side-by-side signature blocks: read column by column
    rows: tuple[tuple[int, ...], ...] = ()  # line indices of each row (a PDF cell may wrap)
    columns_x: tuple[float, ...] = ()  # PDF: the left edge of each column
    drawn: bool = False  # the reader saw its rules (`LineStyle.table_cell`)

    @property
    def wrapped(self) -> bool:
        return any(len(row) > 1 for row in self.rows)


def split_cells(source: SourceText, line: Line) -> list[tuple[int, int]]:
    """(start, end) of each cell of a line, empty cells included; one cell when none."""
    text = source.line_text(line)
    splitter = _CELL_SPLIT if source.format == "pdf" else _TEXT_CELL_SPLIT
    cells = []
    position = 0
    for match in splitter.finditer(text):
        cells.append((line.start + position, line.start + match.start()))
        position = match.end()
    cells.append((line.start + position, line.end))
    return cells


def has_cells(source: SourceText, index: int) -> bool:
    """Whether line `index` has two cells or more (`split_cells`)."""
    text = source.line_texts[index]
    if "\t" in text:
        return True
    # four spaces between words, in a PDF's text (a substring test first: most lines have none)
    return source.format == "pdf" and "    " in text and _CELL_SPLIT.search(text) is not None


def find_tables(source: SourceText, skip: frozenset[int]) -> list[Table]:
    tables: list[Table] = []
    index = 0
    lines = source.lines
    while index < len(lines):
        if index in skip or not has_cells(source, index):
            index += 1
            continue
        last = _run_end(source, index, skip)
        tables.append(_table(source, index, last, skip))
        index = last + 1
    return tables


def _run_end(source: SourceText, first: int, skip: frozenset[int]) -> int:
    """The last line of a run of celled lines; single-cell lines and one blank line may
    continue it when celled lines follow (a signature rule under one column only)."""
    last = first
    index = first + 1
    lines = source.lines
    while index < len(lines):
        if index in skip:
            index += 1
            continue
        if (
            has_cells(source, index)
            or _same_table(lines[last], lines[index])
            or _alone_in_later_column(source, first, last, lines[index])
        ):
            last = index
            index += 1
            continue
        bridged = _column_lines_between(source, first, last, index)
        if bridged is not None:
            index = bridged
            continue
        overleaf = _cell_overleaf(source, first, last, index, skip)
        if overleaf is not None:
            last, index = overleaf, overleaf + 1
            continue
        ahead = _next_celled(source, index, skip)
        if ahead is not None and (
            not _same_columns(source, first, last, ahead) or _drawn_apart(lines[last], lines[ahead])
        ):
            ahead = None  # another table below: a signature table under an annex table
        if ahead is not None and _continued_overleaf(source, first, last, ahead, skip):
            index = ahead
            continue
        if ahead is None or ahead - index > 2 or lines[ahead].page != lines[first].page:
            if index == last + 1 and (
                _wraps_in_column(source, first, last, lines[index])
                or _short_under_column(source, first, last, index)
            ):
                last = index
                index += 1
                continue
            break
        index = ahead
    return last


# A line this far (in ems, top to top) under the one above stands right under it: the next
# line of the paragraph, or of the cell, or the next paragraph of the cell.
_UNDER_EM = 2.5
# How many single-cell lines may stand between two rows of a table's cells.
_MAX_SINGLE_CELL_LINES = 6


def _column_lines_between(source: SourceText, first: int, last: int, index: int) -> int | None:
    """PDF lines under the run from `index` on, each with one cell where one of the run's
    columns starts and right under the line before, up to a line with the run's cells: rows
    whose other cells are empty (a signature table whose columns wrap and stack their lines
    at different heights). Returns the index of that celled line, or None."""
    lines = source.lines
    columns = _column_positions(source, first, last)
    if source.format != "pdf" or len(columns) < 2:
        return None
    previous = lines[last]
    for other in range(index, min(index + _MAX_SINGLE_CELL_LINES + 1, len(lines))):
        line = lines[other]
        if has_cells(source, other):
            found = other > index and _same_columns(source, first, last, other)
            return other if found else None
        if not _stacked_in_column(line, previous, columns):
            return None
        previous = line
    return None


def _short_under_column(source: SourceText, first: int, last: int, index: int) -> bool:
    """A short line right under a table's last row, where one of its columns starts: the
    last line of a cell that stacks lower than the others ("Karin Wahlström" |
    "Stadsdelsdirektör" under a two-column signature row)."""
    lines = source.lines
    columns = _column_positions(source, first, last)
    text = source.line_text(lines[index]).strip()
    return (
        source.format == "pdf"
        and len(columns) > 1
        and 0 < len(text.split()) <= _SHORT_CELL_WORDS
        and not text.endswith((".", ":", ";"))
        and _stacked_in_column(lines[index], lines[last], columns)
    )


_SHORT_CELL_WORDS = 4


def _stacked_in_column(line: Line, above: Line, columns: list[float]) -> bool:
    x, top, em = line.style.x0, line.style.top, line.style.font_size or 10.0
    if x is None or top is None or above.style.top is None or line.page != above.page:
        return False
    return 0 < top - above.style.top <= 1.6 * em and any(abs(x - c) <= 1.5 for c in columns)


def _row_goes_on_overleaf(source: SourceText, above: int, below: int) -> bool:
    """A row that a page break split (Word and LibreOffice let a row break across pages):
    the first row on the next page goes on in lower case where the last one stopped."""
    lines = source.lines
    if lines[above].page is None or lines[below].page != lines[above].page + 1:
        return False
    return source.line_text(lines[below]).lstrip()[:1].islower()


def _same_columns(source: SourceText, first: int, last: int, ahead: int) -> bool:
    """Whether the celled line `ahead` has the columns of the run `first`..`last`: its cells
    where the run's columns stand (PDF, where an empty cell leaves no gap), or as many
    cells as the run's last line (tabs, which keep empty cells)."""
    lines = source.lines
    if source.format == "pdf":
        columns = _column_positions(source, first, last)
        return all(any(abs(x - c) <= 2.0 for c in columns) for x in lines[ahead].style.cells_x)
    return len(split_cells(source, lines[ahead])) == len(split_cells(source, lines[last]))


def _continued_overleaf(
    source: SourceText, first: int, last: int, ahead: int, skip: frozenset[int]
) -> bool:
    """The table goes on at the top of the next page: nothing but page furniture and blank
    lines between, and the next row's cells stand where the table's columns do."""
    lines = source.lines
    if lines[ahead].page is None or lines[ahead].page == lines[last].page:
        return False
    between = range(last + 1, ahead)
    if any(i not in skip and source.line_text(lines[i]).strip() for i in between):
        return False
    columns = _column_positions(source, first, last)
    cells = lines[ahead].style.cells_x
    return len(cells) > 1 and all(any(abs(x - c) <= 2.0 for c in columns) for x in cells)


def _alone_in_later_column(source: SourceText, first: int, last: int, line: Line) -> bool:
    """A line standing alone where one of the table's columns after the first starts, on the
    table's last page, drawn in a cell or right under the table's last line (a producer may
    leave the rules of a row that a page break splits undrawn): a row whose first cell is
    empty, or more of a cell. Body text starts at the margin, not at a column inside."""
    x, above = line.style.x0, source.lines[last]
    if x is None or line.page != above.page or len(line.style.cells_x) > 1:
        return False
    if line.style.table_cell is None and not _right_under(above, line):
        return False
    return any(abs(x - c) <= 2.0 for c in _column_positions(source, first, last)[1:])


def _right_under(above: Line, line: Line) -> bool:
    top, previous = line.style.top, above.style.top
    em = line.style.font_size or 10.0
    return top is not None and previous is not None and 0 < top - previous <= _UNDER_EM * em


def _cell_overleaf(
    source: SourceText, first: int, last: int, index: int, skip: frozenset[int]
) -> int | None:
    """The first line of the next page, when it is the rest of a cell that the page break
    split: nothing but page furniture and blank lines before it, it stands alone where one
    of the table's columns after the first starts (a paragraph starts at the margin), and
    the reader saw it drawn in a cell or it goes on in lower case."""
    lines = source.lines
    nearest = next(
        (
            i
            for i in range(index, len(lines))
            if i not in skip and source.line_text(lines[i]).strip()
        ),
        None,
    )
    if nearest is None or lines[last].page is None or lines[nearest].page != lines[last].page + 1:
        return None
    line = lines[nearest]
    goes_on = line.style.table_cell is not None or source.line_text(line).lstrip()[:1].islower()
    columns = _column_positions(source, first, last)[1:]
    x = line.style.x0
    alone = len(line.style.cells_x) <= 1 and x is not None and goes_on
    return nearest if alone and any(abs(x - c) <= 2.0 for c in columns) else None  # type: ignore[operator]


def _wraps_in_column(source: SourceText, first: int, last: int, line: Line) -> bool:
    """A PDF line right under a table that starts where one of its columns does, in lower
    case: the rest of a cell that wrapped ("Skarpnäcks" | "stadsdelsförvaltning")."""
    above = source.lines[last]
    x, top, em = line.style.x0, line.style.top, line.style.font_size or 10.0
    if x is None or top is None or above.style.top is None or line.page != above.page:
        return False
    if not 0 < top - above.style.top <= 1.6 * em:
        return False
    if not source.line_text(line).lstrip()[:1].islower():
        return False
    columns = _column_positions(source, first, last)
    return len(columns) > 1 and any(abs(x - column) <= 1.5 for column in columns)


def _drawn_apart(line: Line, other: Line) -> bool:
    """Two lines of which the reader saw one inside drawn rules and the other outside them,
    or inside another table's: a ruled annex table and the signature table under it, though
    their columns stand at the same places."""
    a, b = line.style.table_cell, other.style.table_cell
    if (a is None) != (b is None):
        return True
    # Each page's rules make a table of their own: a table going on overleaf is one table.
    return a is not None and b is not None and a[0] != b[0] and line.page == other.page


def _same_table(line: Line, other: Line) -> bool:
    """Both lines lie in one table that the reader saw drawn (PDF rules)."""
    a, b = line.style.table_cell, other.style.table_cell
    return a is not None and b is not None and a[0] == b[0] and line.page is not None


def _next_celled(source: SourceText, index: int, skip: frozenset[int]) -> int | None:
    """The next celled line within three lines, page furniture not counted."""
    seen = 0
    for other in range(index, len(source.lines)):
        if other in skip:
            continue
        if len(split_cells(source, source.lines[other])) >= 2:
            return other
        seen += 1
        if seen == 3:
            break
    return None


def _table(source: SourceText, first: int, last: int, skip: frozenset[int]) -> Table:
    lines = source.lines
    columns_x = _column_positions(source, first, last)
    cells: list[Cell] = []
    signature_rows = 0
    for index in range(first, last + 1):
        if index in skip:  # page furniture where the table crosses a page break
            continue
        line = lines[index]
        parts = split_cells(source, line)
        numbers = columns_of(line, parts, columns_x)
        cues = 0
        ends = line.style.cells_x1 if len(line.style.cells_x1) == len(parts) else ()
        for position, ((start, end), column) in enumerate(zip(parts, numbers, strict=True)):
            text = source.text[start:end].strip()
            if not text:
                continue
            x1 = ends[position] if ends else line.style.x1 if len(parts) == 1 else None
            cells.append(Cell(index, start, end, column, x1))
            cues += bool(_SIGNATURE_CUE.match(text))
        signature_rows += cues >= 2
    rows = _rows(source, first, last, skip)
    return Table(
        first,
        last,
        tuple(cells),
        signatures=signature_rows >= 1,
        rows=rows,
        columns_x=tuple(columns_x),
        drawn=_drawn(source, rows),
    )


# A row starts where the gap to the line above is this much wider than the table's tightest
# line spacing (the cell padding between rows; lines inside a wrapped cell sit closer).
_ROW_GAP = 1.3


def _rows(
    source: SourceText, first: int, last: int, skip: frozenset[int]
) -> tuple[tuple[int, ...], ...]:
    """Rows of a PDF table by the vertical gaps between its lines; a line a row elsewhere."""
    indices = [
        i
        for i in range(first, last + 1)
        if i not in skip and source.line_text(source.lines[i]).strip()
    ]
    lines = source.lines
    tops = [lines[i].style.top for i in indices]
    if source.format != "pdf" or any(t is None for t in tops) or len(indices) < 2:
        return tuple((i,) for i in indices)
    cells = [lines[i].style.table_cell for i in indices]
    if all(cell is not None for cell in cells):  # rows between the table's drawn rules
        drawn: list[list[int]] = []
        for _, group in itertools.groupby(
            zip(cells, indices, strict=True),
            key=lambda pair: pair[0][:2],  # type: ignore[index]
        ):
            row = [i for _, i in group]
            if drawn and _row_goes_on_overleaf(source, drawn[-1][-1], row[0]):
                drawn[-1].extend(row)
            else:
                drawn.append(row)
        return tuple(tuple(row) for row in drawn)
    pitches = [
        b - a  # type: ignore[operator]
        for (a, b), (i, j) in zip(
            itertools.pairwise(tops), itertools.pairwise(indices), strict=True
        )
        if lines[i].page == lines[j].page and b > a  # type: ignore[operator]
    ]
    if not pitches:
        return tuple((i,) for i in indices)
    tightest = min(pitches)
    rows: list[list[int]] = [[indices[0]]]
    for previous, index in itertools.pairwise(indices):
        above, here = lines[previous], lines[index]
        gap = (here.style.top or 0.0) - (above.style.top or 0.0)
        overleaf = here.page != above.page and _row_goes_on_overleaf(source, previous, index)
        if not overleaf and (here.page != above.page or gap > tightest * _ROW_GAP or gap <= 0):
            rows.append([index])
        else:
            rows[-1].append(index)
    return tuple(tuple(row) for row in rows)


def _drawn(source: SourceText, rows: tuple[tuple[int, ...], ...]) -> bool:
    """The reader saw the table's rules around every line (`LineStyle.table_cell`), but for
    a row that a page break split: a producer may leave such a row's rules undrawn."""
    lines = source.lines
    return source.format == "pdf" and all(
        lines[i].style.table_cell is not None
        for row in rows
        if lines[row[0]].page == lines[row[-1]].page
        for i in row
    )


def _column_positions(source: SourceText, first: int, last: int) -> list[float]:
    """Left edges of the columns, from the widest row's cells (PDF geometry only)."""
    widest: tuple[float, ...] = ()
    for line in source.lines[first : last + 1]:
        if len(line.style.cells_x) > len(widest):
            widest = line.style.cells_x
    return list(widest)


def columns_of(line: Line, parts: list[tuple[int, int]], columns_x: list[float]) -> list[int]:
    xs = line.style.cells_x
    if columns_x and len(xs) == len(parts):
        return [min(range(len(columns_x)), key=lambda c: abs(columns_x[c] - x)) for x in xs]
    if columns_x and len(parts) == 1 and line.style.x0 is not None:
        x0 = line.style.x0
        return [min(range(len(columns_x)), key=lambda c: abs(columns_x[c] - x0))]
    return list(range(len(parts)))
