"""What the text, SARIF and HTML reports share: verdicts, rule groups, sections, context lines."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from lint.check import Finding
from lint.messages import label
from lint.model import Document, Section, Span
from lint.pipeline import FileResult

SEVERITY_ORDER = ("error", "warning", "info")

# The verdict of one file, from the most to the least serious.
VERDICTS = ("unreadable", "not_checked", "deviates", "remarks", "notes", "complies")


def verdict(result: FileResult) -> str:
    """`unreadable`, `not_checked` (kind not recognised), `deviates` (errors), `remarks`
    (warnings), `notes` (info findings only) or `complies` (no finding at all).

    A refinement of `FileResult.verdict` for people: it never says "no deviations" above a
    finding that is shown."""
    if result.error is not None:
        return "unreadable"
    if result.verdict == "not_checked":
        return "not_checked"
    severities = {f.severity for f in result.findings}
    if "error" in severities:
        return "deviates"
    if "warning" in severities:
        return "remarks"
    if severities:
        return "notes"
    return "complies"


def severity_counts(findings: Iterable[Finding]) -> Counter[str]:
    return Counter(f.severity for f in findings)


def rule_group(rule_id: str) -> str:
    """The letter prefix of a rule id: ANX002 -> ANX."""
    match = re.match(r"[A-Za-z]+", rule_id)
    return match.group(0).upper() if match else rule_id


def worst(severities: Iterable[str]) -> str | None:
    present = set(severities)
    return next((s for s in SEVERITY_ORDER if s in present), None)


def section_at(document: Document | None, span: Span) -> Section | None:
    """The innermost section that holds the span, if the document is known."""
    if document is None:
        return None
    best = None
    for section in document.sections:
        end = max(section.body.end, section.heading.end + 1)
        inside = section.heading.start <= span.start < end
        if inside and (best is None or section.level >= best.level):
            best = section
    return best


def section_title(document: Document | None, span: Span) -> str | None:
    """The title of the innermost section that holds the span, if the document is known."""
    best = section_at(document, span)
    return best.title if best is not None and best.title else None


def place(result: FileResult, finding: Finding, lang: str) -> str | None:
    """Where a reader finds the finding: "sida 3, rad 12" in a PDF (the line on its page),
    'avsnitt "Lokal styrgrupp", stycke 2' in a DOCX (the paragraph within its section)."""
    loc = finding.location
    if loc.page is not None:
        line = f", {label('line', lang)} {loc.page_line}" if loc.page_line else ""
        return f"{label('page', lang)} {loc.page}{line}"
    document = result.document
    if document is None or document.source.format != "docx":
        return None
    source = document.source
    section = section_at(document, finding.span)
    first = source.line_at(section.heading.end).number + 1 if section and section.title else 1
    paragraph = sum(
        1 for line in source.lines[first - 1 : loc.line] if source.line_text(line).strip()
    )
    parts = []
    if section is not None and section.title:
        parts.append(f'{label("section", lang)} "{section.title}"')
    if paragraph:
        parts.append(f"{label('paragraph', lang)} {paragraph}")
    return ", ".join(parts) or None


@dataclass(frozen=True)
class ContextLine:
    number: int
    page: int | None
    text: str
    marks: tuple[tuple[int, int], ...] = ()  # 0-based [start, end) ranges in `text`

    @property
    def is_hit(self) -> bool:
        return bool(self.marks)


def context_lines(
    result: FileResult, finding: Finding, around: int = 2, blank: bool = False
) -> list[ContextLine]:
    """The finding's lines with the offending characters marked, and `around` lines either side.

    Without the document (a result that carries only findings) the excerpt stands alone,
    unmarked. Blank lines of context are dropped unless `blank` is set.
    """
    document = result.document
    loc = finding.location
    if document is None or not document.source.lines:
        return [ContextLine(loc.line, loc.page, loc.excerpt)]
    source = document.source
    span = finding.span
    first = max(1, loc.line - around)
    last = min(len(source.lines), loc.end_line + around)
    out: list[ContextLine] = []
    for line in source.lines[first - 1 : last]:
        text = source.line_text(line)
        start, end = max(span.start, line.start), min(span.end, line.end)
        marks = ((start - line.start, end - line.start),) if start < end else ()
        if loc.line <= line.number <= loc.end_line or blank or text.strip():
            out.append(ContextLine(line.number, line.page, text, marks))
    return out


def hit_lines(result: FileResult, finding: Finding) -> list[ContextLine]:
    """Only the lines the finding covers (its excerpt), with the offending characters marked."""
    loc = finding.location
    lines = context_lines(result, finding, around=0)
    return [c for c in lines if loc.line <= c.number <= loc.end_line and c.text.strip()] or lines


def window(line: ContextLine, width: int) -> ContextLine:
    """Cut a long line to about `width` characters around its marks, with "…" at the cuts."""
    text = line.text.rstrip()
    lead = len(text) - len(text.lstrip())
    text, marks = text[lead:], [(max(0, s - lead), max(0, e - lead)) for s, e in line.marks]
    if len(text) <= width:
        return ContextLine(line.number, line.page, text, tuple(marks))
    focus_start = marks[0][0] if marks else 0
    focus_end = marks[-1][1] if marks else 0
    room = max(0, width - (focus_end - focus_start))
    begin = max(0, min(focus_start - room // 2, len(text) - width))
    end = min(len(text), max(begin + width, focus_end))
    begin, end = _word_bounds(text, begin, end, focus_start, focus_end)
    cut = text[begin:end]
    shifted = [(max(0, s - begin), min(len(cut), e - begin)) for s, e in marks]
    if begin > 0:
        cut, shifted = "…" + cut, [(s + 1, e + 1) for s, e in shifted]
    if end < len(text):
        cut += "…"
    return ContextLine(line.number, line.page, cut, tuple((s, e) for s, e in shifted if s < e))


def _word_bounds(text: str, begin: int, end: int, keep_from: int, keep_to: int) -> tuple[int, int]:
    """Move a cut inwards to whole words ("…å respektive" becomes "…respektive"), never
    into the marked characters and never to nothing."""
    if 0 < begin < len(text) and not text[begin - 1].isspace():
        space = text.find(" ", begin, max(begin, keep_from))
        if space != -1 and space + 1 < end:
            begin = space + 1
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", max(begin, keep_to), end)
        if space > begin:
            end = space
    while end > begin and text[end - 1].isspace():
        end -= 1
    return begin, end


def split_marks(line: ContextLine) -> list[tuple[str, bool]]:
    """The line as (piece, marked) pairs."""
    pieces: list[tuple[str, bool]] = []
    pos = 0
    for start, end in sorted(line.marks):
        start = max(start, pos)
        if start > pos:
            pieces.append((line.text[pos:start], False))
        if end > start:
            pieces.append((line.text[start:end], True))
        pos = max(pos, end)
    if pos < len(line.text):
        pieces.append((line.text[pos:], False))
    return pieces
