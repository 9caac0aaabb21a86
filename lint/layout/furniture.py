"""Page furniture: running headers and footers and page numbers, wherever they stand.

A line is furniture when it is a page number ("Sida 3 av 7", "3 (7)"), when it ends in one
after a wide gap ("Lokal samverkansöverenskommelse Östermalm<TAB>Sida 3 (3)"), or, in a
PDF, when the same text (numbers aside) opens or closes at least two pages in the page's
margin. A bare number counts only where a page starts or ends, and never inside a ruled
table; nor is a line that continues a ruled cell furniture. There it is the cell's own text
(an annex number wrapped under "Bilaga" in a narrow first column, in the last row of a page
and the first of the next).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from lint.layout.patterns import EXPLICIT_PAGE_NUMBER, PAGE_NUMBER_LINE
from lint.model import Line, SourceText

# Where a page's margin ends, as a fraction of its height, for running headers and footers.
_MARGIN = 0.12
_DIGITS = re.compile(r"\d+")
# How many lines at a page's top or bottom can be furniture.
_EDGE_LINES = 3


def furniture_lines(source: SourceText) -> frozenset[int]:
    """Indices (0-based) into `source.lines` of the lines that are page furniture."""
    found: set[int] = set()
    edges = _page_edges(source)
    for index, (line, text) in enumerate(zip(source.lines, source.line_texts, strict=True)):
        text = text.strip()
        if not text:
            continue
        at_edge = index in edges and line.style.table_cell is None
        if _is_page_number(text, at_edge, source.format):
            found.add(index)
    if source.format == "pdf":
        found |= _repeated_in_margins(source, edges)
    else:
        found |= _repeated_next_to_page_numbers(source, found)
    return frozenset(found)


def _is_page_number(text: str, at_edge: bool, fmt: str) -> bool:
    if EXPLICIT_PAGE_NUMBER.fullmatch(text.strip()):
        return True
    last_cell = text.rsplit("\t", 1)[-1].strip()
    if "\t" in text and EXPLICIT_PAGE_NUMBER.fullmatch(last_cell):
        return True  # "Title<TAB>Sida 3 (3)": a running header with its page number
    return fmt == "pdf" and at_edge and bool(PAGE_NUMBER_LINE.match(text))


def _page_edges(source: SourceText) -> set[int]:
    """Lines among the first or last few non-blank lines of each PDF page."""
    if source.format != "pdf":
        return set()
    by_page: dict[int | None, list[int]] = defaultdict(list)
    for index, (line, text) in enumerate(zip(source.lines, source.line_texts, strict=True)):
        if text.strip():
            by_page[line.page].append(index)
    edges: set[int] = set()
    for indices in by_page.values():
        edges.update(indices[:_EDGE_LINES])
        edges.update(indices[-_EDGE_LINES:])
    return edges


def _continues_cell(line: Line) -> bool:
    """A line under the first of a ruled table cell (a wrapped cell's next line)."""
    cell = line.style.table_cell
    return cell is not None and cell[2] > 0


def _in_margin(line: Line) -> bool:
    style = line.style
    if style.top is None or not style.page_height:
        return True  # no geometry: the edge lines stand for the margin
    position = style.top / style.page_height
    return position < _MARGIN or position > 1 - _MARGIN


def _repeated_in_margins(source: SourceText, edges: set[int]) -> set[int]:
    shapes: dict[str, list[int]] = defaultdict(list)
    for index in edges:
        line = source.lines[index]
        if _in_margin(line) and not _continues_cell(line):
            shapes[_shape(source.line_text(line))].append(index)
    found: set[int] = set()
    for indices in shapes.values():
        pages = {source.lines[i].page for i in indices}
        if len(pages) >= 2:
            found.update(indices)
    return found


def _repeated_next_to_page_numbers(source: SourceText, numbers: set[int]) -> set[int]:
    """Plain text copied from a PDF: the header repeated beside every page number."""
    if len(numbers) < 2:
        return set()
    neighbours: dict[str, list[int]] = defaultdict(list)
    for index in numbers:
        for other in _non_blank_neighbours(source, index):
            neighbours[_shape(source.line_text(source.lines[other]))].append(other)
    counts = Counter({shape: len(set(ix)) for shape, ix in neighbours.items()})
    return {i for shape, ix in neighbours.items() if counts[shape] >= 2 for i in ix}


def _non_blank_neighbours(source: SourceText, index: int) -> list[int]:
    found = []
    for step in (-1, 1):
        other = index + step
        while 0 <= other < len(source.lines) and not source.line_text(source.lines[other]).strip():
            other += step
        if 0 <= other < len(source.lines):
            found.append(other)
    return found


def _shape(text: str) -> str:
    return _DIGITS.sub("#", " ".join(text.split())).lower()
