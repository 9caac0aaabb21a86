"""Steering, preparatory and working groups with members and meetings (issue: organisation).

A group is read from its own section (template keys steering_group, preparatory_group,
working_groups) or from wherever the text describes it ("Styrgruppen består av …" under
"Lokal samverkansorganisation"). The text is cut into units: list items (•, -, numbered,
DOCX list paragraphs, or short lines after an introduction ending in ":") and prose
paragraphs, bridging the hard line breaks of a PDF. A sentence belongs to the group it
names first, else to the group whose section or paragraph it stands in.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lint.analyze.context import AnalysisContext
from lint.analyze.frequency import Interval, find_intervals
from lint.analyze.needles import Cue
from lint.analyze.roles import Vocabulary, read_members, vocabulary, with_terms
from lint.layout.patterns import (
    LIST_MARKER,
    SENTENCE_BREAK,
    is_list_item,
    is_page_number,
    opens_with_clause_number,
    sentence_end,
    strip_section_number,
)
from lint.model import Group, Line, Member, Party, Section, SourceText, Span

# "Från Stadsdelsförvaltningen: stadsdelsdirektör (ordförande).": one organisation's members.
_ORGANISATION_LABEL = re.compile(r"^\s*(?:från|för)\s+[^:.\n]{2,60}:\s+\S", re.IGNORECASE)
_CLAUSE_JOINT = re.compile(r";\s|,\s+(?=(?:och|men|samt|medan)\s)", re.I)
_OPEN_ENDINGS = frozenset(
    [
        "och",
        "eller",
        "samt",
        "från",
        "för",
        "med",
        "av",
        "i",
        "på",
        "inom",
        "både",
        "till",
        "hos",
        "vid",
        "mellan",
        "som",
    ]
)
_SHORT_LINE_WORDS = 8
_SUBJECT_WORDS = 4  # a group named within the first words is the sentence's subject
# Words that may precede a group named as the subject ("I den lokala styrgruppen ingår …").
_LEADING = frozenset(
    [
        "i",
        "den",
        "det",
        "de",
        "en",
        "ett",
        "lokala",
        "lokal",
        "lokalt",
        "gemensamma",
        "varje",
        "alla",
        "inom",
        "för",
        "",
    ]
)
# A group named after these words contains the statement's members ("ingår i styrgruppen").
# ("till styrgruppen" is a direction, "rapporterar till styrgruppen", unless someone is
# co-opted to it.)
_CONTAINER = re.compile(
    r"(?:^|\s)(?:i|inom|(?<=adjungeras\s)till|(?<=adjungerad\s)till)\s+(?:den\s+|de\s+)?"
    r"(?:lokala\s+)?$",
    re.I,
)
# Sections where a group named as a subject counts as described: the section in the role
# `organisation` and any section outside the template.
_ORGANISATION_ROLE = "organisation"


@dataclass(frozen=True)
class _Unit:
    span: Span
    item: bool
    section: Section | None


@dataclass(frozen=True)
class _GroupWord:
    kind: str
    regex: Cue


@dataclass
class _Evidence:
    members: list[Member] = field(default_factory=list)
    meeting: Interval | None = None
    spans: list[Span] = field(default_factory=list)


def extract_groups(ctx: AnalysisContext, parties: Sequence[Party] = ()) -> tuple[Group, ...]:
    data = ctx.vocab.get("roles") or {}
    if not data.get("groups"):
        return ()
    reader = _GroupReader(ctx, data, with_terms(vocabulary(data), _party_terms(parties)))
    return reader.read()


def _party_terms(parties: Iterable[Party]) -> dict[str, tuple[str, ...]]:
    """Defined party terms ("Kommunen", "Polisen") and the organisation types each names:
    one, or several for a term defined for parties of different types."""
    terms: dict[str, tuple[str, ...]] = {}
    for party in parties:
        for term in party.defined_terms:
            named = terms.get(term.term, ())
            if len(term.term) > 2 and party.org_type not in named:
                terms[term.term] = (*named, party.org_type)
    return terms


class _GroupReader:
    def __init__(self, ctx: AnalysisContext, data: Mapping[str, Any], vocab: Vocabulary) -> None:
        self.ctx = ctx
        self.vocab = vocab
        self.text = ctx.text
        self.group_words = _group_words(data["groups"])
        self.section_kind = {g["section"]: k for k, g in data["groups"].items() if g.get("section")}
        self.member_cue = _cue_regex(data.get("member_cues", ()))
        self.optional_cue = _cue_regex(data.get("optional_cues", ()))
        self.optional_joint = re.compile(
            rf"(?:,|\s(?:och|samt))\s*,?\s+(?={self.optional_cue.pattern})", re.IGNORECASE
        )
        self.co_opted_cue = _cue_regex(data.get("co_opted_cues", ()))
        self.conditional_cue = _cue_regex(data.get("conditional_cues", ()))
        self.meeting_cue = _cue_regex(data.get("meeting_cues", ()))
        self.member_column = _cue_regex(data.get("member_columns", ()))
        self.qualifiers = tuple(data.get("qualifiers", ()))
        self.other_level_words = tuple(w.lower() for w in data.get("other_level_words", ()))
        self.evidence: dict[str, _Evidence] = {kind: _Evidence() for kind in data["groups"]}

    def read(self) -> tuple[Group, ...]:
        owner: str | None = None
        section: Section | None = None
        list_group: str | None = None
        list_optional = list_co_opted = False
        tabled = self._group_column_tables() | self._group_row_tables()
        for unit in _units(self.ctx, tabled):
            if unit.section is not section:
                section = unit.section
                owner = self._enclosing_kind(section)
                list_group = None
            # Items after "består av:", or right under a group's heading (bullets, table rows,
            # "Från Polisen: kommunpolis." lines).
            text = self.ctx.source.slice(unit.span)
            label = self._group_label(text) if unit.item else None
            if label is not None:  # "• Styrgruppen" over its members' items, a level down
                list_group, list_optional, list_co_opted = label, False, False
                continue
            item_group = list_group or (owner if unit.item else None)
            if unit.item and item_group and not self._states_of_group(text):
                from_list = list_group is not None
                optional = (from_list and list_optional) or bool(self.optional_cue.search(text))
                own = self._co_opted(text) if self.optional_cue.search(text) else None
                co_opted = (from_list and list_co_opted) if own is None else own
                self._add_members(item_group, unit.span, optional, co_opted)
                continue
            list_group = None
            for sentence in _sentences(self.text, unit.span):
                owner, intro = self._sentence(sentence, owner, section)
                if intro:
                    list_group, list_optional, list_co_opted = intro
        return tuple(self._groups())

    def _group_column_tables(self) -> set[int]:
        """Tables with one column per group ("Styrgrupp | Beredningsgrupp | Arbetsgrupp"):
        each cell below a group's header is one of its members. Returns the numbers of the
        lines read, which the paragraph reading then leaves alone."""
        source = self.ctx.source
        lines = source.lines
        read: set[int] = set()
        index = 0
        while index < len(lines):
            header = self._column_groups(source.line_text(lines[index]))
            index += 1
            if header is None:
                continue
            read.add(lines[index - 1].number)
            while (
                index < len(lines) and source.line_text(lines[index]).count("\t") == len(header) - 1
            ):
                self._add_column_members(lines[index], header)
                read.add(lines[index].number)
                index += 1
        return read

    def _group_row_tables(self) -> set[int]:
        """Tables with one row per group ("Grupp | Motsvarar | Ledamöter | Möten", a meeting
        plan "Grupp | Mötesfrekvens"): under a header with a column of members or one about
        meetings, a row that names a group in a cell of its own has the members and the
        meetings its cells give. Returns the numbers of the lines whose members were read."""
        source = self.ctx.source
        read: set[int] = set()
        header: tuple[frozenset[int], int] | None = None  # member columns, meeting column
        header_line = 0
        for line in source.lines:
            cells = source.line_text(line).split("\t")
            if len(cells) < 2:
                header = None
                continue
            if header is None:
                header, header_line = self._row_table_header(cells), line.number
                continue
            members, meeting = header
            named = self._row_group(cells, members | {meeting})
            if named is None:
                continue
            starts = [start for start, _cell in _tab_cells(source, line)]
            for column in sorted(members):
                if column < len(cells):
                    span = _trimmed(self.text, starts[column], starts[column] + len(cells[column]))
                    self._add_cell_members(named, span)
            if 0 <= meeting < len(cells):
                self._take_meeting(
                    named, Span(line.start, line.end), cells[meeting], starts[meeting]
                )
            if members:
                read.update((header_line, line.number))
        return read

    def _row_table_header(self, cells: Sequence[str]) -> tuple[frozenset[int], int]:
        """The columns of members and the column of meetings (-1: none) a header names."""
        short = [len(cell.split()) <= _SUBJECT_WORDS for cell in cells]
        members = frozenset(
            i for i, cell in enumerate(cells) if short[i] and self.member_column.search(cell)
        )
        meeting = next(
            (
                i
                for i, cell in enumerate(cells)
                if short[i] and i not in members and self.meeting_cue.search(cell)
            ),
            -1,
        )
        return members, meeting

    def _row_group(self, cells: Sequence[str], columns: Collection[int]) -> str | None:
        """The group a row names in a cell of its own, outside the member and meeting cells:
        "Ledningsgruppen | Lokal styrgrupp | …" is the steering group."""
        for index, cell in enumerate(cells):
            if index in columns or len(cell.split()) > _SUBJECT_WORDS:
                continue
            named, at_start, _container = self._named_group(cell.strip())
            if named is not None and at_start:
                return named
        return None

    def _add_cell_members(self, kind: str, span: Span) -> None:
        """Every member a cell names; "vid behov" makes optional only those of its clause."""
        for clause in self._clauses(span):
            words = self.text[clause.start : clause.end]
            optional = bool(self.optional_cue.search(words))
            self._add_members(kind, clause, optional, optional and self._co_opted(words))

    def _column_groups(self, text: str) -> list[str | None] | None:
        """The group each cell of a header row names, when every cell names another one; the
        first may label the rows instead ("Part | Lokal styrgrupp | Lokal beredningsgrupp")."""
        cells = text.split("\t")
        if len(cells) < 2:
            return None
        kinds: list[str | None] = []
        for cell in cells:
            named, at_start, _container = self._named_group(cell.strip())
            if named is None or not at_start or len(cell.split()) > _SUBJECT_WORDS:
                named = None
            kinds.append(named)
        named_kinds = kinds[1:] if kinds[:1] == [None] else kinds  # after a label column
        if len(named_kinds) < 2 or None in named_kinds:
            return None
        return kinds if len(set(named_kinds)) == len(named_kinds) else None

    def _add_column_members(self, line: Line, header: Sequence[str | None]) -> None:
        for kind, (start, cell) in zip(header, _tab_cells(self.ctx.source, line), strict=True):
            span = _trimmed(self.text, start, start + len(cell))
            if kind is not None and span.end > span.start:
                self._add_cell_members(kind, span)

    def _section_kind(self, section: Section | None) -> str | None:
        return (
            self.section_kind.get(section.template_key)
            if section and section.template_key
            else None
        )

    def _enclosing_kind(self, section: Section | None) -> str | None:
        """The group of the section or, for a sub-section ("5.1.2 Sammansättning" under "5.1
        Lokal styrgrupp"), of the innermost section around it that describes a group."""
        if section is None:
            return None
        known = self._enclosing_kinds.get(id(section))
        if known is not None:
            return known[1]
        around = [
            s
            for s in self._group_sections
            if s is section or s.body.start <= section.heading.start < s.body.end
        ]
        innermost = max(around, key=lambda s: s.level, default=None)  # the first of a level
        return self._section_kind(innermost)

    @cached_property
    def _enclosing_kinds(self) -> dict[int, tuple[Section, str | None]]:
        """`_enclosing_kind` of every section, in one pass in document order: the group
        sections still open around a section's heading are a short stack (sections nest)."""
        kinds: dict[int, tuple[Section, str | None]] = {}
        open_groups: list[Section] = []
        for section in self.ctx.sections:
            start = section.heading.start
            open_groups = [s for s in open_groups if s.body.start <= start < s.body.end]
            own = self._section_kind(section) is not None
            around = [*open_groups, section] if own else open_groups
            innermost = max(around, key=lambda s: s.level, default=None)
            kinds[id(section)] = (section, self._section_kind(innermost))
            if own:
                open_groups.append(section)
        return kinds

    @cached_property
    def _group_sections(self) -> tuple[Section, ...]:
        """The sections that describe a group, in document order."""
        return tuple(s for s in self.ctx.sections if self._section_kind(s))

    def _sentence(
        self, span: Span, owner: str | None, section: Section | None
    ) -> tuple[str | None, tuple[str, bool, bool] | None]:
        """Read one sentence; returns the new owner and, for a list introduction, its group."""
        sentence = self.text[span.start : span.end]
        named, at_start, container = self._named_group(sentence)
        if at_start and named:
            owner = named
            if _describes_organisation(section) or self._section_kind(section):
                self.evidence[named].spans.append(span)
        # The subject names the group; else the group the statement puts someone in; else
        # the group whose section or paragraph this is; else any group named.
        group = (named if at_start else None) or container or owner or named
        if group is None:
            return owner, None
        is_member = bool(self.member_cue.search(sentence))
        optional = co_opted = False
        # "Vid behov" and "adjungeras" make optional only the members of their own clause
        # ("… består av X och Y, och den kan vid behov adjungera Z").
        for clause in self._clauses(span):
            words = self.text[clause.start : clause.end]
            optional = bool(self.optional_cue.search(words))
            co_opted = optional and self._co_opted(words)
            if is_member or optional:
                self._add_members(group, clause, optional, co_opted)
        self._add_meeting(group, span, sentence)
        introduces = (
            sentence.rstrip().endswith(":") and (is_member or self._is_label(sentence, named))
        ) or (is_member and self._ends_in_member_cue(sentence))
        return owner, ((group, optional, co_opted) if introduces else None)

    def _group_label(self, text: str) -> str | None:
        """The group an item names and nothing else ("• Beredningsgruppen", "– Styrgrupp:")."""
        body = LIST_MARKER.sub("", text, count=1).strip().rstrip(":")
        named, at_start, _ = self._named_group(body)
        return named if named and at_start and self._is_label(body, named) else None

    def _states_of_group(self, text: str) -> bool:
        """ "5.1.3 Styrgruppen sammanträder minst två gånger per år" after the members'
        items: an item whose subject is a group and that says whom it has or when it meets is
        a statement (the clause after the list's lead-in), not a member."""
        body = strip_section_number(LIST_MARKER.sub("", text, count=1))
        named, at_start, _ = self._named_group(body)
        return bool(named and at_start) and bool(
            self.meeting_cue.search(body) or self.member_cue.search(body)
        )

    def _ends_in_member_cue(self, sentence: str) -> bool:
        """ "Styrgruppen består av" with the members below it, no colon between."""
        cues = list(self.member_cue.finditer(sentence))
        return bool(cues) and not sentence[cues[-1].end() :].strip(" :")

    def _clauses(self, span: Span) -> Iterator[Span]:
        """The sentence's clauses, each cut again before a conjunction that opens the
        optional members ("deltagare från A och B och vid behov från C"): only those after
        it are optional."""
        for clause in _clauses(self.text, span):
            position = clause.start
            for match in self.optional_joint.finditer(self.text, clause.start, clause.end):
                yield _trimmed(self.text, position, match.start())
                position = match.start()
            yield _trimmed(self.text, position, clause.end)

    def _co_opted(self, text: str) -> bool:
        """Co-opted as such ("adjungeras"), not only when needed ("kan vid behov adjungeras")."""
        return bool(self.co_opted_cue.search(text)) and not self.conditional_cue.search(text)

    def _named_group(self, sentence: str) -> tuple[str | None, bool, str | None]:
        """The first group named, whether it is the subject, and a group named as the
        container of the statement ("… ingår i beredningsgruppen")."""
        mentions: list[tuple[int, str]] = []
        for word in self.group_words:
            for match in word.regex.finditer(sentence):
                start = _word_start(sentence, match.start())
                if not self._other_level(sentence, start, match.end()):
                    mentions.append((start, word.kind))
        if not mentions:
            return None, False, None
        mentions.sort()
        first_start, first_kind = mentions[0]
        before = sentence[:first_start].lower().split()
        at_start = len(before) < _SUBJECT_WORDS and all(w.strip("•-–") in _LEADING for w in before)
        container = next(
            (kind for start, kind in mentions if _CONTAINER.search(sentence[:start])), None
        )
        return first_kind, at_start, container

    def _other_level(self, sentence: str, start: int, end: int) -> bool:
        """A group of another level than the local one ("den centrala beredningsgruppen"):
        one of the pack's `other_level_words` just before or after its name."""
        before = sentence[max(0, start - 12) : start].lower()
        after = sentence[end : end + 20].lower()
        return any(word in before or word in after for word in self.other_level_words)

    def _is_label(self, sentence: str, named: str | None) -> bool:
        """ "Styrgruppen:" or "Styrgruppens sammansättning:" introduces a member list."""
        return named is not None and len(sentence.split()) <= 3

    def _add_members(self, group: str, span: Span, optional: bool, co_opted: bool) -> None:
        text = self.text[span.start : span.end]
        members = read_members(
            self.vocab,
            text,
            span.start,
            qualifiers=self.qualifiers,
            optional=optional,
            co_opted=co_opted,
        )
        if members:
            self.evidence[group].members.extend(members)
            self.evidence[group].spans.append(span)

    def _add_meeting(self, group: str, span: Span, sentence: str) -> None:
        """The sentence's first interval; of several statements, the most frequent holds."""
        if self.meeting_cue.search(sentence):
            self._take_meeting(group, span, sentence, span.start)

    def _take_meeting(self, group: str, span: Span, text: str, offset: int) -> None:
        intervals = find_intervals(text, offset)
        if not intervals:
            return
        evidence = self.evidence[group]
        if evidence.meeting is None or intervals[0].per_year > evidence.meeting.per_year:
            evidence.meeting = intervals[0]
        evidence.spans.append(span)

    def _groups(self) -> Iterator[Group]:
        for kind, evidence in self.evidence.items():
            section = next((s for s in self.ctx.sections if self._section_kind(s) == kind), None)
            if section is not None:
                span = Span(section.heading.start, section.body.end)
            elif evidence.spans:
                span = Span(
                    min(s.start for s in evidence.spans), max(s.end for s in evidence.spans)
                )
            else:
                continue
            meeting = evidence.meeting
            yield Group(
                kind=kind,
                span=span,
                members=tuple(evidence.members),
                meetings_per_year=round(meeting.per_year, 2) if meeting else None,
                meetings_span=meeting.span if meeting else None,
            )


def _group_words(groups: Mapping[str, Any]) -> list[_GroupWord]:
    words = []
    for kind, entry in groups.items():
        alternatives = [
            r"\s+".join(re.escape(w) for w in word.lower().split()) + r"\w*"
            for word in entry.get("words", ())
        ]
        # The word may be the head of a compound ("samverkansstyrgruppen"): its start is
        # found by walking back, which is much cheaper than a leading \w* in the pattern.
        words.append(_GroupWord(kind, Cue(alternatives)))
    return words


def _word_start(text: str, position: int) -> int:
    while position > 0 and text[position - 1].isalnum():
        position -= 1
    return position


def _describes_organisation(section: Section | None) -> bool:
    return section is None or section.template_key is None or _ORGANISATION_ROLE in section.roles


def _cue_regex(cues: Iterable[str]) -> Cue:
    return Cue(cues, before=r"(?<![\wåäö])", after=r"(?![\wåäö])")


def _sentences(text: str, span: Span) -> Iterator[Span]:
    chunk = text[span.start : span.end]
    position = 0
    for match in SENTENCE_BREAK.finditer(chunk):
        yield _trimmed(text, span.start + position, span.start + sentence_end(match))
        position = match.end()
    yield _trimmed(text, span.start + position, span.end)


def _clauses(text: str, span: Span) -> Iterator[Span]:
    """The main clauses of a sentence: split at a semicolon and at a comma before a
    conjunction (Swedish sets no comma before the "och" that ends an enumeration)."""
    position = span.start
    for match in _CLAUSE_JOINT.finditer(text, span.start, span.end):
        yield _trimmed(text, position, match.start())
        position = match.start() + 1
    yield _trimmed(text, position, span.end)


def _trimmed(text: str, start: int, end: int) -> Span:
    raw = text[start:end]
    return Span(start + len(raw) - len(raw.lstrip()), end - len(raw) + len(raw.rstrip()))


# ---------------------------------------------------------------- units


@dataclass
class _Open:
    start: int
    end: int
    item: bool
    section: Section | None
    last_text: str

    def close(self) -> _Unit:
        return _Unit(Span(self.start, self.end), self.item, self.section)


def _units(ctx: AnalysisContext, skipped: Collection[int] = ()) -> list[_Unit]:
    """List items and paragraphs, in order, without headings, page furniture and the lines
    numbered in `skipped`."""
    source = ctx.source
    heading_lines = {
        line.number
        for section in ctx.sections
        if section.heading.end > section.heading.start
        for line in _lines_of(source, section.heading)
    }
    starts = [s.heading.start for s in ctx.sections]
    units: list[_Unit] = []
    current: _Open | None = None
    blank = in_list = False
    for line in source.lines:
        text = source.line_text(line).strip()
        if line.number in heading_lines or line.number in skipped:
            current = _flush(units, current)
            blank = in_list = False
            continue
        if not text:
            blank = True
            continue
        if is_page_number(text):
            continue
        section = _innermost(ctx.sections, starts, line.start)
        marker = is_list_item(text, line.style) or bool(_ORGANISATION_LABEL.match(text))
        short_item = in_list and _is_short(text) and text[0].isupper()
        if current is not None and current.section is not section:
            current = _flush(units, current)
        if current is None or marker or short_item:
            current = _flush(units, current)
            current = _Open(line.start, line.end, marker or short_item, section, text)
        elif _continues(current, text, blank, source.format):
            current.end, current.last_text = line.end, text
        else:
            current = _flush(units, current)
            current = _Open(line.start, line.end, False, section, text)
        in_list = text.endswith(":") or (in_list and (marker or short_item))
        if text.endswith(":"):
            current = _flush(units, current)
        blank = False
    _flush(units, current)
    return units


def _lines_of(source: SourceText, span: Span) -> list[Line]:
    first = source.line_at(span.start).number
    last = source.line_at(max(span.start, span.end - 1)).number
    return list(source.lines[first - 1 : last])


def _flush(units: list[_Unit], current: _Open | None) -> None:
    if current is not None:
        units.append(current.close())
    return None


def _innermost(sections: Sequence[Section], starts: Sequence[int], offset: int) -> Section | None:
    import bisect

    index = bisect.bisect_right(starts, offset) - 1
    return sections[index] if index >= 0 else None


def _is_short(text: str) -> bool:
    return len(text.split()) <= _SHORT_LINE_WORDS and not text.endswith((".", "!", "?", ":"))


def _continues(current: _Open, text: str, blank: bool, fmt: str) -> bool:
    """Does `text` continue the open unit (a hard line break, not a new paragraph)?"""
    if fmt == "docx":
        return False
    last = current.last_text
    opens_lower = text[0].islower() or text[0].isdigit()
    ends_open = not last.endswith((".", "!", "?", ":"))
    if opens_with_clause_number(text) and (blank or current.item or not ends_open):
        return False  # "5.1.3 Styrgruppen sammanträder …" after a member item or a sentence
    if blank:
        return opens_lower and ends_open
    if not current.item:
        return True
    last_word = last.split()[-1].lower() if last.split() else ""
    return ends_open and (
        opens_lower or last.endswith((",", "-", "–")) or last_word in _OPEN_ENDINGS
    )


def _tab_cells(source: SourceText, line: Line) -> list[tuple[int, str]]:
    """Each cell of a view line (cells stand between tabs): where it starts and its text."""
    cells = []
    position = line.start
    for cell in source.line_text(line).split("\t"):
        cells.append((position, cell))
        position += len(cell) + 1
    return cells
