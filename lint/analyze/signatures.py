"""Signature blocks: place and date, name, title, organisation (issue: dates/signatures).

A block starts at a place-and-date line ("Stockholm den 19 mars 2020", "Stockholm
2020-03-19", "Ort och datum: …") or a "För <part>" line, and takes the short lines after
it: a name, a title and an organisation, in any order. Blank lines are optional (PDF
and DOCX extraction drops them). Undated blocks (a name followed by a title) are
found after the last prose line. Each block is matched to a party by organisation name
(rapidfuzz), by the party's defined term, or by organisation type.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from lint.analyze.context import AnalysisContext
from lint.analyze.dates import find_dates
from lint.analyze.parties import is_cue_word
from lint.layout.patterns import RUNS_ON, caption_under_rule
from lint.model import DateMention, Line, Party, Signature, SourceText, Span
from lint.pack import unspecific_types

MAX_BLOCK_LINES = 6  # content lines after the anchor
MAX_SHORT_LINE = 80
MAX_FIELD_CHARS = 70
MAX_FIELD_WORDS = 8
# "Namn, titel, organisation, avdelning": an organisation may name its unit too.
MAX_FIELDS_PER_LINE = 4
MIN_PARTY_SCORE = 60.0
PROSE_MIN_WORDS = 10

_SHORT_CUE = 3  # cues like "lpo" and "sdf" must be whole words
_NAME = re.compile(
    r"^[A-ZÅÄÖÉÜ][a-zåäöéüøæ'’]+"
    r"(?:[- ](?:(?:af|von|van|de|del|la)\s+)?[A-ZÅÄÖÉÜ][a-zåäöéüøæ'’]+){1,3}$"
)
_LABEL = re.compile(
    r"^(?:ort\s*(?:och|&|/|,)\s*datum|datum\s*(?:och|&|/|,)\s*ort|ort|datum|plats\s+och\s+datum)"
    r"\s*[:.]?\s*",
    re.I,
)
_FIELD_LABEL = re.compile(
    r"^(?:namnförtydligande|namn|befattning|titel|titel/befattning|underskrift|namnteckning"
    r"|organisation|part)\s*[:.]?\s*",
    re.I,
)
# The date's own label after the place on one line: "Ort: Bromma   Datum: 2025-10-14".
_DATE_LABEL_LAST = re.compile(r"\s*\bdatum\s*:?\s*$", re.I)
_HAS_DIGIT = re.compile(r"\d")
_MAX_PARTY_TAIL_WORDS = 4
_FILLER = re.compile(r"^[\s_.…·\-–—]*$")
_BLANK_DATE = re.compile(r"[_…]{2,}|\.{3,}|\s20\d\d\s*-\s*-?\s*$|\s20\d\d-\s*$")
_FOR_PARTY = re.compile(
    r"^För\s+(?!att\b|den\b|det\b|de\b|detta\b|denna\b|en\b|ett\b|varje\b|alla\b)"
    r"([A-ZÅÄÖa-zåäö\"”].{2,60}?)(?<![.!?,;])[:]?$"
)
_PLACE = re.compile(r"^[A-ZÅÄÖ][\wåäöÅÄÖ\-]+(?:\s+[A-ZÅÄÖ][\wåäöÅÄÖ\-]+)?$")
_SENTENCE_END = re.compile(r"\.(?:\s|$)")
_FOOTER = re.compile(r"^(?:sida\s+\d+(?:\s*(?:av|/)\s*\d+)?|\d+\s*(?:/|av)\s*\d+|\d+)$", re.I)


@dataclass
class _Block:
    start: int
    end: int
    place: str | None = None
    date: DateMention | None = None
    dated_line: bool = False  # a place/date line or label was seen
    for_party: str | None = None
    opened_by_date: bool = False  # the place/date line came first ("Stockholm den …" / "För X")
    inherited: bool = False  # place and date shared from the line above the first block
    unopened: bool = False  # no anchor opened it: the date line under its names closes it
    column: int | None = None  # the signature table's column it was read from
    lines: list[tuple[str, Span]] = field(default_factory=list)


def extract_signatures(ctx: AnalysisContext, parties: tuple[Party, ...]) -> tuple[Signature, ...]:
    vocab = SignatureVocab.from_pack(ctx.vocab)
    tabled = list(_table_rows(ctx.source, vocab))
    skip = frozenset(line.number for line, _ in tabled)
    blocks = list(_anchored_blocks(ctx.source, vocab, skip))
    blocks.extend(_undated_blocks(ctx.source, blocks, vocab, skip))
    blocks.sort(key=lambda b: b.start)
    body = _body_start(ctx)
    signatures = [s for b in blocks if b.start >= body and (s := _signature(b, vocab)) is not None]
    signatures.extend(s for line, s in tabled if s is not None and line.start >= body)
    signatures.sort(key=lambda s: s.span.start)
    signatures = _dated_by_signing_sentence(ctx, signatures, vocab)
    return tuple(match_parties(signatures, parties, vocab))


def _body_start(ctx: AnalysisContext) -> int:
    """Where the agreement's first section known from the template opens: what stands above
    it (a registry block "Datum | 2021-04-20", "Handläggare | Mikael Lund, …") is front matter
    and signs nothing. 0 when no section is known."""
    return min((s.heading.start for s in ctx.sections if s.template_key is not None), default=0)


def _dated_by_signing_sentence(
    ctx: AnalysisContext, signatures: list[Signature], vocab: SignatureVocab
) -> list[Signature]:
    """ "Överenskommelsen undertecknades i Hyltebruk den 5 mars 2024." above the names:
    blocks without a date of their own are dated by the one sentence that dates the signing,
    in the signature section or right before the first block."""
    if vocab.signing is None or not signatures or all(s.date for s in signatures):
        return signatures
    area = _signature_area_start(ctx, signatures[0].span.start)
    found = [
        dates[0]
        for sentence in ctx.sentences
        if area <= sentence.span.start < signatures[-1].span.end
        and vocab.signing.search(sentence.text)
        and len(dates := find_dates(ctx.source.slice(sentence.span), sentence.span.start)) == 1
    ]
    if len(found) != 1 or found[0].precision != "day":
        return signatures
    return [s if s.date else replace(s, date=found[0]) for s in signatures]


def _signature_area_start(ctx: AnalysisContext, first_block: int) -> int:
    """Where the signing is described: the signature section, else the sentence before the
    first block."""
    section = ctx.section_for("signatures")
    if section is not None and section.heading.start <= first_block:
        return section.heading.start
    before = [s.span.start for s in ctx.sentences if s.span.start < first_block]
    return before[-1] if before else first_block


# --- finding blocks --------------------------------------------------------------------


def _content_lines(
    source: SourceText, skip: frozenset[int] = frozenset()
) -> Iterator[tuple[Line, str]]:
    for line in source.lines:
        text = source.line_text(line).strip()
        if text and not _FOOTER.match(text) and line.number not in skip:
            yield line, text


# --- a signatory a row ---------------------------------------------------------------------


def _table_rows(
    source: SourceText, vocab: SignatureVocab
) -> Iterator[tuple[Line, Signature | None]]:
    """The rows under a header row that names signature fields ("Namn | Befattning | Part |
    Undertecknat"): one signatory a row, each cell the field its header names. The header
    row is yielded too (with no signature) so that no other reading takes it."""
    lines = [(line, text) for line, text in _content_lines(source) if "\t" in text]
    by_number = {line.number: line for line in source.lines}
    for line, text in lines:
        fields = vocab.column_fields(text)
        if fields is None:
            continue
        number = line.number + 1
        rows = []
        while (row := by_number.get(number)) is not None and _row_cells(source, row, fields):
            rows.append(row)
            number += 1
        if rows:
            yield line, None
        for row in rows:
            yield row, _row_signature(source, row, fields)


def _row_cells(source: SourceText, line: Line, fields: Sequence[str]) -> list[tuple[str, Span]]:
    """(field, span) of each non-empty cell of a row with as many cells as the header."""
    raw = source.line_text(line)
    cells = raw.split("\t")
    if len(cells) != len(fields):
        return []
    found = []
    position = line.start
    for field_name, cell in zip(fields, cells, strict=True):
        stripped = cell.strip()
        if stripped:
            start = position + cell.find(stripped)
            found.append((field_name, Span(start, start + len(stripped))))
        position += len(cell) + 1
    return found


def _row_signature(source: SourceText, line: Line, fields: Sequence[str]) -> Signature:
    values = {name: span for name, span in _row_cells(source, line, fields)}
    text = {name: source.slice(span) for name, span in values.items()}
    date_span = values.get("date")
    dates = find_dates(text["date"], date_span.start) if date_span else []
    return Signature(
        span=Span(line.start, line.end),
        place=text.get("place"),
        date=dates[0] if len(dates) == 1 else None,
        name=text.get("name"),
        title=text.get("title"),
        organisation=text.get("organisation"),
    )


def _anchor(
    text: str, offset: int, vocab: SignatureVocab
) -> tuple[str | None, DateMention | None, bool] | None:
    """(place, date, is_for_line) for a place-and-date or label line, else None."""
    if len(text) > MAX_SHORT_LINE:
        return None
    labelled = _LABEL.match(text) or vocab.date_label(text)
    rest = text[labelled.end() :] if labelled else text
    rest_offset = offset + (labelled.end() if labelled else 0)
    dates = find_dates(rest, rest_offset)
    if len(dates) == 1:
        date = dates[0]
        local = (date.span.start - rest_offset, date.span.end - rest_offset)
        residue = (rest[: local[0]] + " " + rest[local[1] :]).strip()
        # "Stockholm den 5 mars 2024", "Stockholm, 2024-03-05", "Stockholm i mars 2024"
        residue = re.sub(r"(?:,|\bden\b|\bi$)", " ", _DATE_LABEL_LAST.sub("", residue)).strip(" ,.")
        if not residue:  # "2024-03-05", "den 5 mars 2024"
            wrapped = text[0].islower() and not text.startswith("den ")  # "utgången av 2026."
            return None if wrapped else (None, date, False)
        if _PLACE.match(residue) and not vocab.org_type(residue) and not vocab.is_title(residue):
            return residue, date, False
        return None
    if dates:
        return None
    if labelled and (not rest.strip() or _FILLER.match(rest) or _BLANK_DATE.search(" " + rest)):
        return None, None, False
    blank_date = re.match(r"^([A-ZÅÄÖ][\wåäö\-]+)(?:,)?\s+(?:den\s+)?(.*)$", text)
    if blank_date and _BLANK_DATE.search(" " + blank_date.group(2)) and not vocab.org_type(text):
        return blank_date.group(1), None, False
    if re.fullmatch(r"[A-ZÅÄÖ][\wåäö\-]+(?:,)?\s+den", text):
        return text.split()[0].rstrip(","), None, False
    party = _FOR_PARTY.match(text)
    if party and (party.group(1)[0].isupper() or vocab.org_type(party.group(1))):
        return None, None, True
    return None


def _anchored_blocks(
    source: SourceText, vocab: SignatureVocab, skip: frozenset[int] = frozenset()
) -> Iterator[_Block]:
    current: _Block | None = None
    content = 0
    lines = list(_content_lines(source, skip))
    anchors = [_anchor(text, _text_start(source, line), vocab) for line, text in lines]
    for index, anchor in enumerate(anchors):
        following = lines[index + 1][1] if index + 1 < len(lines) else ""
        if anchor is not None and anchor[2] and _sentence_runs_on(lines[index][1], following):
            anchors[index] = None  # "För Staden undertecknar … och" wraps: prose, no block
        elif anchor == (None, None, False) and _caption_under_rule(lines, anchors, index):
            anchors[index] = None  # "Stockholm 2025-02-12" | "____" | "Ort och datum"
    dates_trail = _dates_trail(lines, anchors, vocab)
    pending: _Block | None = None  # signatory lines no anchor opened, that a date may close
    for index, (line, text) in enumerate(lines):
        anchor = anchors[index]
        if anchor is None and current is not None and _has_name(current):
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            anchor = _lone_place(text, following, vocab)
        if anchor is not None:
            place, date, is_for = anchor
            if current is None and pending is not None and date is not None and not is_for:
                current, content = pending, len(pending.lines)  # "Namn, titel" / "Ort datum"
            pending = None
            if (
                dates_trail
                and current is not None
                and _is_trailing_date(current, date, is_for, content)
            ):
                # "För Polisen / Per Lind / Datum: 2024-01-25": the date closes the block.
                current.end = line.end
                current.dated_line = True
                current.place, current.date = place, date
                if current.unopened:
                    yield current  # the next signatory's lines come before its date again
                    current = None
                continue
            if current is None or not _can_merge(current, date, is_for, content):
                shared = _shared_date(current, is_for)
                if current is not None:
                    yield current
                current = _Block(
                    line.start,
                    line.end,
                    opened_by_date=not is_for,
                    column=line.style.signature_column,
                )
                content = 0
                if shared is not None:
                    # One place/date line above several "För X" blocks dates them all.
                    current.place, current.date = shared
                    current.dated_line = current.inherited = True
            current.end = line.end
            if is_for:
                current.for_party = _FOR_PARTY.match(text).group(1)  # type: ignore[union-attr]
            else:
                if current.inherited:
                    current.place, current.date, current.inherited = None, None, False
                current.dated_line = True
                current.place = current.place or place
                current.date = current.date or date
            continue
        if current is None:
            if dates_trail:
                pending = _pending_lines(pending, line, text, source, vocab)
            continue
        if _FILLER.match(text):
            continue  # a signature rule, however long ("_____ _____ _____" of three columns)
        if _is_prose(text) or content >= MAX_BLOCK_LINES:
            yield current
            current = None
            continue
        if (
            index
            and lines[index - 1][0].start == current.start
            and _party_goes_on(current, text, vocab)
        ):
            # "För Polismyndigheten genom lokalpolisområde" | "Globen"
            current.for_party = f"{current.for_party} {text}"
            current.end = line.end
            continue
        if _starts_next_signatory(current, text, vocab):
            # One shared place/date line above several signatories: each gets a block. A
            # signatory in the next column of a signature table shares nothing: a date
            # stands over its own column only.
            yield current
            column = line.style.signature_column
            if column is not None and column != current.column:
                current, content = _Block(line.start, line.end, column=column), 0
            else:
                shared = _Block(
                    line.start, line.end, current.place, current.date, True, column=column
                )
                current, content = shared, 0
        stripped = _FIELD_LABEL.sub("", text).strip()
        if stripped:
            offset = _text_start(source, line) + text.find(stripped)
            current.lines.append((stripped, Span(offset, offset + len(stripped))))
            current.end = line.end
            content += 1
    if current is not None:
        yield current
    elif pending is not None and any(
        _NAME.match(part) for text, _ in pending.lines for part in _fields(text)
    ):
        yield pending  # the last signatory's lines, no date after them: an undated block


def _caption_under_rule(
    lines: Sequence[tuple[Line, str]],
    anchors: Sequence[tuple[str | None, DateMention | None, bool] | None],
    index: int,
) -> bool:
    """A caption under a signature rule (`caption_under_rule`) with the date written above the
    rule (a rule a producer drew in pieces is several lines)."""
    if index < 2 or not caption_under_rule(lines[index - 1][1], lines[index][1]):
        return False
    above = index - 2
    while above > 0 and _FILLER.match(lines[above][1]):
        above -= 1
    anchor = anchors[above]
    return anchor is not None and anchor[1] is not None


def _pending_lines(
    pending: _Block | None, line: Line, text: str, source: SourceText, vocab: SignatureVocab
) -> _Block | None:
    """Where dates follow the names they date ("Malin Ekberg, grundskolechef" | "Stockholm
    2022-02-28"), a block may open with no anchor: the run of short signatory lines (an
    organisation, a name, a title, a signature rule) right before its date line."""
    if _FILLER.match(text):
        return pending
    if not _signatory_line(text, vocab):
        return None
    block = pending or _Block(
        line.start, line.end, unopened=True, column=line.style.signature_column
    )
    if len(block.lines) >= MAX_BLOCK_LINES:
        return None
    stripped = _FIELD_LABEL.sub("", text).strip()
    offset = _text_start(source, line) + text.find(stripped)
    block.lines.append((stripped, Span(offset, offset + len(stripped))))
    block.end = line.end
    return block


def _signatory_line(text: str, vocab: SignatureVocab) -> bool:
    """A line of a signature block: a name, a title or an organisation in each of its fields."""
    fields = _fields(_FIELD_LABEL.sub("", text).strip())
    return not _is_prose(text) and all(
        _NAME.match(f) or vocab.is_title(f) or vocab.org_type(f) for f in fields
    )


def _sentence_runs_on(text: str, following: str) -> bool:
    """A line of prose that a hard wrap cut: it ends in a word that leads on ("och"), or
    the next line goes on in lower case and ends the sentence ("kommundirektören under.")."""
    words = text.split()
    if words and words[-1].lower() in RUNS_ON:
        return True
    return bool(following) and following[0].islower() and bool(_SENTENCE_END.search(following))


def _dates_trail(
    lines: Sequence[tuple[Line, str]],
    anchors: Sequence[tuple[str | None, DateMention | None, bool] | None],
    vocab: SignatureVocab,
) -> bool:
    """Whether dates follow the names they date: no name comes after the last date line."""
    dated = [i for i, anchor in enumerate(anchors) if anchor is not None and anchor[1]]
    if not dated:
        return False
    return not any(_NAME.match(t) and not vocab.org_type(t) for _, t in lines[dated[-1] + 1 :])


def _shared_date(
    block: _Block | None, is_for: bool
) -> tuple[str | None, DateMention | None] | None:
    """The place and date a new "För X" block takes over from the block before it."""
    if block is None or not is_for or block.for_party is None:
        return None
    if not (block.opened_by_date or block.inherited) or block.date is None:
        return None
    return block.place, block.date


def _is_trailing_date(block: _Block, date: DateMention | None, is_for: bool, content: int) -> bool:
    """A date line right after an undated block's name lines belongs to that block."""
    return not is_for and date is not None and content > 0 and not block.dated_line


def _party_goes_on(block: _Block, text: str, vocab: SignatureVocab) -> bool:
    """The line right under a "För X" line that opened the block goes on with the party's
    name: a few words in lower case ("För Polismyndigheten genom" | "lokalpolisområde
    Globen"), or, after a word in lower case ("… lokalpolisområde" | "Globen"), a short
    proper name, no person's (those have two names) and no title. No date."""
    party = block.for_party
    if party is None or block.lines or _HAS_DIGIT.search(text):
        return False
    words = text.split()
    if text[:1].islower():
        return len(words) <= _MAX_PARTY_TAIL_WORDS
    return (
        party.split()[-1][:1].islower()
        and len(words) <= 2
        and text[:1].isupper()
        and not _NAME.match(text)
        and not vocab.is_title(text)
    )


def _starts_next_signatory(block: _Block, text: str, vocab: SignatureVocab) -> bool:
    """A second name after a complete name + title/organisation starts another signatory."""
    if block.for_party is not None or not _NAME.match(text) or vocab.org_type(text):
        return False
    names = [i for i, (t, _) in enumerate(block.lines) if _NAME.match(t) and not vocab.org_type(t)]
    return bool(names) and len(block.lines) > names[0] + 1


def _lone_place(text: str, following: str, vocab: SignatureVocab) -> tuple[str, None, bool] | None:
    """A place line whose date was left out ("Stockholm" alone) between two signed blocks:
    it starts the next block when a name follows, instead of joining the previous one."""
    if (
        len(text.split()) == 1
        and _PLACE.match(text)
        and not vocab.org_type(text)
        and not vocab.is_title(text)
        and _NAME.match(following)
        and not vocab.org_type(following)
    ):
        return text, None, False
    return None


def _text_start(source: SourceText, line: Line) -> int:
    raw = source.line_text(line)
    return line.start + len(raw) - len(raw.lstrip())


def _can_merge(block: _Block, date: DateMention | None, is_for: bool, content: int) -> bool:
    """A "För X" line and a place/date line (in either order) form one block."""
    if content > 0:
        return False
    if is_for:
        return block.for_party is None
    return not block.dated_line or block.inherited or (block.date is None and block.place is None)


def _has_name(block: _Block) -> bool:
    return any(_NAME.match(text) for text, _ in block.lines)


def _is_prose(text: str) -> bool:
    """Lines too long for a name, title or organisation (hard-wrapped body text); a line
    "Namn, titel, organisation" holds several fields."""
    return any(len(f) > MAX_FIELD_CHARS or len(f.split()) > MAX_FIELD_WORDS for f in _fields(text))


def _fields(text: str) -> list[str]:
    """ "Karin Berg, stadsdelsdirektör, Enskede-Årsta-Vantörs stadsdelsförvaltning": up to
    `MAX_FIELDS_PER_LINE` comma-separated fields on one line; anything else is one field."""
    parts = [p.strip() for p in text.split(",")]
    if 2 <= len(parts) <= MAX_FIELDS_PER_LINE and all(parts) and not text.rstrip().endswith("."):
        return parts
    return [text]


def _undated_blocks(
    source: SourceText,
    anchored: Sequence[_Block],
    vocab: SignatureVocab,
    skip: frozenset[int] = frozenset(),
) -> Iterator[_Block]:
    """Name + title pairs without a place/date line, after the document's last prose."""
    lines = list(_content_lines(source, skip))
    last_prose = max(
        (i for i, (_, t) in enumerate(lines) if len(t.split()) >= PROSE_MIN_WORDS), default=-1
    )
    covered = [(b.start, b.end) for b in anchored]
    index = last_prose + 1
    while index < len(lines) - 1:
        line, text = lines[index]
        inside = any(s <= line.start < e for s, e in covered)
        title_text = lines[index + 1][1]
        if (
            not inside
            and _NAME.match(text)
            and not vocab.org_type(text)
            and vocab.is_title(title_text)
        ):
            block = _Block(line.start, lines[index + 1][0].end)
            block.lines = [(t, Span(ln.start, ln.end)) for ln, t in lines[index : index + 2]]
            if (
                index + 2 < len(lines)
                and vocab.org_type(lines[index + 2][1])
                and not _NAME.match(lines[index + 2][1])
            ):
                org_line, org_text = lines[index + 2]
                block.lines.append((org_text, Span(org_line.start, org_line.end)))
                block.end = org_line.end
                index += 1
            yield block
            index += 2
            continue
        index += 1


# --- reading a block ---------------------------------------------------------------------


def _roles(vocab: dict[str, Any]) -> dict[str, Any]:
    """The role table, whether the roles file holds it at its top or under `roles:`."""
    table = vocab.get("roles") or {}
    return table.get("roles", table) if isinstance(table.get("roles"), dict) else table


@dataclass(frozen=True)
class SignatureVocab:
    """Organisation-type cues (longest first), the role vocabulary and the words of a
    signatory's title, from the pack (`parties` and `roles` vocabularies)."""

    cues: tuple[tuple[str, str], ...]
    roles: tuple[tuple[tuple[str, ...], str | None], ...]
    whole_words: frozenset[str] = frozenset()  # cues never read inside a compound ("Ystad")
    signing: re.Pattern[str] | None = None  # words that describe signing ("undertecknades")
    titles: re.Pattern[str] | None = None  # the pack's `parties.signatory_titles`
    unspecific: frozenset[str] = frozenset()  # types a signature is not matched by
    # Header words of a signature table read a signatory a row, and the field each names.
    columns: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_pack(cls, vocab: dict[str, Any]) -> SignatureVocab:
        parties = vocab.get("parties") or {}
        cues = [
            (str(cue).lower(), str(type_name))
            for type_name, type_cues in (parties.get("org_types") or {}).items()
            for cue in type_cues
        ]
        roles = tuple(
            (
                tuple(str(f).lower() for f in role.get("forms", ())),
                str(role["organisation"]) if role.get("organisation") else None,
            )
            for role in _roles(vocab).values()
            if isinstance(role, dict)
        )
        whole = frozenset(str(cue).lower() for cue in parties.get("whole_word_cues", ()))
        stems = [re.escape(str(stem)) for stem in parties.get("signing_words", ())]
        signing = re.compile(rf"\b(?:{'|'.join(stems)})\w*", re.I) if stems else None
        titles = parties.get("signatory_titles") or ()
        pattern = re.compile(r"(?:" + "|".join(titles) + r")\w*\b", re.I) if titles else None
        ordered = tuple(sorted(cues, key=lambda c: len(c[0]), reverse=True))
        columns = tuple(
            (" ".join(str(word).lower().split()), str(field_name))
            for field_name, words in (parties.get("signature_columns") or {}).items()
            for word in words
        )
        return cls(ordered, roles, whole, signing, pattern, unspecific_types(vocab), columns)

    def column_fields(self, text: str) -> list[str] | None:
        """The field each cell of a table's header row names ("Namn | Befattning | Part |
        Undertecknat"), when every cell names another one and a date and a name or a title
        are among them (a table of the parties, "Part | Företrädare", signs nothing); else
        None."""
        cells = [" ".join(c.strip(" :").lower().split()) for c in text.split("\t")]
        if len(cells) < 2 or not self.columns:
            return None
        words = dict(self.columns)
        fields = [words.get(cell) for cell in cells]
        if any(f is None for f in fields) or len(set(fields)) < len(fields):
            return None
        found = [f for f in fields if f is not None]
        signs = "date" in found and bool({"name", "title"} & set(found))
        return found if signs else None

    def date_label(self, text: str) -> re.Match[str] | None:
        """ "Signerat: 2022-03-08", "Undertecknat den": the label of a signing date, a word
        that heads a signature table's date column."""
        pattern = _date_label_pattern(self.columns)
        return pattern.match(text) if pattern is not None else None

    def is_title(self, text: str) -> bool:
        """A short line with a title word ("stadsdelsdirektör", "Chef lokalpolisområde")."""
        return (
            len(text) <= MAX_SHORT_LINE
            and self.titles is not None
            and bool(self.titles.search(text))
        )

    def org_type(self, text: str) -> str | None:
        words = re.findall(r"\w+", text.lower())
        for cue, org_type in self.cues:
            if cue in self.whole_words:
                if any(is_cue_word(word, cue) for word in words):
                    return org_type
            elif cue in words or (len(cue) > _SHORT_CUE and any(cue in word for word in words)):
                return org_type
        return None

    def role_org(self, title: str) -> str | None:
        lower = title.lower()
        return next((org for forms, org in self.roles if any(f in lower for f in forms)), None)


def _signature(block: _Block, vocab: SignatureVocab) -> Signature | None:
    name = title = organisation = None
    fields = [field for text, _span in block.lines for field in _fields(text)]
    for text in fields:
        if organisation is None and vocab.org_type(text) and not vocab.is_title(text):
            organisation = text
        elif name is None and _NAME.match(text) and not vocab.org_type(text):
            name = text
        elif title is None and (vocab.is_title(text) or name is not None):
            title = text
    organisation = organisation or block.for_party
    if not (name or title or organisation):
        return None  # a lone "Stockholm den 3 mars 2020" is not a signature block
    return Signature(
        span=Span(block.start, block.end),
        place=block.place,
        date=block.date,
        name=name,
        title=title,
        organisation=organisation,
    )


# --- matching to parties -------------------------------------------------------------------


def signature_org_type(signature: Signature, vocab: SignatureVocab) -> str | None:
    if signature.organisation and (found := vocab.org_type(signature.organisation)):
        return found
    return vocab.role_org(signature.title or "")


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[\"”“*,.()]", " ", text.lower()).split())


def party_score(signature: Signature, party: Party, vocab: SignatureVocab) -> float:
    score = 0.0
    if signature.organisation:
        org = _normal(signature.organisation)
        score = max(
            fuzz.token_set_ratio(org, _normal(party.name)),
            max((100.0 for t in party.defined_terms if _normal(t.term) == org), default=0.0),
        )
    if signature_org_type(signature, vocab) == party.org_type and (
        party.org_type not in vocab.unspecific
    ):
        score = max(score, 70.0) + 10.0
    return score


def match_parties(
    signatures: Sequence[Signature], parties: Sequence[Party], vocab: SignatureVocab
) -> list[Signature]:
    """Assign each signature to at most one party, best scores first."""
    scored = sorted(
        (
            (party_score(sig, party, vocab), si, pi)
            for si, sig in enumerate(signatures)
            for pi, party in enumerate(parties)
        ),
        reverse=True,
    )
    assigned: dict[int, int] = {}
    used: set[int] = set()
    for score, si, pi in scored:
        if score < MIN_PARTY_SCORE or si in assigned or pi in used:
            continue
        assigned[si] = pi
        used.add(pi)
    return [replace(sig, party_index=assigned.get(i)) for i, sig in enumerate(signatures)]


@lru_cache(maxsize=8)
def _date_label_pattern(columns: tuple[tuple[str, str], ...]) -> re.Pattern[str] | None:
    words = sorted((w for w, field in columns if field == "date"), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    return re.compile(rf"^(?:{alternatives})(?:\s+den)?\s*:\s*", re.IGNORECASE)
