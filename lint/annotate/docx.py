"""Word comments on a copy of a .docx, one per finding, anchored on the finding's words.

The DOCX reader makes one line per paragraph (more where a paragraph holds line breaks), and
may put a label before a paragraph's text (a list number, a table cell). So a line is mapped
back to its paragraph by finding the paragraph's text inside the line, never by position
alone. Where a finding starts or ends inside a run, the run is split into two runs with the
same properties; nothing else in the document changes.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.annotate import AUTHOR, note_text
from lint.check import Finding
from lint.model import SourceText
from lint.pipeline import FileResult

# What the reader turns into spaces inside a line (lint.read.lines), kept length for length.
_LINE_BREAKS = re.compile("[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_LOOKAHEAD = 12  # paragraphs the reader may have left out between two lines
_RUN_CONTENT = ("t", "br", "cr", "noBreakHyphen", "ptab", "tab")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Part:
    """One line of a paragraph's text: the paragraph and where the line starts in it."""

    paragraph: Any  # CT_P
    start: int
    text: str


@dataclass(frozen=True)
class _Segment:
    """Where a part's text sits in a line of the extracted text."""

    line_offset: int
    part: _Part


def annotate_docx(data: bytes, result: FileResult, lang: str) -> bytes:
    import docx

    assert result.document is not None
    source = result.document.source
    document = docx.Document(io.BytesIO(data))
    parts = list(_parts(document))
    segments = _align(source, parts)
    title = next((p for p in parts if p.text.strip()), None)
    for finding in result.findings:
        first, last = _anchor(finding, source, segments, title)
        if first is None or last is None:  # a document without any text: nothing to anchor on
            continue
        document.add_comment(
            [first, last], text=note_text(finding, lang), author=AUTHOR, initials="SL"
        )
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _parts(document: Any) -> Iterator[_Part]:
    """Paragraph lines in reading order, tables included, as the reader walks them."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def paragraphs() -> Iterator[Any]:
        for block in document.iter_inner_content():
            if isinstance(block, Paragraph):
                yield block._p
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield from (p._p for p in cell.paragraphs)

    for p in paragraphs():
        start = 0
        for text in p.text.split("\n"):
            yield _Part(p, start, _LINE_BREAKS.sub(" ", text))
            start += len(text) + 1


def _align(source: SourceText, parts: list[_Part]) -> dict[int, list[_Segment]]:
    """Line number → the paragraph parts whose text the line holds, in order.

    A line holds the next non-empty part (perhaps after a label); further parts may follow
    in the same line (a table row read as one line). Parts the reader skipped are passed
    over, a few at most.
    """
    aligned: dict[int, list[_Segment]] = {}
    index = 0
    for line in source.lines:
        text = source.line_text(line)
        if not text.strip():
            continue
        segments: list[_Segment] = []
        position = 0
        candidates = range(index, min(len(parts), index + _LOOKAHEAD))
        for candidate in candidates:
            part = parts[candidate]
            if not part.text.strip():
                continue
            found = _find(text, part.text, position)
            if found < 0:
                if segments:
                    break  # the line ended; the next part belongs to the next line
                continue
            segments.append(_Segment(found, part))
            position = found + len(part.text)
            index = candidate + 1
        if segments:
            aligned[line.number] = segments
    return aligned


def _find(line: str, part: str, position: int) -> int:
    found = line.find(part, position)
    if found >= 0:
        return found
    stripped = part.strip()  # the reader may have trimmed the paragraph's edges
    inner = line.find(stripped, position)
    return inner - part.index(stripped) if inner >= 0 else -1


def _anchor(
    finding: Finding,
    source: SourceText,
    segments: dict[int, list[_Segment]],
    title: _Part | None,
) -> tuple[Any, Any]:
    """The first and last run of the finding's words, split out of their runs as needed."""
    span = finding.span
    points = _points(span.start, span.end, source, segments)
    if points is None:  # no words: the paragraph of its line, else the title
        line = source.line_at(span.start) if source.lines else None
        paragraph_parts = segments.get(line.number, []) if line is not None else []
        whole = [s.part for s in paragraph_parts] or ([title] if title else [])
        if not whole:
            return None, None
        first_part, last_part = whole[0], whole[-1]
        return _runs_between(
            first_part.paragraph,
            first_part.start,
            last_part.paragraph,
            last_part.start + len(last_part.text),
        )
    (p_start, start), (p_end, end) = points
    return _runs_between(p_start, start, p_end, end)


def _points(
    start: int, end: int, source: SourceText, segments: dict[int, list[_Segment]]
) -> tuple[tuple[Any, int], tuple[Any, int]] | None:
    """(paragraph, offset) of the first and just past the last character of [start, end)
    that lie in paragraph text, or None when none does."""
    if end <= start or not source.lines:
        return None
    first = source.line_at(start)
    last = source.line_at(end - 1)
    begin: tuple[Any, int] | None = None
    finish: tuple[Any, int] | None = None
    for line in source.lines[first.number - 1 : last.number]:
        low, high = start - line.start, end - line.start
        for segment in segments.get(line.number, []):
            part_low, part_high = segment.line_offset, segment.line_offset + len(segment.part.text)
            a, b = max(low, part_low), min(high, part_high)
            text = segment.part.text[a - part_low : b - part_low]
            if b <= a or not text.strip():
                continue
            a += len(text) - len(text.lstrip())  # never anchor on bare spaces at the edges
            b -= len(text) - len(text.rstrip())
            base = segment.part.start - part_low
            if begin is None:
                begin = (segment.part.paragraph, base + a)
            finish = (segment.part.paragraph, base + b)
    if begin is None or finish is None:
        return None
    return begin, finish


def _runs_between(p_start: Any, start: int, p_end: Any, end: int) -> tuple[Any, Any]:
    """The runs from paragraph offset `start` to `end`, split at both ends when needed."""
    from docx.text.run import Run

    if p_start is p_end and end <= start:
        end = start + 1
    first = _run_starting_at(p_start, start)
    last = _run_ending_at(p_end, end)
    parent = _paragraph_object(p_start)
    return Run(first, parent), Run(last, _paragraph_object(p_end))


def _paragraph_object(p: Any) -> Any:
    from docx.text.paragraph import Paragraph

    return Paragraph(p, None)


def _text_runs(p: Any) -> list[Any]:
    """The paragraph's runs whose text makes up `paragraph.text`, in order."""
    return list(p.xpath("./w:r | ./w:hyperlink/w:r"))


def _run_starting_at(p: Any, offset: int) -> Any:
    position = 0
    runs = _text_runs(p)
    for r in runs:
        length = len(r.text)
        if position <= offset < position + length:
            if offset == position:
                return r
            return _split(r, offset - position)[1]
        position += length
    return runs[-1] if runs else _empty_run(p)


def _run_ending_at(p: Any, offset: int) -> Any:
    position = 0
    runs = _text_runs(p)
    for r in runs:
        length = len(r.text)
        if position < offset <= position + length:
            if offset == position + length:
                return r
            return _split(r, offset - position)[0]
        position += length
    return runs[-1] if runs else _empty_run(p)


def _empty_run(p: Any) -> Any:
    """A paragraph without runs: an empty run to anchor on (adds no text)."""
    from docx.oxml.parser import OxmlElement

    r = OxmlElement("w:r")
    p.append(r)
    return r


def _split(r: Any, offset: int) -> tuple[Any, Any]:
    """Split run `r` at a character offset into two runs with the same properties."""
    right = copy.deepcopy(r)
    _keep(r, 0, offset)
    _keep(right, offset, None)
    r.addnext(right)
    return r, right


def _keep(r: Any, low: int, high: int | None) -> None:
    """Keep only the characters [low, high) of a run's content; properties stay.

    Content without text (a drawing, a field mark) stays on the side where it stands.
    """
    position = 0
    for child in list(r):
        if child.tag == f"{_W}rPr":
            continue
        local = child.tag.rsplit("}", 1)[-1]
        text = str(child) if local in _RUN_CONTENT else ""
        if local == "t":
            text = child.text or ""
        length = len(text)
        child_low, child_high = position, position + length
        position = child_high
        if length == 0:
            inside = child_low >= low and (high is None or child_low < high)
            if not inside:
                r.remove(child)
            continue
        a = max(child_low, low)
        b = child_high if high is None else min(child_high, high)
        if b <= a:
            r.remove(child)
        elif (a, b) != (child_low, child_high):
            if local != "t":  # a tab or break is one character: it is all in or all out
                r.remove(child)
                continue
            child.text = text[a - child_low : b - child_low]
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
