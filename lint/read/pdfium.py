"""The PDFium engine (the default): pages into the engine-neutral `PdfPage` model.

Uses pypdfium2's raw bindings, one page at a time: the page's text is taken in one call,
then read a word at a time. A word in one upright text object costs five calls (its text
object at both ends, both ends' origins, the last glyph's advance) and becomes one run
(`PdfChar` with `last_x0`); any other word is read glyph by glyph. The size, font and
orientation are read once per text object. Each page (and its text page) is closed before
the next is loaded, so memory stays flat in the number of pages.
"""

from __future__ import annotations

import ctypes
import math
import re
from collections.abc import Iterator
from typing import Any

from lint.errors import ReadError
from lint.read.limits import ReadLimits
from lint.read.pdfpage import (
    WORD_GAP_EM,
    PdfChar,
    PdfPage,
    PdfShape,
    as_rule,
    glyph_text,
    is_bold_font,
    is_marker_outline,
    round_pt,
)
from lint.read.pdfsource import check_page_count

_MATRIX_EPSILON = 1e-6
_FONT_NAME_BYTES = 256
# Each character's and word's text as the model wants it (`glyph_text`), kept for the
# process up to `_GLYPH_CACHE_SIZE` entries: documents repeat their words.
_GLYPH_TEXTS: dict[str, str] = {}


def iter_pages(data: bytes, limits: ReadLimits) -> Iterator[PdfPage | int]:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise ReadError("encrypted", str(exc)) from exc
        raise ReadError("corrupt", str(exc)) from exc
    try:
        page_count = raw.FPDF_GetPageCount(document.raw)  # the page tree's declared /Count
        check_page_count(page_count, limits)
        if page_count <= 0:
            raise ReadError("empty")
        reader = _PageReader(raw)
        for index in range(page_count):
            try:
                page: PdfPage | int = reader.read(document.raw, index)
            except Exception:  # one damaged page must not lose the others
                page = index + 1
            yield page
    finally:
        document.close()


class _PageReader:
    """Reusable ctypes buffers, the per-character calls and per-page caches for reading.

    The per-character functions are called through prototypes of their own that take
    plain addresses: pypdfium2's bindings check typed pointers on every call, which costs
    ten times the call itself, and a page has thousands of characters.
    """

    def __init__(self, raw: Any) -> None:
        self.raw = raw
        self.x = ctypes.c_double()
        self.y = ctypes.c_double()
        self.rect = raw.FS_RECTF()
        self.matrix = raw.FS_MATRIX()
        self.flags = ctypes.c_int()
        self.name = ctypes.create_string_buffer(_FONT_NAME_BYTES)
        self.fill = ctypes.c_int()
        self.stroke = ctypes.c_int()
        self.bounds = [ctypes.c_float() for _ in range(4)]
        address, integer, double = ctypes.c_void_p, ctypes.c_int, ctypes.c_double
        # The per-character calls declare no argument types at all: ctypes then passes an
        # int as a C int and a ctypes object as it is, without a converter per argument.
        self.text_object = _prototype(raw.FPDFText_GetTextObject, address)
        self.origin = _prototype(raw.FPDFText_GetCharOrigin, None)
        self.loose_box = _prototype(raw.FPDFText_GetLooseCharBox, None)
        self.at_x, self.at_y = ctypes.byref(self.x), ctypes.byref(self.y)
        self.at_rect = ctypes.byref(self.rect)
        self.font_size = _prototype(raw.FPDFText_GetFontSize, double, address, integer)
        self.char_matrix = _prototype(raw.FPDFText_GetMatrix, integer, address, integer, address)
        self.object_font = _prototype(raw.FPDFTextObj_GetFont, address, address)
        self.font_info = _prototype(
            raw.FPDFText_GetFontInfo,
            ctypes.c_ulong,
            address,
            integer,
            address,
            ctypes.c_ulong,
            address,
        )
        self.at_flags = ctypes.addressof(self.flags)

    def read(self, document: Any, index: int) -> PdfPage:
        raw = self.raw
        page = raw.FPDF_LoadPage(document, index)
        if not page:
            raise ValueError(f"page {index + 1} cannot be loaded")
        try:
            box = raw.FS_RECTF()
            if not raw.FPDF_GetPageBoundingBox(page, box):
                raise ValueError(f"page {index + 1} has no box")
            left, top = min(box.left, box.right), max(box.top, box.bottom)
            width, height = abs(box.right - box.left), abs(box.top - box.bottom)
            has_images, shapes, rules = self._objects(page, left, top)
            text_page = raw.FPDFText_LoadPage(page)
            if not text_page:
                raise ValueError(f"page {index + 1} has no text page")
            try:
                chars = self._chars(text_page, left, top)
            finally:
                raw.FPDFText_ClosePage(text_page)
        finally:
            raw.FPDF_ClosePage(page)
        return PdfPage(index + 1, width, height, has_images, chars, shapes, rules)

    def _chars(self, text_page: Any, left: float, top: float) -> tuple[PdfChar, ...]:
        raw = self.raw
        count = raw.FPDFText_CountChars(text_page)
        if count <= 0:
            return ()
        buffer = (ctypes.c_ushort * (count + 1))()
        written = raw.FPDFText_GetText(text_page, 0, count, buffer)
        text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", "replace")
        if len(text) != count:  # characters beyond the BMP: fall back to one at a time
            text = "".join(_unicode(raw, text_page, i) for i in range(count))
        page = ctypes.cast(text_page, ctypes.c_void_p).value
        words = _Words(self, page, left, top)
        words.read_all(text)
        return tuple(words.chars)

    def _font(
        self, page: int, index: int, handle: int, bold_fonts: dict[int, bool]
    ) -> tuple[float, bool, bool]:
        """Size (scaled as pdfminer scales it), boldness by name and orientation."""
        matrix = self.matrix
        size = self.font_size(page, index)
        font = (self.object_font(handle) or 0) if handle else 0
        bold = bold_fonts.get(font) if font else None
        if bold is None:
            length = self.font_info(page, index, self.name, _FONT_NAME_BYTES, self.at_flags)
            name = self.name.value.decode("utf-8", "replace") if length else ""
            bold = is_bold_font(name)
            if font:
                bold_fonts[font] = bold
        upright, scale = True, 1.0
        if self.char_matrix(page, index, ctypes.addressof(matrix)):
            a, b, c, d = matrix.a, matrix.b, matrix.c, matrix.d
            upright = abs(b) < _MATRIX_EPSILON and abs(c) < _MATRIX_EPSILON and a > 0 and d > 0
            # PDFium's size is the Tf operand; pdfminer's is the glyph's height on the page
            # (Chromium draws in pixels under a 0.75 scale: 16 px text is 12 pt).
            scale = abs(d) if upright else math.hypot(c, d)
        return float(size) * scale, bold, upright

    def _objects(
        self, page: Any, left: float, top: float
    ) -> tuple[bool, tuple[PdfShape, ...], tuple[PdfShape, ...]]:
        """Whether the page shows an image, its small filled shapes and its thin lines
        (forms included)."""
        raw = self.raw
        has_images = False
        shapes: list[PdfShape] = []
        rules: list[PdfShape] = []
        stack: list[tuple[Any, bool, tuple[float, ...]]] = [(page, True, _IDENTITY)]
        while stack:
            container, is_page, transform = stack.pop()
            count = (raw.FPDFPage_CountObjects if is_page else raw.FPDFFormObj_CountObjects)(
                container
            )
            get = raw.FPDFPage_GetObject if is_page else raw.FPDFFormObj_GetObject
            for index in range(max(count, 0)):
                obj = get(container, index)
                kind = raw.FPDFPageObj_GetType(obj)
                if kind == raw.FPDF_PAGEOBJ_IMAGE:
                    has_images = True
                elif kind == raw.FPDF_PAGEOBJ_FORM:
                    if raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(self.matrix)):
                        m = self.matrix
                        inner = (m.a, m.b, m.c, m.d, m.e, m.f)
                        stack.append((obj, False, _multiply(inner, transform)))
                elif kind == raw.FPDF_PAGEOBJ_PATH:
                    self._path(obj, transform, left, top, shapes, rules)
        return has_images, tuple(shapes), tuple(rules)

    def _path(
        self,
        obj: Any,
        transform: tuple[float, ...],
        left: float,
        top: float,
        shapes: list[PdfShape],
        rules: list[PdfShape],
    ) -> None:
        raw = self.raw
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(self.fill), ctypes.byref(self.stroke)):
            return
        filled = self.fill.value != raw.FPDF_FILLMODE_NONE
        if not filled and not self.stroke.value:
            return
        b = self.bounds
        if not raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in b)):
            return
        x0, y0, x1, y1 = (v.value for v in b)
        if transform != _IDENTITY:
            corners = [_apply(transform, px, py) for px in (x0, x1) for py in (y0, y1)]
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if filled or is_marker_outline(x1 - x0, y1 - y0):
            shapes.append(
                PdfShape(
                    x0=round_pt(x0 - left),
                    x1=round_pt(x1 - left),
                    top=round_pt(top - y1),
                    bottom=round_pt(top - y0),
                )
            )
        rule = as_rule(x0 - left, x1 - left, top - y1, top - y0)
        if rule is not None:
            rules.append(rule)


class _Words:
    """The runs of one text page, read a word (a stretch without spaces in PDFium's text)
    at a time.

    A word whose first and last glyph belong to one upright text object lies on one
    baseline in one font: its origin, its last glyph's origin and advance are all a run
    needs, five calls instead of three a glyph. Any other word, or one whose extent is
    wider than its glyphs could be without letter-spacing, is read glyph by glyph and
    split wherever the line assembly could split it.
    """

    def __init__(self, reader: _PageReader, page: int, left: float, top: float) -> None:
        self.reader, self.page, self.left, self.top = reader, page, left, top
        self.handle_of = ctypes.c_void_p(page)  # the text page as the argument-free calls take it
        self.fonts: dict[int, tuple[float, bool, bool]] = {}  # text object: its font
        self.bold_fonts: dict[int, bool] = {}
        self.chars: list[PdfChar] = []

    def font(self, index: int, handle: int) -> tuple[float, bool, bool]:
        """The text object's size, boldness and orientation (read at its glyph `index`)."""
        font = self.fonts.get(handle)
        if font is None:
            font = self.fonts[handle] = self.reader._font(self.page, index, handle, self.bold_fonts)
        return font

    def read_all(self, text: str) -> None:
        """Every word of the page's text (word spaces come from the gaps, `pdflines`)."""
        reader, handle_of, fonts = self.reader, self.handle_of, self.fonts
        text_object, origin, loose_box = reader.text_object, reader.origin, reader.loose_box
        x, y, rect = reader.x, reader.y, reader.rect
        at_x, at_y, at_rect = reader.at_x, reader.at_y, reader.at_rect
        left, top = self.left, self.top
        append, new = self.chars.append, tuple.__new__
        texts = _GLYPH_TEXTS
        for match in _NON_SPACE.finditer(text):
            start, end = match.span()
            last = end - 1
            handle = text_object(handle_of, start) or 0
            if handle and (last == start or (text_object(handle_of, last) or 0) == handle):
                font = fonts.get(handle) or self.font(start, handle)
                if font[2]:  # upright
                    origin(handle_of, start, at_x, at_y)
                    x0, y0 = x.value, y.value
                    if last != start:
                        origin(handle_of, last, at_x, at_y)
                    x1 = x.value
                    if (
                        y.value == y0
                        and x0 <= x1 <= x0 + (last - start) * font[0] * _MAX_ADVANCE_EM
                    ):
                        loose_box(handle_of, last, at_rect)
                        right = rect.right
                        word = match.group()
                        glyphs = texts.get(word) or _glyph_texts(word)
                        size, bold, _ = font
                        append(
                            new(
                                PdfChar,
                                (
                                    top - y0,
                                    x0 - left,
                                    (right if right > x1 else x1) - left,
                                    glyphs,
                                    size,
                                    bold,
                                    True,
                                    x1 - left,
                                ),
                            )
                        )
                        continue
            self.read_glyphs(start, match.group())

    def read_glyphs(self, start: int, word: str) -> None:
        """The word glyph by glyph, in runs the line assembly would not split."""
        reader, handle_of = self.reader, self.handle_of
        x, y, rect = reader.x, reader.y, reader.rect
        at_x, at_y, at_rect = reader.at_x, reader.at_y, reader.at_rect
        left, top, chars = self.left, self.top, self.chars
        last_handle, last_x, last_y = -1, math.nan, math.nan
        font, upright, join_gap = _NO_FONT, True, 0.0
        # The run being gathered: its glyphs' texts, first origin, baseline, last origin
        # and advance (page coordinates, as PDFium gives them).
        parts: list[str] = []
        run_x0 = run_y = run_last = run_x1 = 0.0
        for i, char in enumerate(word, start):
            handle = reader.text_object(handle_of, i) or 0
            reader.origin(handle_of, i, at_x, at_y)
            ox, oy = x.value, y.value
            glyph = _glyph_texts(char)
            if handle != last_handle:
                if parts:
                    chars.append(_run(parts, run_x0, run_y, run_last, run_x1, left, top, font))
                    parts = []
                font = self.font(i, handle)
                size, _, upright = font
                join_gap = WORD_GAP_EM * (1.0 if size < 1.0 else size)
                last_handle = handle
            elif ox == last_x and oy == last_y:
                # One glyph, several characters (a "tt" ligature): PDFium repeats the
                # glyph for each, pdfminer reports one glyph with all of them.
                if parts:
                    parts.append(glyph)
                else:
                    chars[-1] = chars[-1]._replace(text=chars[-1].text + glyph)
                continue
            last_x, last_y = ox, oy
            reader.loose_box(handle_of, i, at_rect)
            right = rect.right
            if right < ox:
                right = ox
            if parts:
                # The same font and baseline, further right, within a word gap: the line
                # assembly would not split here, so the glyph joins the run.
                if oy == run_y and ox > run_last and ox - run_x1 <= join_gap and upright:
                    parts.append(glyph)
                    run_last, run_x1 = ox, right
                    continue
                chars.append(_run(parts, run_x0, run_y, run_last, run_x1, left, top, font))
            parts = [glyph]
            run_x0 = run_last = ox
            run_y, run_x1 = oy, right
        if parts:
            chars.append(_run(parts, run_x0, run_y, run_last, run_x1, left, top, font))


_NON_SPACE = re.compile(r"\S+")
# A glyph advances at most about an em ("W", "M"); a word wider than this many ems a glyph
# is letter-spaced, and each of its gaps must be measured.
_MAX_ADVANCE_EM = 1.2


def _glyph_texts(word: str) -> str:
    """The word's characters as the model wants them (`glyph_text`), each looked up once."""
    texts = _GLYPH_TEXTS
    out = texts.get(word)
    if not out:
        out = "".join([texts.get(c) or texts.setdefault(c, glyph_text(c)) for c in word])
        if len(texts) < _GLYPH_CACHE_SIZE:
            texts[word] = out
    return out


_GLYPH_CACHE_SIZE = 100_000


_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix that applies `first`, then `then` (PDF row-vector convention)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m: tuple[float, ...], x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


_NO_FONT = (0.0, False, True)


def _run(
    parts: list[str],
    x0: float,
    y: float,
    last_x0: float,
    x1: float,
    left: float,
    top: float,
    font: tuple[float, bool, bool],
) -> PdfChar:
    """A run of glyphs from PDFium's page coordinates (origin bottom left)."""
    size, bold, upright = font
    return PdfChar(
        top - y, x0 - left, x1 - left, "".join(parts), size, bold, upright, last_x0 - left
    )


def _unicode(raw: Any, text_page: Any, index: int) -> str:
    code = raw.FPDFText_GetUnicode(text_page, index)
    try:
        return chr(code) if code and not math.isnan(code) else "\ufffd"
    except (ValueError, OverflowError):
        return "\ufffd"


def _prototype(function: Any, result: Any, *arguments: Any) -> Any:
    """`function` of the PDFium library, called with plain addresses and integers.

    Without `arguments`, ctypes converts each argument by its own type (a C function may
    take more arguments than its prototype declares): an int becomes a C int, a pointer
    object (`c_void_p`, `byref`) is passed as it is.

    The call keeps the GIL (`PYFUNCTYPE`): these functions return in a fraction of a
    microsecond and never call back, and releasing and taking the lock again around each
    of them cost about a fifth of what the per-character calls cost.
    """
    address = ctypes.cast(function, ctypes.c_void_p).value
    return ctypes.PYFUNCTYPE(result, *arguments)(address)
