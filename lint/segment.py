"""Sections by heading: from layout where the format has it, from the text's shape otherwise.

Headings are matched fuzzily against the rule pack's template headings, so that
"Lokala arbetsgrupper" and "Lokal arbetsgrupp" land in the same template section.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from lint.layout.contents import contents_lines
from lint.layout.patterns import LETTER_MARKER as _LETTER_MARKER
from lint.layout.patterns import LIST_MARKER as _LIST_MARKER
from lint.layout.patterns import PAGE_NUMBER_LINE as _PAGE_FURNITURE
from lint.layout.patterns import RUNS_ON as _RUNS_ON
from lint.layout.patterns import SECTION_NUMBER as _SECTION_NUMBER
from lint.layout.patterns import (
    SECTION_NUMBER_WORD,
    outline_number,
    section_number_value,
    section_number_values,
)
from lint.layout.patterns import SENTENCE_END as _SENTENCE_END
from lint.model import Line, LineStyle, Section, SourceText, Span
from lint.pack import TemplateHeading

TEMPLATE_MATCH_SCORE = 85.0
_MAX_HEADING_CHARS = 90
_MAX_HEADING_WORDS = 10
# An entry of an annex list: "Bilaga 1: Lägesbild", "Bilaga 2 – …", or the number and the
# capitalised title with no mark between ("Bilaga 1 Gemensam lokal lägesbild 2022").
_ANNEX_ENTRY = re.compile(
    r"^\s*bilaga\s+(?:nr\.?\s*)?(?:\w+\s*[:.–-]|(?:\d{1,2}|[IVX]{1,4})[a-z]?\s+(?-i:[A-ZÅÄÖ]))",
    re.IGNORECASE,
)
_MARKUP = re.compile(r"[#*_]+")
# A heading may ask what its section answers ("Hur följer vi upp?"): one question mark at the
# end is no sentence end.
_QUESTION_MARK = re.compile(r"(?<=\w)\?$")
# Words that continue a one-word heading name: "Bakgrund och syfte", "Tid för revidering".
_HEADING_LINKS = frozenset({"och", "samt", "till", "för", "om", "mellan", "inom", "med"})
_MAX_EXTENDED_WORDS = 4
_MAX_KEYWORD_HEADING_WORDS = 6
# A plain-text line between blank lines over prose: a heading up to this many words long
# ("Läget på Södermalm och det här prioriterar vi").
_MAX_SHAPE_HEADING_WORDS = 8
# Endings of a verb's infinitive, passive and participles after its stem ("organiser|as");
# the present's "-ar" is among the nouns' ("informer|ar").
_VERB_ENDINGS = frozenset({"a", "as", "ad", "ade", "ades", "at", "ats"})
# Endings of a Swedish noun's definite, plural and genitive forms.
_INFLECTIONS = frozenset(
    {
        "en",
        "n",
        "et",
        "t",
        "er",
        "ar",
        "or",
        "na",
        "erna",
        "arna",
        "orna",
        "s",
        "ens",
        "ets",
        "ernas",
    }
)


def clean_heading(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def match_template(
    title: str, template: Sequence[TemplateHeading]
) -> tuple[TemplateHeading | None, float]:
    """The template heading that `title` names, by the best fuzzy score over titles and aliases.

    Section numbers ("3.", "2.1") and a trailing colon are ignored; a short heading that
    starts with a one-word template name and goes on with a preposition or conjunction
    ("Bakgrund och syfte", "Bilagor till överenskommelsen") names that template heading.
    """
    unnumbered = _LIST_MARKER.sub("", _SECTION_NUMBER.sub("", clean_heading(title), count=1))
    normalized = unnumbered.rstrip(":?").strip().lower()
    question = unnumbered.rstrip().endswith("?")
    key = (normalized, question, id(template))
    known = _MATCHES.get(key)
    if known is not None and known[0] is template:
        return known[1]
    if len(_MATCHES) >= _MATCHES_KEPT:
        _MATCHES.clear()
    match = _best_template_match(normalized, template, question)
    _MATCHES[key] = (template, match)
    return match


def _phrase_heading_match(
    title: str, template: Sequence[TemplateHeading]
) -> TemplateHeading | None:
    """A line taken for a heading by its shape or style may be a longer phrase than one
    looked at for being a heading at all: "Läget på Södermalm och det här prioriterar vi"."""
    unnumbered = _LIST_MARKER.sub("", _SECTION_NUMBER.sub("", clean_heading(title), count=1))
    return _keyword_match(unnumbered.rstrip(":?").strip().lower(), template, _MAX_HEADING_WORDS)


# Headings matched so far, by normalized title and template (the template kept, so that the
# id of a template since freed is never taken for another's): documents repeat headings.
_MATCHES: dict[tuple[str, bool, int], tuple[object, tuple[TemplateHeading | None, float]]] = {}
_MATCHES_KEPT = 4096


def _best_template_match(
    normalized: str, template: Sequence[TemplateHeading], question: bool = False
) -> tuple[TemplateHeading | None, float]:
    best: tuple[TemplateHeading | None, float] = (None, 0.0)
    for heading in template:
        for name in (heading.title, *heading.aliases):
            score = fuzz.ratio(normalized, name.lower())
            if score > best[1]:
                best = (heading, score)
    if best[1] < TEMPLATE_MATCH_SCORE:
        extended = _extended_match(normalized, template) or _keyword_match(
            normalized, template, _MAX_HEADING_WORDS if question else _MAX_KEYWORD_HEADING_WORDS
        )
        return (extended, TEMPLATE_MATCH_SCORE) if extended else (None, best[1])
    return best


def _keyword_match(
    normalized: str, template: Sequence[TemplateHeading], most_words: int
) -> TemplateHeading | None:
    """A heading worded otherwise: the template section whose keyword comes first in it
    (a question may be longer: "Vilken lägesbild utgår vi från och vad prioriterar vi?").

    A heading word names a keyword when it is the keyword, inflects it ("styrgruppen",
    "parterna", a verb stem's "organiseras") or ends a compound with it ("avtalstid",
    "samverkansorganisation")."""
    words = re.findall(r"\w+", normalized)
    if not words or len(words) > most_words:
        return None
    # "Reviderad version, mars 2022": a dated line that opens with a participle is a
    # version note under the title, not a section named by its verb.
    verbs = not any(ch.isdigit() for ch in normalized)
    for word in words:
        for heading in template:
            if any(_names(word, keyword.lower(), verbs) for keyword in heading.keywords):
                return heading
    return None


def _names(word: str, keyword: str, verbs: bool = True) -> bool:
    if word.endswith(keyword):
        return True  # the keyword itself or the head of a compound
    if not word.startswith(keyword):
        return False
    ending = word[len(keyword) :]
    return ending in _INFLECTIONS or (verbs and ending in _VERB_ENDINGS)


def _extended_match(normalized: str, template: Sequence[TemplateHeading]) -> TemplateHeading | None:
    words = normalized.split()
    if not 3 <= len(words) <= _MAX_EXTENDED_WORDS or words[1] not in _HEADING_LINKS:
        return None
    for heading in template:
        names = (heading.title, *heading.aliases)
        if any(" " not in name and name.lower() == words[0] for name in names):
            return heading
    return None


def segment(source: SourceText, template: Sequence[TemplateHeading]) -> tuple[Section, ...]:
    headings = _find_headings(source, template)
    sections = []
    for found, following in zip(headings, _next_at_or_above(headings), strict=True):
        body_end = following.start if following else len(source.text)
        sections.append(
            Section(
                title=found.title,
                heading=Span(found.first.start, found.last.end),
                body=Span(min(found.last.end + 1, body_end), body_end),
                level=found.level,
                template_key=found.matched.key if found.matched else None,
                template_score=found.score if found.matched else 0.0,
                roles=found.matched.roles if found.matched else (),
            )
        )
    return tuple(sections)


def _next_at_or_above(headings: Sequence[_Heading]) -> list[Line | None]:
    """For each heading, the first line of the next heading of the same or a higher level
    (a level number at most its own), or None: one pass from the end with a stack."""
    following: list[Line | None] = [None] * len(headings)
    stack: list[_Heading] = []  # later headings, levels falling towards the top
    for index in range(len(headings) - 1, -1, -1):
        level = headings[index].level
        while stack and stack[-1].level > level:
            stack.pop()
        following[index] = stack[-1].first if stack else None
        stack.append(headings[index])
    return following


@dataclass(frozen=True)
class _Heading:
    first: Line
    last: Line  # the heading's last line (a long heading may wrap in a PDF)
    title: str
    level: int
    matched: TemplateHeading | None
    score: float


def _find_headings(source: SourceText, template: Sequence[TemplateHeading]) -> list[_Heading]:
    lines = source.lines
    ranks = _layout_ranks(source)
    found: list[_Heading] = []
    title_seen = False
    last_top = 0  # the last top-level section number ("3" of "3.2 Styrgrupp")
    last_kinds: frozenset[str] = _ANY_KIND  # how it is written: arabic, roman or letter
    outline: tuple[int, ...] = ()  # the last decimal section number ("3.2")
    contents = contents_lines(source)
    numbered = _numbered_heading_run(source)
    index = 0
    while index < len(lines):
        line = lines[index]
        text = source.line_text(line).strip()
        index += 1
        numbering = (last_top, last_kinds)
        if (
            not text
            or index - 1 in contents
            or not (
                index - 1 in numbered
                or _heading_candidate(source, line, text, template, numbering, outline)
            )
        ):
            if text:
                title_seen = True
            continue
        last = line
        layout = _layout_says_heading(source, line)
        if layout:
            while index < len(lines) and _continues_heading(source, last, lines[index]):
                last = lines[index]
                index += 1
        title = clean_heading(source.text[line.start : last.end].replace("\n", " "))
        matched, score = match_template(title, template)
        if found and _labels_section_above(source, found[-1], line, title, matched):
            continue
        if not title_seen:
            title_seen = True
            found.append(
                _Heading(line, last, title, matched.level if matched else 0, matched, score)
            )
            continue
        alone = (_stands_alone(source, line.number - 1) or _all_capitals(title)) and not _wraps_on(
            source, last
        )
        top = _top_number(title)
        follows = _follows_outline(outline, title)
        continues = _carries_on(numbering, title) or follows
        if top is not None and top < last_top and not continues:
            continue  # numbering restarts: a numbered list under a heading, not a section
        first = last_top == 0 and top == 1  # "§ 1 Parter" opens the numbering
        depth = len(outline_number(title))
        if matched and (layout or alone or (first and not _wraps_on(source, last))):
            level = depth if depth > 1 else matched.level
            found.append(_Heading(line, last, title, level, matched, score))
        elif layout or (
            alone
            and (
                continues
                or _all_capitals(title)
                or _shape_heading(source, line.number - 1)
                or line.number - 1 in numbered
            )
            and not _after_lead_in(source, line.number - 1)
        ):
            # A decimal number says the level ("5.1.2" is under "5.1"); else the style does.
            level = depth if depth > 1 else ranks.get(_layout_key(line), 1)
            named = _phrase_heading_match(title, template)
            score = TEMPLATE_MATCH_SCORE if named else 0.0
            found.append(_Heading(line, last, title, level, named, score))
        else:
            continue
        last_top = last_top + 1 if continues and not follows else (top or last_top)
        if top is not None:
            kinds = _number_kinds(title)
            last_kinds = (kinds & last_kinds if continues else kinds) or kinds
        outline = outline_number(title) or outline
    return found


def _numbered_heading_run(source: SourceText) -> frozenset[int]:
    """ "1. Det här gäller överenskommelsen", "2. Vilka som samarbetar", "3. …": the indexes
    of short lines numbered 1, 2, 3 … in turn, each between blank lines with a paragraph
    under it that is not the next number (a loose list), at least three: the document's
    section numbers, whatever the headings' words."""
    lines = source.lines
    found: set[int] = set()
    run: list[int] = []
    for index, line in enumerate(lines):
        text = source.line_text(line).strip()
        number = outline_number(text)
        if len(number) != 1 or not _standalone_numbered(source, index, text):
            continue
        if number[0] == len(run) + 1:
            run.append(index)
        elif number[0] == 1:
            found.update(run if len(run) >= _MIN_NUMBERED_RUN else ())
            run = [index]
    found.update(run if len(run) >= _MIN_NUMBERED_RUN else ())
    return frozenset(found)


_MIN_NUMBERED_RUN = 3


def _standalone_numbered(source: SourceText, index: int, text: str) -> bool:
    numbered = _SECTION_NUMBER.match(text)
    if numbered is None or not _shape_ok(text[numbered.end() :], numbered=True):
        return False
    if not _own_paragraph(source, index):
        return False
    following = _next_paragraph(source, index)
    return bool(following) and len(outline_number(following)) != 1 and not following[0].islower()


def _labels_section_above(
    source: SourceText,
    above: _Heading,
    line: Line,
    title: str,
    matched: TemplateHeading | None,
) -> bool:
    """ "Parter:" right under "II. Parter och omfattning": a label opening the section's
    list, not a section of its own (the same template section, nothing between)."""
    if not title.endswith(":") or matched is None or above.matched is not matched:
        return False
    lines = source.lines
    between = range(above.last.number, line.number - 1)  # line numbers are 1-based
    return all(not source.line_text(lines[i]).strip() for i in between)


def _heading_candidate(
    source: SourceText,
    line: Line,
    text: str,
    template: Sequence[TemplateHeading],
    numbering: tuple[int, frozenset[str]] = (0, frozenset()),
    outline: tuple[int, ...] = (),
) -> bool:
    if line.style.list_item and line.style.heading_level is None:
        return False  # a DOCX list paragraph ("Lokal styrgrupp" in a list of groups)
    if _shape_ok(text) or _ends_in_object_pronoun(source, line, text):
        return True
    if text.endswith(":") and _shape_ok(text[:-1]):
        # "Tid:", "Lokal Beredningsgrupp:": the template's heading itself, with a colon; a
        # lead-in that only resembles one ("Parterna prioriterar under perioden:") is not.
        score = match_template(text, template)[1]
        return score >= _COLON_HEADING_SCORE or (
            score >= TEMPLATE_MATCH_SCORE and _stands_over_prose(source, line)
        )
    if _LETTER_MARKER.match(text):
        return _lettered_sub_heading(source, line, text, template)
    numbered = _SECTION_NUMBER.match(text)
    if numbered is None:
        return False
    in_list = _in_numbered_list(source, line, numbered.group())
    rest = text[numbered.end() :]
    if not in_list and _follows_outline(outline, text) and _shape_ok(rest, numbered=True):
        return True  # "1.3 Underlag" after "1.2 Parter", "12. Information" after "11. Bilagor"
    if in_list:
        # "4. Tid" right after an annex list numbered 1-3: a heading when it carries on the
        # document's section numbers and names a template section, or is set as a heading.
        continues = _carries_on(numbering, text)
        opens = numbering[0] == 0 and _restarts_list(source, line, text)
        return ((continues or opens) and _numbered_template_heading(text, template)) or (
            _layout_says_heading(source, line) and _shape_ok(text[numbered.end() :])
        )
    # a numbered heading set as a heading may wrap: "6. Gemensam lokal lägesbild och …"
    return _numbered_template_heading(text, template) or (
        _layout_says_heading(source, line) and _shape_ok(text[numbered.end() :])
    )


def _ends_in_object_pronoun(source: SourceText, line: Line, text: str) -> bool:
    """ "Så länge gäller den": a phrase heading ending in a pronoun, a blank line under it
    (a lead-in cut by a wrap ends in "den" too, but goes on on the next line)."""
    words = text.split()
    return (
        bool(words)
        and words[-1].lower() in _OBJECT_PRONOUNS
        and _ends_paragraph(source, line)
        and _shape_ok(text, numbered=True)
    )


_OBJECT_PRONOUNS = frozenset({"den", "det", "dem"})


def _ends_paragraph(source: SourceText, line: Line) -> bool:
    """No line of the paragraph follows: in plain text a blank line comes next; in the view
    of a PDF or a Word file the line is a paragraph of its own (`_own_paragraph`)."""
    if source.format == "text":
        return not _next_text(source, line.number - 1)
    return _own_paragraph(source, line.number - 1)


def _stands_over_prose(source: SourceText, line: Line) -> bool:
    """ "Parter och överenskommelsens omfattning:" with a blank line under it and prose
    after: a heading worded close to the template's, not a lead-in to a list."""
    if line.number >= len(source.lines) or not _ends_paragraph(source, line):
        return False
    if any(ch.isdigit() for ch in source.line_text(line)):
        return False  # "Prioriterade samverkansområden 2025–2027:" leads in to its list
    following = _next_paragraph(source, line.number - 1)
    return (
        bool(following)
        and "\t" not in following
        and not _LIST_MARKER.match(following)
        and following[0].isupper()
    )


def _lettered_sub_heading(
    source: SourceText, line: Line, text: str, template: Sequence[TemplateHeading]
) -> bool:
    """ "c) Lokala arbetsgrupper" on a line of its own, prose after it: a sub-heading that
    names a template section. A run of lettered lines ("a) Lokal styrgrupp", "b) Lokal
    beredningsgrupp") is a list, and so is a lettered line that names no template section."""
    rest = text[_LETTER_MARKER.match(text).end() :]  # type: ignore[union-attr]
    if not _shape_ok(rest) or match_template(rest, template)[0] is None:
        return False
    index = line.number - 1
    previous = _previous_text(source, index)
    if previous and (_LETTER_MARKER.match(previous) or not _stands_alone(source, index)):
        return False
    following = _next_paragraph(source, index)
    return bool(following) and not _LIST_MARKER.match(following) and following[0].isupper()


def _next_paragraph(source: SourceText, index: int) -> str:
    """The first non-blank line after line `index`."""
    for line in source.lines[index + 1 :]:
        text = source.line_text(line).strip()
        if text:
            return text
    return ""


def _in_numbered_list(source: SourceText, line: Line, number: str) -> bool:
    """ "1. Gemensam lokal lägesbild" next to "2. Åtgärdsplan" is a list item, not a heading;
    "5. Lokal samverkansorganisation" above "5.1 Styrgrupp" is a heading."""
    depth = _number_depth(number)
    index = line.number - 1
    neighbours = (_previous_text(source, index), _next_text(source, index))
    for text in neighbours:
        other = _SECTION_NUMBER.match(text)
        if other is not None and _number_depth(other.group()) == depth:
            return True
    return False


def _carries_on(numbering: tuple[int, frozenset[str]], text: str) -> bool:
    """The number of `text` is the next after the document's last top-level section number,
    written alike: "IV." after "III. Bilagor", but not the annex list's "4." after it."""
    last_top, last_kinds = numbering
    if last_top <= 0 or last_top + 1 not in section_number_values(text):
        return False
    return bool(_number_kinds(text) & last_kinds)


def _number_kinds(text: str) -> frozenset[str]:
    """How a section number may be written: arabic ("4.", "§ 4"), roman ("IV.") or a letter
    ("D."); "I." is roman one or the ninth letter."""
    numbered = _SECTION_NUMBER.match(text)
    if numbered is None:
        return _ANY_KIND
    token = SECTION_NUMBER_WORD.sub("", numbered.group()).strip().rstrip(".:)–- ")
    if token[:1].isdigit():
        return frozenset({"arabic"})
    if token and set(token.split(".")[0]) <= set("IVX"):
        return frozenset({"roman", "letter"}) if len(token) == 1 else frozenset({"roman"})
    return frozenset({"letter"})


_ANY_KIND = frozenset({"arabic", "roman", "letter"})


def _restarts_list(source: SourceText, line: Line, text: str) -> bool:
    """ "1. Bakgrund" right under an annex list's "5. Övergripande …": number one after a
    list item of the same depth, so not the list's next item but the document's first
    section (no blank line between them in a text without blank lines)."""
    if section_number_value(text) != 1:
        return False
    above = _previous_text(source, line.number - 1)
    number, own = _SECTION_NUMBER.match(above), _SECTION_NUMBER.match(text)
    if number is None or own is None or _number_depth(number.group()) != _number_depth(own.group()):
        return False
    return (section_number_value(above) or 0) >= 1


_COLON_HEADING_SCORE = 95.0
# A line that ends in an annex's number, its title still to come.
_AWAITS_TITLE = re.compile(
    r"\b(?:bilaga|bil\.)\s+(?:nr\.?\s*)?(?:\d{1,2}[a-z]?|[IVX]{1,5}|[A-H])$", re.I
)


def _follows_outline(previous: tuple[int, ...], text: str) -> bool:
    """The decimal number of `text` is the next one in outline order after `previous`: the
    next sibling ("1.3" after "1.2"), a first child ("2.1" after "2") or the next sibling of
    an ancestor ("4" after "3.2")."""
    current = outline_number(text)
    if not previous or not current:
        return False
    if current == (*previous, 1):
        return True
    return any(
        current == (*previous[:depth], previous[depth] + 1) for depth in range(len(previous))
    )


def _number_depth(number: str) -> int:
    return len([part for part in re.split(r"[.\s]+", number.strip("§ ")) if part])


def _top_number(title: str) -> int | None:
    return section_number_value(title)


def _numbered_template_heading(text: str, template: Sequence[TemplateHeading]) -> bool:
    """ "3. Bilagor": a numbered line is a heading, not a list item, when it names the template."""
    number = _SECTION_NUMBER.match(text.strip())
    if number is None:
        return False
    rest = text.strip()[number.end() :].rstrip(":")  # "5. Tid:"
    return _shape_ok(rest) and match_template(rest, template)[0] is not None


def _layout_key(line: Line) -> tuple[float, int]:
    """Orders heading styles: a DOCX heading level, or a PDF font size (bold before regular)."""
    style = line.style
    if style.heading_level is not None:
        return (float(style.heading_level), 0)
    return (-(style.font_size or 0.0), 0 if style.bold else 1)


def _layout_ranks(source: SourceText) -> dict[tuple[float, int], int]:
    """Heading level 1, 2, 3 for each heading style used below the document title (its
    lines: the first and those right under it in its style, a title may wrap)."""
    lines = source.lines
    after_title = 1
    while (
        after_title < len(lines)
        and source.line_text(lines[after_title]).strip()
        and _text_style(lines[after_title].style) == _text_style(lines[0].style)
    ):
        after_title += 1
    keys = sorted(
        {
            _layout_key(line)
            for line in lines[after_title:]
            if _layout_says_heading(source, line) and _shape_ok(source.line_text(line).strip())
        }
    )
    return {key: min(rank, 3) for rank, key in enumerate(keys, start=1)}


def _continues_heading(source: SourceText, last: Line, candidate: Line) -> bool:
    """A wrapped heading: the next line has the same style and starts in lower case, or
    the line before ends in a word that leads on ("Lokal samverkansöverenskommelse för" |
    "Södermalm")."""
    text = source.line_text(candidate).strip()
    words = source.line_text(last).split()
    leads_on = bool(words) and words[-1].lower() in _RUNS_ON
    return (
        bool(text)
        and (text[0].islower() or leads_on)
        and candidate.page == last.page
        and _text_style(candidate.style) == _text_style(last.style)
        and not source.line_text(last).rstrip().endswith(_SENTENCE_END)
    )


def _text_style(style: LineStyle) -> tuple[object, ...]:
    """What makes two lines the same kind of text (not where they sit on the page)."""
    return (style.font_size, style.bold, style.heading_level, style.list_item)


def _shape_ok(text: str, numbered: bool = False) -> bool:
    """A heading's shape: short, capitalised, no sentence end, and not a lead-in that runs
    on ("… ingås mellan"), unless it asks a question or carries the next section number
    ("4) Problem som samverkan ska inriktas på")."""
    heading = clean_heading(text)
    cleaned = _QUESTION_MARK.sub("", heading)  # "Vilka är parterna?"
    question = numbered or cleaned != heading  # "Vad fokuserar vi på?" does not run on
    return (
        0 < len(cleaned) <= _MAX_HEADING_CHARS
        and len(cleaned.split()) <= _MAX_HEADING_WORDS
        and not cleaned.endswith(_SENTENCE_END)
        and not _LIST_MARKER.match(text)
        and not _ANNEX_ENTRY.match(cleaned)
        and not _PAGE_FURNITURE.match(cleaned)
        and cleaned[0].isupper()
        and (question or cleaned.split()[-1].lower() not in _RUNS_ON)
    )


def _previous_text(source: SourceText, index: int) -> str:
    return source.line_text(source.lines[index - 1]).strip() if index > 0 else ""


def _next_text(source: SourceText, index: int) -> str:
    lines = source.lines
    return source.line_text(lines[index + 1]).strip() if index + 1 < len(lines) else ""


def _wraps_on(source: SourceText, last: Line) -> bool:
    """The line is the first of a hard-wrapped paragraph: the next line goes on in lower case
    (not a lettered list item, "a) Helsingborgs stad, …", under a heading)."""
    following = _next_text(source, last.number - 1)
    if not following or _LIST_MARKER.match(following):
        return False
    return following[0].islower() or following[0] in ",;)"


def _stands_alone(source: SourceText, index: int) -> bool:
    """A heading starts after a blank line, after a line that ends a sentence or after the
    document's title (its first line, however long)."""
    previous = _previous_text(source, index)
    if not previous or index - 1 == _first_content_line(source):
        return True
    if previous.endswith((",", ":", ";")) or previous.endswith(("och", "eller", "samt")):
        return False
    if _AWAITS_TITLE.search(previous):
        return False  # "…; Bilaga 3" | "Medborgarlöften 2025": the entry's title wrapped
    previous_line = source.lines[index - 1]
    return (
        previous.endswith((".", "!", "?", ")"))
        or _shape_ok(previous)
        or _shape_ok(_SECTION_NUMBER.sub("", previous))  # "5. Lokal samverkansorganisation"
        or bool(_LIST_MARKER.match(previous))  # a list ends, the next section begins
        or bool(_ANNEX_ENTRY.match(clean_heading(previous)))  # so does a list of annexes
        or previous_line.style.list_item
    )


def _all_capitals(title: str) -> bool:
    """ "AVTALETS PARTER": a line set in capitals is a heading by its typography, even right
    after a title line that ends without a full stop."""
    letters = [ch for ch in title if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def _first_content_line(source: SourceText) -> int:
    """The index of the document's first non-blank line (its title)."""
    return next((i for i, line in enumerate(source.lines) if source.line_text(line).strip()), -1)


def _layout_says_heading(source: SourceText, line: Line) -> bool:
    style = line.style
    if style.heading_level is not None:
        return True
    if source.format == "pdf" and style.font_size and source.body_font_size:
        return style.font_size >= source.body_font_size + 1.0 or (
            style.bold and style.font_size >= source.body_font_size
        )
    return source.format == "docx" and style.bold and not style.list_item


# How many short paragraphs a lead-in ending in ":" may introduce.
_LEAD_IN_REACH = 12


def _after_lead_in(source: SourceText, index: int) -> bool:
    """ "Styrgruppen består av:" and then, a paragraph each, "Tomas Rydén (stadsdelsdirektör),
    Kungsholmens stadsdelsförvaltning" …: short paragraphs under a lead-in ending in a colon
    are its list (Word's plain text of Normal paragraphs), not headings."""
    seen = 0
    for line in reversed(source.lines[max(0, index - 2 * _LEAD_IN_REACH) : index]):
        text = source.line_text(line).strip()
        if not text:
            continue
        if text.endswith(":"):
            return True
        seen += 1
        if seen > _LEAD_IN_REACH or (not _shape_ok(text) and not text.endswith(")")):
            return False
    return False


def _own_paragraph(source: SourceText, index: int) -> bool:
    """A line that is a paragraph of its own: in plain text between blank lines; in the view
    of a PDF or a Word file, where a line is a paragraph (its wrapped lines joined), a line
    that is no list item, table cell or signature."""
    if source.format == "text":
        return not _previous_text(source, index) and not _next_text(source, index)
    style = source.lines[index].style
    return not (
        style.list_item
        or style.table_cell is not None
        or style.signature_column is not None
        or len(style.cells_x) > 1
    )


def _shape_heading(source: SourceText, index: int) -> bool:
    """A short capitalized paragraph of its own (`_own_paragraph`) followed by prose."""
    if not _own_paragraph(source, index):
        return False
    text = source.line_text(source.lines[index]).strip()
    if any(ch.isdigit() for ch in text) or len(text.split()) > _MAX_SHAPE_HEADING_WORDS:
        return False
    lines = source.lines
    next_lines = [
        source.line_text(line).strip()
        for line in lines[index + 1 : index + 4]
        if source.line_text(line).strip()
    ]
    # prose, or a sentence leading in to a list ("Vi som står bakom överenskommelsen är:")
    return bool(next_lines) and (
        len(next_lines[0]) > 60 or (next_lines[0].endswith(":") and len(next_lines[0].split()) >= 3)
    )
