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
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.annotate import AUTHOR, note_text
from lint.check import Finding
from lint.model import SourceText
from lint.pipeline import FileResult

_LOOKAHEAD = 40  # parts a line may be ahead by: the cells of a table row, skipped parts
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
    """A part's text found in a line: the line offset and the part offset of every
    character they share (all but whitespace, which the reader may collapse)."""

    part: _Part
    line_positions: tuple[int, ...]
    part_positions: tuple[int, ...]


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
                    seen: dict[int, Any] = {}  # a merged cell is listed once per grid column
                    for cell in row.cells:
                        if id(cell._tc) not in seen:
                            seen[id(cell._tc)] = cell._tc
                            yield from (p._p for p in cell.paragraphs)

    for p in paragraphs():
        start = 0
        for text in p.text.split("\n"):
            yield _Part(p, start, text)
            start += len(text) + 1


def _align(source: SourceText, parts: list[_Part]) -> dict[int, list[_Segment]]:
    """Line number → the paragraph parts whose text the line holds.

    A line holds the next unused part, perhaps after a label (a list number); a table row
    holds the cells' k-th paragraphs side by side, so a few parts further on may share the
    line. Whitespace is ignored in the comparison (the reader may collapse it).
    """
    keys = [_non_space(part.text) for part in parts]
    used = [not key[0] for key in keys]  # parts without text are never looked for
    aligned: dict[int, list[_Segment]] = {}
    first_unused = 0
    reached = 0  # just past the furthest part matched so far
    for line in source.lines:
        chars, positions = _non_space(source.line_text(line))
        if not chars:
            continue
        while first_unused < len(parts) and used[first_unused]:
            first_unused += 1
        taken: list[tuple[int, int]] = []  # matched ranges in `chars`
        segments: list[_Segment] = []
        low = max(first_unused, reached - _LOOKAHEAD)  # parts the reader skipped stay behind
        for candidate in range(low, min(len(parts), reached + _LOOKAHEAD)):
            if used[candidate]:
                continue
            key, key_positions = keys[candidate]
            at = _find_free(chars, key, taken)
            if at < 0:
                continue
            used[candidate] = True
            reached = max(reached, candidate + 1)
            taken.append((at, at + len(key)))
            segments.append(
                _Segment(
                    parts[candidate],
                    tuple(positions[at : at + len(key)]),
                    tuple(key_positions),
                )
            )
            if max(high for _, high in taken) == len(chars) and _covered(taken, len(chars)):
                break  # the whole line is accounted for (a label before it aside)
        if segments:
            aligned[line.number] = segments
    return aligned


def _non_space(text: str) -> tuple[str, list[int]]:
    positions = [i for i, char in enumerate(text) if not char.isspace()]
    return "".join(text[i] for i in positions), positions


def _find_free(chars: str, key: str, taken: list[tuple[int, int]]) -> int:
    at = chars.find(key)
    while at >= 0:
        if all(at + len(key) <= low or at >= high for low, high in taken):
            return at
        at = chars.find(key, at + 1)
    return -1


def _covered(taken: list[tuple[int, int]], length: int) -> bool:
    """Whether the matched ranges cover the line from the first match to its end."""
    ranges = sorted(taken)
    reach = ranges[0][0]
    for low, high in ranges:
        if low > reach:
            return False
        reach = max(reach, high)
    return reach >= length


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
    hits: list[tuple[int, Any, int]] = []  # (text offset, paragraph, paragraph offset)
    for line in source.lines[first.number - 1 : last.number]:
        for segment in segments.get(line.number, []):
            for line_at, part_at in zip(
                segment.line_positions, segment.part_positions, strict=True
            ):
                offset = line.start + line_at
                if start <= offset < end:
                    part = segment.part
                    hits.append((offset, part.paragraph, part.start + part_at))
    if not hits:
        return None
    hits.sort(key=lambda hit: hit[0])
    (_, p_start, begin), (_, p_end, finish) = hits[0], hits[-1]
    return (p_start, begin), (p_end, finish + 1)


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
