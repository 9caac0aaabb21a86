"""Sentences with spans. Hard line breaks inside a paragraph do not end a sentence;
blank lines, list items, the end of a list and headings do."""

from __future__ import annotations

from lint.layout.patterns import (
    SENTENCE_BREAK,
    is_list_item,
    opens_with_clause_number,
    sentence_end,
)
from lint.model import Section, Sentence, SourceText, Span

# Two digits at most: a line that starts "2022. Överenskommelsen" is a wrapped sentence.


def split_sentences(source: SourceText, sections: tuple[Section, ...]) -> tuple[Sentence, ...]:
    headings = [s.heading for s in sections if s.heading.end > s.heading.start]
    sentences: list[Sentence] = []
    for block in _blocks(source, headings):
        sentences.extend(_split_block(source.text, block))
    return tuple(sentences)


def _blocks(source: SourceText, headings: list[Span]) -> list[Span]:
    """Paragraph-like blocks: runs of non-blank lines, cut at list items and headings.

    A heading (which may wrap over several lines in a PDF) is a block of its own."""
    heading_at = {h.start: h for h in headings}
    blocks: list[Span] = []
    start: int | None = None
    end = 0
    inside_heading_until = -1
    after_item = False
    previous = ""
    for line in source.lines:
        text = source.line_text(line)
        if line.start < inside_heading_until:
            continue
        heading = heading_at.get(line.start)
        is_break = not text.strip() or heading is not None or _opens_clause(previous, text)
        previous = text
        starts_item = is_list_item(text, line.style)
        # The layout stage joins a wrapped item into one line: the line after it that is no
        # item and does not run on in lower case starts a paragraph of its own.
        after_item, ends_list = starts_item, after_item and not text.lstrip()[:1].islower()
        if (is_break or starts_item or ends_list) and start is not None:
            blocks.append(Span(start, end))
            start = None
        if heading is not None:
            blocks.append(heading)
            inside_heading_until = heading.end
            continue
        if not text.strip():
            continue
        if start is None:
            start = line.start
        end = line.end
    if start is not None:
        blocks.append(Span(start, end))
    return blocks


def _opens_clause(previous: str, text: str) -> bool:
    """ "… i bilaga 2." | "5.3.2 Beredningsgruppen består av": after a finished sentence, a
    line that opens with a clause number ("5.3.2", "§ 4") starts a paragraph of its own,
    blank line or not (Word paragraphs have none)."""
    if not previous.rstrip().endswith((".", "!", "?", ":")):
        return False
    return opens_with_clause_number(text)


def _split_block(text: str, block: Span) -> list[Sentence]:
    chunk = text[block.start : block.end]
    result = []
    position = 0
    for match in SENTENCE_BREAK.finditer(chunk):
        result.append(_sentence(text, block.start + position, block.start + sentence_end(match)))
        position = match.end()
    result.append(_sentence(text, block.start + position, block.end))
    return [s for s in result if s.text]


def _sentence(text: str, start: int, end: int) -> Sentence:
    raw = text[start:end]
    leading = len(raw) - len(raw.lstrip())
    trailing = len(raw) - len(raw.rstrip())
    span = Span(start + leading, end - trailing)
    return Sentence(span, " ".join(text[span.start : span.end].split()))
