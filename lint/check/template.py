"""Template section and prioritized-area checks: TPL, PRI.

The template's headings come from the rule's params (the pack's `template` list), so a new
template needs a new pack, not new code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lint.check.engine import Param, Violation, register
from lint.layout.patterns import UNNUMBERED_MARKER
from lint.model import Document, Span
from lint.pack import TemplateHeading
from lint.segment import clean_heading, match_template

_MAX_LOOSE_HEADING_WORDS = 10
_MAX_AREA_CHARS = 80
_SECTION_NUMBER = re.compile(r"^(?:§\s*)?\d+(?:\.\d+)*\.?\s+")


@dataclass(frozen=True)
class _Found:
    heading: TemplateHeading
    index: int  # position in the template
    span: Span
    title: str
    named_by: str = "heading"


# ---------------------------------------------------------------- template


@register(
    "template_sections_present",
    params={"min_score": Param("number", 85), "template": Param("list", required=True)},
    messages={"default": {"heading", "key"}, "unverified": {"heading", "key", "title"}},
)
def template_sections_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    template = _template(params)
    found = {f.heading.key: f for f in _template_sections(document, template, params)}
    for index, heading in enumerate(template):
        section = found.get(heading.key)
        if section is None:
            yield Violation(
                span=_missing_anchor(document, template, found, index),
                args={"heading": heading.title, "key": heading.key},
            )
        elif section.named_by == "position":  # its heading does not name it
            yield Violation(
                span=section.span,
                key="unverified",
                args={"heading": heading.title, "key": heading.key, "title": section.title},
                unverified=True,
            )


@register(
    "template_sections_order",
    params={"min_score": Param("number", 85), "template": Param("list", required=True)},
    messages={"default": {"heading", "previous"}},
)
def template_sections_order(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    found = _template_sections(document, _template(params), params)
    in_order = _longest_increasing(found)
    for position, section in enumerate(found):
        if position in in_order:
            continue
        later_smaller = next((f for f in found[position + 1 :] if f.index < section.index), None)
        if later_smaller is not None:
            first, second = section, later_smaller
        else:
            earlier = [f for f in found[:position] if f.index > section.index]
            first, second = earlier[0], section
        yield Violation(span=section.span, args={"heading": first.title, "previous": second.title})


def _template(params: Mapping[str, Any]) -> tuple[TemplateHeading, ...]:
    return tuple(
        TemplateHeading(
            str(raw["key"]),
            str(raw["title"]),
            int(raw.get("level", 1)),
            tuple(raw.get("aliases", ())),
            tuple(raw.get("keywords", ())),
        )
        for raw in params.get("template", ())
    )


def _template_sections(
    document: Document, template: Sequence[TemplateHeading], params: Mapping[str, Any]
) -> list[_Found]:
    """The first heading of each template section, in document order.

    Sections come from segmentation; a template heading that segmentation did not take
    for a heading (a renamed heading set in body text) is looked for among the short lines.
    """
    min_score = float(params.get("min_score", 85))
    position = {h.key: i for i, h in enumerate(template)}
    found: dict[str, _Found] = {}
    for section in document.sections:
        key = section.template_key
        if key in position and key not in found and section.template_score >= min_score:
            heading = template[position[key]]
            found[key] = _Found(
                heading, position[key], section.heading, section.title, section.named_by
            )
    if len(found) < len(template):
        for loose in _loose_headings(document, template):
            found.setdefault(loose.heading.key, loose)
    return sorted(found.values(), key=lambda f: f.span.start)


def _loose_headings(document: Document, template: Sequence[TemplateHeading]) -> Iterator[_Found]:
    source = document.source
    position = {h.key: i for i, h in enumerate(template)}
    for line in source.lines:
        text = source.line_text(line).strip()
        title = clean_heading(text)
        if not _heading_shaped(text, _SECTION_NUMBER.sub("", title)):
            continue
        heading, _ = match_template(title, template)
        if heading is not None:
            yield _Found(heading, position[heading.key], Span(line.start, line.end), title)


def _heading_shaped(text: str, title: str) -> bool:
    return (
        bool(title)
        and title[0].isupper()
        and len(title.split()) <= _MAX_LOOSE_HEADING_WORDS
        and not title.endswith((".", ",", ";", "!", "?"))
        and not UNNUMBERED_MARKER.match(text)
    )


def _missing_anchor(
    document: Document,
    template: Sequence[TemplateHeading],
    found: Mapping[str, _Found],
    index: int,
) -> Span:
    """Where a missing section belongs: before the next template section that is there."""
    for heading in template[index + 1 :]:
        if heading.key in found:
            start = found[heading.key].span.start
            return Span(start, start)
    for heading in reversed(template[:index]):
        if heading.key in found:
            end = found[heading.key].span.end
            return Span(end, end)
    return Span(0, 0)


def _longest_increasing(found: Sequence[_Found]) -> set[int]:
    """Positions of a longest run of sections in template order (quadratic: at most ~11)."""
    best_length = [1] * len(found)
    parent = [-1] * len(found)
    for i, current in enumerate(found):
        for j in range(i):
            if found[j].index < current.index and best_length[j] + 1 > best_length[i]:
                best_length[i], parent[i] = best_length[j] + 1, j
    if not found:
        return set()
    position = max(range(len(found)), key=lambda i: (best_length[i], -i))
    chain = set()
    while position >= 0:
        chain.add(position)
        position = parent[position]
    return chain


# ---------------------------------------------------------------- priorities


@register("priority_areas_present")
def priority_areas_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    if document.priority_areas:
        return
    section = document.section_for("situation_picture")
    span = section.heading if section is not None else Span(0, 0)
    yield Violation(span=span)


@register(
    "priority_areas_known",
    params={"min_score": Param("number", 80)},
    messages={"default": {"area"}},
)
def priority_areas_known(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    min_score = float(params.get("min_score", 80))
    for area in document.priority_areas:
        if area.matched is not None and area.score >= min_score:
            continue
        yield Violation(span=area.span, args={"area": _shorten(area.text)})


def _shorten(text: str) -> str:
    return text if len(text) <= _MAX_AREA_CHARS else text[: _MAX_AREA_CHARS - 1].rstrip() + "…"
