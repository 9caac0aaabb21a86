"""Plain text and Markdown: UTF-8, falling back to cp1252 (which covers latin-1 text)."""

from __future__ import annotations

import re

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_text(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    return "\x00" in sample or len(_BINARY_CONTROL.findall(sample)) > len(sample) / 100


def read_text_bytes(
    data: bytes, name: str, limits: ReadLimits, *, markdown: bool = False
) -> SourceText:
    text = decode_text(data)
    if looks_binary(text):
        raise ReadError("unsupported_format", "binary content in a text file")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    raw_lines = []
    for line in text.split("\n"):
        heading = _MARKDOWN_HEADING.match(line) if markdown or line.startswith("#") else None
        level = len(heading.group(1)) if heading else None
        raw_lines.append(RawLine(line, None, LineStyle(heading_level=level)))
    return build_source(raw_lines, name, "text", limits)
