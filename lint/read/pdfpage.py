"""The engine-neutral page model: what a PDF engine hands to the line assembly.

Each PDF engine (`lint.read.pdf` on pdfplumber, `lint.read.pdfium` on pypdfium2) fills
one `PdfPage` at a time and closes its own page before the next, so memory stays flat in
the number of pages. Everything after this point (`lint.read.pdflines`) is shared, which
is what makes the engines give identical text.

Coordinates are in PDF points with the origin at the top left of the page's visible box
(the crop box within the media box), y growing downwards, in the page's unrotated space.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

# A gap between two glyphs up to this many ems (or a tenth of a point) is inside a word:
# across the corpus gaps inside words stay under 0.07 em (kerning, rounding) and word
# spaces over 0.14 em (a space between two kerned capitals, "LOKALA ARBETSGRUPPER").
WORD_GAP_EM = 0.1

# In rounding steps: 0.0005 pt for tenths of a point.
_HALF_MARGIN = 0.005

# Glyphs that mean "bullet" but carry no Unicode meaning of their own: pdfminer's
# "(cid:127)" (Word's Symbol-font bullet without a ToUnicode map; PDFium reports the
# same code as U+007F), the private-use Symbol and Wingdings bullets Word maps to
# U+F0B7 and U+F0A7, and the square and white bullets of other producers.
BULLET = "•"
_BULLET_GLYPHS = frozenset(
    {"(cid:127)", "\x7f", "\uf0b7", "\uf0a7", "\uf0a8", "\uf0d8", "▪", "◦", "●", "■", "\u2022"}
)
# A glyph no Unicode could be found for: pdfminer says "(cid:N)", PDFium U+FFFD or a C0
# control code. Both become U+FFFD so that the engines agree.
UNKNOWN = "\ufffd"
# PDFium reports a hyphen that ends a line (a word broken by the producer) as U+0002 one
# character at a time and as U+FFFE in the page's text; a soft hyphen is drawn as a hyphen
# where the producer broke the word (PDFium takes it for one, pdfminer keeps U+00AD).
_HYPHENS = frozenset({"\x02", "\ufffe", "\u00ad"})

_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}


class PdfChar(NamedTuple):
    """One glyph, or a run of glyphs no line assembly would split: its baseline, its origin
    and advance, its text, size and font.

    `x0` is the (first) glyph's origin (where the pen stood), `x1` where the pen would
    stand next without kerning; `baseline` is the distance of the baseline from the top of
    the page. A run (`last_x0` set, the origin of its last glyph) is glyphs of one font on
    one baseline, left to right, each within a word gap (`WORD_GAP_EM`) of the one before:
    an engine may hand over runs instead of single glyphs, and the lines come out the same.
    A plain tuple, ordered top to bottom and left to right: a page has thousands.
    """

    baseline: float
    x0: float
    x1: float
    text: str
    size: float
    bold: bool
    upright: bool = True
    last_x0: float | None = None

    @property
    def end_x0(self) -> float:
        """The origin of the last glyph."""
        return self.x0 if self.last_x0 is None else self.last_x0


@dataclass(frozen=True)
class PdfShape:
    """A drawn, filled path (a rectangle, a circle): how Chromium draws a `<ul>` bullet."""

    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class PdfPage:
    number: int  # 1-based
    width: float
    height: float
    has_images: bool
    chars: tuple[PdfChar, ...]  # the glyphs drawn, no whitespace (spaces are gaps)
    shapes: tuple[PdfShape, ...] = ()  # filled shapes, and small outlines (list markers)
    rules: tuple[PdfShape, ...] = ()  # thin drawn lines, stroked or filled: table borders


# A rule is at most this thick and at least this many times as long as it is thick (a table
# border, drawn as a stroked line by LibreOffice and ReportLab, as a thin filled rectangle
# by Chromium and Word). PDFium's bounds include the stroke's width, pdfminer's do not.
RULE_MAX_THICKNESS = 3.0
RULE_MIN_LENGTH = 5.0


# A shape drawn only as an outline marks a list item when it is this small (Chromium's
# hollow circle for a nested `<ul>`); the line assembly tests the size against the text's
# em (`SHAPE_MAX_EM`), so this only keeps table borders and frames out of the list.
OUTLINE_MARKER_MAX_PT = 20.0


def is_marker_outline(width: float, height: float) -> bool:
    return 0 < width <= OUTLINE_MARKER_MAX_PT and 0 < height <= OUTLINE_MARKER_MAX_PT


def as_rule(x0: float, x1: float, top: float, bottom: float) -> PdfShape | None:
    """The shape as a horizontal or vertical rule, or None when it is no thin line."""
    width, height = x1 - x0, bottom - top
    thin, long = min(width, height), max(width, height)
    if thin > RULE_MAX_THICKNESS or long < RULE_MIN_LENGTH or long < 3 * thin:
        return None
    return PdfShape(round_pt(x0), round_pt(x1), round_pt(top), round_pt(bottom))


def is_bold_font(name: str) -> bool:
    """Bold by the font's name ("Arial-BoldMT", "ABCDEF+DejaVuSans-Bold", "...Black")."""
    lowered = name.lower()
    return "bold" in lowered or "black" in lowered or "heavy" in lowered


def glyph_text(text: str) -> str:
    """The text of one glyph as both engines must report it."""
    if text in _BULLET_GLYPHS:
        return BULLET
    if text.startswith("(cid:") and text.endswith(")"):
        return UNKNOWN
    if text in _HYPHENS:
        return "-"
    if len(text) == 1:
        code = ord(text)
        if (code < 0x20 and text not in "\t\n\r") or code == 0xFFFF:
            return UNKNOWN
        return _LIGATURES.get(text, text)
    return "".join(_LIGATURES.get(c, c) for c in text)


def round_pt(value: float, per_point: int = 10) -> float:
    """A position or size rounded to 1/`per_point` pt, as both engines agree on it.

    PDFium computes in single precision, pdfminer in double: 77.95 is 77.9499969 in one
    and 77.95 in the other, and after a few transformations the two differ by up to
    1e-4 pt. Halves are rounded up with a margin of 0.005 steps, so that both land on the
    same value for every position a producer writes with up to three decimals; a value
    that happens to fall within 1e-4 pt of the shifted boundary can still split them,
    which is why a coarse position (a line's top) is rounded to whole points.
    """
    return math.floor(value * per_point + 0.5 + _HALF_MARGIN) / per_point + 0.0
