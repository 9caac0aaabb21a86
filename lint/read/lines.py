"""Assemble reader output into a `SourceText` with offsets for every line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lint.errors import ReadError
from lint.model import Line, LineStyle, SourceText
from lint.read.limits import ReadLimits

# Characters that str.splitlines() breaks on besides "\n"; inside one line they would make
# later stages disagree with the line table, so they become spaces.
_LINE_BREAKS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


@dataclass
class RawLine:
    text: str
    page: int | None = None
    style: LineStyle = field(default_factory=LineStyle)


def build_source(
    raw_lines: list[RawLine],
    path: str,
    fmt: str,
    limits: ReadLimits,
    skipped_pages: tuple[int, ...] = (),
    body_font_size: float | None = None,
) -> SourceText:
    parts: list[str] = []
    lines: list[Line] = []
    offset = 0
    for number, raw in enumerate(raw_lines, start=1):
        text = _LINE_BREAKS.sub(" ", raw.text.replace("\r", "").replace("\n", " "))
        lines.append(Line(number, offset, offset + len(text), raw.page, raw.style))
        parts.append(text)
        offset += len(text) + 1
        if offset - 1 > limits.max_chars:  # the text so far, without this newline
            raise too_many_chars(limits)
    text = "\n".join(parts)
    if not text.strip():
        raise ReadError("empty")
    return SourceText(
        path=path,
        format=fmt,
        text=text,
        lines=tuple(lines),
        skipped_pages=skipped_pages,
        body_font_size=body_font_size,
    )


def too_many_chars(limits: ReadLimits) -> ReadError:
    return ReadError(
        "too_large",
        f"more than {limits.max_chars} characters",
        limit="chars",
        value=limits.max_chars,
    )
