"""PDF into `SourceText` with either engine: the checks and errors both share.

An engine is a module with `iter_pages(data, limits)`: a generator that opens the
document (raising `ReadError` for encrypted, corrupt or oversized files), then yields one
`PdfPage` per page, or the page number of a page that failed to parse, and closes the
document when it is closed. Everything else happens here, once for both engines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from importlib import import_module

from lint.errors import ReadError
from lint.model import SourceText
from lint.read.deadline import Deadline
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source
from lint.read.pdflines import join_split_words, page_lines
from lint.read.pdfpage import PdfPage

PDF_ENGINES = ("pdfium", "pdfplumber")
DEFAULT_PDF_ENGINE = "pdfium"
_ENGINE_MODULES = {"pdfium": "lint.read.pdfium", "pdfplumber": "lint.read.pdf"}

# Spec readers accept the header anywhere in the first KiB.
_HEADER_WINDOW = 1024
# A page with fewer characters than this next to an image is taken for a scan (a scanner's
# page stamp such as "Sida 1 av 3" is no text layer).
_SCANNED_PAGE_CHARS = 40

PageStream = Iterator[PdfPage | int]


def read_pdf_bytes(
    data: bytes, name: str, limits: ReadLimits, engine: str = DEFAULT_PDF_ENGINE
) -> SourceText:
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise ReadError("not_pdf")
    if engine not in _ENGINE_MODULES:
        raise ValueError(f"unknown PDF engine {engine!r}; known: {', '.join(PDF_ENGINES)}")
    deadline = Deadline(limits.max_seconds)
    pages: PageStream = import_module(_ENGINE_MODULES[engine]).iter_pages(data, limits)
    try:
        return _source(pages, name, limits, deadline)
    except ReadError:
        raise
    except Exception as exc:  # whatever else an engine trips over in a damaged file
        raise ReadError("corrupt", type(exc).__name__) from exc
    finally:
        pages.close()  # type: ignore[attr-defined]  # a generator: closes the document


def _source(pages: PageStream, name: str, limits: ReadLimits, deadline: Deadline) -> SourceText:
    raw_lines: list[RawLine] = []
    skipped: list[int] = []
    sizes: Counter[float] = Counter()
    text_chars = 0
    pages_with_images = 0
    read_pages = 0
    index = 0
    while True:
        deadline.check(f"after page {index}")
        page = next(pages, None)
        if page is None:
            break
        index += 1
        if isinstance(page, int):
            skipped.append(page)
            continue
        read_pages += 1
        lines = page_lines(page, sizes)
        pages_with_images += page.has_images
        text_chars += sum(len(line.text.replace(" ", "").replace("\t", "")) for line in lines)
        raw_lines.extend(lines)
        raw_lines.append(RawLine("", page.number))
    if index == 0:
        raise ReadError("empty")
    if text_chars == 0 and read_pages == 0:
        raise ReadError("corrupt", "no page could be parsed")
    if text_chars == 0 or (pages_with_images and text_chars < _SCANNED_PAGE_CHARS * read_pages):
        raise ReadError("no_text_layer")
    join_split_words(raw_lines)
    body_size = max(sizes.items(), key=lambda item: (item[1], item[0]))[0] if sizes else None
    return build_source(raw_lines, name, "pdf", limits, tuple(skipped), body_size)


def check_page_count(count: object, limits: ReadLimits) -> None:
    """`too_large` for a declared page count over the limit, before any page is parsed."""
    if isinstance(count, int) and count > limits.max_pages:
        raise ReadError("too_large", f"{count} pages", limit="pages", value=limits.max_pages)
