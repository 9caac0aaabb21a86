"""A table of contents: the document's headings listed before the document itself.

A contents list ("Innehåll" with "I. Bakgrund", "II. Parter" … under it, Word's field with
a tab and a page number after each entry, a PDF's dot leaders) repeats the headings of the
body. Read as headings, its entries would open empty sections and use up the numbering that
the real headings continue. A contents list is a run of at least `_MIN_ENTRIES` short lines
with nothing but blank lines between them, each of which stands again later as a line of its
own (page number and leaders aside), in the same order, and with text between those later
lines: in the body each heading has its section under it.
"""

from __future__ import annotations

import re

from lint.model import SourceText

_MIN_ENTRIES = 3
_MAX_ENTRY_WORDS = 12
# A page number after an entry: behind a tab, dot leaders or a wide gap.
_PAGE_REFERENCE = re.compile(r"(?:\t|\s*[.…·_]{2,}\s*|\s{2,})\d{1,3}\s*$")


def contents_lines(source: SourceText) -> frozenset[int]:
    """Indices (0-based) into `source.lines` of the entries of a table of contents."""
    keys = [_entry_key(text) for text in source.line_texts]
    blank = [not text.strip() for text in source.line_texts]
    places: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        if key:
            places.setdefault(key, []).append(index)
    found: set[int] = set()
    index = 0
    while index < len(keys):
        run = _entry_run(keys, blank, index)
        for entries in _repeated_stretches(keys, run, places):
            if len(entries) >= _MIN_ENTRIES and _repeated_in_body(keys, blank, entries, places):
                found.update(entries)
        index = (run[-1] if run else index) + 1
    return frozenset(found)


def _entry_key(text: str) -> str:
    """The line as an entry would name it: no page number, spacing and case aside; empty
    for a line that cannot be an entry (blank, long, a sentence)."""
    text = text.strip()
    if text[-1:].isdigit():
        text = _PAGE_REFERENCE.sub("", text).strip()
    if not text or text.endswith((".", ",", ";", ":")) or len(text.split()) > _MAX_ENTRY_WORDS:
        return ""
    return " ".join(text.split()).lower()


def _entry_run(keys: list[str], blank: list[bool], start: int) -> list[int]:
    """The lines from `start` that could be entries, blank lines between them allowed, up
    to the first that repeats one of them (the body's first heading)."""
    run: list[int] = []
    seen: set[str] = set()
    index = start
    while index < len(keys) and (keys[index] or blank[index]) and keys[index] not in seen:
        if keys[index]:
            run.append(index)
            seen.add(keys[index])
        index += 1
    return run


def _repeated_stretches(
    keys: list[str], run: list[int], places: dict[str, list[int]]
) -> list[list[int]]:
    """The run cut where an entry does not stand again after it (the list's own heading,
    "Innehåll")."""
    stretches: list[list[int]] = [[]]
    for index in run:
        if places[keys[index]][-1] > run[-1]:
            stretches[-1].append(index)
        elif stretches[-1]:
            stretches.append([])
    return [stretch for stretch in stretches if stretch]


def _repeated_in_body(
    keys: list[str], blank: list[bool], run: list[int], places: dict[str, list[int]]
) -> bool:
    """Each entry stands again after the run, in the run's order, and most of them with
    text between (a section's body under its heading)."""
    previous = run[-1]
    spread = 0
    for index in run:
        following = next((i for i in places[keys[index]] if i > previous), None)
        if following is None:
            return False
        if index != run[0] and not all(blank[previous + 1 : following]):
            spread += 1
        previous = following
    return 2 * spread >= len(run) - 1
