"""DOCX through python-docx: paragraphs in body order with heading styles and list items."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
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
        raw_lines = [
            line for paragraph in _body_paragraphs(document) for line in _lines_of(paragraph)
        ]
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


def _body_paragraphs(document: Any) -> Iterator[Any]:
    """Paragraphs in reading order, including those inside tables."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield from cell.paragraphs


def _lines_of(paragraph: Any) -> list[RawLine]:
    style = _style_of(paragraph)
    return [RawLine(part, None, style) for part in paragraph.text.split("\n")]


def _style_of(paragraph: Any) -> LineStyle:
    style_name = paragraph.style.name if paragraph.style is not None else ""
    heading = _HEADING_STYLE.match(style_name or "")
    level = int(heading.group(1)) if heading else None
    if style_name and style_name.lower() == "title":
        level = 1
    props = paragraph._p.pPr
    numbered = props is not None and props.numPr is not None
    list_item = numbered or bool(_LIST_STYLE.search(style_name or ""))
    runs = [run for run in paragraph.runs if run.text.strip()]
    bold = bool(runs) and all(run.bold for run in runs)
    return LineStyle(heading_level=level, list_item=list_item, bold=bold)
