"""Readers: PDF, DOCX and plain text into one line-addressable `SourceText`."""

from __future__ import annotations

from pathlib import Path

from lint.errors import ReadError
from lint.model import SourceText
from lint.read.limits import ReadLimits
from lint.read.pdfsource import DEFAULT_PDF_ENGINE, PDF_ENGINES
from lint.read.text import read_text_bytes

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
TEXT_SUFFIXES = (".txt", ".md", "")

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc/.xls and other OLE2 files
_RTF_MAGIC = b"{\\rtf"


def read_path(
    path: Path, limits: ReadLimits | None = None, pdf_engine: str = DEFAULT_PDF_ENGINE
) -> SourceText:
    """Read one file by its suffix; raise `ReadError` with a code when it cannot be read."""
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError("unsupported_format", suffix)
    try:
        size = path.stat().st_size
        if size > limits.max_bytes:
            raise too_many_bytes(size, limits)
        with path.open("rb") as handle:
            # Never trust the size: the file may grow, or be a pipe or a device.
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        raise ReadError("unreadable", exc.strerror or type(exc).__name__) from exc
    return read_bytes(data, suffix, str(path), limits, pdf_engine)


def read_bytes(
    data: bytes,
    suffix: str,
    name: str,
    limits: ReadLimits | None = None,
    pdf_engine: str = DEFAULT_PDF_ENGINE,
) -> SourceText:
    """Read the content of a file named `name`; the content decides when it contradicts
    the suffix (a Word file saved as .pdf is still read). `pdf_engine` is "pdfium" (the
    default) or "pdfplumber" (the reference); both give the same text."""
    limits = limits or ReadLimits()
    if not data or not data.strip():
        raise ReadError("empty")
    if len(data) > limits.max_bytes:
        raise too_many_bytes(len(data), limits)
    fmt = sniff_format(data) or suffix.lower()
    if fmt == ".pdf":
        from lint.read.pdfsource import read_pdf_bytes  # an engine only when a PDF is read

        return read_pdf_bytes(data, name, limits, pdf_engine)
    if fmt == ".docx":
        from lint.read.docx import read_docx_bytes

        return read_docx_bytes(data, name, limits)
    if fmt in TEXT_SUFFIXES:
        return read_text_bytes(data, name, limits, markdown=fmt == ".md")
    raise ReadError("unsupported_format", fmt)


def sniff_format(data: bytes) -> str | None:
    """The format the content unmistakably has, whatever the file is called."""
    if data.lstrip()[:5] == b"%PDF-":
        return ".pdf"
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return ".docx"
    if data.startswith(_OLE_MAGIC):
        return ".doc"
    if data.lstrip().startswith(_RTF_MAGIC):
        return ".rtf"
    return None


def too_many_bytes(size: int, limits: ReadLimits) -> ReadError:
    return ReadError("too_large", f"{size} bytes", limit="bytes", value=limits.max_bytes)


__all__ = [
    "DEFAULT_PDF_ENGINE",
    "PDF_ENGINES",
    "SUPPORTED_SUFFIXES",
    "ReadError",
    "ReadLimits",
    "read_bytes",
    "read_path",
]
