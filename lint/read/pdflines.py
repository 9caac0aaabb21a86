"""One line assembly for every PDF engine: a `PdfPage` into `RawLine`s with their styles.

Characters are grouped into lines by baseline and ordered left to right. Words are told
apart by what a reader sees, the gap between one glyph's advance and the next glyph's
origin: wider than a tenth of an em it is a word space, wider than two ems a single tab,
with the left edge of every tab-separated part in `cells_x` (a two-column signature line,
a table row). Space glyphs decide nothing: PDFium drops a space glyph that the next glyph
overlaps (a kerned ", A") and generates spaces of its own where pdfminer reports none.
A justified line stretches every word space alike, so three or more equal wide gaps are
word spaces, not columns. Only what both engines report alike is used (origins,
baselines, advances, sizes, font names), and positions are rounded (`round_pt`), so that
the engines give identical text and styles.
"""

from __future__ import annotations

import dataclasses
import math
import re
from bisect import bisect_right
from collections import Counter
from operator import attrgetter, eq

from lint.model import LineStyle
from lint.read.lines import RawLine
from lint.read.pdfgrid import Grid, grid_at, page_grids
from lint.read.pdfpage import BULLET, WORD_GAP_EM, PdfChar, PdfPage, PdfShape, round_pt

# A baseline within this many ems of a line's first baseline belongs to the line
# (superscripts, a mixed-size run); lines of text are at least one em apart.
BASELINE_EM = 0.4
TAB_GAP_EM = 2.0
# The word spaces of a justified line differ by kerning only (a few hundredths of an em).
JUSTIFIED_SPREAD_EM = 0.2
# A drawn marker is small (a bullet is about a third of an em) and sits within a few ems
# left of the text it marks.
SHAPE_MAX_EM = 1.0
SHAPE_REACH_EM = 4.0
# The gap recorded for a cell boundary the page shows (a vertical rule between two glyphs,
# an alignment with the next row): a tab whatever its width.
_RULED = float("inf")
_MARKER_TEXTS = frozenset({BULLET, "-", "–", "—", "*"})
_X0 = attrgetter("x0")
_X1 = attrgetter("x1")
_SIZE = attrgetter("size")
_TEXT = attrgetter("text")
_UPRIGHT = attrgetter("upright")
_BOLD = attrgetter("bold")
_BASELINE = attrgetter("baseline")

# "Trygghets- och säkerhetssamordnare": a hyphen before a conjunction is part of the text.
KEEP_HYPHEN_BEFORE = re.compile(r"^(och|eller|samt|resp\.?|respektive|till)\b", re.IGNORECASE)
_SPLIT_COMPOUND = re.compile(r"(?<=[a-zåäöéü])-$", re.IGNORECASE)
# "202100-" at a line end and "0076" at the start of the next: an organisation number.
SPLIT_NUMBER = re.compile(r"(?<![\d-])\d{6}-$")
NUMBER_REST = re.compile(r"^\d{4}\b")


def page_lines(page: PdfPage, sizes: Counter[float]) -> list[RawLine]:
    """The page's lines, top to bottom; counts every character's size into `sizes`."""
    result = []
    counts: Counter[float] = Counter()
    grids = page_grids(page.number, page.rules)
    row_lines: Counter[tuple[int, int]] = Counter()
    drawn = page.chars
    upright = drawn if all(map(_UPRIGHT, drawn)) else [c for c in drawn if c.upright]
    glyphs = sorted(upright)  # by baseline, then x0
    groups = _group_lines(glyphs)
    edge = _right_edge(groups)
    for chars in groups:
        first = chars[0]
        grid = grid_at(grids, first.x0, first.baseline) if grids else None
        line = _assemble(chars, page, grid, right_edge=edge)
        if grid is not None:
            row = grid.row_of(first.baseline - 0.3 * first.size)
            cell = (grid.key, row, row_lines[grid.key, row])
            row_lines[grid.key, row] += 1
            line.style = dataclasses.replace(line.style, table_cell=cell)
        result.append(line)
        counts.update(map(_SIZE, chars))
        texts = list(map(_TEXT, chars))
        if sum(map(len, texts)) != len(texts):
            for char in chars:  # a ligature is one glyph of several characters
                if len(char.text) > 1:
                    counts[char.size] += len(char.text) - 1
    _split_aligned_cells(groups, result, page, edge)
    for size, count in counts.items():
        sizes[round_pt(size)] += count
    return result


def _split_aligned_cells(
    groups: list[list[PdfChar]], lines: list[RawLine], page: PdfPage, edge: float | None
) -> None:
    """A line next to a table row whose wide gaps stand where that row's cells start is a
    row of the same table ("Stockholm den 19 mars 2020   Stockholm den 19 mars 2020" above
    two names), even when its gaps are narrower than a tab's. A line of running text that
    reaches the justified margin is none: its stretched spaces only happen to align."""
    for index, line in enumerate(lines):
        if line.style.table_cell is not None or _ends_at(groups[index][-1], edge):
            continue
        columns = [
            x
            for other in lines[max(0, index - _ALIGNED_REACH) : index + _ALIGNED_REACH + 1]
            if len(other.style.cells_x) > 1 and other.style.table_cell is None
            for x in other.style.cells_x[1:]
        ]
        if columns:
            split = _assemble(groups[index], page, None, tuple(columns))
            if len(split.style.cells_x) > max(1, len(line.style.cells_x)):
                line.text, line.style = split.text, split.style


def _group_lines(ordered: list[PdfChar]) -> list[list[PdfChar]]:
    """Characters sorted by baseline (then x) into lines, each sorted left to right."""
    baselines = list(map(_BASELINE, ordered))
    if not math.isfinite(sum(baselines) + sum(map(_SIZE, ordered))):
        # A NaN or infinite baseline or size: no order, or no test, to rely on.
        return _group_lines_one_by_one(ordered)
    lines: list[list[PdfChar]] = []
    count = len(ordered)
    index = 0
    while index < count:
        anchor = baselines[index]
        # The glyphs on the anchor's own baseline (most of a line) belong without a test.
        end = bisect_right(baselines, anchor, index)
        while end < count:
            size = ordered[end].size
            # BASELINE_EM * max(size, 1.0), spelt out: the same value, NaN included
            if baselines[end] - anchor > BASELINE_EM * (1.0 if size < 1.0 else size):
                break
            end += 1
        lines.append(ordered[index:end])
        index = end
    return [_dedupe(sorted(line, key=_X0)) for line in lines]


def _group_lines_one_by_one(ordered: list[PdfChar]) -> list[list[PdfChar]]:
    """`_group_lines` for glyphs whose baselines cannot be ordered."""
    lines: list[list[PdfChar]] = []
    line: list[PdfChar] = []
    anchor = 0.0
    for char in ordered:
        if line and char.baseline - anchor <= BASELINE_EM * max(char.size, 1.0):
            line.append(char)
        else:
            line = [char]
            lines.append(line)
            anchor = char.baseline
    return [_dedupe(sorted(line, key=_X0)) for line in lines]


def _dedupe(chars: list[PdfChar]) -> list[PdfChar]:
    """Drop a glyph printed twice at the same place (fake bold, overprinted text): the
    same text at the same rounded origin and baseline. `chars` are sorted by x0, so that
    the glyphs sharing a rounded x0 follow each other."""
    rounded = list(map(round, map(_X0, chars)))
    if not any(map(eq, rounded, rounded[1:])):  # no two glyphs share a rounded x0
        return chars
    kept: list[PdfChar] = []
    block: list[PdfChar] = []
    block_x = None
    for char, x in zip(chars, rounded, strict=True):
        if x != block_x:
            block_x, block = x, [char]
        elif any(
            other.text == char.text and round(other.baseline) == round(char.baseline)
            for other in block
        ):
            continue
        else:
            block.append(char)
        kept.append(char)
    return kept


def _assemble(
    chars: list[PdfChar],
    page: PdfPage,
    grid: Grid | None = None,
    columns: tuple[float, ...] = (),
    right_edge: float | None = None,
) -> RawLine:
    """One line from its glyphs, left to right; inside a ruled table a vertical rule
    between two glyphs separates two cells, and so does a wide gap before a glyph at one of
    `columns` (the cell starts of a table row next to it)."""
    if grid is None and not columns:
        breaks = _word_breaks(chars)
    else:
        breaks = _cell_and_word_breaks(chars, grid, columns)
    first = chars[0]
    texts = list(map(_TEXT, chars))
    cells_end = []
    if not breaks:
        text = "".join(texts)
        cells = [first.x0]
    else:
        gaps = [gap for _, gap in breaks if gap != _RULED]
        stretched = _stretched_space(gaps, justified=_ends_at(chars[-1], right_edge))
        parts: list[str] = []
        cells = [first.x0]
        start = 0
        for index, gap in breaks:
            parts.append("".join(texts[start:index]))
            start = index
            ruled = gap == _RULED
            if ruled or (
                gap > TAB_GAP_EM and gap > stretched and not _leading_marker(parts, cells)
            ):
                parts.append("\t")
                cells.append(chars[index].x0)
                cells_end.append(chars[index - 1].end_x0)
            else:
                parts.append(" ")
        parts.append("".join(texts[start:]))
        text = "".join(parts)
    cells_end.append(chars[-1].end_x0)
    size = max(map(_SIZE, chars))
    style = LineStyle(
        font_size=round_pt(size),
        bold=all(map(_BOLD, chars)),
        x0=round_pt(first.x0),
        x1=round_pt(chars[-1].end_x0, per_point=1),
        top=round_pt(max(map(_BASELINE, chars)) - size, per_point=1),
        page_height=round_pt(page.height),
        # Whole points: PDFium advances by integer glyph widths, pdfminer by the widths
        # the file gives (612.793), so a cell inside one string drifts a few tenths of a
        # point between the engines; columns lie tens of points apart.
        cells_x=tuple(round_pt(x, per_point=1) for x in cells) if len(cells) > 1 or grid else (),
        cells_x1=tuple(round_pt(x, per_point=1) for x in cells_end)
        if len(cells) > 1 or grid
        else (),
        shape_marker=_has_shape_marker(first, size, page.shapes),
    )
    return RawLine(text, page.number, style)


def _word_breaks(chars: list[PdfChar]) -> list[tuple[int, float]]:
    """(index of the glyph after a word gap, gap in ems) of a line outside any table."""
    breaks: list[tuple[int, float]] = []
    previous = chars[0]
    end = previous.x1  # the first glyph's gap is measured from its own advance
    for index, char in enumerate(chars):
        gap = char.x0 - end
        # An em is at least 1 pt: a gap within a tenth of a point is inside a word.
        if gap > WORD_GAP_EM:
            gap /= max(previous.size, char.size, 1.0)
            if gap > WORD_GAP_EM:
                breaks.append((index, gap))
        previous, end = char, char.x1
    return breaks


def _cell_and_word_breaks(
    chars: list[PdfChar], grid: Grid | None, columns: tuple[float, ...]
) -> list[tuple[int, float]]:
    """`_word_breaks`, and a cell boundary (`_RULED`) at a vertical rule of `grid` between
    two glyphs or before a glyph at one of `columns`."""
    breaks: list[tuple[int, float]] = []
    previous_x1, previous_size = chars[0].x1, chars[0].size
    for index, char in enumerate(chars):
        gap = char.x0 - previous_x1
        ruled = index and grid is not None and grid.divides(previous_x1, char.x0, char.baseline)
        if ruled or (columns and _at_column(char, gap, columns)):
            breaks.append((index, _RULED))
        # An em is at least 1 pt: a gap within a tenth of a point is inside a word.
        elif gap > WORD_GAP_EM:
            gap /= max(previous_size, char.size, 1.0)
            if gap > WORD_GAP_EM:
                breaks.append((index, gap))
        previous_x1, previous_size = char.x1, char.size
    return breaks


# A gap before a glyph that stands at a neighbouring row's cell start is a cell boundary
# when it is this wide (ems) and the glyph this near the cell start (points).
_ALIGNED_GAP_EM = 0.5
_ALIGNED_X = 1.5
# How many lines above and below a row's cell starts are looked for (a cell that wrapped
# pushes the rest of its column down a line).
_ALIGNED_REACH = 3


def _at_column(char: PdfChar, gap: float, columns: tuple[float, ...]) -> bool:
    if gap < _ALIGNED_GAP_EM * max(char.size, 1.0):
        return False
    return any(abs(char.x0 - x) <= _ALIGNED_X for x in columns)


def _stretched_space(gaps: list[float], justified: bool = False) -> float:
    """The widest word space of a justified line in ems, or 0 when the line is none.

    Justified: at least three word spaces wider than a tab gap, all of them as wide as
    each other, leaving aside the first (which may follow a list label) if need be. Two
    equal gaps are as likely a table row of three like cells (dates, signature lines),
    unless the line ends where the page's justified lines end (`justified`).
    """
    least = 2 if justified else 3
    for candidates in (gaps, gaps[1:]):
        if len(candidates) < least or sum(gap > TAB_GAP_EM for gap in candidates) < least:
            return 0.0
        widest = max(candidates)
        # At the justified edge the spread may be wider: both engines must agree on it, and
        # they measure gaps from advances that differ by tenths of a point.
        if widest - min(candidates) <= JUSTIFIED_SPREAD_EM * (2.5 if justified else 1.0):
            return widest + JUSTIFIED_SPREAD_EM
    return 0.0


# Lines that end within this many points of each other end at one right margin.
_EDGE_PT = 2.0


def _right_edge(groups: list[list[PdfChar]]) -> float | None:
    """Where the page's justified lines end: the right end shared by most lines (three at
    least), or None."""
    ends = Counter(round(chars[-1].x1 / _EDGE_PT) for chars in groups if len(chars) > 1)
    if not ends:
        return None
    common, count = ends.most_common(1)[0]
    return common * _EDGE_PT if count >= 3 else None


def _ends_at(last: PdfChar, edge: float | None) -> bool:
    # The engines' advances differ by up to a point: a tolerance wider than that.
    return edge is not None and abs(last.x1 - edge) <= _EDGE_PT + _EDGE_PT / 2


def _leading_marker(parts: list[str], cells: list[float]) -> bool:
    """The line so far is a list marker alone ("•", "-"): a wide gap after it is no tab."""
    return len(cells) == 1 and "".join(parts).strip() in _MARKER_TEXTS


def _has_shape_marker(first: PdfChar, em: float, shapes: tuple[PdfShape, ...]) -> bool:
    """A small filled shape left of the line's first glyph, within the line's height."""
    if not shapes:
        return False
    top, bottom = first.baseline - em, first.baseline + 0.3 * em
    for shape in shapes:
        if shape.width > SHAPE_MAX_EM * em or shape.height > SHAPE_MAX_EM * em:
            continue
        if not first.x0 - SHAPE_REACH_EM * em <= shape.x1 <= first.x0 + 0.1 * em:
            continue
        middle = (shape.top + shape.bottom) / 2
        if top <= middle <= bottom:
            return True
    return False


def join_split_words(raw_lines: list[RawLine]) -> None:
    """Join "lokalpolis-" at a line end with "området" at the start of the next line, and
    an organisation number broken after its hyphen ("202100-" + "0076")."""
    for index, raw in enumerate(raw_lines[:-1]):
        number = bool(SPLIT_NUMBER.search(raw.text))
        if not number and not _SPLIT_COMPOUND.search(raw.text):
            continue
        following = next((r for r in raw_lines[index + 1 : index + 3] if r.text.strip()), None)
        if following is None:
            continue
        rest = following.text.lstrip()
        if number:
            if not NUMBER_REST.match(rest):
                continue
            word, _, remainder = rest.partition(" ")
            raw.text += word
        else:
            if not rest or not rest[0].islower() or KEEP_HYPHEN_BEFORE.match(rest):
                continue
            word, _, remainder = rest.partition(" ")
            raw.text = raw.text[:-1] + word
        following.text = remainder
