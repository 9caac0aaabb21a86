"""Highlight annotations on a copy of a PDF, one per finding, over the finding's words.

The words are found on the finding's page with PDFium's text search (pypdfium2), the
highlight's quad points come from the character boxes of the match, one quad per printed
line; pypdf writes the annotations into a copy whose pages are otherwise untouched. A
finding without words (a missing section, a whole-file matter) becomes a text note.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from lint.annotate import AUTHOR, note_text
from lint.check import Finding
from lint.model import SourceText
from lint.pipeline import FileResult

HIGHLIGHT = "ffe08a"  # the report's mark colour
_PIECES = re.compile(r"[^\t]+")  # the reader writes a wide gap between words as a tab
NOTE_SIZE = 18.0

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space


def annotate_pdf(data: bytes, result: FileResult, lang: str) -> bytes:
    import pypdfium2 as pdfium
    from pypdf import PdfReader, PdfWriter

    assert result.document is not None
    source = result.document.source
    pdf = pdfium.PdfDocument(data)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    notes_on: dict[int, int] = {}  # page index → text notes placed there so far
    try:
        for finding in result.findings:
            index = _page_index(finding, source, len(pdf))
            located = finding.span.end > finding.span.start
            boxes = _finding_boxes(finding, source, pdf[index]) if located else []
            note = note_text(finding, lang)
            if boxes:
                writer.add_annotation(index, _highlight(boxes, note))
            else:
                count = notes_on.get(index, 0)
                notes_on[index] = count + 1
                writer.add_annotation(index, _note(pdf[index], count, note))
    finally:
        pdf.close()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _page_index(finding: Finding, source: SourceText, pages: int) -> int:
    """The 0-based page of the finding's first character (page 1 for the whole file)."""
    page = source.line_at(finding.span.start).page if source.lines else None
    return min(max(page or 1, 1), pages) - 1


def _finding_boxes(finding: Finding, source: SourceText, page: Any) -> list[Box]:
    """The character boxes of the finding's words on its page (empty when not found)."""
    text_page = page.get_textpage()
    try:
        boxes: list[Box] = []
        for piece, ordinal in _pieces(finding, source):
            boxes.extend(_search(text_page, piece, ordinal))
        return boxes
    finally:
        text_page.close()


def _pieces(finding: Finding, source: SourceText) -> Iterator[tuple[str, int]]:
    """The finding's words line by line and tab by tab, each with how many times the same
    words occur earlier on its page (to pick the right match when they recur)."""
    span = finding.span
    first = source.line_at(span.start)
    last = source.line_at(max(span.start, span.end - 1))
    page_lines = [line for line in source.lines if line.page == first.page]
    page_start = page_lines[0].start if page_lines else 0
    for line in source.lines[first.number - 1 : last.number]:
        low, high = max(span.start, line.start), min(span.end, line.end)
        for match in _PIECES.finditer(source.text, low, high):
            piece = match.group().strip()
            if not piece:
                continue
            at = match.start() + (len(match.group()) - len(match.group().lstrip()))
            before = source.text[page_start:at]
            yield piece, before.count(piece)


def _search(text_page: Any, piece: str, ordinal: int) -> list[Box]:
    """Boxes of the `ordinal`-th match of `piece` (the last match when there are fewer)."""
    matches = _matches(text_page, piece)
    if not matches:  # spacing may differ between the readers: try the words one by one
        words = piece.split()
        if len(words) < 2:
            return []
        boxes = []
        for word in words:
            found = _matches(text_page, word)
            if found:
                boxes.extend(_char_boxes(text_page, *found[min(ordinal, len(found) - 1)]))
        return boxes
    return _char_boxes(text_page, *matches[min(ordinal, len(matches) - 1)])


def _matches(text_page: Any, piece: str) -> list[tuple[int, int]]:
    searcher = text_page.search(piece, match_case=True, match_whole_word=False)
    found = []
    try:
        while (match := searcher.get_next()) is not None:
            found.append(match)
    finally:
        searcher.close()
    return found


def _char_boxes(text_page: Any, start: int, count: int) -> list[Box]:
    boxes = []
    for index in range(start, start + count):
        left, bottom, right, top = text_page.get_charbox(index, loose=True)
        if right > left and top > bottom:
            boxes.append((left, bottom, right, top))
    return boxes


def _lines(boxes: list[Box]) -> list[Box]:
    """Character boxes merged into one box per printed line."""
    merged: list[list[float]] = []
    for left, bottom, right, top in boxes:
        current = merged[-1] if merged else None
        middle = (bottom + top) / 2
        if current is not None and current[1] <= middle <= current[3] and left >= current[0]:
            current[0] = min(current[0], left)
            current[1] = min(current[1], bottom)
            current[2] = max(current[2], right)
            current[3] = max(current[3], top)
        else:
            merged.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in merged]


def _highlight(boxes: list[Box], note: str) -> Any:
    from pypdf.annotations import Highlight
    from pypdf.generic import ArrayObject, FloatObject, NameObject, TextStringObject

    lines = _lines(boxes)
    quads: list[float] = []
    for left, bottom, right, top in lines:  # upper left, upper right, lower left, lower right
        quads += [left, top, right, top, left, bottom, right, bottom]
    rect = (
        min(b[0] for b in lines),
        min(b[1] for b in lines),
        max(b[2] for b in lines),
        max(b[3] for b in lines),
    )
    annotation = Highlight(
        rect=rect,
        quad_points=ArrayObject(FloatObject(round(q, 2)) for q in quads),
        highlight_color=HIGHLIGHT,
        printing=True,
        title_bar=AUTHOR,
    )
    annotation[NameObject("/Contents")] = TextStringObject(note)
    return annotation


def _note(page: Any, count: int, note: str) -> Any:
    """A text note in the page's top left corner, the next one below the last."""
    from pypdf.annotations import Text
    from pypdf.generic import NameObject, TextStringObject

    left, _bottom, _right, top = page.get_bbox()
    x = left + 6
    y = top - 6 - NOTE_SIZE - count * (NOTE_SIZE + 4)
    annotation = Text(rect=(x, y, x + NOTE_SIZE, y + NOTE_SIZE), text=note, open=False)
    annotation[NameObject("/T")] = TextStringObject(AUTHOR)
    annotation[NameObject("/Name")] = NameObject("/Comment")
    return annotation
