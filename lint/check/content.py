"""Required content: topics that an agreement must describe, with their words as data.

A rule of check type `required_content` lists one or more requirements; each names the
evidence that the document describes it:

- `headings`: patterns (regular expressions, matched case-insensitively) for a heading of
  the topic. With `heading_suffices` a matching heading with text under it is enough;
- `section_cues`: patterns that count as evidence in the text under a matching heading
  (e.g. measurable values under "Mål");
- `cues`: patterns that count as evidence anywhere in the scope (e.g. "troliga orsaker");
- `words`: lemmas that count as evidence anywhere in the scope ("dokumentera" finds
  "dokumenteras" and "dokumenterade").

`scope: signatures` looks only at the signature part of the document (from its heading,
"Underskrifter", or from the first signature block found): who signs, not who is said
to sign. The evidence is looked for in the text as the analyzers read it (the layout's
view: a table cell or a line that a PDF wrapped is joined again, "Lokalpolisområdesche" |
"f" is "Lokalpolisområdeschef"), and a finding points into the reader's text. Each
requirement that finds no evidence gives one finding, with the requirement's own name in
the message (`{requirement}`, its `sv` or `en` text in the report's language).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from lint.check.engine import Param, Violation, register
from lint.layout.patterns import BULLET_MARKER, outline_number
from lint.localize import Text
from lint.model import Document, Span

_NUMBERING = re.compile(
    r"^\s*(?:§\s*\d+[a-z]?|\d+(?:\.\d+)*[.)]?|[IVXLC]+[.)]|[A-Z]\d*(?:\.\d+)*[.)]?"
    r"|del\s+[A-Z]\b\s*[–-]?)\s+",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[#*_]+")
# A numbered line that ends as a sentence or an introduction is a list item, not a heading.
_NUMBERED_SENTENCE = re.compile(r"^\s*\d+[.)]\s+\S+.*[.:]$")
_MAX_HEADING_WORDS = 10
_MAX_HEADING_CHARS = 90
_MAX_SECTION_LINES = 60
_MIN_BODY_WORDS = 3
REQUIREMENT_KEYS = frozenset(
    {"key", "sv", "en", "headings", "heading_suffices", "section_cues", "cues", "words"}
)


@register(
    "required_content",
    params={
        "require": Param(
            "list",
            required=True,
            doc="the requirements (see lint/check/content.py)",
            validate=lambda value: [
                f"[{i}]: {problem}"
                for i, r in enumerate(value)
                for problem in requirement_problems(r)
            ],
        ),
        "scope": Param("string", "document", doc="document or signatures"),
        "signature_headings": Param("strings", [], doc="headings of the signature part"),
        "anchor_headings": Param("strings", [], doc="where a finding points when one matches"),
    },
    messages={"default": {"requirement", "key"}},
    translated={"requirement"},
)
def required_content(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    lines = _lines(document)
    if params.get("scope") == "signatures":
        lines = _signature_part(document, lines, params.get("signature_headings", ()))
    headings = _headings(lines)
    anchor = _anchor(document, lines, headings, params)
    if document.reading is not None and document.reading_map is not None:
        anchor = document.reading_map.span_to_raw(anchor)
    for requirement in params.get("require", ()):
        if _described(requirement, lines, headings):
            continue
        key = str(requirement.get("key", ""))
        yield Violation(span=anchor, args={"requirement": Text.of(requirement, key), "key": key})


def requirement_problems(requirement: Any) -> list[str]:
    """What is wrong with one requirement of a pack (for validation at load)."""
    if not isinstance(requirement, dict):
        return ["a requirement is a mapping (key, sv, en, headings, cues, ...)"]
    problems = [f"unknown key '{k}'" for k in requirement if k not in REQUIREMENT_KEYS]
    for key in ("key", "sv", "en"):
        if not isinstance(requirement.get(key), str):
            problems.append(f"'{key}' must be a text")
    for key in ("headings", "section_cues", "cues", "words"):
        value = requirement.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            problems.append(f"'{key}' must be a list of texts")
            continue
        if key != "words":
            for pattern in value:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    problems.append(f"'{key}': bad pattern {pattern!r} ({exc})")
    if not any(requirement.get(k) for k in ("headings", "cues", "words")):
        problems.append("needs headings, cues or words")
    return problems


# --- evidence -----------------------------------------------------------------------------

_Line = tuple[int, int, str]  # start, end, text


def _described(requirement: Mapping[str, Any], lines: list[_Line], headings: list[int]) -> bool:
    heading_patterns = _patterns(tuple(requirement.get("headings", ())))
    section_cues = _patterns(tuple(requirement.get("section_cues", ())))
    for index in headings:
        title = _heading_title(lines[index][2])
        if not any(p.search(title) for p in heading_patterns):
            continue
        body = _normalized(_body(lines, headings, index))
        if requirement.get("heading_suffices") and len(body.split()) >= _MIN_BODY_WORDS:
            return True
        if any(p.search(body) for p in section_cues):
            return True
    text = _normalized(" ".join(line[2] for line in lines))
    if any(p.search(text) for p in _patterns(tuple(requirement.get("cues", ())))):
        return True
    words = requirement.get("words", ())
    if words:
        from lint.nlp import contains_lemma

        return contains_lemma(text, words)
    return False


@lru_cache(maxsize=512)
def _patterns(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def _normalized(text: str) -> str:
    return " ".join(text.split())


def _lines(document: Document) -> list[_Line]:
    """The lines of the reading view (offsets into it), or of the reader's text."""
    source = document.reading if document.reading is not None else document.source
    return [(line.start, line.end, source.line_text(line)) for line in source.lines]


def _heading_title(text: str) -> str:
    cleaned = " ".join(_MARKUP.sub(" ", text).split())
    return _NUMBERING.sub("", cleaned, count=1).strip()


def _heading_shaped(text: str) -> bool:
    """A line that can be a heading: short, not a sentence, not a list item or table row."""
    if "\t" in text or BULLET_MARKER.match(text) or _NUMBERED_SENTENCE.match(text):
        return False
    title = _heading_title(text)
    return (
        0 < len(title) <= _MAX_HEADING_CHARS
        and len(title.split()) <= _MAX_HEADING_WORDS
        and not title.endswith((".", ",", ";", ":"))
        and title[0].isupper()
    )


def _headings(lines: list[_Line]) -> list[int]:
    """Indexes of the heading lines: heading-shaped and standing alone (after a blank line
    or a line that ends a sentence, or set in capitals or numbered)."""
    found = []
    previous = ""
    for index, (_, _, text) in enumerate(lines):
        stripped = text.strip()
        if stripped and _heading_shaped(stripped):
            alone = not previous or previous.endswith((".", "!", "?", ")"))
            if alone or _NUMBERING.match(stripped) or stripped.isupper():
                found.append(index)
        if stripped:
            previous = stripped
    return found


def _body(lines: list[_Line], headings: list[int], index: int) -> str:
    """The lines under a heading up to the next one that is not its sub-heading ("5.1" and
    "5.2" lie inside "5 Fokusområden och mål")."""
    number = outline_number(lines[index][2])
    following = [
        h
        for h in headings
        if h > index and not (number and _is_below(outline_number(lines[h][2]), number))
    ]
    end = min([*following[:1], index + 1 + _MAX_SECTION_LINES, len(lines)])
    return " ".join(text for _, _, text in lines[index + 1 : end])


def _is_below(number: tuple[int, ...], parent: tuple[int, ...]) -> bool:
    return len(number) > len(parent) and number[: len(parent)] == parent


def _signature_part(
    document: Document, lines: list[_Line], signature_headings: Sequence[str]
) -> list[_Line]:
    patterns = _patterns(tuple(signature_headings))
    starts = [
        lines[i][0]
        for i in _headings(lines)
        if any(p.search(_heading_title(lines[i][2])) for p in patterns)
    ]
    if starts:
        start = starts[-1]
    elif document.signatures:  # a block's span is in the reader's text
        first = min(s.span.start for s in document.signatures)
        mapping = document.reading_map if document.reading is not None else None
        return [
            line for line in lines if (mapping.to_raw(line[0]) if mapping else line[0]) >= first
        ]
    else:  # no signature heading and no block found: the last fifth of the text
        start = lines[len(lines) * 4 // 5][0] if lines else 0
    return [line for line in lines if line[0] >= start]


def _anchor(
    document: Document, lines: list[_Line], headings: list[int], params: Mapping[str, Any]
) -> Span:
    patterns = _patterns(tuple(params.get("anchor_headings", ())))
    for index in headings:
        if any(p.search(_heading_title(lines[index][2])) for p in patterns):
            start, end, text = lines[index]
            return Span(start + len(text) - len(text.lstrip()), end)
    for start, end, text in lines:
        if text.strip():
            return Span(start + len(text) - len(text.lstrip()), end)
    return Span(0, 0)
