"""One line assembly for every PDF engine: a `PdfPage` into `RawLine`s with their styles.

Characters are grouped into lines by baseline and ordered left to right; a space glyph
or a gap wider than a fifth of an em separates words, and a gap wider than two ems
becomes a single tab, with the left edge of every tab-separated part in `cells_x` (a
two-column signature line, a table row). Only what both engines report alike is used
(origins, baselines, advances, sizes, font names), and positions are rounded to 0.1 pt,
so that the engines give identical text and styles.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from lint.model import LineStyle
from lint.read.lines import RawLine
from lint.read.pdfpage import BULLET, PdfChar, PdfPage, PdfShape, round_pt

# A baseline within this many ems of a line's first baseline belongs to the line
# (superscripts, a mixed-size run); lines of text are at least one em apart.
BASELINE_EM = 0.4
WORD_GAP_EM = 0.2
TAB_GAP_EM = 2.0
# A drawn marker is small (a bullet is about a third of an em) and sits within a few ems
# left of the text it marks.
SHAPE_MAX_EM = 1.0
SHAPE_REACH_EM = 4.0
_MARKER_TEXTS = frozenset({BULLET, "-", "–", "—", "*"})

# "Trygghets- och säkerhetssamordnare": a hyphen before a conjunction is part of the text.
_KEEP_HYPHEN_BEFORE = re.compile(r"^(och|eller|samt|resp\.?|respektive|till)\b", re.IGNORECASE)
_SPLIT_COMPOUND = re.compile(r"(?<=[a-zåäöéü])-$", re.IGNORECASE)
# "202100-" at a line end and "0076" at the start of the next: an organisation number.
_SPLIT_NUMBER = re.compile(r"(?<![\d-])\d{6}-$")
_NUMBER_REST = re.compile(r"^\d{4}\b")


def page_lines(page: PdfPage, sizes: Counter[float]) -> list[RawLine]:
    """The page's lines, top to bottom; counts every character's size into `sizes`."""
    upright = [c for c in page.chars if c.upright]
    result = []
    for chars in _group_lines(upright):
        line = _assemble(chars, page)
        if line is not None:
            result.append(line)
            for char in chars:
                if not char.text.isspace():
                    sizes[round_pt(char.size)] += len(char.text)
    return result


def _group_lines(chars: list[PdfChar]) -> list[list[PdfChar]]:
    ordered = sorted(chars, key=lambda c: (c.baseline, c.x0))
    lines: list[list[PdfChar]] = []
    anchor = 0.0
    for char in ordered:
        if lines and char.baseline - anchor <= BASELINE_EM * max(char.size, 1.0):
            lines[-1].append(char)
        else:
            lines.append([char])
            anchor = char.baseline
    return [sorted(_dedupe(line), key=lambda c: c.x0) for line in lines]


def _dedupe(chars: Iterable[PdfChar]) -> list[PdfChar]:
    """Drop a glyph printed twice at the same place (fake bold, overprinted text)."""
    seen: set[tuple[str, float, float]] = set()
    kept = []
    for char in chars:
        key = (char.text, round(char.x0), round(char.baseline))
        if key not in seen:
            seen.add(key)
            kept.append(char)
    return kept


def _assemble(chars: list[PdfChar], page: PdfPage) -> RawLine | None:
    glyphs = [c for c in chars if not c.text.isspace()]
    if not glyphs:
        return None
    parts: list[str] = []
    cells = [glyphs[0].x0]
    previous: PdfChar | None = None
    spaced = False
    for char in chars:
        if char.text.isspace():
            spaced = previous is not None
            continue
        if previous is not None:
            em = max(previous.size, char.size, 1.0)
            gap = char.x0 - previous.x1
            leading_marker = len(cells) == 1 and "".join(parts).strip() in _MARKER_TEXTS
            if gap > TAB_GAP_EM * em and not leading_marker:
                parts.append("\t")
                cells.append(char.x0)
            elif spaced or gap > WORD_GAP_EM * em:
                parts.append(" ")
        parts.append(char.text)
        previous, spaced = char, False
    size = max(c.size for c in glyphs)
    baseline = max(c.baseline for c in glyphs)
    style = LineStyle(
        font_size=round_pt(size),
        bold=all(c.bold for c in glyphs),
        x0=round_pt(glyphs[0].x0),
        top=round_pt(baseline - size),
        page_height=round_pt(page.height),
        cells_x=tuple(round_pt(x) for x in cells) if len(cells) > 1 else (),
        shape_marker=_has_shape_marker(glyphs, page.shapes),
    )
    return RawLine("".join(parts), page.number, style)


def _has_shape_marker(glyphs: list[PdfChar], shapes: tuple[PdfShape, ...]) -> bool:
    """A small filled shape left of the line's first glyph, within the line's height."""
    if not shapes:
        return False
    first = glyphs[0]
    em = max(c.size for c in glyphs)
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
        number = bool(_SPLIT_NUMBER.search(raw.text))
        if not number and not _SPLIT_COMPOUND.search(raw.text):
            continue
        following = next((r for r in raw_lines[index + 1 : index + 3] if r.text.strip()), None)
        if following is None:
            continue
        rest = following.text.lstrip()
        if number:
            if not _NUMBER_REST.match(rest):
                continue
            word, _, remainder = rest.partition(" ")
            raw.text += word
        else:
            if not rest or not rest[0].islower() or _KEEP_HYPHEN_BEFORE.match(rest):
                continue
            word, _, remainder = rest.partition(" ")
            raw.text = raw.text[:-1] + word
        following.text = remainder
