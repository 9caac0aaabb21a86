"""PDF through pdfplumber, one page at a time, keeping font size and weight per line."""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from typing import Any

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

# "Trygghets- och säkerhetssamordnare": a hyphen before a conjunction is part of the text.
_KEEP_HYPHEN_BEFORE = re.compile(r"^(och|eller|samt|resp\.?|respektive|till)\b", re.IGNORECASE)
_SPLIT_COMPOUND = re.compile(r"(?<=[a-zåäöéü])-$", re.IGNORECASE)


def read_pdf_bytes(data: bytes, name: str, limits: ReadLimits) -> SourceText:
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise ReadError("not_pdf")
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psparser import PSException

    deadline = time.monotonic() + limits.max_seconds
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise ReadError("encrypted") from exc
    except (PSException, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise ReadError("corrupt", type(exc).__name__) from exc
    except Exception as exc:  # pdfminer raises a wide variety on junk input
        if "password" in str(exc).lower() or "encrypt" in type(exc).__name__.lower():
            raise ReadError("encrypted") from exc
        raise ReadError("corrupt", type(exc).__name__) from exc
    with pdf:
        return _read_pages(pdf, name, limits, deadline)


def _read_pages(pdf: Any, name: str, limits: ReadLimits, deadline: float) -> SourceText:
    try:
        page_count = len(pdf.pages)
    except Exception as exc:
        raise ReadError("corrupt", type(exc).__name__) from exc
    if page_count == 0:
        raise ReadError("empty")
    if page_count > limits.max_pages:
        raise ReadError("too_large", f"{page_count} pages")
    raw_lines: list[RawLine] = []
    skipped: list[int] = []
    sizes: Counter[float] = Counter()
    pages_with_text = 0
    for index in range(page_count):
        if time.monotonic() > deadline:
            raise ReadError("timeout", f"after page {index}")
        page_number = index + 1
        try:
            page = pdf.pages[index]
            page_lines = _page_lines(page, page_number, sizes)
        except Exception:
            skipped.append(page_number)
            continue
        finally:
            _release_page(pdf, index)
        if page_lines:
            pages_with_text += 1
        raw_lines.extend(page_lines)
        raw_lines.append(RawLine("", page_number))
    if pages_with_text == 0:
        raise ReadError("corrupt" if skipped else "no_text_layer")
    join_split_compounds(raw_lines)
    body_size = sizes.most_common(1)[0][0] if sizes else None
    return build_source(raw_lines, name, "pdf", limits, tuple(skipped), body_size)


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
