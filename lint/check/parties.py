"""Party checks: PTY."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from lint.check.engine import Param, Violation, register
from lint.check.signatures import party_list_doubtful
from lint.layout.patterns import LIST_MARKER, strip_section_number
from lint.localize import Text
from lint.model import Document, OrgNumber, Party, Span

# What may stand right before a capitalised word that is still a use of a defined term
# rather than the start of a sentence, a list item, a quotation or a definition.
_OPENERS = frozenset("\"”“«»„'(*:•–-")


@register(
    "required_parties",
    params={
        "required": Param(
            "mapping",
            required=True,
            doc="organisation type -> {sv, en, named}",
            org_types=lambda value: [(f".{key}", str(key)) for key in value],
        )
    },
    messages={"default": {"party"}},
    translated={"party"},
)
def required_parties(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """PTY001: each required organisation type is among the parties."""
    if not document.parties:
        return  # no party list could be read; TPL001 reports a missing parties section
    span = _parties_span(document.parties)
    for org_type, label in (params.get("required") or {}).items():
        if not any(_is_required(party, org_type, label) for party in document.parties):
            yield Violation(span, args={"party": Text.of(label, org_type)})


def _is_required(party: Party, org_type: str, requirement: Mapping[str, Any]) -> bool:
    """The party is of the type and, where the pack lists `named`, its name or a unit named
    after it says so ("Polismyndigheten, region Stockholm" is the police but not a local
    police area; "Polismyndigheten, lokalpolisområde Järva" is one)."""
    if party.org_type != org_type:
        return False
    named = requirement.get("named") or ()
    designation = " ".join((party.name, *party.units)).lower()
    return not named or any(word in designation for word in named)


@register(
    "copies_match_parties",
    params={"min_parties": Param("int", 2)},
    messages={"default": {"copies", "parties"}, "unverified": {"copies", "parties", "signatures"}},
)
def copies_match_parties(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """PTY002: "upprättats i N exemplar" equals the number of parties."""
    parties = len(document.parties)
    if parties < int(params.get("min_parties", 2)):
        return  # too few parties read to judge the count
    signatures = len(document.signatures)
    for clause in document.copies:
        if clause.count == parties:
            continue
        args = {"copies": clause.count, "parties": parties, "signatures": signatures}
        # As many signature blocks as copies: the party list, not the clause, was misread.
        unverified = signatures == clause.count and party_list_doubtful(document)
        yield Violation(
            clause.span, "unverified" if unverified else "default", args, unverified=unverified
        )


@register(
    "party_references",
    params={
        "two_party_phrases": Param("strings", []),
        "party_terms": Param("strings", []),
        "authority_names": Param(
            "mapping",
            {},
            doc="party terms that are also an authority's own name, with the party's type",
            org_types=lambda value: [(f".{key}", str(type_)) for key, type_ in value.items()],
        ),
    },
    messages={
        "default": {"phrase", "parties"},
        "unverified": {"phrase", "parties"},
        "undefined_term": {"term"},
        "duplicate_term": {"term", "first", "second"},
    },
)
def party_references(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """PTY003: two-party wording with more parties, terms used undefined or defined twice."""
    if len(document.parties) > 2:
        yield from _two_party_wording(document, params.get("two_party_phrases", ()))
    terms = _undefinable_terms(document, params.get("party_terms", ()), params)
    yield from _undefined_terms(document, terms)
    yield from _duplicate_terms(document.parties)


def _undefinable_terms(
    document: Document, party_terms: Sequence[str], params: Mapping[str, Any]
) -> list[str]:
    """The party terms that must be defined before use. An authority's own name
    ("Polisen") needs none where a party of its type takes part: it names the authority
    ("Polisens statistik"), as it does where that party has a term of its own ("LPO")."""
    authority = params.get("authority_names") or {}
    present = {p.org_type for p in document.parties}
    return [t for t in party_terms if authority.get(t) not in present]


@register("org_numbers", messages={"default": {"number"}, "format": {"number"}}, any_kind=True)
def org_numbers(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """PTY004: organisation numbers are written in a valid form (NNNNNN-NNNN, without the
    hyphen, or with the prefix 16) and have a correct check digit."""
    for number in document.org_numbers:
        if not number.valid_format:
            yield Violation(number.span, key="format", args={"number": number.value})
        elif not number.valid_checksum:
            yield Violation(
                number.span, args={"number": number.value}, suggestion=_corrected(number)
            )


@register("org_number_style", messages={"default": {"number"}}, any_kind=True)
def org_number_style(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """PTY005: a valid organisation number not written in the house style NNNNNN-NNNN."""
    for number in document.org_numbers:
        if number.valid_format and number.valid_checksum and not number.house_style:
            yield Violation(
                number.span, args={"number": number.value}, suggestion=_house_style(number)
            )


# --- PTY003 -------------------------------------------------------------------------------


def _two_party_wording(document: Document, phrases: Sequence[str]) -> Iterator[Violation]:
    if not phrases:
        return
    words = sorted((p.split() for p in phrases), key=len, reverse=True)
    pattern = re.compile(
        r"(?<!\w)(?:" + "|".join(r"\s+".join(map(re.escape, w)) for w in words) + r")(?!\w)",
        re.IGNORECASE,
    )
    text = document.source.text
    unverified = _two_counted(document)
    for match in pattern.finditer(text):
        yield Violation(
            Span(match.start(), match.end()),
            "unverified" if unverified else "default",
            {"phrase": " ".join(match.group().split()), "parties": len(document.parties)},
            unverified=unverified,
        )


def _two_counted(document: Document) -> bool:
    """The copies clause or the signature blocks count two parties: then the party list
    that has more was probably misread, and the two-party wording may well be right."""
    counts = [clause.count for clause in document.copies]
    if document.signatures:
        counts.append(len(document.signatures))
    return 2 in counts


def _undefined_terms(document: Document, party_terms: Sequence[str]) -> Iterator[Violation]:
    """A capitalised party term ("Polisen", "Förvaltningens") inside a sentence that the
    document never defines."""
    defined = {t.term.casefold() for t in document.defined_terms}
    defined |= {t.term.casefold() for p in document.parties for t in p.defined_terms}
    wanted = [t for t in party_terms if t.casefold() not in defined]
    if not wanted:
        return
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, wanted)) + r")s?(?!\w)")
    definition_spans = [t.span for t in document.defined_terms]
    reported: set[str] = set()
    text = document.source.text
    for sentence in document.sentences:
        for match in pattern.finditer(text, sentence.span.start, sentence.span.end):
            term = match.group(1)
            if term in reported or not _inside_sentence(
                document, sentence.span.start, match.start()
            ):
                continue
            if any(s.start <= match.start() < s.end for s in definition_spans):
                continue
            reported.add(term)
            yield Violation(
                Span(match.start(), match.end()), key="undefined_term", args={"term": term}
            )


def _inside_sentence(document: Document, sentence_start: int, position: int) -> bool:
    text = document.source.text
    raw = text[sentence_start:position]
    before = raw.rstrip()
    if not before or before[-1] in _OPENERS or before[-1] in ".!?":
        return False
    if not LIST_MARKER.sub("", strip_section_number(before + " "), count=1).strip():
        return False  # "6.1 Stadsdelsförvaltningen och …": the sentence's first word
    if "\t" in raw[len(before) :]:
        return False  # the first word of a table cell
    return not _after_style_change(document, position) and not _after_heading(document, position)


def _after_heading(document: Document, position: int) -> bool:
    """The first word of the line right under a heading (text without blank lines, where
    the sentence splitter joins the heading to the paragraph)."""
    source = document.source
    line = source.line_at(position)
    if source.text[line.start : position].strip():
        return False
    return any(section.heading.end == line.start - 1 for section in document.sections)


def _after_style_change(document: Document, position: int) -> bool:
    """A word that opens a line set in another style than the line before: the text after a
    heading that wrapped over two lines (PDF), not the middle of a sentence."""
    source = document.source
    line = source.line_at(position)
    if source.text[line.start : position].strip() or line.number < 2:
        return False
    previous = source.lines[line.number - 2].style
    style = line.style
    return (previous.bold, previous.font_size, previous.heading_level) != (
        style.bold,
        style.font_size,
        style.heading_level,
    )


def _duplicate_terms(parties: Sequence[Party]) -> Iterator[Violation]:
    """One term defined for two different parties. The same party repeating its own term
    (a duplicated line) names no one else, and one joint definition for several parties
    ("gemensamt kallade "Stadsdelsförvaltningarna"") is one definition: neither is reported."""
    owner: dict[str, int] = {}
    spans: dict[str, Span] = {}
    for index, party in enumerate(parties):
        for term in party.defined_terms:
            key = term.term.casefold()
            first = owner.setdefault(key, index)
            if spans.setdefault(key, term.span) == term.span:
                continue
            if first != index:
                yield Violation(
                    term.span,
                    key="duplicate_term",
                    args={"term": term.term, "first": parties[first].name, "second": party.name},
                )


# --- helpers ------------------------------------------------------------------------------


def _parties_span(parties: Sequence[Party]) -> Span:
    return Span(parties[0].span.start, max(p.span.end for p in parties))


def _house_style(number: OrgNumber) -> str:
    digits = re.sub(r"\D", "", number.value)[-10:]
    return f"{digits[:6]}-{digits[6:]}"


def _corrected(number: OrgNumber) -> str | None:
    """The number with the check digit that the first nine digits call for."""
    digits = re.sub(r"\D", "", number.value)[-10:]
    if len(digits) != 10:
        return None
    total = 0
    for index, char in enumerate(digits[:9]):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    check = (10 - total % 10) % 10
    return number.value[:-1] + str(check)
