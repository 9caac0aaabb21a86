"""Ruled tables: thin lines joined into grids, cells split at vertical rules, rows by the
horizontal ones, and the justified and aligned lines around them."""

from __future__ import annotations

from collections import Counter

from lint.read.pdfgrid import page_grids
from lint.read.pdflines import page_lines
from lint.read.pdfpage import PdfChar, PdfPage, PdfShape, as_rule

SIZE = 10.0
ADVANCE = 5.0


def glyphs(x: float, word: str, baseline: float) -> list[PdfChar]:
    return [
        PdfChar(baseline, x + i * ADVANCE, x + (i + 1) * ADVANCE, ch, SIZE, False)
        for i, ch in enumerate(word)
    ]


def hline(y: float, x0: float, x1: float) -> PdfShape:
    return PdfShape(x0, x1, y - 0.5, y + 0.5)


def vline(x: float, top: float, bottom: float) -> PdfShape:
    return PdfShape(x - 0.5, x + 0.5, top, bottom)


# A two-column table from y 90 to 150: a header row and one row whose first cell wraps.
GRID = (
    hline(90, 50, 250),
    hline(110, 50, 250),
    hline(150, 50, 250),
    vline(50, 90, 150),
    vline(120, 90, 150),
    vline(250, 90, 150),
)


def test_thin_shapes_are_rules_and_others_are_not() -> None:
    assert as_rule(0, 100, 10, 11) is not None
    assert as_rule(0, 1, 10, 60) is not None
    assert as_rule(0, 5, 0, 5) is None  # a square bullet
    assert as_rule(0, 100, 0, 40) is None  # a filled box


def test_touching_rules_make_one_grid_and_a_lone_rule_none() -> None:
    grids = page_grids(2, (*GRID, hline(400, 50, 250)))
    assert len(grids) == 1
    grid = grids[0]
    assert grid.key == 2001
    assert grid.row_tops == (90, 110, 150)
    assert grid.divides(115, 125, 130) and not grid.divides(60, 70, 130)


def test_a_grid_drawn_in_pieces_is_one_grid() -> None:
    pieces = (
        hline(90, 50, 120),
        hline(90, 120, 250),
        hline(150, 50, 120),
        hline(150, 120, 250),
        vline(50, 90, 120),
        vline(50, 120, 150),
        vline(250, 90, 150),
    )
    assert len(page_grids(1, pieces)) == 1


def test_a_vertical_rule_splits_cells_however_narrow_the_gap() -> None:
    # "Järva" ends at 115, the rule stands at 120, "212000" starts at 122: 0.7 em apart.
    chars = (
        glyphs(55, "Part", 100)
        + glyphs(125, "Nummer", 100)
        + glyphs(55, "Järva", 120)
        + glyphs(122, "212000", 120)
        + glyphs(55, "stadsdel", 132)
    )
    page = PdfPage(1, 595.0, 842.0, False, tuple(chars), rules=GRID)
    lines = page_lines(page, Counter())
    assert [line.text for line in lines] == ["Part\tNummer", "Järva\t212000", "stadsdel"]
    cells = [line.style.table_cell for line in lines]
    assert cells == [(1001, 1, 0), (1001, 2, 0), (1001, 2, 1)]


def test_a_narrow_gap_where_the_next_row_has_a_cell_is_a_cell_boundary() -> None:
    # "2020" ends at 120, "Stockholm" starts at 127 (0.7 em), where "Tony" starts below.
    above = glyphs(50, "Stockholm", 100) + glyphs(100, "2020", 100) + glyphs(127, "Stockholm", 100)
    below = glyphs(50, "Maria", 115) + glyphs(127, "Tony", 115)
    page = PdfPage(1, 595.0, 842.0, False, tuple(above + below))
    assert [line.text for line in page_lines(page, Counter())] == [
        "Stockholm 2020\tStockholm",
        "Maria\tTony",
    ]


def test_two_equal_wide_gaps_on_a_line_ending_at_the_justified_margin_are_spaces() -> None:
    # Justified lines end at x 300; the second has three words, 5.25 em apart.
    full = [
        glyphs(50, "a" * 25, 100),
        glyphs(50, "Utbildning,", 115)
        + glyphs(157.5, "organisation", 115)
        + glyphs(270, "212000", 115),
        glyphs(50, "b" * 50, 130),
        glyphs(50, "c" * 50, 145),
    ]
    full[0] += glyphs(180, "d" * 24, 100)
    page = PdfPage(1, 595.0, 842.0, False, tuple(c for group in full for c in group))
    texts = [line.text for line in page_lines(page, Counter())]
    assert texts[1] == "Utbildning, organisation 212000"
