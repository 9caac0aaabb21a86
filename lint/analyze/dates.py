"""Dates in every common Swedish form and the validity clauses (issue: dates).

`find_dates` is the reusable date finder: ISO dates (2019-02-01), written dates
("19 mars 2020", "den 1:a feb. 2019"), numeric Swedish dates (1/2 2019, 1.2.2019),
month-precision dates ("i juni 2016", "maj 2015") and period ends ("utgången av 2023").
`extract_dates` also reads the validity clauses ("gäller från dag för undertecknande och
tills vidare", "löper från och med 2021-02-11, tillsvidare", "gäller t.o.m. …", "under
perioden A – B").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date
from functools import lru_cache

from lint.analyze.context import AnalysisContext
from lint.analyze.needles import Cue, contains_any, fold
from lint.model import DateMention, Section, Sentence, Span, Validity
from lint.numerals import CARDINALS

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
# Abbreviations are only trusted with a day in front ("1 feb. 2019").
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}

_FULL_MONTH = "|".join(MONTHS)
_ANY_MONTH = "|".join(sorted([*MONTHS, *MONTH_ABBREVIATIONS], key=len, reverse=True))
_NOT_AFTER = r"(?![\w]|[-/]\d|\.\d)"
# A first digit not preceded by a word character, slash, dot or dash: what the lookbehind
# (?<![\w/.\-–]) says before the digit, said after it (the lookbehind also spans the digit).
# The pattern then starts with a digit, so the regex engine skips ahead to the next digit
# instead of trying a match at every character.
_FIRST_DIGIT = r"\d(?<![\w/.\-–]\d)"

_ISO = re.compile(rf"({_FIRST_DIGIT}\d{{3}})-(\d{{1,2}})-(\d{{1,2}})" + _NOT_AFTER)
_ISO_SLASH = re.compile(rf"({_FIRST_DIGIT}\d{{3}})[/.](\d{{1,2}})[/.](\d{{1,2}})" + _NOT_AFTER)
_WRITTEN = re.compile(
    rf"({_FIRST_DIGIT}\d?)(?::[ae])?\s+(" + _ANY_MONTH + r")\.?,?\s+(\d{4})" + _NOT_AFTER,
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"({_FIRST_DIGIT}\d?)([/.])(\d{{1,2}})(?:\2|\s*[-–]\s*|\s+)(\d{{4}})" + _NOT_AFTER
)
_MONTH_YEAR = re.compile(r"(?<![\w])(" + _FULL_MONTH + r")\s+(\d{4})" + _NOT_AFTER, re.IGNORECASE)
# "till utgången av 2023", "t.o.m. utgången av mars 2023": the last day of that year or month.
_PERIOD_END = re.compile(
    r"(?<![\w])(?:utgången|slutet)\s+av\s+(?:("
    + _FULL_MONTH
    + r")\s+)?(?:år\s+)?(\d{4})"
    + _NOT_AFTER,
    re.IGNORECASE,
)

# Every date form above has a four-digit year: a text without one has no date.
_YEAR = re.compile(r"\d{4}")
# Words every match of a pattern that starts with a word contains (`lint.analyze.needles`).
_MONTH_NEEDLES = tuple(MONTHS)
_PERIOD_END_NEEDLES = ("utgången", "slutet")

# --- validity vocabulary (Swedish contract language) -----------------------------------

# Present or future tense only: "gällde"/"löpte" describe an earlier agreement.
_VALIDITY_VERBS = ("gäller", "gälla", "löper", "löpa", r"träder\s+i\s+kraft", r"träda\s+i\s+kraft")
_VALIDITY_CUE = Cue(
    [
        *_VALIDITY_VERBS,
        *("giltig", "giltigt", r"giltighetstid\w*", r"avtalstid\w*", r"avtalsperiod\w*"),
        *("ikraftträdande", "perioden"),
    ],
    before=r"\b",
    after=r"\b",
)
_PRESENT_VALIDITY = Cue(_VALIDITY_VERBS, before=r"\b", after=r"\b")
_AGREEMENT_WORD = re.compile(r"överenskommels|avtal", re.IGNORECASE)
_THIS_DOCUMENT = re.compile(r"^\W*(?:denna|detta)\b", re.IGNORECASE)
_UNTIL_FURTHER_NOTICE = re.compile(r"\btills?\s*vidare\b|\btillsvidare\b", re.IGNORECASE)
_FROM_SIGNING = re.compile(
    r"\b(?:från|fr\.?\s?o\.?\s?m\.?|från\s+och\s+med|räknat\s+från|med\s+början)\s+"
    r"(?:(?:den\s+)?(?:dag(?:en)?|datum(?:et)?|tidpunkt(?:en)?)\s+(?:för|då|när|den)\s+)?"
    r"(?:\w+\s+){0,5}?(?:under)?teckn|\bunderskrift|\bundertecknande"
    r"|\bnär\s+(?:den|överenskommelsen|avtalet)\s+(?:\w+\s+){0,4}?undertecknats"
    r"|\bträder\s+i\s+kraft\s+(?:när|då|vid)\b",
    re.IGNORECASE,
)
# "gäller i två år", "under en period av 24 månader"; not "i minst två år" or an extension.
_DURATION = re.compile(
    r"\b(?:i|under)\s+(?:en\s+(?:period|tid)\s+(?:av|om|på)\s+)?"
    r"(?P<n>\d{1,2}|" + "|".join(CARDINALS) + r")(?:\s*\(\d{1,2}\))?\s+"
    r"(?P<unit>år|månader)\b",
    re.IGNORECASE,
)
# "perioden 2024–2026", "för åren 2024 till 2026": a period in whole years.
_YEAR_RANGE = re.compile(
    r"(?<![\w/.\-–])((?:19|20)\d\d)\s*(?:[–—-]|till(?:\s+och\s+med)?)\s*((?:19|20)\d\d)"
    r"(?![\w/]|[-.]\d)"
)
_MAX_YEARS = 10
_EXTENDED = re.compile(r"\bförläng\w*", re.IGNORECASE)
_START_MARKER = re.compile(
    r"(?:\bfrån\s+och\s+med|\bfr\.?\s?o\.?\s?m\.?|\bfrom|\bfrån|\bmed\s+start|\bmed\s+början"
    r"|\bi\s+kraft|\bgälla|\bgäller|\blöper|\bper|\bperioden|\bavtalsperioden)"
    r"(?:\s+(?:den|dagen))?\s*$",
    re.IGNORECASE,
)
_END_MARKER = re.compile(
    r"(?:\btill\s+och\s+med|\bt\.?\s?o\.?\s?m\.?|\btom|\btill|\bupphör(?:\s+att\s+gälla)?"
    r"|\bslutar(?:\s+att\s+gälla)?|\blängst|\bsenast|\bintill|[–—-])(?:\s+(?:den|dagen))?\s*$",
    re.IGNORECASE,
)


def find_dates(text: str, offset: int = 0) -> list[DateMention]:
    """Every date in `text`, in order; spans are shifted by `offset`."""
    found: list[DateMention] = []
    windows = _year_windows(text)
    if not windows:
        return found
    # The ranges taken so far: disjoint, kept in order, so the only one that can overlap a
    # new range is the last one that starts before the new range ends.
    starts: list[int] = []
    ends: list[int] = []

    def add(start: int, end: int, iso: str | None, precision: str) -> None:
        index = bisect_left(starts, end)
        if index and ends[index - 1] > start:
            return
        starts.insert(index, start)  # an impossible date ("31 februari") is no date at all
        ends.insert(index, end)
        if iso is None:
            return
        found.append(DateMention(iso, precision, Span(offset + start, offset + end)))

    for m in _around_years(_ISO, text, windows):
        add(m.start(), m.end(), _iso_day(m.group(1), m.group(2), m.group(3)), "day")
    for m in _around_years(_ISO_SLASH, text, windows):
        add(m.start(), m.end(), _iso_day(m.group(1), m.group(2), m.group(3)), "day")
    for m in _around_years(_WRITTEN, text, windows):
        month = _month_number(m.group(2))
        add(m.start(), m.end(), _iso_day(m.group(3), str(month), m.group(1)), "day")
    for m in _around_years(_NUMERIC, text, windows):
        add(m.start(), m.end(), _iso_day(m.group(4), m.group(3), m.group(1)), "day")
    folded = fold(text)
    if contains_any(folded, _PERIOD_END_NEEDLES):
        for m in _around_years(_PERIOD_END, text, windows):
            if m.group(1):
                month = MONTHS[m.group(1).lower()]
                add(m.start(), m.end(), f"{int(m.group(2)):04d}-{month:02d}", "month")
            else:
                add(m.start(), m.end(), f"{int(m.group(2)):04d}-12-31", "day")
    if contains_any(folded, _MONTH_NEEDLES):
        for m in _around_years(_MONTH_YEAR, text, windows):
            month = MONTHS[m.group(1).lower()]
            add(m.start(), m.end(), f"{int(m.group(2)):04d}-{month:02d}", "month")
    found.sort(key=lambda d: d.span.start)
    return found


# A date's year: four digits with no digit on either side (the first digit's lookbehind
# spelt after it, as in `_FIRST_DIGIT`).
_YEAR_TOKEN = re.compile(r"\d(?<!\d\d)\d{3}(?!\d)")
# How far a date may reach before and after its year ("t.o.m. utgången av september år
# 2024", "2024-09-30" and what may not follow it).
_BEFORE_YEAR = 64
_AFTER_YEAR = 16


def _year_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` around its four-digit numbers, overlapping ones merged: every
    date form has a year with no digit next to it, so no date lies outside them."""
    windows: list[tuple[int, int]] = []
    for year in _YEAR_TOKEN.finditer(text):
        start, end = max(0, year.start() - _BEFORE_YEAR), min(len(text), year.end() + _AFTER_YEAR)
        while end < len(text) and not text[end - 1].isspace():
            end += 1  # "…12.3.20240": a window never ends inside a word or number
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _around_years(
    pattern: re.Pattern[str], text: str, windows: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, scanning only the windows: a regex that cannot skip to a
    digit (a month's name first) would otherwise try every character of a long text. A
    window ends after a space, past where any date with its year in it ends: what a
    lookahead after a date or a number needs to see is in it."""
    for start, end in windows:
        yield from pattern.finditer(text, start, end)


def impossible_dates(text: str, offset: int = 0) -> list[Span]:
    """Dates written as a day of a month that the month does not have ("31 april 2025",
    "2025-02-30"): a real month, a day from 1 to 31, and no such day in the calendar."""
    found: list[Span] = []
    forms = (
        (_ISO, lambda m: (m.group(1), m.group(2), m.group(3))),
        (_ISO_SLASH, lambda m: (m.group(1), m.group(2), m.group(3))),
        (_WRITTEN, lambda m: (m.group(3), str(_month_number(m.group(2))), m.group(1))),
        (_NUMERIC, lambda m: (m.group(4), m.group(3), m.group(1))),
    )
    for pattern, parts in forms:
        for m in pattern.finditer(text):
            year, month, day = parts(m)
            if 1 <= int(month) <= 12 and 1 <= int(day) <= 31 and not _iso_day(year, month, day):
                found.append(Span(offset + m.start(), offset + m.end()))
    return sorted(found, key=lambda span: span.start)


def _month_number(word: str) -> int:
    lower = word.lower().rstrip(".")
    return MONTHS.get(lower) or MONTH_ABBREVIATIONS[lower]


def _iso_day(year: str, month: str, day: str) -> str | None:
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def extract_dates(ctx: AnalysisContext) -> tuple[tuple[DateMention, ...], tuple[Validity, ...]]:
    dates = tuple(find_dates(ctx.text))
    date_starts = [d.span.start for d in dates]  # in order: `find_dates` sorts them
    term = ctx.section_for("term")
    vocab = ctx.vocab.get("validity") or {}
    others = other_documents(tuple(vocab.get("other_documents", ())))
    earlier = earlier_period(tuple(vocab.get("earlier_period", ())))
    validity = []
    for sentence in ctx.sentences:
        first = bisect_left(date_starts, sentence.span.start)
        inside = list(dates[first : bisect_left(date_starts, sentence.span.end, first)])
        sentence = _stretched(ctx.text, sentence, inside)
        if found := validity_of(ctx.text, sentence, inside, term, others, earlier):
            validity.append(found)
    return dates, tuple(validity)


@lru_cache(maxsize=8)
def other_documents(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A sentence about another document's period ("Åtgärdsplanen gäller för perioden …"):
    one of the pack's `validity.other_documents` within its first words."""
    if not patterns:
        return None
    return re.compile(
        r"^\W*(?:den\s+|de\s+)?(?:\w+\s+){0,2}?(?:" + "|".join(patterns) + r")\b",
        re.IGNORECASE,
    )


@lru_cache(maxsize=8)
def earlier_period(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """A verb of the past that states an earlier agreement's period (the pack's
    `validity.earlier_period`)."""
    if not patterns:
        return None
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


def _of_an_earlier_period(text: str, earlier: re.Pattern[str]) -> bool:
    """ "… ersätter den överenskommelse som gällde för perioden 2019–2021": a period in the
    past tense, with no validity verb of the present beside it."""
    return bool(earlier.search(text)) and _PRESENT_VALIDITY.search(text) is None


def dates_starting_in(dates: Sequence[DateMention], span: Span) -> list[DateMention]:
    return [d for d in dates if span.start <= d.span.start < span.end]


def _stretched(text: str, sentence: Sentence, dates: Sequence[DateMention]) -> Sentence:
    """A sentence cut inside a date (a PDF line starting "2022. Överenskommelsen …" looks
    like a numbered list item) is extended to the end of that date."""
    end = max([sentence.span.end, *(d.span.end for d in dates)])
    if end == sentence.span.end:
        return sentence
    stop = text.find(".", end)
    end = stop + 1 if stop != -1 and text[end:stop].strip() == "" else end
    return Sentence(
        Span(sentence.span.start, end), " ".join(text[sentence.span.start : end].split())
    )


def validity_of(
    text: str,
    sentence: Sentence,
    dates: list[DateMention],
    term_section: Section | None = None,
    other_documents: re.Pattern[str] | None = None,
    earlier_period: re.Pattern[str] | None = None,
) -> Validity | None:
    """The validity a sentence states, or None when it states none."""
    if not _VALIDITY_CUE.search(sentence.text) or not _about_this_agreement(
        sentence, term_section, other_documents
    ):
        return None
    if earlier_period is not None and _of_an_earlier_period(sentence.text, earlier_period):
        return None
    start, end = _start_and_end(text, sentence, dates)
    if start is None and end is None:
        start, end = _year_range(text, sentence.span)
    from_signing = bool(_FROM_SIGNING.search(sentence.text))
    until_further_notice = bool(_UNTIL_FURTHER_NOTICE.search(sentence.text))
    duration, duration_span = (
        (None, None) if end or until_further_notice else _duration(text, sentence.span)
    )
    impossible = tuple(
        impossible_dates(text[sentence.span.start : sentence.span.end], sentence.span.start)
    )
    if not (start or end or from_signing or until_further_notice or duration or impossible):
        return None
    return Validity(
        sentence.span,
        start,
        end,
        from_signing,
        until_further_notice,
        duration,
        duration_span,
        impossible,
    )


def _year_range(text: str, span: Span) -> tuple[DateMention | None, DateMention | None]:
    """ "Överenskommelsen avser perioden 2024–2026": the first and the last year, each at
    year precision (a period in years names no day it starts or ends)."""
    found = _YEAR_RANGE.search(text, span.start, span.end)
    if found is None or not 0 <= int(found.group(2)) - int(found.group(1)) <= _MAX_YEARS:
        return None, None
    return (
        DateMention(found.group(1), "year", Span(found.start(1), found.end(1))),
        DateMention(found.group(2), "year", Span(found.start(2), found.end(2))),
    )


def _duration(text: str, span: Span) -> tuple[int | None, Span | None]:
    """The months of "gäller i två år" and where those words stand."""
    found = _DURATION.search(text, span.start, span.end)
    if found is None or _EXTENDED.search(text, span.start, span.end):
        return None, None
    amount = found.group("n").lower()
    count = int(amount) if amount.isdigit() else CARDINALS[amount]
    months = count * 12 if found.group("unit").lower() == "år" else count
    return months, Span(found.start(), found.end())


def _about_this_agreement(
    sentence: Sentence, term_section: Section | None, other_documents: re.Pattern[str] | None
) -> bool:
    about_other = other_documents is not None and other_documents.search(sentence.text)
    if about_other and not _THIS_DOCUMENT.match(sentence.text):
        return False
    in_term = term_section is not None and (
        term_section.body.start <= sentence.span.start < term_section.body.end
    )
    return in_term or bool(_AGREEMENT_WORD.search(sentence.text))


def _start_and_end(
    text: str, sentence: Sentence, dates: list[DateMention]
) -> tuple[DateMention | None, DateMention | None]:
    start: DateMention | None = None
    end: DateMention | None = None
    previous_end = sentence.span.start
    for index, mention in enumerate(dates):
        before = " ".join(text[sentence.span.start : mention.span.start].split())[-40:]
        between = text[previous_end : mention.span.start]
        joined_to_previous = index > 0 and re.fullmatch(
            r"\s*(?:[–—-]|till|t\.?o\.?m\.?)\s*", between
        )
        if _END_MARKER.search(before) or joined_to_previous:
            end = end or mention
        elif _START_MARKER.search(before):
            start = start or mention
        previous_end = mention.span.end
    if start is None and end is not None and len(dates) >= 2 and dates[0] is not end:
        start = dates[0]  # "under perioden 2019-02-01 – 2019-05-19"
    return start, end
