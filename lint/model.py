"""The located document model: plain frozen dataclasses that carry their source spans.

Every stage after reading works on character offsets into `SourceText.text`; a `Span` is
turned into a page/line/column location only when a finding is reported.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


@dataclass(frozen=True)
class Span:
    """Half-open character range [start, end) in `SourceText.text`."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")


@dataclass(frozen=True)
class LineStyle:
    """Layout hints a reader could see. Plain text has none of them."""

    font_size: float | None = None
    bold: bool = False
    heading_level: int | None = None  # from a DOCX "Heading N" style or a Markdown '#'
    list_item: bool = False
    # PDF geometry, in points from the page's top left. A wide gap between two words on one
    # PDF line becomes a tab in the text; `cells_x` holds the left edge of each tab-separated
    # part, so the layout stage can put side-by-side blocks (signatures, tables) in columns.
    x0: float | None = None
    # Where the line's last glyph starts (whole points). Glyph origins inside one string
    # come from advances, in which the engines differ by tenths of a point, so that these
    # may differ by a point between them: used with an em's tolerance, never compared.
    x1: float | None = field(default=None, compare=False)
    top: float | None = None
    page_height: float | None = None
    cells_x: tuple[float, ...] = ()
    cells_x1: tuple[float, ...] = field(default=(), compare=False)  # each cell's, likewise
    shape_marker: bool = False  # a small drawn shape (a bullet with no text) left of the line
    # DOCX structure: the computed label of a numbered paragraph (also prefixed to the text,
    # as Word's plain-text export does), its list level, and a table cell's coordinates.
    list_label: str | None = None
    list_level: int | None = None
    # A table cell's coordinates (DOCX; a PDF table drawn with rules): (table, row, line
    # within the row).
    table_cell: tuple[int, int, int] | None = None
    # The reading view's line of a signature table read column by column: its column.
    signature_column: int | None = None


@dataclass(frozen=True)
class Line:
    number: int  # 1-based, as `samlint extract` prints it
    start: int  # offset of the first character in SourceText.text
    end: int  # offset just past the last character (the newline is not included)
    page: int | None  # 1-based PDF page, None for text and DOCX
    style: LineStyle = field(default_factory=LineStyle)


@dataclass(frozen=True)
class Piece:
    """One view line: `prefix` (synthetic) followed by raw text [raw_start, raw_end).

    A piece that `continues` adds to the view line of the piece before it, its prefix the
    separator ("\t" between two cells, " " or "" between the lines of a wrapped cell)."""

    raw_start: int
    raw_end: int
    page: int | None
    style: LineStyle
    prefix: str = ""
    continues: bool = False


@dataclass(frozen=True)
class OffsetMap:
    view_starts: tuple[int, ...]
    pieces: tuple[Piece, ...]

    @cached_property
    def identity(self) -> bool:
        return all(
            not p.prefix and p.raw_start == v
            for v, p in zip(self.view_starts, self.pieces, strict=True)
        )

    @cached_property
    def _rows(self) -> list[tuple[int, int, int]]:
        """Per piece: the view offset of its raw text, its raw start and raw length."""
        return [
            (v + len(p.prefix), p.raw_start, p.raw_end - p.raw_start)
            for v, p in zip(self.view_starts, self.pieces, strict=True)
        ]

    @cached_property
    def _spans(self) -> dict[tuple[int, int], Span]:
        return {}  # view (start, end): the raw span, for spans shared across the model

    def to_raw(self, offset: int) -> int:
        index = bisect.bisect_right(self.view_starts, offset) - 1
        base, raw_start, length = self._rows[index if index > 0 else 0]
        inside = offset - base
        return raw_start + (0 if inside < 0 else length if inside > length else inside)

    def span_to_raw(self, span: Span) -> Span:
        key = (span.start, span.end)
        mapped = self._spans.get(key)
        if mapped is None:
            start = self.to_raw(span.start)
            end = self.to_raw(span.end - 1) + 1 if span.end > span.start else start
            mapped = self._spans[key] = Span(start, end if end > start else start)
        return mapped


@dataclass(frozen=True)
class Location:
    page: int | None
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    page_line: int | None = None  # PDF: the line on its page, counting only non-blank lines


@dataclass(frozen=True)
class SourceText:
    """What a reader yields: line-addressable text with a map back to page and line."""

    path: str
    format: str  # "text", "pdf" or "docx"
    text: str
    lines: tuple[Line, ...]
    skipped_pages: tuple[int, ...] = ()
    body_font_size: float | None = None  # the most common font size (PDF only)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [line.start for line in self.lines]

    def line_at(self, offset: int) -> Line:
        if not self.lines:
            raise ValueError("empty document has no lines")
        index = max(0, bisect.bisect_right(self._line_starts, offset) - 1)
        return self.lines[index]

    def line_text(self, line: Line) -> str:
        return self.text[line.start : line.end]

    @cached_property
    def line_texts(self) -> tuple[str, ...]:
        """The text of every line, by index into `lines` (for passes over all of them)."""
        text = self.text
        return tuple([text[line.start : line.end] for line in self.lines])

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]

    def locate(self, span: Span) -> Location:
        first = self.line_at(span.start)
        last = self.line_at(max(span.start, span.end - 1))
        excerpt_lines = [
            self.line_text(line).strip()
            for line in self.lines[first.number - 1 : last.number]
            if self.line_text(line).strip()
        ]
        return Location(
            page=first.page,
            line=first.number,
            column=span.start - first.start + 1,
            end_line=last.number,
            end_column=max(1, span.end - last.start),
            excerpt=" ".join(excerpt_lines),
            page_line=self.page_line(first),
        )

    def page_line(self, line: Line) -> int | None:
        """The 1-based line on its PDF page as a reader counts it: the page's non-blank
        lines (blank lines between blocks are layout, not lines); None outside PDFs."""
        if line.page is None:
            return None
        count = 0
        # back from the line, as reversed(self.lines[: line.number]) without the copy
        for index in range(min(line.number, len(self.lines)) - 1, -1, -1):
            other = self.lines[index]
            if other.page != line.page:
                break
            if self.line_text(other).strip():
                count += 1
        return max(1, count)


class Kind(StrEnum):
    LOCAL_AGREEMENT = "local_agreement"
    OVERARCHING_AGREEMENT = "overarching_agreement"
    MEMO = "memo"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Section:
    title: str
    heading: Span  # the heading line; a zero-length span at 0 for the preamble
    body: Span  # from after the heading to the next heading of the same or higher level
    level: int  # 1 = top level
    template_key: str | None = None  # the template heading this matched, if any
    template_score: float = 0.0
    # What the section is to the analyzers and checks ("parties", "annexes", "term" …): the
    # roles the pack's `section_roles` give its template heading.
    roles: tuple[str, ...] = ()
    # How the template heading was known: by the heading's words ("heading"), by what the
    # section holds ("content": the party list under "Vilka som samarbetar") or only by
    # where it stands, between two named sections ("position").
    named_by: str = "heading"


@dataclass(frozen=True)
class Sentence:
    span: Span
    text: str


class NumberStyle(StrEnum):
    ARABIC = "arabic"
    ROMAN = "roman"
    LETTER = "letter"  # "Bilaga A", "Bilaga B"


@dataclass(frozen=True)
class Annex:
    number: int
    suffix: str  # "" or a sub-annex letter ("a"); "a-c" for a range such as "(3a-c)"
    label: str  # the number as written ("3", "IV", "3a")
    style: NumberStyle
    title: str
    span: Span
    subject: str | None = None  # key of the annex-subject vocabulary the title names
    # How well the title names each annex subject (0-100), for every subject it names.
    subject_scores: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class AnnexReference:
    number: int
    suffix: str
    label: str  # as written
    style: NumberStyle
    span: Span  # the reference itself ("bilaga 3")
    sentence: Sentence
    subject: str | None = None  # what the sentence says the annex contains, if recognised
    # Every annex subject the reference's clause mentions (the subject and weaker hints).
    context_subjects: tuple[str, ...] = ()


@dataclass(frozen=True)
class DefinedTerm:
    term: str  # without quotes or bold markers
    span: Span


@dataclass(frozen=True)
class OrgNumber:
    value: str  # as written
    span: Span
    valid_format: bool  # NNNNNN-NNNN, NNNNNNNNNN or the 12-digit form with the prefix 16
    valid_checksum: bool
    house_style: bool = True  # written NNNNNN-NNNN


@dataclass(frozen=True)
class Party:
    name: str
    org_type: str  # an organisation type the pack declares (`organisation_types`)
    span: Span
    org_number: OrgNumber | None = None
    address: str | None = None
    defined_terms: tuple[DefinedTerm, ...] = ()
    # The units named after the name ("Polismyndigheten, lokalpolisområde Järva, polisområde
    # Nord": "lokalpolisområde Järva", "polisområde Nord").
    units: tuple[str, ...] = ()


@dataclass(frozen=True)
class CopiesClause:
    count: int
    span: Span


@dataclass(frozen=True)
class Member:
    role: str  # normalized role key from the role vocabulary, or "" when unknown
    organisation: str | None  # an organisation type the pack declares
    text: str  # as written
    span: Span
    optional: bool = False  # no seat: co-opted, or invited only when needed ("vid behov")
    # Co-opted as such ("Rektor adjungeras till styrgruppen"): takes part without a seat.
    co_opted: bool = False
    # Named by a term the agreement defines for more than one party ("vid Förvaltningen"):
    # the organisation types it may mean; `organisation` is then None.
    candidates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    kind: str  # a group of the pack's roles vocabulary ("steering", "preparatory", "working")
    span: Span  # the section (or paragraph) that describes it
    members: tuple[Member, ...] = ()
    meetings_per_year: float | None = None
    meetings_span: Span | None = None


@dataclass(frozen=True)
class Revision:
    subject: str  # a revision subject of the pack's vocabulary ("agreement")
    months: float | None  # None when a revision is mentioned without an interval
    span: Span  # the sentence
    interval_span: Span | None = None  # the words that give the interval ("vart tredje år")


@dataclass(frozen=True)
class DateMention:
    iso: str  # YYYY-MM-DD, YYYY-MM for a month, YYYY for a year (a period "2024–2026")
    precision: str  # "day", "month" or "year"
    span: Span


@dataclass(frozen=True)
class Validity:
    span: Span
    start: DateMention | None = None
    end: DateMention | None = None
    from_signing: bool = False
    until_further_notice: bool = False
    duration_months: int | None = None  # "gäller i två år": the end follows from the start
    duration_span: Span | None = None  # the words that give the duration ("i två år")
    impossible: tuple[Span, ...] = ()  # dates it gives that do not exist ("31 april 2025")


@dataclass(frozen=True)
class Signature:
    span: Span
    place: str | None = None
    date: DateMention | None = None
    name: str | None = None
    title: str | None = None
    organisation: str | None = None
    party_index: int | None = None  # index into Document.parties


@dataclass(frozen=True)
class PriorityArea:
    text: str
    span: Span
    matched: str | None  # the overarching area it matched, if any
    score: float = 0.0


@dataclass(frozen=True)
class Document:
    source: SourceText
    kind: Kind
    sections: tuple[Section, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    parties: tuple[Party, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    copies: tuple[CopiesClause, ...] = ()
    org_numbers: tuple[OrgNumber, ...] = ()  # every one in the text, party or not
    annexes: tuple[Annex, ...] = ()
    annex_references: tuple[AnnexReference, ...] = ()
    groups: tuple[Group, ...] = ()
    revisions: tuple[Revision, ...] = ()
    validity: tuple[Validity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    signatures: tuple[Signature, ...] = ()
    priority_areas: tuple[PriorityArea, ...] = ()
    # What was recognised when the kind was decided: (cue, count), e.g. ("parties", 3).
    kind_cues: tuple[tuple[str, int], ...] = ()
    kind_forced: bool = False
    # The text as the analyzers read it (the layout stage's view: no page furniture, table
    # cells and wrapped lines joined) and its map back to `source`.
    reading: SourceText | None = None
    reading_map: OffsetMap | None = None

    def reading_text(self) -> tuple[str, OffsetMap | None]:
        """The reading text and the map of its offsets to `source` (None: the same text)."""
        if self.reading is None:
            return self.source.text, None
        return self.reading.text, self.reading_map

    def section(self, template_key: str) -> Section | None:
        return next((s for s in self.sections if s.template_key == template_key), None)

    def section_for(self, role: str) -> Section | None:
        """The first section that plays `role` (the pack's `section_roles`)."""
        return next((s for s in self.sections if role in s.roles), None)

    def group(self, kind: str) -> Group | None:
        return next((g for g in self.groups if g.kind == kind), None)
