"""Prioritized collaboration areas named in the agreement.

An agreement names its areas in a few ways, all announced by a cue from the pack's
vocabulary ("prioriterade samverkansområden", "fokusområden", "prioritera"):

- a list after an introducing sentence ("Parterna har valt att prioritera följande områden:"),
  with "-"/"•" bullets, DOCX list paragraphs or one area a line;
- an inline enumeration after a colon or a copula ("De prioriterade samverkansområdena är A
  och B.");
- a heading such as "Fokusområden" followed by a list or by one sub-heading per area;
- a free mention ("Parterna prioriterar arbetet mot otillåten påverkan"), which counts only
  for the overarching agreement's own areas.

Each named area is matched fuzzily (rapidfuzz on lemmas) against the overarching areas.
"""

from __future__ import annotations

import itertools
import json
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from lint.analyze.context import AnalysisContext
from lint.analyze.needles import Cue
from lint.layout.patterns import (
    BULLET_CLASS,
    CLAUSE_LABEL,
    LIST_MARKER,
    RUNS_ON,
    is_list_item,
    is_page_number,
    outline_number,
)
from lint.model import Kind, Line, PriorityArea, Section, Sentence, SourceText, Span
from lint.nlp import lemmas

KNOWN_SCORE = 85.0  # an enumerated piece this close to an overarching area is that area
HEADING_SCORE = 85.0
MATCH_FLOOR = 50.0  # below this no overarching area is recorded as the nearest one
_MAX_ITEMS = 15
_MAX_ITEM_WORDS = 15
_MAX_SHORT_LINE_WORDS = 12
_MAX_JOIN = 4  # an area name split by "och"/"," spans at most this many pieces
_MAX_CUE_TITLE_CHARS = 40

# Separators of an inline enumeration; a newline separates only before a capital or marker.
_SEPARATOR = re.compile(
    rf"\s*(?:[,;]|\s(?:och|samt|respektive)\s|\n(?=\s*(?:[A-ZÅÄÖ]|[{BULLET_CLASS}])))\s*"
)
_LINE_SEPARATOR = re.compile(rf"\s*\n(?=\s*(?:[A-ZÅÄÖ]|[{BULLET_CLASS}]))\s*")
# Items between semicolons keep their own commas ("… platser, med särskilt fokus på X").
_SEMICOLON_SEPARATOR = re.compile(r"\s*;\s*(?:(?:och|samt)\s+)?")
_HEAD_END = re.compile(r"[.:](?:\s|$)")
# An inline item label: "(1)", "2)", "(b)" at a word's start.
_INLINE_LABEL = re.compile(r"(?<![\w(])\(?(?P<label>\d{1,2}|[a-h])\)\s+")
_ITEM_TAIL = re.compile(r"[\s,;]+(?:och|samt|eller)?\s*$", re.IGNORECASE)
_TRIM = " \t\n.,;:–-•*·\"”'()"
_LETTERS = re.compile(r"[^\W\d_]{3,}")


@dataclass(frozen=True)
class _Area:
    name: str
    forms: tuple[str, ...]  # lemma-normalized name and aliases


@dataclass(frozen=True)
class _Vocab:
    areas: tuple[_Area, ...]
    noun: Cue
    verb: Cue
    list_word: Cue
    copula: re.Pattern[str]
    not_area: re.Pattern[str]
    headings: tuple[str, ...]
    ordinal_item: Cue  # opens a sentence that names one area ("Det andra är")
    # opens a piece that narrows the area before it ("med tyngdpunkt på Rågsved")
    qualifier: Cue


@dataclass(frozen=True)
class _Piece:
    span: Span
    text: str


def extract_priority_areas(ctx: AnalysisContext) -> tuple[PriorityArea, ...]:
    vocab = _vocab(ctx.vocab.get("priority_areas"))
    if vocab is None:
        return ()
    found: dict[tuple[int, int], PriorityArea] = {}
    for area in _all_areas(ctx, vocab):
        key = (area.span.start, area.span.end)
        if not any(_overlaps(area.span, other.span) for other in found.values()):
            found[key] = area
    return tuple(sorted(found.values(), key=lambda a: a.span.start))


def _all_areas(ctx: AnalysisContext, vocab: _Vocab) -> Iterator[PriorityArea]:
    yield from _from_headings(ctx, vocab)
    heading_starts = {s.heading.start for s in ctx.sections}
    for sentence in ctx.sentences:
        if sentence.span.start in heading_starts:
            continue
        yield from _from_sentence(ctx, vocab, sentence, heading_starts)
    yield from _from_situation_lists(ctx, vocab, heading_starts)
    yield from _from_cue_lines(ctx, vocab, heading_starts)


# ---------------------------------------------------------------- vocabulary


def _vocab(raw: Any) -> _Vocab | None:
    if not isinstance(raw, dict) or not raw.get("areas"):
        return None
    return _compiled(json.dumps(raw, sort_keys=True, ensure_ascii=False))


@lru_cache(maxsize=4)
def _compiled(serialized: str) -> _Vocab:
    """The vocabulary with its patterns compiled and area names lemmatized, once per pack."""
    raw = json.loads(serialized)
    cues = raw.get("cues", {})
    areas = tuple(
        _Area(
            entry["name"],
            tuple(_normalize(form) for form in (entry["name"], *entry.get("aliases", ()))),
        )
        for entry in raw["areas"]
    )
    return _Vocab(
        areas=areas,
        noun=_alternation(cues.get("nouns", ())),
        verb=_alternation(cues.get("verbs", ())),
        list_word=_alternation(cues.get("list", ())),
        copula=re.compile(r"\s*(?:" + "|".join(cues.get("copulas", ("är",))) + r")\s+"),
        not_area=re.compile(_alternation(raw.get("not_area", ())).pattern + r"\b", re.I),
        headings=tuple(raw.get("headings", ())),
        ordinal_item=_alternation(cues.get("ordinal_items", ())),
        qualifier=Cue(cues.get("qualifiers", ()), after=r"\b"),
    )


def _alternation(patterns: Iterable[str]) -> Cue:
    return Cue(patterns, before=r"\b")


@lru_cache(maxsize=2048)
def _normalize(text: str) -> str:
    return " ".join(lemmas(text))


# ---------------------------------------------------------------- matching


def _best_match(text: str, vocab: _Vocab, partial: bool) -> tuple[str | None, float]:
    """The overarching area `text` names and the score; `partial` lets a longer text contain it."""
    candidate = _normalize(text)
    if not candidate:
        return None, 0.0
    best: tuple[str | None, float] = (None, 0.0)
    for area in vocab.areas:
        for form in area.forms:
            score = fuzz.ratio(candidate, form)
            if partial and len(form) <= len(candidate) and len(form.split()) >= 2:
                score = max(score, fuzz.partial_ratio(form, candidate))
            if score > best[1]:
                best = (area.name, score)
    return best


def _area(ctx: AnalysisContext, piece: _Piece, vocab: _Vocab, partial: bool) -> PriorityArea:
    name, score = _best_match(piece.text, vocab, partial)
    return PriorityArea(
        text=piece.text,
        span=piece.span,
        matched=name if score >= MATCH_FLOOR else None,
        score=round(score, 1),
    )


def _is_known(area: PriorityArea) -> bool:
    return area.matched is not None and area.score >= KNOWN_SCORE


def _looks_like_name(piece: _Piece, vocab: _Vocab) -> bool:
    words = piece.text.split()
    return (
        0 < len(words) <= _MAX_ITEM_WORDS
        and bool(_LETTERS.search(piece.text))
        and not vocab.not_area.search(piece.text)
    )


# ---------------------------------------------------------------- sentences


def _from_sentence(
    ctx: AnalysisContext, vocab: _Vocab, sentence: Sentence, heading_starts: set[int]
) -> Iterator[PriorityArea]:
    text = ctx.text[sentence.span.start : sentence.span.end]
    noun = vocab.noun.search(text)
    verb = vocab.verb.search(text)
    cues = [m for m in (noun, verb) if m is not None]
    if not cues:
        return
    cue = min(cues, key=lambda m: m.start())
    start = sentence.span.start
    if _column_header(text, vocab):
        return  # "Samverkansområde | Inriktning" heads a table: its rows are the list
    colon = text.find(":", cue.start())
    if colon >= 0:
        inline = _piece(ctx, start + colon + 1, sentence.span.end)
        if inline is None:
            yield from _list_areas(ctx, vocab, start + colon + 1, heading_starts)
        else:
            yield from _enumeration(ctx, vocab, inline, known_only=False)
        return
    after = max(m.end() for m in cues)
    if vocab.list_word.search(text, cue.start()) and not text.endswith((".", "!", "?")):
        # "… följande områden" with the list on the next lines and no colon
        yield from _list_areas(ctx, vocab, sentence.span.end, heading_starts)
        return
    copula = vocab.copula.match(text, noun.end()) if noun else None
    if copula:
        inline = _piece(ctx, start + copula.end(), sentence.span.end)
        if inline is not None:
            yield from _enumeration(ctx, vocab, inline, known_only=False)
        return
    inline = _piece(ctx, start + after, sentence.span.end)
    known = list(_enumeration(ctx, vocab, inline, known_only=True)) if inline is not None else []
    if known:
        yield from known
    elif noun is not None and text.rstrip().endswith("."):
        # "… har valt tre prioriterade samverkansområden för avtalstiden. Det första är …"
        yield from _ordinal_items(ctx, vocab, sentence)


def _ordinal_items(
    ctx: AnalysisContext, vocab: _Vocab, sentence: Sentence
) -> Iterator[PriorityArea]:
    """ "… har enats om tre prioriterade samverkansområden. Det första är A, där … Det andra
    är B, …": after a cue sentence that names none, the sentences that each open with an
    ordinal (the pack's `cues.ordinal_items`) name one area each, up to a comma or the
    sentence's end."""
    section = _innermost_section(ctx, sentence.span.start)
    end = section.body.end if section is not None else len(ctx.text)
    first = bisect_left(ctx.sentences, sentence.span.end, key=lambda s: s.span.start)
    for following in itertools.islice(ctx.sentences, first, None):
        if following.span.start >= end:
            return
        text = ctx.text[following.span.start : following.span.end]
        opener = vocab.ordinal_item.match(text)
        if opener is None:
            return
        name_end = _NAME_END.search(text, opener.end())
        piece = _piece(
            ctx,
            following.span.start + opener.end(),
            following.span.start + (name_end.start() if name_end else len(text)),
        )
        if piece is None:
            continue
        area = _area(ctx, piece, vocab, partial=True)
        if _is_known(area) or _looks_like_name(piece, vocab):
            yield area


# An area named in a sentence of its own ends at a clause break or at the sentence's end.
_NAME_END = re.compile(r"[,;:(]|\.\s*$")


def _innermost_section(ctx: AnalysisContext, offset: int) -> Section | None:
    around = [s for s in ctx.sections if s.body.start <= offset < s.body.end]
    return max(around, key=lambda s: s.level, default=None)


def _piece(ctx: AnalysisContext, start: int, end: int) -> _Piece | None:
    """The trimmed text in [start, end), or None if nothing is left."""
    raw = ctx.text[start:end]
    left = len(raw) - len(raw.lstrip(_TRIM))
    right = len(raw.rstrip(_TRIM))
    if raw[right : right + 1] == ")" and raw.count("(", left, right) > raw.count(")", left, right):
        right += 1  # "Trygg skolväg (lokalt område)": the parenthesis closes one it opened
    if right <= left:
        return None
    span = Span(start + left, start + right)
    return _Piece(span, " ".join(ctx.text[span.start : span.end].split()))


def _enumeration(
    ctx: AnalysisContext, vocab: _Vocab, inline: _Piece, known_only: bool
) -> Iterator[PriorityArea]:
    """Areas in "A, B och C": pieces are joined back where an area's name contains "och".

    With `known_only` (a free mention), other pieces count only beside an overarching area.
    """
    found: list[tuple[PriorityArea, bool]] = []  # (area, names an overarching area)
    pieces = _without_qualifiers(ctx, vocab, _split(ctx, inline))
    index = 0
    while index < len(pieces):
        taken = _longest_known_join(ctx, vocab, pieces, index)
        if taken is not None:
            area, index = taken
            found.append((area, True))
            continue
        piece = pieces[index]
        index += 1
        area = _area(ctx, piece, vocab, partial=True)
        if _is_known(area) or _looks_like_name(piece, vocab):
            found.append((area, _is_known(area)))
    if known_only and not any(known for _, known in found):
        return
    yield from (area for area, _ in found)


def _without_qualifiers(
    ctx: AnalysisContext, vocab: _Vocab, pieces: Sequence[_Piece]
) -> list[_Piece]:
    """The pieces without those that narrow the area before them ("…, med tyngdpunkt på
    Rågsved och Hagsätra, samt …"): a qualifier and what "och" adds to it."""
    kept: list[_Piece] = []
    qualifying = False
    for index, piece in enumerate(pieces):
        if vocab.qualifier.match(piece.text):
            qualifying = True
            continue
        if qualifying and _JOINED_BY_AND.fullmatch(
            ctx.text, pieces[index - 1].span.end, piece.span.start
        ):
            continue
        qualifying = False
        kept.append(piece)
    return kept


_JOINED_BY_AND = re.compile(r"\s+och\s+")


def _split(ctx: AnalysisContext, inline: _Piece) -> list[_Piece]:
    """One piece a line when the text is a list of lines, one a label when it numbers its
    items inline ("(1) …, (2) … och (3) …"), else split at semicolons where there are any,
    or at commas and "och"."""
    chunk = ctx.text[inline.span.start : inline.span.end]
    labelled = _labelled_pieces(ctx, inline.span.start, chunk)
    if labelled:
        return labelled
    if _LINE_SEPARATOR.search(chunk) and not _hard_wrapped(chunk):
        separator = _LINE_SEPARATOR
    else:
        separator = _SEMICOLON_SEPARATOR if ";" in chunk else _SEPARATOR
    pieces = []
    position = inline.span.start
    for match in separator.finditer(chunk):
        piece = _piece(ctx, position, inline.span.start + match.start())
        if piece is not None:
            pieces.append(piece)
        position = inline.span.start + match.end()
    last = _piece(ctx, position, inline.span.end)
    if last is not None:
        pieces.append(last)
    return pieces


def _hard_wrapped(chunk: str) -> bool:
    """Lines of one sentence, not of a list: a line ends in a comma or a word that leads
    on ("… med tyngdpunkt på Rågsved och" | "Hagsätra, samt …")."""
    for line in chunk.split("\n")[:-1]:
        words = line.split()
        if line.rstrip().endswith(",") or (words and words[-1].lower() in RUNS_ON):
            return True
    return False


def _labelled_pieces(ctx: AnalysisContext, offset: int, chunk: str) -> list[_Piece]:
    """The items after inline labels counting up from the first ("(1)", "(2)", "(3)" or
    "a)", "b)"), each up to the next label, without the ", och" that leads to it."""
    labels = [m for m in _INLINE_LABEL.finditer(chunk)]
    if len(labels) < 2 or not _counts_up([m.group("label") for m in labels]):
        return []
    ends = [m.start() for m in labels[1:]] + [len(chunk)]
    pieces = []
    for label, end in zip(labels, ends, strict=True):
        item = _ITEM_TAIL.sub("", chunk[label.end() : end])
        piece = _piece(ctx, offset + label.end(), offset + label.end() + len(item))
        if piece is not None:
            pieces.append(piece)
    return pieces


def _counts_up(labels: Sequence[str]) -> bool:
    first = "1" if labels[0].isdigit() else "a"
    expected = [str(i + 1) if first == "1" else chr(ord("a") + i) for i in range(len(labels))]
    return [label.lower() for label in labels] == expected


def _longest_known_join(
    ctx: AnalysisContext, vocab: _Vocab, pieces: Sequence[_Piece], index: int
) -> tuple[PriorityArea, int] | None:
    best: tuple[PriorityArea, int] | None = None
    for last in range(index + 1, min(index + _MAX_JOIN, len(pieces))):
        joined = _piece(ctx, pieces[index].span.start, pieces[last].span.end)
        if joined is None:
            continue
        area = _area(ctx, joined, vocab, partial=False)
        if _is_known(area) and (best is None or area.score >= best[0].score):
            best = (area, last + 1)
    if best is None:
        return None
    single = _area(ctx, pieces[index], vocab, partial=False)
    return None if single.score > best[0].score else best


# ---------------------------------------------------------------- lists


def _list_areas(
    ctx: AnalysisContext, vocab: _Vocab, after: int, heading_starts: set[int]
) -> Iterator[PriorityArea]:
    """Each item of the list after offset `after` that reads like an area's name."""
    for item in _list_items(ctx, after, heading_starts):
        head = _item_head(ctx, item)
        if head is None or _column_header(ctx.text[head.span.start : head.span.end], vocab):
            continue
        area = _area(ctx, head, vocab, partial=True)
        if _is_known(area) or _looks_like_name(head, vocab):
            yield area


def _column_header(text: str, vocab: _Vocab) -> bool:
    """A table's header row, its first cell the cue's noun alone ("Samverkansområde |
    Inriktning 2025")."""
    first, tab, _rest = text.partition("\t")
    return bool(tab) and vocab.noun.regex.fullmatch(first.strip()) is not None


def _list_items(ctx: AnalysisContext, after: int, heading_starts: set[int]) -> list[_Piece]:
    """The list that follows offset `after`: marked items, DOCX list paragraphs or short lines."""
    source = ctx.source
    lines = source.lines
    if not lines:
        return []
    first = source.line_at(after)
    index = first.number - 1 if after <= first.start else first.number
    # "6.3 … följande samverkansområden:" numbers its items "6.3.1", "6.3.2" …
    lead = outline_number(source.line_text(_paragraph_first_line(source, after)))
    items: list[list[Line]] = []
    marked = False
    blanks = 0
    while index < len(lines) and len(items) < _MAX_ITEMS:
        line = lines[index]
        index += 1
        text = source.line_text(line).strip()
        if is_page_number(text):
            continue
        if not text:
            blanks += 1
            if blanks > (1 if items else 2):
                break
            continue
        if line.start in heading_starts:
            break
        if is_list_item(text, line.style) or (lead and outline_number(text)[:-1] == lead):
            marked = True
            items.append([line])
        elif items and (
            text[0].islower()
            or (marked and _between_items(source, items[-1], text, index, heading_starts))
        ):
            items[-1].append(line)  # a hard-wrapped item ("… i första hand" | "Skanstull")
        elif not marked and _short_line(text):
            items.append([line])
        else:
            break
        blanks = 0
    pieces = (_piece(ctx, _content_start(ctx, item[0]), item[-1].end) for item in items)
    return [p for p in pieces if p is not None]


def _between_items(
    source: SourceText, item: list[Line], text: str, following: int, heading_starts: set[int]
) -> bool:
    """An unmarked line (`text`) in a marked list, between an item that does not end its
    sentence and the next item (line `following`) marked alike: the rest of the item above,
    hard-wrapped ("… i första hand" | "Medborgarplatsen och Skanstull"). Not a sentence or a
    lead-in of its own ("…:"), and the next line no numbered heading."""
    if following >= len(source.lines):
        return False
    above = source.line_text(item[-1]).strip()
    if above.endswith((".", ":", ";", "!", "?")) or text.endswith((".", ":", "!", "?")):
        return False
    line = source.lines[following]
    if line.start in heading_starts:
        return False
    following_text = source.line_text(line).strip()
    if not is_list_item(following_text, line.style):
        return False
    return _marker_kind(following_text) == _marker_kind(source.line_text(item[0]).strip())


def _marker_kind(text: str) -> str:
    """A list item's marker as a kind: a bullet character, or "n" for a number or letter."""
    marker = LIST_MARKER.match(text)
    if marker is None:
        return ""
    first = marker.group().strip()[:1]
    return "n" if first.isalnum() or first == "(" else first


def _paragraph_first_line(source: SourceText, end: int) -> Line:
    """The first line of the paragraph that ends at offset `end` (a lead-in may wrap:
    "6.2 Utifrån lägesbilden har parterna enats om följande" | "samverkansområden:")."""
    lines = source.lines
    index = source.line_at(max(end - 1, 0)).number - 1
    while index > 0 and not outline_number(source.line_text(lines[index])):
        above = source.line_text(lines[index - 1]).strip()
        if not above or above.endswith((".", ":", "!", "?")):
            break
        index -= 1
    return lines[index]


def _short_line(text: str) -> bool:
    """One area a line, without a list marker."""
    return (
        len(text.split()) <= _MAX_SHORT_LINE_WORDS and text[0].isupper() and not text.endswith(":")
    )


def _content_start(ctx: AnalysisContext, line: Line) -> int:
    text = ctx.source.line_text(line)
    marker = LIST_MARKER.match(text) or CLAUSE_LABEL.match(text)
    return line.start + (marker.end() if marker else 0)


def _item_head(ctx: AnalysisContext, item: _Piece) -> _Piece | None:
    """An item's name: its text up to the first sentence end or colon."""
    chunk = ctx.text[item.span.start : item.span.end]
    end = _HEAD_END.search(chunk)
    return _piece(ctx, item.span.start, item.span.start + end.start() if end else item.span.end)


# ---------------------------------------------------------------- headings


def _from_headings(ctx: AnalysisContext, vocab: _Vocab) -> Iterator[PriorityArea]:
    """Cue-only headings ("Fokusområden") with a list below, and sub-headings that name areas.

    The untemplated headings after a cue heading are areas when one of them names an
    overarching area (so that a local area among them counts too); elsewhere in a local
    agreement a heading counts only when it names an overarching area itself.
    """
    heading_starts = {s.heading.start for s in ctx.sections}
    run: list[PriorityArea] = []
    under_cue = False
    for section in ctx.sections:
        if _is_cue_heading(section, vocab) or section.template_key is not None:
            yield from _known_run(run, under_cue)
            run = []
            under_cue = _is_cue_heading(section, vocab)
            if under_cue:
                yield from _list_areas(ctx, vocab, section.heading.end, heading_starts)
            continue
        title = _piece(ctx, section.heading.start, section.heading.end)
        if title is None:
            continue
        area = _area(ctx, title, vocab, partial=False)
        if under_cue:
            run.append(area)
        elif ctx.kind is Kind.LOCAL_AGREEMENT and area.score >= HEADING_SCORE:
            yield area
    yield from _known_run(run, under_cue)


def _known_run(run: list[PriorityArea], under_cue: bool) -> list[PriorityArea]:
    if under_cue and any(_is_known(a) for a in run):
        return run
    return [a for a in run if _is_known(a)]


def _from_cue_lines(
    ctx: AnalysisContext, vocab: _Vocab, heading_starts: set[int]
) -> Iterator[PriorityArea]:
    """A cue heading set as body text ("Fokusområden" above a list, as a PDF may have it)."""
    # A heading wrapped over lines (PDF) ends in a line like "samverkansområden": not a cue;
    # nor is the last word of a hard-wrapped sentence ("… åtgärdsplanens" | "fokusområden.").
    in_heading = _Cover(s.heading for s in ctx.sections)
    for line in ctx.source.lines:
        text = ctx.source.line_text(line).strip().rstrip(":")
        if not 0 < len(text) <= _MAX_CUE_TITLE_CHARS or text.endswith((".", "!", ";", ",")):
            continue
        if in_heading.covers(line.start):
            continue
        if _is_cue_title(text, vocab):
            yield from _list_areas(ctx, vocab, line.end, heading_starts)


def _is_cue_heading(section: Section, vocab: _Vocab) -> bool:
    return _is_cue_title(section.title, vocab)


def _is_cue_title(title: str, vocab: _Vocab) -> bool:
    lowered = title.strip().lower()
    return any(fuzz.ratio(lowered, h.lower()) >= HEADING_SCORE for h in vocab.headings)


def _from_situation_lists(
    ctx: AnalysisContext, vocab: _Vocab, heading_starts: set[int]
) -> Iterator[PriorityArea]:
    """A list in the situation-picture section that names an overarching area by its name:
    all its items are areas, whatever the introducing sentence says ("… arbeta med:")."""
    section = ctx.section_for("situation_picture")
    if section is None:
        return
    for sentence in ctx.sentences_in(section.body):
        if not sentence.text.endswith(":"):
            continue
        areas = list(_list_areas(ctx, vocab, sentence.span.end, heading_starts))
        if any(_exact_known(ctx, a, vocab) for a in areas):
            yield from areas


def _exact_known(ctx: AnalysisContext, area: PriorityArea, vocab: _Vocab) -> bool:
    _, score = _best_match(area.text, vocab, partial=False)
    return score >= KNOWN_SCORE


class _Cover:
    """Which offsets some span covers (start <= offset < end), by bisection over the
    spans' union."""

    def __init__(self, spans: Iterable[Span]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted((s.start, s.end) for s in spans if s.end > s.start):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def covers(self, offset: int) -> bool:
        index = bisect_right(self.starts, offset) - 1
        return index >= 0 and offset < self.ends[index]


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end
