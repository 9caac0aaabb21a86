"""DOCX through python-docx: paragraphs in body order with heading styles and list items."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
from lint.read.docx_numbering import Numbering, load_numbering, paragraph_numbering
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

_HEADING_STYLE = re.compile(r"^(?:heading|rubrik)\s*(\d)$", re.IGNORECASE)
_LIST_STYLE = re.compile(r"list|punkt|lista", re.IGNORECASE)


# Parts below this size are never refused for their compression ratio.
_RATIO_MIN_BYTES = 1024 * 1024


def read_docx_bytes(data: bytes, name: str, limits: ReadLimits) -> SourceText:
    _check_package(data, limits)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
        raw_lines = list(_body_lines(document))
    except ReadError:
        raise
    except Exception as exc:  # python-docx, lxml and zipfile each fail in their own way
        raise ReadError("corrupt", type(exc).__name__) from exc
    return build_source(raw_lines, name, "docx", limits)


def _check_package(data: bytes, limits: ReadLimits) -> None:
    """A zip with the parts of a Word document, checked before anything is unpacked.

    zipfile never inflates a part beyond its declared size, so the declared sizes bound
    what python-docx can unpack: their sum and ratios are what a decompression bomb inflates.
    """
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError("unsupported_format", "legacy Word .doc")
    if not data.startswith(b"PK"):
        raise ReadError("corrupt", "not a zip package")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            infos = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise ReadError("corrupt", "not a zip package") from exc
    if len(infos) > limits.max_docx_parts:
        raise ReadError(
            "too_large", f"{len(infos)} parts", limit="parts", value=limits.max_docx_parts
        )
    if not any(info.filename == "[Content_Types].xml" for info in infos):
        raise ReadError("corrupt", "no [Content_Types].xml")
    total = sum(info.file_size for info in infos)
    if total > limits.max_docx_uncompressed:
        raise ReadError(
            "too_large",
            f"{total} bytes uncompressed",
            limit="uncompressed",
            value=limits.max_docx_uncompressed,
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_MIN_BYTES and ratio > limits.max_docx_ratio:
            raise ReadError(
                "too_large",
                f"{info.filename} inflates {ratio:.0f} times",
                limit="ratio",
                value=limits.max_docx_ratio,
            )


def _body_lines(document: Any) -> Iterator[RawLine]:
    """Lines in reading order: a paragraph a line (with its list label), a table row by row.

    A table row becomes as many lines as its tallest cell has paragraphs; line k holds the
    k-th paragraph of every cell, tab-separated, as the row looks on the page. The layout
    stage reads rows of a data table one by one and side-by-side signature blocks column by
    column.
    """
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = load_numbering(document)
    table_index = 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield from _lines_of(block, numbering)
        elif isinstance(block, Table):
            yield from _table_lines(block, table_index, numbering)
            table_index += 1


def _table_lines(table: Any, table_index: int, numbering: Numbering) -> Iterator[RawLine]:
    for row_index, row in enumerate(table.rows):
        cells = _distinct_cells(row)
        columns = [_cell_texts(cell, numbering) for cell in cells]
        height = max((len(texts) for texts in columns), default=0)
        for k in range(height):
            parts = [texts[k] if k < len(texts) else "" for texts in columns]
            if not any(part.strip() for part in parts):
                continue
            style = LineStyle(table_cell=(table_index, row_index, k))
            yield RawLine("\t".join(" ".join(p.split()) for p in parts), None, style)


def _distinct_cells(row: Any) -> list[Any]:
    """A horizontally merged cell is listed once per grid column by python-docx."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_texts(cell: Any, numbering: Numbering) -> list[str]:
    texts = []
    for paragraph in cell.paragraphs:
        texts.extend(line.text for line in _lines_of(paragraph, numbering))
    while texts and not texts[-1].strip():
        texts.pop()
    return texts


def _lines_of(paragraph: Any, numbering: Numbering) -> list[RawLine]:
    style = _style_of(paragraph)
    parts = paragraph.text.split("\n")
    found = paragraph_numbering(paragraph)
    label = numbering.label(*found) if found and paragraph.text.strip() else None
    if label:
        parts[0] = f"{label} {parts[0].lstrip()}"
        style = replace(style, list_label=label, list_level=found[1] if found else None)
    return [RawLine(part, None, style) for part in parts]


def _style_of(paragraph: Any) -> LineStyle:
    style_name = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style_name or "")
    level = int(heading.group(1)) if heading else None
    if style_name and style_name.lower() == "title":
        level = 1
    props = paragraph._p.pPr
    numbered = props is not None and props.numPr is not None
    list_item = level is None and (numbered or bool(_LIST_STYLE.search(style_name or "")))
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    return LineStyle(heading_level=level, list_item=list_item, bold=bold)
