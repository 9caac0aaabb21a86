"""Sections by heading: from layout where the format has it, from the text's shape otherwise.

Headings are matched fuzzily against the rule pack's template headings, so that
"Lokala arbetsgrupper" and "Lokal arbetsgrupp" land in the same template section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    for index, (line, level, matched, score) in enumerate(headings):
        following = next(
            (h[0] for h in headings[index + 1 :] if h[1] <= level), None
        )
        body_end = following.start if following else len(source.text)
        sections.append(
            Section(
                title=clean_heading(source.line_text(line)),
                heading=Span(line.start, line.end),
                body=Span(min(line.end + 1, body_end), body_end),
                level=level,
                template_key=matched.key if matched else None,
                template_score=score if matched else 0.0,
            )
        )
    return tuple(sections)


def _find_headings(
    source: SourceText, template: Sequence[TemplateHeading]
) -> list[tuple[Line, int, TemplateHeading | None, float]]:
    lines = source.lines
    found = []
    title_seen = False
    for index, line in enumerate(lines):
        text = source.line_text(line).strip()
        if not text:
            continue
        if not title_seen:
            title_seen = True
            if _shape_ok(text):
                matched, score = match_template(text, template)
                found.append((line, 0 if not matched else matched.level, matched, score))
                continue
        if not _shape_ok(text):
            continue
        matched, score = match_template(text, template)
        if matched and _stands_alone(source, index):
            found.append((line, matched.level, matched, score))
        elif _layout_says_heading(source, line) or (
            _shape_heading(source, index) and _stands_alone(source, index)
        ):
            level = line.style.heading_level or 1
            found.append((line, max(1, min(level, 3)), None, 0.0))
    return found


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
