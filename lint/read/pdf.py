"""PDF through pdfplumber, one page at a time, keeping font size and weight per line."""

from __future__ import annotations

import contextlib
import io
import logging
import re
from collections import Counter
from typing import Any

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
from lint.read.deadline import Deadline
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

# "Trygghets- och säkerhetssamordnare": a hyphen before a conjunction is part of the text.
_KEEP_HYPHEN_BEFORE = re.compile(r"^(och|eller|samt|resp\.?|respektive|till)\b", re.IGNORECASE)
_SPLIT_COMPOUND = re.compile(r"(?<=[a-zåäöéü])-$", re.IGNORECASE)


# Spec readers accept the header anywhere in the first KiB.
_HEADER_WINDOW = 1024
# A page with fewer characters than this next to an image is taken for a scan (a scanner's
# page stamp such as "Sida 1 av 3" is no text layer).
_SCANNED_PAGE_CHARS = 40


def read_pdf_bytes(data: bytes, name: str, limits: ReadLimits) -> SourceText:
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise ReadError("not_pdf")
    import pdfplumber

    _quiet_pdfminer()
    deadline = Deadline(limits.max_seconds)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfminer raises a wide variety on junk input
        raise _open_error(exc) from exc
    try:
        _check_declared_pages(pdf, limits)
        return _read_pages(pdf, name, limits, deadline)
    except ReadError:
        raise
    except Exception as exc:  # whatever else pdfminer trips over in a damaged file
        raise ReadError("corrupt", type(exc).__name__) from exc
    finally:
        _close_quietly(pdf)


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


def _check_declared_pages(pdf: Any, limits: ReadLimits) -> None:
    """Refuse a huge page tree by its declared /Count before every page object is built."""
    try:
        from pdfminer.pdftypes import resolve1

        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return  # no usable count: the page list itself is checked next
    if isinstance(count, int) and count > limits.max_pages:
        raise ReadError("too_large", f"{count} pages", limit="pages", value=limits.max_pages)


def _read_pages(pdf: Any, name: str, limits: ReadLimits, deadline: Deadline) -> SourceText:
    try:
        page_count = len(pdf.pages)
    except Exception as exc:
        raise ReadError("corrupt", type(exc).__name__) from exc
    if page_count == 0:
        raise ReadError("empty")
    if page_count > limits.max_pages:
        raise ReadError("too_large", f"{page_count} pages", limit="pages", value=limits.max_pages)
    raw_lines: list[RawLine] = []
    skipped: list[int] = []
    sizes: Counter[float] = Counter()
    text_chars = 0
    pages_with_images = 0
    for index in range(page_count):
        deadline.check(f"after page {index}")
        page_number = index + 1
        try:
            page = pdf.pages[index]
            page_lines = _page_lines(page, page_number, sizes)
            pages_with_images += _has_images(page)
        except Exception:  # one damaged page must not lose the others
            skipped.append(page_number)
            continue
        finally:
            _release_page(pdf, index)
        text_chars += sum(len(line.text.replace(" ", "")) for line in page_lines)
        raw_lines.extend(page_lines)
        raw_lines.append(RawLine("", page_number))
    read_pages = page_count - len(skipped)
    if text_chars == 0 and read_pages == 0:
        raise ReadError("corrupt", "no page could be parsed")
    if text_chars == 0 or (pages_with_images and text_chars < _SCANNED_PAGE_CHARS * read_pages):
        raise ReadError("no_text_layer")
    join_split_compounds(raw_lines)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    return build_source(raw_lines, name, "pdf", limits, tuple(skipped), body_size)


def _has_images(page: Any) -> bool:
    try:
        return bool(page.images)
    except Exception:
        return False


def _page_lines(page: Any, page_number: int, sizes: Counter[float]) -> list[RawLine]:
    result = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        text = line["text"]
        if not text.strip():
            continue
        chars = [c for c in line["chars"] if c.get("text", "").strip()]
        size = round(max((c.get("size", 0.0) for c in chars), default=0.0), 1)
        bold = bool(chars) and all(_is_bold(c.get("fontname", "")) for c in chars)
        sizes[size] += len(chars)
        result.append(RawLine(text, page_number, LineStyle(font_size=size, bold=bold)))
    return result


def _is_bold(fontname: str) -> bool:
    lowered = fontname.lower()
    return "bold" in lowered or "black" in lowered or "heavy" in lowered


def _release_page(pdf: Any, index: int) -> None:
    """Drop the parsed page so that memory does not grow with the page count."""
    try:
        page = pdf.pages[index]
        page.close()
    except Exception:
        pass


def join_split_compounds(raw_lines: list[RawLine]) -> None:
    """Join "lokalpolis-" at a line end with "området" at the start of the next line."""
    for index, raw in enumerate(raw_lines[:-1]):
        if not _SPLIT_COMPOUND.search(raw.text):
            continue
        following = next((r for r in raw_lines[index + 1 : index + 3] if r.text.strip()), None)
        if following is None:
            continue
        rest = following.text.lstrip()
        if not rest or not rest[0].islower() or _KEEP_HYPHEN_BEFORE.match(rest):
            continue
        word, _, remainder = rest.partition(" ")
        raw.text = raw.text[:-1] + word
        following.text = remainder
