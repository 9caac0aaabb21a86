"""Ruled tables on a PDF page: the grids that a page's thin lines draw.

LibreOffice and ReportLab draw a table's borders as stroked lines, Chromium and Word as
thin filled rectangles, often one piece per cell. Pieces that touch are one grid; a grid
has at least two horizontal and two vertical rules. Inside a grid a vertical rule between
two glyphs separates two cells however narrow the gap (a tight cell padding), and the
horizontal rules tell the rows apart (a cell whose text wraps keeps its lines together).
Positions are compared with a tolerance of a few points, since PDFium's bounds include a
line's stroke width and pdfminer's do not.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from lint.read.pdfpage import PdfShape

# How far apart two rule ends may be and still touch, in points.
TOUCH = 2.5
# Joining rules is quadratic in their number; a page with more thin lines than this is a
# drawing, not a table, and is read without grids.
MAX_RULES = 600


@dataclass(frozen=True)
class Rule:
    horizontal: bool
    at: float  # y of a horizontal rule, x of a vertical one (its centre line)
    start: float  # extent along the rule
    end: float


@dataclass(frozen=True)
class Grid:
    key: int  # unique in the document: page number and the grid's order on the page
    x0: float
    x1: float
    top: float
    bottom: float
    row_tops: tuple[float, ...]  # y of every horizontal rule, sorted
    verticals: tuple[Rule, ...]

    def contains(self, x: float, y: float) -> bool:
        return (
            self.x0 - TOUCH <= x <= self.x1 + TOUCH and self.top - TOUCH <= y <= self.bottom + TOUCH
        )

    def row_of(self, y: float) -> int:
        return bisect.bisect_right(self.row_tops, y)

    def divides(self, left: float, right: float, y: float) -> bool:
        """A vertical rule stands between x `left` and x `right` at height `y`."""
        return any(
            left - 1.0 <= rule.at <= right + 1.0 and rule.start - TOUCH <= y <= rule.end + TOUCH
            for rule in self.verticals
        )


def page_grids(page_number: int, shapes: tuple[PdfShape, ...]) -> list[Grid]:
    if len(shapes) > MAX_RULES:
        return []
    rules = [_rule(shape) for shape in shapes]
    groups = _connected(rules)
    grids = []
    for members in groups:
        horizontal = [rule for rule in members if rule.horizontal]
        vertical = [rule for rule in members if not rule.horizontal]
        if (
            len(_distinct(r.at for r in horizontal)) < 2
            or len(_distinct(r.at for r in vertical)) < 2
        ):
            continue
        grids.append(
            Grid(
                key=0,
                x0=min(r.at for r in vertical),
                x1=max(r.at for r in vertical),
                top=min(r.at for r in horizontal),
                bottom=max(r.at for r in horizontal),
                row_tops=tuple(_distinct(r.at for r in horizontal)),
                verticals=tuple(vertical),
            )
        )
    grids.sort(key=lambda grid: (grid.top, grid.x0))
    return [
        Grid(page_number * 1000 + n, g.x0, g.x1, g.top, g.bottom, g.row_tops, g.verticals)
        for n, g in enumerate(grids, start=1)
    ]


def grid_at(grids: list[Grid], x: float, y: float) -> Grid | None:
    return next((grid for grid in grids if grid.contains(x, y)), None)


def _rule(shape: PdfShape) -> Rule:
    if shape.width >= shape.height:
        return Rule(True, (shape.top + shape.bottom) / 2, shape.x0, shape.x1)
    return Rule(False, (shape.x0 + shape.x1) / 2, shape.top, shape.bottom)


def _touch(a: Rule, b: Rule) -> bool:
    if a.horizontal == b.horizontal:  # one line drawn in pieces, end to end
        return abs(a.at - b.at) <= TOUCH and a.start <= b.end + TOUCH and b.start <= a.end + TOUCH
    return a.start - TOUCH <= b.at <= a.end + TOUCH and b.start - TOUCH <= a.at <= b.end + TOUCH


def _connected(rules: list[Rule]) -> list[list[Rule]]:
    parent = list(range(len(rules)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(rules):
        for j in range(i + 1, len(rules)):
            if _touch(a, rules[j]):
                parent[find(i)] = find(j)
    groups: dict[int, list[Rule]] = {}
    for i, rule in enumerate(rules):
        groups.setdefault(find(i), []).append(rule)
    return list(groups.values())


def _distinct(values: object) -> list[float]:
    """Sorted positions, those within TOUCH of the previous one left out."""
    result: list[float] = []
    for value in sorted(values):  # type: ignore[call-overload]
        if not result or value - result[-1] > TOUCH:
            result.append(value)
    return result
