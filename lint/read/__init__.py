"""Readers: PDF, DOCX and plain text into one line-addressable `SourceText`."""

from __future__ import annotations

from pathlib import Path

from lint.errors import ReadError
from lint.model import SourceText
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt", ".md")


def read_path(path: Path, limits: ReadLimits | None = None) -> SourceText:
    """Read one file by its suffix; raise `ReadError` with a code when it cannot be read."""
    limits = limits or ReadLimits()
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError("unsupported_format", suffix)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("unreadable", str(exc)) from exc
    if size == 0:
        raise ReadError("empty")
    if size > limits.max_bytes:
        raise ReadError("too_large", f"{size} bytes")
    data = path.read_bytes()
    return read_bytes(data, suffix, str(path), limits)


def read_bytes(data: bytes, suffix: str, name: str, limits: ReadLimits | None = None) -> SourceText:
    limits = limits or ReadLimits()
    if not data:
        raise ReadError("empty")
    if len(data) > limits.max_bytes:
        raise ReadError("too_large", f"{len(data)} bytes")
    if suffix == ".pdf":
        from lint.read.pdf import read_pdf_bytes  # pdfplumber only when a PDF is read

        return read_pdf_bytes(data, name, limits)
    if suffix == ".docx":
        from lint.read.docx import read_docx_bytes

        return read_docx_bytes(data, name, limits)
    if suffix in (".txt", ".md", ""):
        return read_text_bytes(data, name, limits, markdown=suffix == ".md")
    raise ReadError("unsupported_format", suffix)


__all__ = ["SUPPORTED_SUFFIXES", "ReadError", "ReadLimits", "read_bytes", "read_path"]
