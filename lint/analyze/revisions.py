"""Revision intervals of the agreement and of the situation picture (issue: organisation).

A revision is a sentence with a revision word ("revideras", "uppdateras", "ses över") whose
subject is the local agreement or the situation picture (lägesbild), and the interval the
sentence gives ("en gång per år", "vartannat år", "var 18:e månad"), in months. The
subject is the nearest subject named before the revision word ("Den lokala lägesbilden
ska revideras …"), or right after it ("Revidering av överenskommelsen sker …"); the
overarching agreement and the action plans are other subjects, never the agreement's.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from lint.analyze.context import AnalysisContext
from lint.analyze.frequency import Interval, find_intervals
from lint.analyze.needles import Cue
from lint.model import Revision, Section, Sentence

_AFTER_WINDOW = 40  # characters after the revision word where its subject may follow
_CLAUSE = re.compile(r"[;:]|\.\s")
_LABEL_WORDS = 5  # "• Lägesbild (bilaga 1):"
# Words that join subjects revised together ("Överenskommelsen och dess bilagor").
_COORDINATION = frozenset(
    [
        "och",
        "samt",
        ",",
        "dess",
        "den",
        "det",
        "de",
        "lokala",
        "gemensamma",
        "med",
        "inklusive",
        "liksom",
        "tillhörande",
    ]
)


def extract_revisions(ctx: AnalysisContext) -> tuple[Revision, ...]:
    vocab = (ctx.vocab.get("roles") or {}).get("revisions")
    if not vocab:
        return ()
    cue = Cue(vocab["cues"], before=r"(?<![\wåäö])", after=r"(?![\wåäö])")
    subjects = [
        (key, re.compile(r"(?<![\wåäö])(?:" + "|".join(words) + r")(?![\wåäö])", re.IGNORECASE))
        for key, words in vocab["subjects"].items()
    ]
    # Subjects read only so that their words are not taken for another's ("the overarching
    # agreement" is not the agreement): their revisions are not reported.
    ignored = frozenset(vocab.get("ignored_subjects", ()))
    found: dict[tuple[str, int, int], Revision] = {}
    body_starts = _body_starts(ctx.sections)
    for sentence in ctx.sentences:
        if not cue.search(sentence.text):
            continue
        section_key = _section_key(ctx, sentence, body_starts)
        default = vocab.get("default_subject", {}).get(section_key)
        for revision in _revisions(ctx.text, sentence, cue, subjects, default, ignored):
            found.setdefault((revision.subject, revision.span.start, revision.span.end), revision)
    return tuple(sorted(found.values(), key=lambda r: (r.span.start, r.subject)))


def _section_key(ctx: AnalysisContext, sentence: Sentence, starts: list[int] | None) -> str | None:
    """The template key of the last section (the innermost) whose body holds the sentence;
    `starts` are the sections' body starts when they are in order (`_body_starts`)."""
    offset = sentence.span.start
    if starts is None:  # bodies out of order: look at every section
        containing = [s for s in ctx.sections if s.body.start <= offset < s.body.end]
        return containing[-1].template_key if containing else None
    # Only sections whose body starts at or before the offset can hold it: the latest first.
    for index in range(bisect_right(starts, offset) - 1, -1, -1):
        if offset < ctx.sections[index].body.end:
            return ctx.sections[index].template_key
    return None


def _body_starts(sections: tuple[Section, ...]) -> list[int] | None:
    starts = [s.body.start for s in sections]
    return starts if starts == sorted(starts) else None


def _revisions(
    text: str,
    sentence: Sentence,
    cue: Cue,
    subjects: list[tuple[str, re.Pattern[str]]],
    default: str | None,
    ignored: frozenset[str] = frozenset(),
) -> Iterator[Revision]:
    raw = text[sentence.span.start : sentence.span.end]
    mentions = sorted(
        ((m.start(), m.end(), key) for key, pattern in subjects for m in pattern.finditer(raw)),
        key=lambda m: (m[0], -(m[1] - m[0])),
    )
    mentions = _without_overlaps(mentions)
    intervals = find_intervals(raw, sentence.span.start, deadlines=True)
    for match in cue.finditer(raw):
        keys = _subjects_of(raw, match, mentions) or ([default] if default else [])
        interval = _nearest(intervals, sentence.span.start + match.start())
        for key in keys:
            if key not in ignored:
                yield Revision(
                    subject=key,
                    months=interval.months if interval else None,
                    span=sentence.span,
                    interval_span=interval.span if interval else None,
                )


def _without_overlaps(mentions: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for mention in mentions:
        if not kept or mention[0] >= kept[-1][1]:
            kept.append(mention)
    return kept


def _subjects_of(raw: str, cue: re.Match[str], mentions: list[tuple[int, int, str]]) -> list[str]:
    """The subject(s) named nearest before the revision word in its clause, else right after."""
    clause_start = max((m.end() for m in _CLAUSE.finditer(raw, 0, cue.start())), default=0)
    before = [m for m in mentions if clause_start <= m[0] and m[1] <= cue.start()]
    if before:
        chosen = [before[-1]]
        for mention in reversed(before[:-1]):
            gap = raw[mention[1] : chosen[0][0]].replace(",", " , ").lower().split()
            if not all(word in _COORDINATION for word in gap):
                break
            chosen.insert(0, mention)
        return [m[2] for m in chosen]
    labelled = _label_subjects(raw, cue, mentions)
    if labelled:
        return labelled
    after = [m for m in mentions if cue.end() <= m[0] < cue.end() + _AFTER_WINDOW]
    return [after[0][2]] if after else []


def _label_subjects(
    raw: str, cue: re.Match[str], mentions: list[tuple[int, int, str]]
) -> list[str]:
    """ "• Lägesbild (bilaga 1): uppdateras vartannat år": a short label before the first
    colon names what the statement after it is about."""
    colon = raw.find(":")
    if colon < 0 or colon > cue.start() or len(raw[:colon].split()) > _LABEL_WORDS:
        return []
    return [m[2] for m in mentions if m[1] <= colon][:1]


def _nearest(intervals: list[Interval], position: int) -> Interval | None:
    if not intervals:
        return None
    return min(intervals, key=lambda i: abs(i.span.start - position))
