"""The pdfplumber engine (the reference): pages into the engine-neutral `PdfPage` model.

pdfplumber parses one page at a time; each page is closed (its parsed objects flushed)
before the next is parsed, so memory does not grow with the page count.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from lint.errors import ReadError
from lint.read.limits import ReadLimits
from lint.read.pdfpage import (
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


def iter_pages(data: bytes, limits: ReadLimits) -> Iterator[PdfPage | int]:
    import pdfplumber

    _quiet_pdfminer()
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises a wide variety on junk input
        raise _open_error(exc) from exc
    try:
        check_page_count(_declared_pages(pdf), limits)
        try:
            page_count = len(pdf.pages)
        except Exception as exc:
            raise ReadError("corrupt", type(exc).__name__) from exc
        if page_count == 0:
            raise ReadError("empty")
        check_page_count(page_count, limits)
        for index in range(page_count):
            try:
                page = _page_model(pdf.pages[index], index + 1)
            except Exception:  # one damaged page must not lose the others
                page = index + 1
            finally:
                _release_page(pdf, index)
            yield page
    finally:
        _close_quietly(pdf)


def _page_model(page: Any, number: int) -> PdfPage:
    left, bottom, right, top = _visible_box(page)
    # Word spaces come from the gaps between glyphs (`pdflines`), not from space glyphs.
    chars = tuple(_char(c, left, top) for c in page.chars if not c.get("text", "").isspace())
    return PdfPage(
        number=number,
        width=right - left,
        height=top - bottom,
        has_images=_has_images(page),
        chars=chars,
        shapes=tuple(_shapes(page, left, top)),
        rules=tuple(_rules(page, left, top)),
    )


def _visible_box(page: Any) -> tuple[float, float, float, float]:
    """The visible box in PDF coordinates, unrotated: the crop box within the media box
    (PDFium's page bounding box). Its top left is the model's origin."""
    media = _normal(page.page_obj.mediabox)
    crop = _normal(page.page_obj.cropbox or media)
    box = (max(media[0], crop[0]), max(media[1], crop[1]))
    box += (min(media[2], crop[2]), min(media[3], crop[3]))
    return box if box[2] > box[0] and box[3] > box[1] else media


def _normal(box: Any) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = (float(v) for v in box)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _char(char: dict[str, Any], left: float, top: float) -> PdfChar:
    a, b, c, d, e, f = char["matrix"]
    upright = abs(b) < _MATRIX_EPSILON and abs(c) < _MATRIX_EPSILON and a > 0 and d > 0
    x0 = e - left
    return PdfChar(
        text=glyph_text(char.get("text", "")),
        x0=x0,
        x1=x0 + (char["x1"] - char["x0"]),
        baseline=top - f,
        size=float(char.get("size", 0.0)),
        bold=is_bold_font(char.get("fontname", "") or ""),
        upright=upright,
    )


def _shapes(page: Any, left: float, top: float) -> Iterator[PdfShape]:
    # pdfplumber measures x0 and y0/y1 from the left and bottom of the media box.
    media = _normal(page.page_obj.mediabox)
    for shape in (*page.rects, *page.curves):
        outline = shape.get("stroke") and is_marker_outline(
            shape["x1"] - shape["x0"], shape["y1"] - shape["y0"]
        )
        if not shape.get("fill") and not outline:
            continue
        yield PdfShape(
            x0=round_pt(shape["x0"] + media[0] - left),
            x1=round_pt(shape["x1"] + media[0] - left),
            top=round_pt(top - (shape["y1"] + media[1])),
            bottom=round_pt(top - (shape["y0"] + media[1])),
        )


def _rules(page: Any, left: float, top: float) -> Iterator[PdfShape]:
    """Thin lines and rectangles, stroked or filled (table borders)."""
    media = _normal(page.page_obj.mediabox)
    for shape in (*page.lines, *page.rects, *page.curves):
        if not (shape.get("fill") or shape.get("stroke")):
            continue
        rule = as_rule(
            shape["x0"] + media[0] - left,
            shape["x1"] + media[0] - left,
            top - (shape["y1"] + media[1]),
            top - (shape["y0"] + media[1]),
        )
        if rule is not None:
            yield rule


def _has_images(page: Any) -> bool:
    try:
        return bool(page.images)
    except Exception:
        return False


def _declared_pages(pdf: Any) -> object:
    """The declared /Count of the page tree, before every page object is built."""
    try:
        from pdfminer.pdftypes import resolve1

        return resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None  # no usable count: the page list itself is checked next


def _close_quietly(pdf: Any) -> None:
    # pdfplumber's close() walks the page list again, which fails the same way on a
    # damaged page tree.
    with contextlib.suppress(Exception):
        pdf.close()


def _quiet_pdfminer() -> None:
    """pdfminer logs every oddity of a damaged file; the report says what matters."""
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)


def _open_error(exc: BaseException) -> ReadError:
    """`encrypted` when a password is the reason (pdfplumber wraps pdfminer's errors)."""
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            break
        name = type(seen).__name__.lower()
        if isinstance(seen, PDFPasswordIncorrect | PDFEncryptionError) or "password" in name:
            return ReadError("encrypted", type(seen).__name__)
        inner = seen.args[0] if seen.args and isinstance(seen.args[0], BaseException) else None
        seen = inner or seen.__cause__ or seen.__context__
    return ReadError("corrupt", type(exc).__name__)


def _release_page(pdf: Any, index: int) -> None:
    """Drop the parsed page so that memory does not grow with the page count."""
    try:
        page = pdf.pages[index]
        page.close()
    except Exception:
        pass
