"""The annex list and every annex reference (issue: annexes).

The list is read from the "Bilagor" section (or a "Bilagor:" label line), in the forms
agreements use: "Bilaga 1: Titel", "- Bilaga 4 – Titel", "1. Titel", "Bilaga IV Titel",
"Titel (bilaga 2)", sub-annexes ("3. Åtgärdsplan (3a-c)", "Bilaga 3a: …") and titles that
wrap onto the next line. Without such a section, "Bilaga N: Titel" lines anywhere count.

A reference is "bilaga N" (also "bilagorna 2 och 3", "bilaga 3a", "bilaga I") outside the
list and outside headings; a reference to an annex of another document ("bilaga 1 till den
övergripande samverkansöverenskommelsen") is not one. For every reference the subject of
its clause (what the sentence says the annex contains) is read with the annex-subject
vocabulary, on lemmas and word stems, with rapidfuzz for near misses.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from lint.analyze.context import AnalysisContext
from lint.layout.patterns import BULLET_CLASS, LIST_MARKER, is_list_item, is_page_number
from lint.model import Annex, AnnexReference, Line, NumberStyle, Section, Sentence, Span
from lint.nlp import Token, tokens
from lint.numerals import LETTERS, ROMAN, Numeral, parse_label

# --- patterns ---------------------------------------------------------------------------

_ROMAN_NE = rf"(?=[IVX]){ROMAN}"  # a non-empty roman numeral
_ARABIC = r"\d{1,2}(?:[a-z](?:[ \t]*[-–][ \t]*(?:\d{1,2})?[a-z](?![\w]))?)?(?![\w])"
_NUMBER = rf"(?:{_ARABIC}|{_ROMAN_NE}[a-z]?(?![\w])|[{LETTERS}](?![\w]))"
# Bullets as text and PDF extraction give them ("\uf0b7" and "\uf0a7" are Word's Symbol bullets).
_BULLET = rf"(?:[{BULLET_CLASS}]{{1,2}}\s*)"
_KEYWORD = r"(?i:bilaga|bil\.)"
_NR = r"(?:(?i:nr\.?|nummer)[ \t]*)?"  # "Bilaga nr 1: …"
_SEPARATOR = r"(?:[ \t]*[:.–—-][ \t]*|[ \t]+)"

# "Bilaga 1: Titel", "- Bilaga 4 – Titel", "Bilaga IV Titel", "Bilaga 1" (title on the next line)
_ENTRY_NAMED = re.compile(
    rf"^\s*{_BULLET}?{_KEYWORD}[ \t]+{_NR}(?P<num>{_NUMBER})"
    rf"(?:(?P<sep>{_SEPARATOR})(?P<title>\S.*?))?\s*$"
)
# A sentence that names an annex: "Bilaga 2 är den gemensamma lokala lägesbilden, daterad …",
# "I bilaga 3 finns kommunikationsplanen."
_ENTRY_SENTENCE = re.compile(
    rf"(?:^|(?<=[.!?])\s+)(?:(?i:i|som)\s+)?(?P<label>{_KEYWORD}[ \t]+(?P<num>\d{{1,2}}))\s+"
    r"(?:är|utgörs\s+av|består\s+av|innehåller|avser|finns|återfinns|bifogas)\s+"
    r"(?P<title>[^,.;:(]+)"
)
# The strict form used outside an annex section: an explicit separator and a title.
_ENTRY_STRICT = re.compile(
    rf"^\s*{_BULLET}?{_KEYWORD}[ \t]+{_NR}(?P<num>{_NUMBER})[ \t]*[:–—-][ \t]*(?P<title>\S.*?)\s*$"
)
# "1. Titel", "IV) Titel", "3a. Titel"
_ENTRY_NUMBERED = re.compile(
    rf"^\s*{_BULLET}?(?P<num>\d{{1,2}}[a-z]?|{_ROMAN_NE})[.)][ \t]+(?P<title>\S.*?)\s*$"
)
# A table row: "1<TAB>Gemensam lokal lägesbild<TAB>…" (the number in a cell of its own)
_ENTRY_CELL = re.compile(
    rf"^\s*(?:{_KEYWORD}[ \t]+)?(?P<num>\d{{1,2}}[a-z]?|{_ROMAN_NE})[.)]?[ \t]*\t[ \t]*"
    rf"(?P<title>[^\t]*\S)[^\n]*$"
)
# "Titel (bilaga 2)", "- Titel – bilaga 2"
_ENTRY_TRAILING = re.compile(
    rf"^\s*{_BULLET}?(?P<title>\S.*?)[ \t]*(?:\(|[,–—-])[ \t]*{_KEYWORD}[ \t]*(?P<num>{_NUMBER})"
    rf"[ \t]*\)?[ \t]*[.;]?\s*$"
)
# "- Åtgärdsplan (3a-c)": a list item that carries its number in parentheses
_ENTRY_PARENTHESIZED = re.compile(
    rf"^\s*{_BULLET}?(?P<title>\S.*?)[ \t]*\((?P<num>{_ARABIC})\)[ \t]*[.;]?\s*$"
)
_SUB_RANGE = re.compile(r"\(\s*(\d{1,2})([a-z])\s*[-–]\s*(?:\d{1,2})?([a-z])\s*\)")
# "Bilagor:", "Bilageförteckning", "Bilagor till överenskommelsen" (a short label, no sentence)
_LIST_LABEL = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?"  # a numbered heading: "3. Bilagor"
    r"(?:bilagor|bilageförteckning|förteckning över bilagor|bifogade handlingar)"
    r"(?:[ \t]+[^\s\d.]+){0,4}[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_INLINE_COMMA = re.compile(rf"^({_KEYWORD}[ \t]+{_NUMBER}),")  # "bilaga 1, lägesbild …"
_INLINE_LEAD = re.compile(r"^(?:och|samt)\s+", re.IGNORECASE)
_INLINE_TAIL = re.compile(r"[\s,]+(?:och|samt)\s*$", re.IGNORECASE)  # ", och" before the next item
_NEXT_SENTENCE = re.compile(r"\.\s+(?=[A-ZÅÄÖ])")
_INLINE_KEYWORD_COMMA = re.compile(rf"{_KEYWORD}[ \t]+{_NUMBER}[ \t]*,")
_INLINE_LABEL = re.compile(rf"{_KEYWORD}[ \t]+{_NR}{_NUMBER}")
# "(bilaga 2)" closing an item of an inline list, and what joins it to the next item.
_INLINE_PARENTHESIZED = re.compile(rf"\([ \t]*{_KEYWORD}[ \t]+(?P<num>{_NUMBER})[ \t]*\)")
# "1) " opening an item of an inline list: after a colon, a comma or "och"/"samt".
_INLINE_ITEM_LABEL = re.compile(
    r"(?:[:,]|\b(?:och|samt))[ \t\n]*(?P<num>\d{1,2})\)[ \t\n]+", re.IGNORECASE
)
_INLINE_JOIN = re.compile(r"^\s*(?:,\s*(?:(?:och|samt)\s+)?|(?:och|samt)\s+)", re.IGNORECASE)
_HEADING_NUMBER = re.compile(r"^\s*(\d{1,2})[.)]?[ \t]")
_ANNEX_INTRODUCTION = re.compile(r"\b(?:handlingar|bilagor|bilagorna|bifogas|bifogade)\b", re.I)
# Annex numbers written as list labels: "3a.", "IV." (any other list marker is LIST_MARKER's).
_ANNEX_LABEL = re.compile(r"^\s*(?:\d{1,2}[a-z]|[IVX]+)[.)]\s")
_MARKUP = re.compile(r"\*\*|__")

_CONNECTOR = r"(?:,|och|samt|resp\.|respektive|&|–|-|till)"
_REFERENCE = re.compile(
    rf"\b(?P<kw>(?i:bilaga|bilagor|bilagorna|bil\.))(?P<gap>[ \t]*\n?[ \t]*)"
    rf"{_NR}(?P<nums>{_NUMBER}(?:[ \t]*{_CONNECTOR}[ \t]*{_NUMBER})*)"
)
_REFERENCE_NUMBER = re.compile(_NUMBER)
_ROMAN_END = re.compile(r"[ \t]*(?:[.,;:)]|$|[ \t]+(?:och|samt)\b)", re.MULTILINE)
# "… och trygghetsvandringarna (" right before a reference: a last conjunct of its own.
# What joins two conjuncts of a list: a comma, "och", "samt", "respektive".
_JOINED = re.compile(r"\s*,?\s*(?:(?:och|samt|respektive)\s+)?", re.IGNORECASE)
# Between a list of subjects and the annex numbers that follow them.
_LEADS_TO_NUMBERS = re.compile(r"\s*[,(:–-]?\s*(?:(?:i|se|enligt)\s+)?", re.IGNORECASE)
_LAST_CONJUNCT = re.compile(r"\s+(?:och|samt|eller)\s+[^\W\d_][\w-]*[ \t]*[(,–-]?[ \t]*$", re.I)
# A preposition right before a subject word (with an article or adjectives between).
_GOVERNING = re.compile(
    r"(?<!\w)(?:av|i|enligt|med|till|från|om|på|genom)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
_GOVERNING_REACH = 40
# "och" or "samt" after the subject word and before the reference, with words between.
_JOINED_PREDICATE = re.compile(r"\s(?:och|samt)\s+\w+(?:\s+\w+)*\s+\w+", re.IGNORECASE)
_RANGE_CONNECTOR = re.compile(r"^[ \t]*(?:–|-|till)[ \t]*$")
_EXTERNAL_LINK = re.compile(r"^[ \t)]*\n?[ \t]*(?:till|i|från|av|enligt)\s", re.IGNORECASE)

# Inflectional endings a subject word may carry ("lägesbild-en", "åtgärdsplan-erna").
_INFLECTION = "(?:e|n|s|en|et|er|ar|or|na|ns|ens|ets|ers|erna|arna|orna|ernas|arnas|ornas)?"
_FUZZ_MIN_LENGTH = 8
_FUZZ_SCORE = 88.0
_MAX_TAIL_WORDS = 8  # a wrapped title's tail is short
_SHORT_TAIL_WORDS = 4  # this short and without a full stop, a line still belongs to the title
_FULL_WIDTH_SHARE = 0.8  # a list line this share of the usual line width may wrap
_EXTERNAL_WINDOW = 8  # words after "till"/"i" that may name another document


# --- entry point ------------------------------------------------------------------------


def extract_annexes(ctx: AnalysisContext) -> tuple[tuple[Annex, ...], tuple[AnnexReference, ...]]:
    subjects = _subjects(ctx.vocab)
    entries = _annex_list(ctx)
    annexes = tuple(_annex(entry, subjects) for entry in entries)
    excluded = [entry.span for entry in entries] + _headings_and_labels(ctx)
    return annexes, tuple(_references(ctx, subjects, excluded))


# --- vocabulary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Subject:
    key: str
    words: tuple[tuple[str, ...], ...]  # phrases, each a tuple of lower-case words
    hints: tuple[tuple[str, ...], ...]
    document: bool


def _subjects(vocab: dict[str, Any]) -> tuple[_Subject, ...]:
    entries = vocab.get("annex_subjects") or {}
    return tuple(
        _Subject(
            key,
            tuple(_phrase(p) for p in entry.get("words", ())),
            tuple(_phrase(p) for p in entry.get("hints", ())),
            bool(entry.get("document", False)),
        )
        for key, entry in entries.items()
        if isinstance(entry, dict)
    )


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


# --- the annex list -----------------------------------------------------------------------


@dataclass
class _Entry:
    numeral: Numeral
    label: str
    title_parts: list[str]
    start: int
    end: int
    last_line: Line

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def title(self) -> str:
        return _clean_title(" ".join(self.title_parts))


def _annex_list(ctx: AnalysisContext) -> list[_Entry]:
    for region in _list_regions(ctx):
        entries = _parse_region(ctx, region)
        if entries:
            return entries
    if loose := _loose_entries(ctx):
        return loose
    for region in _introduced_regions(ctx):
        if entries := _parse_region(ctx, region):
            return entries
    return []


def _introduced_regions(ctx: AnalysisContext) -> list[Span]:
    """Without a "Bilagor" heading: the text after a sentence that introduces the annexes
    ("Nedan angivna handlingar ligger till grund för …:"), which may wrap over two lines."""
    regions = []
    heading_starts = sorted(s.heading.start for s in ctx.sections)
    previous = ""
    for line in ctx.source.lines:
        text = ctx.source.line_text(line).strip()
        if text.endswith(":") and _ANNEX_INTRODUCTION.search(f"{previous} {text}"):
            following = bisect.bisect_right(heading_starts, line.start)
            end = heading_starts[following] if following < len(heading_starts) else len(ctx.text)
            regions.append(Span(min(line.end + 1, end), end))
        previous = text
    return regions


def _list_regions(ctx: AnalysisContext) -> list[Span]:
    """The bodies of "Bilagor" sections, then the text after a "Bilagor:" label line."""
    annex_sections = [s for s in ctx.sections if "annexes" in s.roles]
    regions = [_section_region(ctx, s) for s in annex_sections]
    annex_headings = {s.heading.start for s in annex_sections}
    heading_starts = sorted(s.heading.start for s in ctx.sections)
    for line in ctx.source.lines:
        if line.start in annex_headings or not _LIST_LABEL.match(ctx.source.line_text(line)):
            continue
        following = bisect.bisect_right(heading_starts, line.start)
        end = heading_starts[following] if following < len(heading_starts) else len(ctx.text)
        regions.append(Span(min(line.end + 1, end), end))
    return regions


def _section_region(ctx: AnalysisContext, section: Section) -> Span:
    """The section's body, continued over "headings" that are really list entries: a DOCX
    list item or a table cell that the layout alone made look like a heading."""
    end = section.body.end
    while True:
        closing = next((s for s in ctx.sections if s.heading.start == end), None)
        if closing is None or not _entry_like_heading(ctx, closing, section):
            return Span(section.body.start, end)
        end = next(
            (
                s.heading.start
                for s in ctx.sections
                if s.heading.start > closing.heading.start and s.level <= section.level
            ),
            len(ctx.text),
        )


def _entry_like_heading(ctx: AnalysisContext, heading: Section, annexes: Section) -> bool:
    line = ctx.source.line_at(heading.heading.start)
    text = ctx.source.line_text(line)
    if (line.style.list_item and line.style.heading_level is None) or _ENTRY_NAMED.match(text):
        return True
    number = _HEADING_NUMBER.match(text)
    if number:
        # "1. Gemensam lokal lägesbild" under "Bilagor" is an entry; "3. Tid" after
        # "2. Bilagor" is the next numbered heading.
        own = _HEADING_NUMBER.match(ctx.source.slice(annexes.heading))
        if own is not None:
            return int(number.group(1)) != int(own.group(1)) + 1
        # "1. Bakgrund" right under the list's "5. Övergripande …" restarts the numbering:
        # the document's first section, not the list's next entry.
        previous = _previous_nonblank(ctx, line)
        above = _HEADING_NUMBER.match(ctx.source.line_text(previous)) if previous else None
        return above is None or int(number.group(1)) == int(above.group(1)) + 1
    previous = _previous_nonblank(ctx, line)
    named = _ENTRY_NAMED.match(ctx.source.line_text(previous)) if previous else None
    return bool(named and not named.group("title"))  # the title cell after "Bilaga 1"


def _previous_nonblank(ctx: AnalysisContext, line: Line) -> Line | None:
    for candidate in reversed(ctx.source.lines[: line.number - 1]):
        if ctx.source.line_text(candidate).strip():
            return candidate
    return None


def _lines_in(ctx: AnalysisContext, span: Span) -> list[Line]:
    return [line for line in ctx.source.lines if span.start <= line.start < span.end]


def _parse_region(ctx: AnalysisContext, region: Span) -> list[_Entry]:
    lines = _lines_in(ctx, region)
    width = _full_width(ctx)
    entries: list[_Entry] = []
    ended = False
    previous_blank = True
    skip_until = -1
    for number, line in enumerate(lines):
        text = ctx.source.line_text(line)
        stripped = text.strip()
        if not stripped or is_page_number(stripped):
            previous_blank = previous_blank or not stripped
            continue
        inline = [] if entries else _inline_entries(ctx, _paragraph_from(lines, number, ctx))
        if inline:
            entries.extend(inline)
            ended = True
            skip_until = inline[-1].end
            continue
        if line.start < skip_until:
            continue
        entry = _entry(ctx, line, strict=ended)
        if entry is not None:
            entries.append(entry)
        elif (
            entries
            and not ended
            and not previous_blank
            and _continues(entries[-1], stripped, ctx, width)
        ):
            _extend(entries[-1], line, text)
        elif entries and _is_prose(stripped):
            ended = True  # prose after the list: only "Bilaga N: Titel" lines count from here
        previous_blank = False
    if not entries:
        entries = _implicit_entries(ctx, lines)
    return entries


def _entry(ctx: AnalysisContext, line: Line, *, strict: bool) -> _Entry | None:
    text = ctx.source.line_text(line)
    cell = _ENTRY_CELL.match(text)
    if cell is not None:
        return _entry_from(line, cell.group("num"), cell.group("title"), 0, len(text))
    match = _ENTRY_NAMED.match(text)
    if match is None and not strict:
        match = (
            _ENTRY_NUMBERED.match(text)
            or _ENTRY_TRAILING.match(text)
            or (_ENTRY_PARENTHESIZED.match(text) if _is_list_line(line, text) else None)
        )
    if match is None or not _plausible_entry(line, text, match):
        return None
    numeral = parse_label(match.group("num"))
    if numeral is None:
        return None
    title = match.group("title") or ""
    numeral, title = _sub_range(numeral, title)
    start = line.start + len(text) - len(text.lstrip())
    return _Entry(
        numeral, match.group("num").strip(), [title], start, line.start + len(text.rstrip()), line
    )


def _entry_from(line: Line, label: str, title: str, start: int, end: int) -> _Entry | None:
    """An entry of `line` from its parts (offsets within the line)."""
    numeral = parse_label(label)
    if numeral is None:
        return None
    numeral, title = _sub_range(numeral, title.strip())
    return _Entry(numeral, label.strip(), [title], line.start + start, line.start + end, line)


def _inline_entries(ctx: AnalysisContext, lines: Sequence[Line]) -> list[_Entry]:
    """ "Till överenskommelsen hör följande bilagor: bilaga 1 Lägesbild; bilaga 2 Åtgärdsplan;
    … och bilaga 5 Övergripande …": a list written inline in one paragraph (which may wrap
    over several lines), its items between semicolons or each opened by "bilaga N,"."""
    first, last = lines[0], lines[-1]
    text = ctx.text[first.start : last.end]
    parts = _inline_parts(text)
    if parts is None:
        return (
            _inline_trailing_entries(ctx, first.start, text)
            or _inline_labelled_entries(ctx, first.start, text)
            or _sentence_entries(ctx, first.start, text)
        )
    entries: list[_Entry] = []
    for position, raw in parts:
        part = _item_part(raw)
        start = first.start + position + len(part) - len(part.lstrip())
        item = " ".join(_INLINE_LEAD.sub("", part.strip()).rstrip(" .").split())
        match = _ENTRY_NAMED.match(_INLINE_COMMA.sub(r"\1:", item, count=1))
        if match is None or not match.group("title"):
            continue
        numeral = parse_label(match.group("num"))
        if numeral is None:
            continue
        keyword = ctx.text.lower().find(match.group("num").lower(), start)
        item_start = max(start, ctx.text.lower().rfind("bil", start, keyword + 1))
        item_end = first.start + position + len(part)
        while item_end > item_start and ctx.text[item_end - 1] in " .\n":
            item_end -= 1
        numeral, title = _sub_range(numeral, match.group("title"))
        line = ctx.source.line_at(max(item_start, item_end - 1))
        entries.append(
            _Entry(numeral, match.group("num").strip(), [title], item_start, item_end, line)
        )
    return entries if len(entries) >= 2 else _inline_trailing_entries(ctx, first.start, text)


def _inline_trailing_entries(ctx: AnalysisContext, offset: int, text: str) -> list[_Entry]:
    """ "Till överenskommelsen hör lägesbilden (bilaga 1), åtgärdsplanen (bilaga 2) och den
    övergripande överenskommelsen (bilaga 3).": an inline list whose items each end in their
    number in parentheses, joined by commas and "och"."""
    ends = list(_INLINE_PARENTHESIZED.finditer(text))
    if len(ends) < 2:
        return []
    entries: list[_Entry] = []
    position = 0
    for index, found in enumerate(ends):
        between = text[position : found.start()]
        if index > 0 and not _INLINE_JOIN.match(between):
            return []  # a sentence between two references: no list
        item = _INLINE_JOIN.sub("", between, count=1) if index > 0 else _after_colon(between)
        title = " ".join(item.split()).strip(" ,")
        numeral = parse_label(found.group("num"))
        if numeral is None or not title or _NEXT_SENTENCE.search(title):
            return []
        start = offset + position + len(between) - len(item.lstrip(" ,\n"))
        end = offset + found.end()
        numeral, title = _sub_range(numeral, title)
        line = ctx.source.line_at(end - 1)
        entries.append(_Entry(numeral, found.group("num").strip(), [title], start, end, line))
        position = found.end()
    return entries


def _inline_labelled_entries(ctx: AnalysisContext, offset: int, text: str) -> list[_Entry]:
    """ "Bilagor: 1) Lägesbild, januari 2022, 2) Åtgärdsplan, 3) …": an inline list whose
    items are opened by the labels 1), 2), 3) … in turn, after a colon, a comma or "och"."""
    run = []
    for label in _INLINE_ITEM_LABEL.finditer(text):
        if int(label.group("num")) == len(run) + 1:
            run.append(label)
    if len(run) < 2:
        return []
    entries: list[_Entry] = []
    ends = [label.start() for label in run[1:]] + [len(text)]
    for label, end in zip(run, ends, strict=True):
        item = _item_part(text[label.end() : end])
        title = " ".join(item.split()).strip(" ,.")
        if not title:
            return []
        numeral = parse_label(label.group("num"))
        if numeral is None:
            return []
        numeral, title = _sub_range(numeral, title)
        start, stop = offset + label.start("num"), offset + label.end() + len(item.rstrip(" ,.\n"))
        line = ctx.source.line_at(stop - 1)
        entries.append(_Entry(numeral, label.group("num"), [title], start, stop, line))
    return entries


def _sentence_entries(ctx: AnalysisContext, offset: int, text: str) -> list[_Entry]:
    """ "Bilaga 1 är åtgärdsplanen för perioden 2022–2023, med … . Bilaga 2 är den gemensamma
    lokala lägesbilden …": a paragraph whose sentences name the annexes 1, 2, 3 … in turn,
    each title up to the first comma or the sentence's end."""
    found = list(_ENTRY_SENTENCE.finditer(text))
    if len(found) < 2 or [int(m.group("num")) for m in found] != list(range(1, len(found) + 1)):
        return []
    entries = []
    for match in found:
        numeral = parse_label(match.group("num"))
        if numeral is None:
            return []
        start, end = offset + match.start("label"), offset + match.end("title")
        title = " ".join(match.group("title").split())
        line = ctx.source.line_at(end - 1)
        entries.append(_Entry(numeral, match.group("num"), [title], start, end, line))
    return entries


def _after_colon(lead: str) -> str:
    """The first item of an inline list without the words that introduce it ("…hör:")."""
    return lead[lead.find(":") + 1 :]


def _inline_parts(text: str) -> list[tuple[int, str]] | None:
    """The items of an inline list with their offsets: between semicolons after a colon
    ("…: bilaga 1 Lägesbild; bilaga 2 Åtgärdsplan"), or else from each "bilaga N," to the
    next ("hör bilaga 1, gemensam lägesbild 2023, bilaga 2, åtgärdsplan 2024, och bilaga 3,
    medborgarlöften 2024"). None when the paragraph is neither."""
    if ";" in text:
        # The lead-in ends at a colon, unless that colon is the first item's own
        # ("Bilaga 1: Lägesbild; Bilaga 2: Åtgärdsplan"); without one, at the first item's
        # label ("De handlingar som hör till den är bilaga 1 – Lägesbild; bilaga 2 – …").
        colon = text.find(":")
        label = _INLINE_LABEL.search(text)
        if colon >= 0 and (label is None or colon < label.start()):
            lead = colon + 1
        else:
            lead = label.start() if label is not None else 0
        parts, position = [], lead
        for part in text[lead:].split(";"):
            parts.append((position, part))
            position += len(part) + 1
        return parts
    starts = [m.start() for m in _INLINE_KEYWORD_COMMA.finditer(text)]
    if len(starts) < 2:
        return None
    ends = [*starts[1:], len(text)]
    return [(start, text[start:end]) for start, end in zip(starts, ends, strict=True)]


def _item_part(part: str) -> str:
    """An inline item's own text: up to a sentence that follows it in the paragraph, and
    without the ", och" that leads to the next item."""
    following = _NEXT_SENTENCE.search(part)
    if following is not None:
        part = part[: following.start()]
    return _INLINE_TAIL.sub("", part.rstrip(" .,\n"))


def _paragraph_from(lines: Sequence[Line], index: int, ctx: AnalysisContext) -> list[Line]:
    paragraph = []
    for line in lines[index:]:
        if not ctx.source.line_text(line).strip():
            break
        paragraph.append(line)
    return paragraph


def _plausible_entry(line: Line, text: str, match: re.Match[str]) -> bool:
    """Tell a list entry from a sentence that happens to start like one."""
    title = match.group("title") or ""
    if match.re is _ENTRY_NAMED and title and not match.group("sep").strip():
        return not title[:1].islower()  # "Bilaga 1 Lägesbild", not "Bilaga 3 uppdateras …"
    if match.re is _ENTRY_NUMBERED:
        return not title[:1].islower()
    if match.re is _ENTRY_TRAILING:
        return _is_list_line(line, text) or not text.rstrip().endswith(".")
    return True


def _sub_range(numeral: Numeral, title: str) -> tuple[Numeral, str]:
    """ "3. Åtgärdsplan (3a-c)": annex 3 with the sub-annexes a to c."""
    found = _SUB_RANGE.search(title)
    if found is None or int(found.group(1)) != numeral.number or numeral.suffix:
        return numeral, title
    suffix = f"{found.group(2)}-{found.group(3)}"
    title = (title[: found.start()] + title[found.end() :]).strip()
    return Numeral(numeral.number, suffix, numeral.style), title


def _is_list_line(line: Line, text: str) -> bool:
    return is_list_item(text, line.style) or bool(_ANNEX_LABEL.match(text))


def _continues(entry: _Entry, stripped: str, ctx: AnalysisContext, width: float) -> bool:
    """A title wrapped onto the next line (PDF hard breaks, typed line breaks)."""
    if LIST_MARKER.match(stripped) or _ANNEX_LABEL.match(stripped) or _LIST_LABEL.match(stripped):
        return False
    if not entry.title_parts[-1]:
        return True  # "Bilaga 1" with its title on the next line (a table row)
    if entry.last_line.style.list_item and ctx.source.format == "docx":
        return False  # a DOCX paragraph never wraps into the next one
    previous = ctx.source.line_text(entry.last_line).rstrip()
    words = len(stripped.split())
    return (
        stripped[0].islower()
        or previous.endswith((",", "och", "samt", "-", "–", "&"))
        or (len(previous) >= _FULL_WIDTH_SHARE * width and words <= _MAX_TAIL_WORDS)
        or (words <= _SHORT_TAIL_WORDS and not _is_prose(stripped))
    )


def _is_prose(stripped: str) -> bool:
    """A sentence after the list (not a title's wrapped tail, not an intro ending in ':')."""
    if stripped.endswith(":"):
        return False
    return stripped.endswith((".", "!", "?")) or len(stripped.split()) > _MAX_TAIL_WORDS


def _extend(entry: _Entry, line: Line, text: str) -> None:
    entry.title_parts.append(text.strip())
    entry.end = line.start + len(text.rstrip())
    entry.last_line = line


def _full_width(ctx: AnalysisContext) -> float:
    """The usual length of a full line: the 90th percentile of the non-blank lines."""
    lengths = sorted(
        len(ctx.source.line_text(line).rstrip())
        for line in ctx.source.lines
        if ctx.source.line_text(line).strip()
    )
    return float(lengths[int(0.9 * (len(lengths) - 1))]) if lengths else 0.0


def _implicit_entries(ctx: AnalysisContext, lines: Sequence[Line]) -> list[_Entry]:
    """A DOCX numbered list under "Bilagor": Word keeps the numbers out of the text."""
    if ctx.source.format != "docx":
        return []
    items = [line for line in lines if line.style.list_item and ctx.source.line_text(line).strip()]
    entries = []
    for number, line in enumerate(items, start=1):
        text = ctx.source.line_text(line)
        start = line.start + len(text) - len(text.lstrip())
        numeral = Numeral(number, "", NumberStyle.ARABIC)
        numeral, title = _sub_range(numeral, text.strip())
        entries.append(
            _Entry(numeral, str(number), [title], start, line.start + len(text.rstrip()), line)
        )
    return entries


def _loose_entries(ctx: AnalysisContext) -> list[_Entry]:
    """Without an annex section: the largest run of "Bilaga N: Titel" lines."""
    runs: list[list[_Entry]] = []
    gap = 0
    for line in ctx.source.lines:
        text = ctx.source.line_text(line)
        match = _ENTRY_STRICT.match(text)
        numeral = parse_label(match.group("num")) if match else None
        if match is None or numeral is None:
            gap += 1 if text.strip() else 0
            continue
        numeral, title = _sub_range(numeral, match.group("title"))
        start = line.start + len(text) - len(text.lstrip())
        entry = _Entry(
            numeral,
            match.group("num").strip(),
            [title],
            start,
            line.start + len(text.rstrip()),
            line,
        )
        if runs and gap <= 1:
            runs[-1].append(entry)
        else:
            runs.append([entry])
        gap = 0
    return max(runs, key=len) if runs else []


def _clean_title(title: str) -> str:
    title = _MARKUP.sub("", title)
    return " ".join(title.split()).strip(" .;,:")


def _annex(entry: _Entry, subjects: Sequence[_Subject]) -> Annex:
    scores = _title_scores(entry.title, subjects)
    best = max(scores, key=lambda item: item[1])[0] if scores else None
    return Annex(
        number=entry.numeral.number,
        suffix=entry.numeral.suffix,
        label=entry.label,
        style=entry.numeral.style,
        title=entry.title,
        span=entry.span,
        subject=best,
        subject_scores=scores,
    )


def _title_scores(title: str, subjects: Sequence[_Subject]) -> tuple[tuple[str, float], ...]:
    toks = _word_tokens(title)
    scores = []
    for subject in subjects:
        score = max((_phrase_match(toks, p)[0] for p in subject.words), default=0.0)
        if score > 0:
            scores.append((subject.key, score))
    return tuple(scores)


# --- matching words ------------------------------------------------------------------------


_WORD = re.compile(r"\w+(?:[-–]\w+)*")


def _word_tokens(text: str) -> list[Token]:
    return [t for t in tokens(text) if _WORD.fullmatch(t.text)]


@lru_cache(maxsize=256)
def _stem_pattern(word: str) -> re.Pattern[str]:
    # The word itself, inflected, or as the head of a compound ("trygghetslägesbilden").
    return re.compile(rf"\w*{re.escape(word)}{_INFLECTION}")


def _word_score(token: Token, word: str) -> float:
    if token.lemma == word or token.lower == word or _stem_pattern(word).fullmatch(token.lower):
        return 100.0
    if len(word) < _FUZZ_MIN_LENGTH or token.lower[:2] != word[:2]:
        return 0.0
    score = max(fuzz.ratio(token.lower, form) for form in (word, word + "en", word + "er"))
    return score if score >= _FUZZ_SCORE else 0.0


def _phrase_match(toks: Sequence[Token], phrase: Sequence[str]) -> tuple[float, int, int]:
    """The best (score, start, end) of `phrase` in `toks`; one word may come between."""
    best = (0.0, 0, 0)
    for index, token in enumerate(toks):
        first = _word_score(token, phrase[0])
        if not first:
            continue
        score, position = first, index
        for word in phrase[1:]:
            found = next(
                (
                    (s, j)
                    for j in range(position + 1, min(position + 3, len(toks)))
                    if (s := _word_score(toks[j], word))
                ),
                None,
            )
            if found is None:
                score = 0.0
                break
            score, position = min(score, found[0]), found[1]
        if score > best[0]:
            best = (score, token.start, toks[position].end)
    return best


@dataclass(frozen=True)
class _Mention:
    key: str
    start: int  # offsets in the document text
    end: int
    strong: bool  # a word of the subject, not just a hint
    document: bool


def _mentions(text: str, offset: int, subjects: Sequence[_Subject]) -> list[_Mention]:
    toks = _word_tokens(text)
    found: list[_Mention] = []
    for subject in subjects:
        for phrases, strong in ((subject.words, True), (subject.hints, False)):
            for phrase in phrases:
                found.extend(
                    _Mention(subject.key, offset + start, offset + end, strong, subject.document)
                    for start, end in _phrase_occurrences(toks, phrase)
                )
    return sorted(found, key=lambda m: (m.start, not m.strong))


def _phrase_occurrences(toks: Sequence[Token], phrase: Sequence[str]) -> Iterable[tuple[int, int]]:
    for index in range(len(toks)):
        score, start, end = _phrase_match(toks[index : index + 2 * len(phrase)], phrase)
        if score and start == toks[index].start:
            yield start, end


# --- references ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    numerals: tuple[tuple[Numeral, str, Span], ...]  # (numeral, label as written, span)


def _headings_and_labels(ctx: AnalysisContext) -> list[Span]:
    spans = [s.heading for s in ctx.sections]
    spans.extend(
        Span(line.start, line.end)
        for line in ctx.source.lines
        if _LIST_LABEL.match(ctx.source.line_text(line))
    )
    return spans


def _references(
    ctx: AnalysisContext, subjects: Sequence[_Subject], excluded: Sequence[Span]
) -> list[AnnexReference]:
    matches = [m for m in _reference_matches(ctx, excluded) if not _external(ctx, m, subjects)]
    starts = [s.span.start for s in ctx.sentences]
    by_sentence: dict[Sentence, list[_Match]] = {}
    for match in matches:
        by_sentence.setdefault(_sentence_of(ctx, starts, match), []).append(match)
    references: list[AnnexReference] = []
    for sentence, group in by_sentence.items():
        references.extend(_sentence_references(ctx, sentence, group, subjects))
    return sorted(references, key=lambda r: r.span.start)


def _reference_matches(ctx: AnalysisContext, excluded: Sequence[Span]) -> Iterable[_Match]:
    text = ctx.text
    for found in _REFERENCE.finditer(text):
        start = found.start()
        if any(span.start <= start < max(span.end, span.start + 1) for span in excluded):
            continue
        numerals = _numerals(found)
        if not numerals:
            continue
        if "\n" in found.group("gap"):
            line = ctx.source.line_at(start)
            if ctx.source.line_text(line).strip().rstrip(":").lower() == found.group("kw").lower():
                continue  # a label line above a numbered list
            if numerals[0][0].style is NumberStyle.ROMAN and not _ROMAN_END.match(
                text, found.end()
            ):
                continue  # "… bilagor\nI styrgruppen": a sentence starting with "I"
        yield _Match(start, found.end(), tuple(numerals))


def _numerals(found: re.Match[str]) -> list[tuple[Numeral, str, Span]]:
    """The numbers of one reference; "bilagorna 2–4" expands to 2, 3 and 4."""
    base = found.start("nums")
    text = found.group("nums")
    result: list[tuple[Numeral, str, Span]] = []
    previous_end = 0
    for number in _REFERENCE_NUMBER.finditer(text):
        numeral = parse_label(number.group())
        if numeral is None:
            continue
        span = Span(base + number.start(), base + number.end())
        connector = text[previous_end : number.start()]
        if result and _RANGE_CONNECTOR.match(connector) and _expandable(result[-1][0], numeral):
            first = result[-1][0]
            for value in range(first.number + 1, numeral.number):
                result.append((Numeral(value, "", numeral.style), str(value), span))
        result.append((numeral, number.group(), span))
        previous_end = number.end()
    # The first number's span starts at "bilaga"; later ones are the number alone.
    first = (result[0][0], result[0][1], Span(found.start(), result[0][2].end)) if result else None
    return [first, *result[1:]] if first else []


def _expandable(first: Numeral, last: Numeral) -> bool:
    return (
        first.style is last.style
        and not first.suffix
        and not last.suffix
        and 0 < last.number - first.number <= 20
    )


def _external(ctx: AnalysisContext, match: _Match, subjects: Sequence[_Subject]) -> bool:
    """ "bilaga 1 till den övergripande …" or "den övergripande överenskommelsens bilaga 1"."""
    documents = [s for s in subjects if s.document]
    if not documents:
        return False
    after = ctx.text[match.end : match.end + 160]
    link = _EXTERNAL_LINK.match(after)
    if link:
        window = " ".join(after[link.end() :].split()[:_EXTERNAL_WINDOW])
        if _mentions(window, 0, documents):
            return True
    before = ctx.text[max(0, match.start - 120) : match.start].rstrip()
    last_words = " ".join(before.split()[-4:])
    if last_words.endswith("s"):
        mentions = _mentions(last_words, 0, documents)
        return any(m.end == len(last_words) for m in mentions)
    return False


def _sentence_of(ctx: AnalysisContext, starts: Sequence[int], match: _Match) -> Sentence:
    # A hard break before the number ("bilaga\n1.") can cut the sentence at "bilaga".
    index = bisect.bisect_right(starts, match.start) - 1
    if index >= 0 and ctx.sentences[index].span.end > match.start:
        return ctx.sentences[index]
    line = ctx.source.line_at(match.start)
    text = ctx.source.line_text(line)
    return Sentence(Span(line.start, line.end), " ".join(text.split()))


def _sentence_references(
    ctx: AnalysisContext,
    sentence: Sentence,
    matches: Sequence[_Match],
    subjects: Sequence[_Subject],
) -> list[AnnexReference]:
    span = sentence.span
    ref_spans = [(m.start, m.end) for m in matches]
    mentions = [
        m
        for m in _mentions(ctx.text[span.start : span.end], span.start, subjects)
        if not any(s <= m.start < e for s, e in ref_spans)
    ]
    claimed: set[_Mention] = set()
    references = []
    respective = _respective_subjects(ctx.text, matches, mentions)
    for index, match in enumerate(matches):
        window_start = matches[index - 1].end if index else span.start
        window_end = matches[index + 1].start if index + 1 < len(matches) else span.end
        # "ny bilaga 3; uppföljningsplanen utgår": a semicolon ends the reference's clause
        window_start = max(window_start, ctx.text.rfind(";", window_start, match.start) + 1)
        stop = ctx.text.find(";", match.end, window_end)
        window_end = stop if stop >= 0 else window_end
        in_window = [m for m in mentions if window_start <= m.start < window_end]
        subject = _clause_subject(ctx.text, match, in_window, mentions, claimed)
        if len(match.numerals) > 1:
            subject = None  # "bilagorna 2 och 3": which subject goes with which is unclear
        context = tuple(dict.fromkeys(m.key for m in in_window))
        for position, (numeral, label, ref_span) in enumerate(match.numerals):
            if (index, position) in respective:
                subject = respective[index, position]
            references.append(
                AnnexReference(
                    number=numeral.number,
                    suffix=numeral.suffix,
                    label=label,
                    style=numeral.style,
                    span=ref_span,
                    sentence=sentence,
                    subject=subject.key if subject else None,
                    context_subjects=context,
                )
            )
    return references


def _respective_subjects(
    text: str, matches: Sequence[_Match], mentions: Sequence[_Mention]
) -> dict[tuple[int, int], _Mention]:
    """ "åtgärdsplanen och uppföljningsplanen, bilaga 2 och bilaga 3": as many subjects joined
    by "och" or commas as the numbers joined right after them, taken in order. Keyed by
    (index of the match, index of its numeral)."""
    pairs: dict[tuple[int, int], _Mention] = {}
    index = 0
    while index < len(matches):
        last = index
        while last + 1 < len(matches) and _JOINED.fullmatch(
            text, matches[last].end, matches[last + 1].start
        ):
            last += 1
        numbers = [(i, n) for i in range(index, last + 1) for n in range(len(matches[i].numerals))]
        subjects = _coordinated_before(text, matches[index].start, mentions, len(numbers))
        if len(numbers) >= 2 and subjects is not None:
            pairs.update(zip(numbers, subjects, strict=True))
        index = last + 1
    return pairs


def _coordinated_before(
    text: str, start: int, mentions: Sequence[_Mention], count: int
) -> list[_Mention] | None:
    """The `count` subjects right before `start`, joined by "och" or commas, with at most a
    preposition or a parenthesis between the last and `start`; None when they are not."""
    before = [m for m in mentions if m.strong and m.end <= start]
    if len(before) < count:
        return None
    chosen = before[-count:]
    if not _LEADS_TO_NUMBERS.fullmatch(text, chosen[-1].end, start):
        return None
    for first, second in itertools.pairwise(chosen):
        if not _JOINED.fullmatch(text, first.end, second.start):
            return None
    return chosen


def _new_predicate(text: str, mention: _Mention, reference_start: int) -> bool:
    """ "Mål framgår av åtgärdsplanen och följs upp enligt bilaga 3": the subject word is
    the object of a preposition, and the reference stands in a second predicate joined by
    "och", whose subject the sentence does not repeat."""
    governed = _GOVERNING.search(text, max(0, mention.start - _GOVERNING_REACH), mention.start)
    return governed is not None and bool(
        _JOINED_PREDICATE.search(text, mention.end, reference_start)
    )


def _clause_subject(
    text: str,
    match: _Match,
    in_window: Sequence[_Mention],
    mentions: Sequence[_Mention],
    claimed: set[_Mention],
) -> _Mention | None:
    """The nearest subject before the reference in its clause, else the nearest after it,
    else the nearest earlier one that no other reference took. None when the reference
    follows a conjunct that names no subject ("åtgärdsplanen och trygghetsvandringarna
    (bilaga 3)"): the reference is about that conjunct."""
    strong = [m for m in in_window if m.strong]
    before = [m for m in strong if m.end <= match.start]
    if before and _LAST_CONJUNCT.match(text, before[-1].end, match.start):
        return None
    if before and _new_predicate(text, before[-1], match.start):
        return None
    after = [m for m in strong if m.start >= match.end]
    earlier = [m for m in mentions if m.strong and m.end <= match.start and m not in claimed]
    chosen = before[-1] if before else after[0] if after else earlier[-1] if earlier else None
    if chosen is not None:
        claimed.add(chosen)
    return chosen
