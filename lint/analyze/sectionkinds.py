"""Sections known by what they hold: a heading in words of its own ("Vilka som samarbetar")
over the party list is the template's parties section.

Each template heading names, in the pack (`evidence`), the collections of the model that
show it, tried in turn. A template heading that no heading named is given to the one
unnamed section of its level that holds most of a collection; where no such section is,
or several are, nothing is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from lint.model import Document, Section, Span
from lint.pack import TemplateHeading
from lint.segment import TEMPLATE_MATCH_SCORE


def sections_by_content(
    document: Document, template: Sequence[TemplateHeading]
) -> tuple[Section, ...]:
    sections = list(document.sections)
    named = {s.template_key for s in sections if s.template_key}
    for heading in template:
        if heading.key in named or not heading.evidence:
            continue
        holder = next(
            (
                found
                for name in heading.evidence
                if (found := _holder(sections, list(_evidence(document, name)), heading.level))
                is not None
            ),
            None,
        )
        if holder is None:
            continue
        sections[holder] = _named(sections[holder], heading, "content")
        named.add(heading.key)
    return tuple(_between_neighbours(sections, template))


def _between_neighbours(
    sections: list[Section], template: Sequence[TemplateHeading]
) -> list[Section]:
    """The one unnamed top-level section right before a named one, after the title or a
    named one, where the template has exactly one unnamed heading between theirs, is that
    heading ("1. Det här gäller överenskommelsen" before the parties section is the
    background). Known by its place only, TPL001 reports it as not verified."""
    position = {h.key: i for i, h in enumerate(template)}
    named = {s.template_key for s in sections if s.template_key}
    top = [
        i
        for i, s in enumerate(sections)
        if i > 0 and s.level == 1 and s.heading.end > s.heading.start  # not the title
    ]
    keys = [sections[i].template_key for i in top]
    for slot, index in enumerate(top):
        if keys[slot] is not None:
            continue
        low_slot = max((k for k in range(slot) if keys[k] in position), default=-1)
        high_slot = min(
            (k for k in range(slot + 1, len(top)) if keys[k] in position), default=len(top)
        )
        low = position[keys[low_slot]] if low_slot >= 0 else -1  # type: ignore[index]
        high = position[keys[high_slot]] if high_slot < len(top) else len(template)  # type: ignore[index]
        fits = [h for h in template[low + 1 : high] if h.level == 1 and h.key not in named]
        # Between two named sections: the last ones ("Underskrifter") may be of no template.
        if high_slot < len(top) and high_slot - low_slot == 2 and len(fits) == 1:
            sections[index] = _named(sections[index], fits[0], "position")
            keys[slot] = fits[0].key
            named.add(fits[0].key)
    return sections


def _named(section: Section, heading: TemplateHeading, by: str) -> Section:
    return replace(
        section,
        template_key=heading.key,
        template_score=TEMPLATE_MATCH_SCORE,
        roles=heading.roles,
        named_by=by,
    )


def _evidence(document: Document, name: str) -> Iterable[Span]:
    items: Sequence[object] = getattr(document, name, ())
    return (item.span for item in items)  # type: ignore[attr-defined]


def _holder(sections: Sequence[Section], spans: Sequence[Span], level: int) -> int | None:
    """The one unnamed section of `level` that holds more than half of `spans`."""
    if not spans:
        return None
    found = [
        index
        for index, section in enumerate(sections)
        if index > 0  # the title, or the text before the first heading
        and section.template_key is None
        and section.level == level
        and section.heading.end > section.heading.start  # not the preamble
        and 2 * sum(_within(span, section) for span in spans) > len(spans)
    ]
    return found[0] if len(found) == 1 else None


def _within(span: Span, section: Section) -> bool:
    return section.heading.start <= span.start and span.end <= section.body.end
