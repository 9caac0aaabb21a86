"""Validity and date checks: DAT."""

from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from lint.check.engine import Param, Violation, register
from lint.model import DateMention, Document, Sentence, Span, Validity

CONTEXT_WORDS = 6  # words either side of a date that describe what it dates
MIN_CONTEXT_CHARS = 25  # shorter contexts ("Möte 1: …") say too little to compare
MAX_BUCKET = 40  # dates compared pairwise within one blocking bucket at most

_MARKER_BEFORE_DATE = re.compile(r"(?:\s+(?:den|i|under|per))+\s*$", re.IGNORECASE)
_START_WORDS = re.compile(
    r"\b(?:från(?:\s+och\s+med)?|fr\.?\s?o\.?\s?m\.?|from|start|början)\W*$", re.IGNORECASE
)
_END_WORDS = re.compile(
    r"\b(?:till(?:\s+och\s+med)?|t\.?\s?o\.?\s?m\.?|tom|upphör|längst|senast)\W*$", re.I
)
_NUMBER = re.compile(r"\d+")
_CLAUSE_BREAK = re.compile(r"[,;:()–]")
MIN_SHARED_WORDS = 3  # content words two contexts must share for the word-set comparison
CONTENT_WORD_CHARS = 4
_MASK = "<datum>"


# --- DAT001 ------------------------------------------------------------------------------


@register("validity_present")
def validity_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    if document.validity:
        return
    term = document.section_for("term")
    yield Violation(term.heading if term and term.heading.end > 0 else _first_line(document))


def _first_line(document: Document) -> Span:
    line = next((ln for ln in document.source.lines if ln.end > ln.start), None)
    return Span(line.start, line.end) if line else Span(0, 0)


# --- DAT002 ------------------------------------------------------------------------------


def first_day(mention: DateMention) -> date:
    if mention.precision == "year":
        return date(int(mention.iso[:4]), 1, 1)
    return date.fromisoformat(mention.iso if mention.precision == "day" else mention.iso + "-01")


def last_day(mention: DateMention) -> date:
    if mention.precision == "day":
        return date.fromisoformat(mention.iso)
    if mention.precision == "year":
        return date(int(mention.iso[:4]), 12, 31)
    year, month = (int(part) for part in mention.iso.split("-"))
    return date(year, month, calendar.monthrange(year, month)[1])


def as_of_date(params: Mapping[str, Any]) -> date:
    given = params.get("_as_of")
    try:
        return date.fromisoformat(str(given)) if given else date.today()
    except ValueError:
        return date.today()


@register(
    "validity_current",
    messages={
        "default": {"end", "as_of"},
        "reversed": {"end", "as_of", "start"},
        "impossible": {"date"},
    },
)
def validity_current(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    as_of = as_of_date(params)
    reported: set[tuple[str | None, str]] = set()
    for validity in document.validity:
        for span in validity.impossible:
            date_text = " ".join(document.source.slice(span).split())
            yield Violation(span, "impossible", {"date": date_text})
        if validity.end is None:
            end_by_duration = _end_by_duration(document, validity)
            if end_by_duration is not None and end_by_duration < as_of:
                args = {"end": end_by_duration.isoformat(), "as_of": as_of.isoformat()}
                yield Violation(validity.duration_span or validity.span, "default", args)
            continue
        key = (validity.start.iso if validity.start else None, validity.end.iso)
        if key in reported:
            continue  # a memo repeats the clause in its summary and its body
        end = last_day(validity.end)
        args = {"end": end.isoformat(), "as_of": as_of.isoformat()}
        if validity.start and end < first_day(validity.start):
            reported.add(key)
            span = Span(validity.start.span.start, validity.end.span.end)
            if validity.end.span.start < validity.start.span.start:
                span = Span(validity.end.span.start, validity.start.span.end)
            yield Violation(span, "reversed", {**args, "start": validity.start.iso})
        elif end < as_of:
            reported.add(key)
            yield Violation(validity.end.span, "default", args)  # the words of the end date


def _end_by_duration(document: Document, validity: Validity) -> date | None:
    """The last day of "gäller i två år från …": from the stated start, or from the last
    signature when the agreement runs from signing."""
    if not validity.duration_months:
        return None
    if validity.start is not None:
        begin = first_day(validity.start)
    elif validity.from_signing:
        signed = [first_day(s.date) for s in document.signatures if s.date is not None]
        if not signed:
            return None
        begin = max(signed)
    else:
        return None
    months = begin.month - 1 + validity.duration_months
    year, month = begin.year + months // 12, months % 12 + 1
    day = min(begin.day, calendar.monthrange(year, month)[1])
    return date(year, month, day) - timedelta(days=1)


# --- DAT003 ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dated:
    mention: DateMention
    sentence: Sentence
    left: str  # masked words before the date
    right: str  # masked words after it
    marker: str  # "start", "end" or "" from the words just before the date
    sentence_words: frozenset[str] = frozenset()  # the content words of its whole sentence
    alone: bool = False  # the only date of its sentence: every word of it is about this date

    @property
    def context(self) -> str:
        return f"{self.left} {_MASK} {self.right}"


@register(
    "dates_consistent",
    params={"min_similarity": Param("number", 80), "event_words": Param("strings", [])},
    messages={"default": {"first", "first_line", "second"}},
)
def dates_consistent(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    min_similarity = float(params.get("min_similarity", 80))
    event_words = tuple(w.lower() for w in params.get("event_words", ()))
    dated = dated_contexts(document)
    reported: set[int] = set()
    for first, second in candidate_pairs(dated):
        if second.mention.span.start in reported or not _conflicting(first.mention, second.mention):
            continue
        if similarity(first, second) < min_similarity:
            continue
        if different_events(first, second, event_words):
            continue
        reported.add(second.mention.span.start)
        source = document.source
        yield Violation(
            second.mention.span,
            args={
                "first": source.slice(first.mention.span),
                "first_line": source.line_at(first.mention.span.start).number,
                "second": source.slice(second.mention.span),
            },
            suggestion=source.slice(first.mention.span),
        )


def dated_contexts(document: Document) -> list[_Dated]:
    """Each date outside signature blocks with the masked words around it in its sentence."""
    signed = {s.date.span for s in document.signatures if s.date}
    by_sentence = _dates_by_sentence(document.sentences, document.dates)
    result = []
    for sentence, mentions in by_sentence:
        masked = _masked(document.source.text, sentence.span, mentions)
        for index, mention in enumerate(mentions):
            if mention.span in signed:
                continue
            left_text, right_text = masked[index]
            left = " ".join(left_text.split()[-CONTEXT_WORDS:])
            right = " ".join(right_text.split()[:CONTEXT_WORDS])
            if len(left) + len(right) < MIN_CONTEXT_CHARS:
                continue
            marker = (
                "start" if _START_WORDS.search(left) else "end" if _END_WORDS.search(left) else ""
            )
            words = frozenset(_content_words(f"{left_text} {right_text}"))
            alone = len(mentions) == 1
            result.append(_Dated(mention, sentence, left, right, marker, words, alone))
    return result


def _dates_by_sentence(
    sentences: Sequence[Sentence], dates: Sequence[DateMention]
) -> list[tuple[Sentence, list[DateMention]]]:
    result: list[tuple[Sentence, list[DateMention]]] = []
    ordered = sorted(dates, key=lambda d: d.span.start)
    position = 0
    for sentence in sentences:  # sentences and dates are both in text order
        while position < len(ordered) and ordered[position].span.start < sentence.span.start:
            position += 1
        inside = []
        scan = position
        while scan < len(ordered) and ordered[scan].span.start < sentence.span.end:
            inside.append(ordered[scan])
            scan += 1
        if inside:
            result.append((sentence, inside))
    return result


def _masked(text: str, span: Span, mentions: Sequence[DateMention]) -> list[tuple[str, str]]:
    """For each date: the sentence before and after it, with every date masked."""
    pieces = []
    cursor = span.start
    for mention in mentions:
        pieces.append(text[cursor : mention.span.start])
        cursor = mention.span.end
    pieces.append(text[cursor : span.end])
    # "i maj 2015" and "den 4 november" keep the event's words, not the preposition.
    pieces = [
        _MARKER_BEFORE_DATE.sub(" ", p) if i < len(mentions) else p for i, p in enumerate(pieces)
    ]
    normal = [" ".join(p.lower().split()) for p in pieces]
    result = []
    for index in range(len(mentions)):
        left = f" {_MASK} ".join(normal[: index + 1])
        right = f" {_MASK} ".join(normal[index + 1 :])
        result.append((left, right))
    return result


def candidate_pairs(dated: Sequence[_Dated]) -> Iterator[tuple[_Dated, _Dated]]:
    """Pairs that share a blocking key (the word before or after the date), in text order.

    Buckets are capped so that a document full of dates stays linear-ish."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, item in enumerate(dated):
        left_words = item.left.split()
        right_words = item.right.split()
        if left_words:
            buckets[("L", left_words[-1])].append(index)
        if right_words:
            buckets[("R", right_words[0])].append(index)
    pairs = [
        (a, b)
        for members in buckets.values()
        for i, a in enumerate(members[:MAX_BUCKET])
        for b in members[i + 1 : MAX_BUCKET]
    ]
    pairs.extend(_described_pairs(dated))
    seen: set[tuple[int, int]] = set()
    for a, b in pairs:
        if (a, b) in seen:
            continue
        seen.add((a, b))
        first, second = dated[a], dated[b]
        if first.sentence.span == second.sentence.span or first.marker != second.marker:
            continue
        yield first, second


def _described_pairs(dated: Sequence[_Dated]) -> Iterator[tuple[int, int]]:
    """Pairs (in text order) where the words on one side of one date all occur in the
    other date's sentence: "…, som kommunfullmäktige godkände 2019-11-18" and
    "Kommunfullmäktige godkände … den 4 november 2019." say the same in another order."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, item in enumerate(dated):
        for word in _content_words(item.context):
            index[word].append(position)
    for position, other in enumerate(dated):
        if not other.alone:
            continue
        near = {n for word in other.sentence_words for n in index.get(word, ())[:MAX_BUCKET]}
        for candidate in sorted(near - {position}):
            if _described_in(dated[candidate], other):
                yield (min(candidate, position), max(candidate, position))


def similarity(a: _Dated, b: _Dated) -> float:
    """How alike the two contexts are: as strings, or as word sets when they share enough
    content words (one sentence may say more around the date than the other). Contexts
    with different numbers ("möte 3" / "möte 4") are different statements."""
    numbers_a, numbers_b = set(_NUMBER.findall(a.context)), set(_NUMBER.findall(b.context))
    if numbers_a and numbers_b and numbers_a != numbers_b:
        return 0.0
    score = fuzz.ratio(a.context, b.context)
    shared = _content_words(a.context) & _content_words(b.context)
    if len(shared) >= MIN_SHARED_WORDS:
        score = max(score, fuzz.token_set_ratio(a.context, b.context))
    if _described_in(a, b) or _described_in(b, a):
        score = 100.0
    return score


def _described_in(near: _Dated, other: _Dated) -> bool:
    """The words on one side of `near`'s date say what `other`'s sentence (about that one
    date only) says: the words of the date's clause on that side ("som kommunfullmäktige
    godkände <datum>"), the word next to the date among them, occur in it, and so do at
    least MIN_SHARED_WORDS content words of that side."""
    if not other.alone:
        return False
    for side, next_to_date in ((near.left, -1), (near.right, 0)):
        words = re.findall(r"\w+|[^\w\s]", side)
        if not words or words[next_to_date] not in _content_words(words[next_to_date]):
            continue
        clause = _CLAUSE_BREAK.split(side)[next_to_date]
        shared = _content_words(side) & other.sentence_words
        if len(shared) >= MIN_SHARED_WORDS and _content_words(clause) <= other.sentence_words:
            return True
    return False


def different_events(a: _Dated, b: _Dated, event_words: Sequence[str]) -> bool:
    """Each context names something the other does not ("Kommunstyrelsen godkände …" /
    "Polisområdets ledning godkände …", "lägesbilden" / "åtgärdsplanen", "den första" /
    "den senaste"): two events, not one event dated twice. A word counts inside a
    compound ("kommunpolisen" names the police)."""
    named_a = _event_words(a.context, event_words)
    named_b = _event_words(b.context, event_words)
    return bool(named_a - named_b) and bool(named_b - named_a)


def _event_words(context: str, event_words: Sequence[str]) -> set[str]:
    words = re.findall(r"\w+", context)
    return {e for e in event_words if any(e in word for word in words)}


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text) if len(w) >= CONTENT_WORD_CHARS}


# How much of an ISO date each precision states: "2024-03-05", "2024-03", "2024".
_ISO_WIDTH = {"day": 10, "month": 7, "year": 4}


def _conflicting(a: DateMention, b: DateMention) -> bool:
    """Different dates, compared at the coarser of the two precisions."""
    width = min(_ISO_WIDTH.get(a.precision, 10), _ISO_WIDTH.get(b.precision, 10))
    return a.iso[:width] != b.iso[:width]
