"""Plain text and Markdown: UTF-8, falling back to cp1252 (which covers latin-1 text)."""

from __future__ import annotations

import codecs
import re

from lint.errors import ReadError
from lint.model import LineStyle, SourceText
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source, too_many_chars

_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_BINARY_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f\ufffd]")
# Every character str.splitlines() breaks on ("\v" is Word's manual line break).
_LINE_SEPARATORS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (BOM or plain), else Windows-1252.

    Windows-1252 covers ISO-8859-1 for every printable character; its five unassigned
    bytes are taken as Latin-1 control characters, so decoding never fails.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    utf16 = _utf16_encoding(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # a UTF-8 file with a few stray bytes (e.g. pasted together)
        return data.decode("utf-8", errors="replace")
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return error.object[error.start : error.end].decode("latin-1"), error.end


_LATIN1_FALLBACK = "samlint-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _utf16_encoding(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    # Text in UTF-16 without a BOM: every other byte is zero (Latin script).
    even_zeros, odd_zeros = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.6 * half and even_zeros < 0.1 * half:
        return "utf-16-le"
    if even_zeros > 0.6 * half and odd_zeros < 0.1 * half:
        return "utf-16-be"
    return None


def _mostly_utf8(data: bytes) -> bool:
    decoded = data.decode("utf-8", errors="replace")
    broken = decoded.count("\ufffd")
    non_ascii = sum(1 for char in decoded if ord(char) > 127)
    return broken * 10 < non_ascii


def looks_binary(text: str) -> bool:
    sample = text[:8192]
    if not sample:
        return False
    return "\x00" in sample or len(_BINARY_CONTROL.findall(sample)) > len(sample) / 100


def read_text_bytes(
    data: bytes, name: str, limits: ReadLimits, *, markdown: bool = False
) -> SourceText:
    text = decode_text(data)
    if len(text) > limits.max_chars:
        raise too_many_chars(limits)
    if looks_binary(text):
        raise ReadError("unsupported_format", "binary content in a text file")
    text = _LINE_SEPARATORS.sub("\n", text.replace("\r\n", "\n"))
    raw_lines = []
    for line in text.split("\n"):
        heading = _MARKDOWN_HEADING.match(line) if markdown or line.startswith("#") else None
        level = len(heading.group(1)) if heading else None
        raw_lines.append(RawLine(line, None, LineStyle(heading_level=level)))
    return build_source(raw_lines, name, "text", limits)
