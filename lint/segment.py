"""Sections by heading: from layout where the format has it, from the text's shape otherwise.

Headings are matched fuzzily against the rule pack's template headings, so that
"Lokala arbetsgrupper" and "Lokal arbetsgrupp" land in the same template section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from lint.model import Line, Section, SourceText, Span
from lint.pack import TemplateHeading

TEMPLATE_MATCH_SCORE = 85.0
_MAX_HEADING_CHARS = 90
_MAX_HEADING_WORDS = 10
_LIST_MARKER = re.compile(r"^\s*(?:[-•*–·]|\d+[.)]|[a-z][.)])\s+")
_ANNEX_ENTRY = re.compile(r"^\s*bilaga\s+\w+\s*[:.–-]", re.IGNORECASE)
_PAGE_FURNITURE = re.compile(r"^\s*(?:sida|page)?\s*\d+\s*(?:\(\d+\)|av\s+\d+|/\s*\d+)?\s*$", re.I)
_MARKUP = re.compile(r"[#*_]+")
_SENTENCE_END = (".", ",", ";", ":", "!", "?")


def clean_heading(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def match_template(
    title: str, template: Sequence[TemplateHeading]
) -> tuple[TemplateHeading | None, float]:
    """The template heading that `title` names, by the best fuzzy score over titles and aliases."""
    normalized = clean_heading(title).lower()
    best: tuple[TemplateHeading | None, float] = (None, 0.0)
    for heading in template:
        for name in (heading.title, *heading.aliases):
            score = fuzz.ratio(normalized, name.lower())
            if score > best[1]:
                best = (heading, score)
    if best[1] < TEMPLATE_MATCH_SCORE:
        return None, best[1]
    return best


def segment(source: SourceText, template: Sequence[TemplateHeading]) -> tuple[Section, ...]:
    headings = _find_headings(source, template)
    sections = []
    for index, found in enumerate(headings):
        following = next((h.first for h in headings[index + 1 :] if h.level <= found.level), None)
        body_end = following.start if following else len(source.text)
        sections.append(
            Section(
                title=found.title,
                heading=Span(found.first.start, found.last.end),
                body=Span(min(found.last.end + 1, body_end), body_end),
                level=found.level,
                template_key=found.matched.key if found.matched else None,
                template_score=found.score if found.matched else 0.0,
            )
        )
    return tuple(sections)


@dataclass(frozen=True)
class _Heading:
    first: Line
    last: Line  # the heading's last line (a long heading may wrap in a PDF)
    title: str
    level: int
    matched: TemplateHeading | None
    score: float


def _find_headings(source: SourceText, template: Sequence[TemplateHeading]) -> list[_Heading]:
    lines = source.lines
    ranks = _layout_ranks(source)
    found: list[_Heading] = []
    title_seen = False
    index = 0
    while index < len(lines):
        line = lines[index]
        text = source.line_text(line).strip()
        index += 1
        if not text or not _shape_ok(text):
            if text:
                title_seen = True
            continue
        last = line
        layout = _layout_says_heading(source, line)
        if layout:
            while index < len(lines) and _continues_heading(source, last, lines[index]):
                last = lines[index]
                index += 1
        title = clean_heading(source.text[line.start : last.end].replace("\n", " "))
        matched, score = match_template(title, template)
        if not title_seen:
            title_seen = True
            found.append(
                _Heading(line, last, title, matched.level if matched else 0, matched, score)
            )
            continue
        alone = _stands_alone(source, line.number - 1)
        if matched and (layout or alone):
            found.append(_Heading(line, last, title, matched.level, matched, score))
        elif layout or (_shape_heading(source, line.number - 1) and alone):
            level = ranks.get(_layout_key(line), 1)
            found.append(_Heading(line, last, title, level, None, 0.0))
    return found


def _layout_key(line: Line) -> tuple[float, int]:
    """Orders heading styles: a DOCX heading level, or a PDF font size (bold before regular)."""
    style = line.style
    if style.heading_level is not None:
        return (float(style.heading_level), 0)
    return (-(style.font_size or 0.0), 0 if style.bold else 1)


def _layout_ranks(source: SourceText) -> dict[tuple[float, int], int]:
    """Heading level 1, 2, 3 for each heading style used below the document title."""
    keys = sorted(
        {
            _layout_key(line)
            for line in source.lines[1:]
            if _layout_says_heading(source, line) and _shape_ok(source.line_text(line).strip())
        }
    )
    return {key: min(rank, 3) for rank, key in enumerate(keys, start=1)}


def _continues_heading(source: SourceText, last: Line, candidate: Line) -> bool:
    """A wrapped heading: the next line has the same style and starts in lower case."""
    text = source.line_text(candidate).strip()
    return (
        bool(text)
        and text[0].islower()
        and candidate.page == last.page
        and candidate.style == last.style
        and not source.line_text(last).rstrip().endswith(_SENTENCE_END)
    )


def _shape_ok(text: str) -> bool:
    cleaned = clean_heading(text)
    return (
        0 < len(cleaned) <= _MAX_HEADING_CHARS
        and len(cleaned.split()) <= _MAX_HEADING_WORDS
        and not cleaned.endswith(_SENTENCE_END)
        and not _LIST_MARKER.match(text)
        and not _ANNEX_ENTRY.match(cleaned)
        and not _PAGE_FURNITURE.match(cleaned)
        and cleaned[0].isupper()
    )


def _previous_text(source: SourceText, index: int) -> str:
    return source.line_text(source.lines[index - 1]).strip() if index > 0 else ""


def _next_text(source: SourceText, index: int) -> str:
    lines = source.lines
    return source.line_text(lines[index + 1]).strip() if index + 1 < len(lines) else ""


def _stands_alone(source: SourceText, index: int) -> bool:
    """A heading starts after a blank line or after a line that ends a sentence."""
    previous = _previous_text(source, index)
    if not previous:
        return True
    if previous.endswith((",", ":", ";")) or previous.endswith(("och", "eller", "samt")):
        return False
    return previous.endswith((".", "!", "?", ")")) or _shape_ok(previous)


def _layout_says_heading(source: SourceText, line: Line) -> bool:
    style = line.style
    if style.heading_level is not None:
        return True
    if source.format == "pdf" and style.font_size and source.body_font_size:
        return style.font_size >= source.body_font_size + 1.0 or (
            style.bold and style.font_size >= source.body_font_size
        )
    return source.format == "docx" and style.bold and not style.list_item


def _shape_heading(source: SourceText, index: int) -> bool:
    """Plain text: a short capitalized line between blank lines, followed by prose."""
    if source.format != "text":
        return False
    previous = _previous_text(source, index)
    following = _next_text(source, index)
    if previous or following:
        return False
    text = source.line_text(source.lines[index]).strip()
    if any(ch.isdigit() for ch in text) or len(text.split()) > 6:
        return False
    lines = source.lines
    next_lines = [
        source.line_text(line).strip()
        for line in lines[index + 1 : index + 4]
        if source.line_text(line).strip()
    ]
    return bool(next_lines) and len(next_lines[0]) > 60
