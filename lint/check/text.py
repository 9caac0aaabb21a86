"""Text checks: TXT.

TXT001 compares every word with the pack's known terms (`terms` vocabulary). A word that
contains a term is an inflection or a compound of it and is correct; a word that nearly
starts with a term, with the first and last letters of the term in place, is a near miss
("lokalpolsområde", "stadsdelsförvalting"). Anchoring both ends keeps real words that merely
share a prefix ("kommunpolitiker" against "kommunpolis") from being reported.

TXT002 compares a number in words with the digits beside it: "tre (3)", "3 (tre)".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from lint.check.engine import Param, Violation, register
from lint.model import Document, Span
from lint.textfold import fold

_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_MIN_TERM_CHARS = 8
_ANCHOR = 3  # letters at each end of the term that must be in place
# Swedish noun endings that may follow a misspelled term whose last letters are wrong.
_INFLECTIONS = frozenset(
    {"", "s", "n", "t", "en", "et", "er", "ar", "or", "na", "ens", "ets", "ers", "ars", "ors"}
    | {"erna", "arna", "orna", "ernas", "arnas", "ornas", "nas"}
)
_LENGTH_SLACK = 1  # a near miss is at most one letter longer or shorter


@dataclass(frozen=True)
class _NearMiss:
    term: str
    suggestion: str  # the word with the term's part corrected, in lower case


# ---------------------------------------------------------------- TXT001


@register(
    "term_spelling",
    params={"min_score": Param("number", 90), "vocabulary": Param("string", "terms")},
    messages={"default": {"word", "term"}},
    any_kind=True,
)
def term_spelling(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    vocab = params.get("_vocab") or {}
    terms = _terms(tuple(vocab.get(params.get("vocabulary", "terms")) or ()))
    if not terms:
        return
    min_score = float(params.get("min_score", 90))
    text, to_source = document.reading_text()
    # Each distinct word judged once; most texts have no near miss at all.
    words = {fold(word) for word in set(_WORD.findall(text))}
    misses = {word: miss for word in words if (miss := _near_miss(word, terms, min_score))}
    if not misses:
        return
    for start, end in _occurrences(text, misses):
        word = text[start:end]
        miss = misses[fold(word)]
        span = Span(start, end)
        yield Violation(
            span=to_source.span_to_raw(span) if to_source else span,
            args={"word": word, "term": miss.term},
            suggestion=_same_case(word, miss.suggestion),
        )


def _occurrences(text: str, words: Iterable[str]) -> list[tuple[int, int]]:
    """Where each of `words` (in lower case) stands in `text` as a whole word (`_WORD`), in
    order: found on the text's fold (as long as the text) by plain substring search."""
    folded = fold(text)
    found = []
    for word in words:
        position = folded.find(word)
        while position >= 0:
            end = position + len(word)
            before = position and _LETTER.match(text, position - 1)
            if not before and not (end < len(text) and _LETTER.match(text, end)):
                found.append((position, end))
            position = folded.find(word, end)
    return sorted(found)


@lru_cache(maxsize=8)
def _terms(raw: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple(sorted({str(t).lower() for t in raw if len(str(t)) >= _MIN_TERM_CHARS}))


def _near_miss(word: str, terms: Sequence[str], min_score: float) -> _NearMiss | None:
    if len(word) < _MIN_TERM_CHARS - 1 or any(term in word for term in terms):
        return None
    best: tuple[float, _NearMiss] | None = None
    for term in terms:
        if word[:_ANCHOR] != term[:_ANCHOR]:
            continue
        for length in range(len(term) - _LENGTH_SLACK, len(term) + _LENGTH_SLACK + 1):
            if length > len(word) or not _plausible_rest(word, length, term):
                continue
            score = fuzz.ratio(word[:length], term)
            if score >= min_score and (best is None or score > best[0]):
                best = (score, _NearMiss(term, term + word[length:]))
    return best[1] if best else None


def _plausible_rest(word: str, length: int, term: str) -> bool:
    """The misspelled part ends like the term (any compound may follow), or it is followed
    by no more than an inflection ("beredningsgrupen": "beredningsgrup" + "en")."""
    return word[length - _ANCHOR : length] == term[-_ANCHOR:] or word[length:] in _INFLECTIONS


def _same_case(original: str, suggestion: str) -> str:
    if original.isupper():
        return suggestion.upper()
    if original[:1].isupper():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


# ---------------------------------------------------------------- TXT002


@register(
    "number_words",
    params={"words": Param("mapping", required=True)},
    messages={"default": {"text", "word"}},
    any_kind=True,
)
def number_words(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    words = {str(k).lower(): int(v) for k, v in (params.get("words") or {}).items()}
    if not words:
        return
    word_then_digits, digits_then_word = _number_patterns(tuple(sorted(words, key=len)))
    text, to_source = document.reading_text()
    for pattern, word_group, digit_group in (
        (word_then_digits, 1, 2),
        (digits_then_word, 2, 1),
    ):
        for match in _around_parentheses(pattern, text):
            said = words[match.group(word_group).lower()]
            if said != int(match.group(digit_group)):
                span = Span(match.start(), match.end())
                yield Violation(
                    span=to_source.span_to_raw(span) if to_source else span,
                    args={"text": " ".join(match.group().split()), "word": said},
                    suggestion=None,
                )


# How far a number in words with its digits ("tre (3)", "3 (tre)") reaches either side of
# its opening parenthesis.
_PARENTHESIS_REACH = 64


def _around_parentheses(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose every match holds "(…)", scanning only
    the stretches around the parentheses: a case-blind alternation of words cannot skip
    ahead the way a literal can, and long texts have few parentheses."""
    windows: list[tuple[int, int]] = []
    opening = text.find("(")
    while opening >= 0:
        start = max(0, opening - _PARENTHESIS_REACH)
        closing = text.find(")", opening, opening + _PARENTHESIS_REACH)
        end = closing + 1 if closing >= 0 else min(len(text), opening + _PARENTHESIS_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
        opening = text.find("(", opening + 1)
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


@lru_cache(maxsize=4)
def _number_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alternation = "|".join(re.escape(w) for w in reversed(words))
    word_then_digits = re.compile(rf"\b({alternation})\s*\(\s*(\d{{1,4}})\s*\)", re.IGNORECASE)
    digits_then_word = re.compile(rf"\b(\d{{1,4}})\s*\(\s*({alternation})\s*\)", re.IGNORECASE)
    return word_then_digits, digits_then_word
