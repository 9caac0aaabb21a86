"""A table that lays out the agreement itself: each section's title in the first column and
its text beside it ("Avsnitt | Innehåll", "Parter | Bromma stadsdelsförvaltning, …"), the
section's further paragraphs in rows whose first cell is empty. A registrar's document
template does this; a reader reads it as headings over paragraphs."""

from __future__ import annotations

from collections.abc import Sequence

_MAX_LABEL_WORDS = 8  # a section title: a few words
_MIN_PROSE_WORDS = 6  # a section's text: a sentence
_MIN_SECTIONS = 3
_PROSE_SHARE = 0.6  # of the titled rows whose text is prose
_LABEL_CLOSED = (".", ",", ";", ":", "!", "?")
# Of the document's text, the share the table holds: a table that lays out the agreement
# holds most of it; a table of problems and causes inside one section does not.
_MIN_SHARE = 0.4


def section_header_rows(rows: Sequence[tuple[str, str]], share: float) -> list[bool] | None:
    """Whether a table of two-cell rows (title, text; "" for an empty cell) that holds
    `share` of the document lays out its sections: at least three rows titled by a short
    label, most of their texts prose. Returns, for each row, whether it is the table's
    header (its first row when its text is no prose: "Avsnitt | Innehåll"); None for any
    other table."""
    if share < _MIN_SHARE or not rows:
        return None
    header = bool(rows[0][0]) and not _is_prose(rows[0][1])
    titled = [row for row in rows[1 if header else 0 :] if row[0]]
    if len(titled) < _MIN_SECTIONS or not all(_is_label(title) for title, _ in titled):
        return None
    if sum(_is_prose(text) for _, text in titled) < _PROSE_SHARE * len(titled):
        return None
    return [header and number == 0 for number in range(len(rows))]


def _is_label(text: str) -> bool:
    return (
        len(text.split()) <= _MAX_LABEL_WORDS
        and text[:1].isupper()
        and not text.endswith(_LABEL_CLOSED)
    )


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _MIN_PROSE_WORDS and text.endswith((".", "!", "?", ":"))
