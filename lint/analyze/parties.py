"""Parties, defined terms, organisation numbers and the copies clause.

The parties are read from the "Parter och lokala överenskommelsens omfattning" section, or
failing that from the title block ("… mellan X och Y"). Two layouts occur:

- blocks: one party per paragraph or list item, with organisation number, address and a
  defined term ("Polisen"), the parties joined by "och" lines or nothing at all (PDF);
- prose: "mellan X (”Förvaltningen”), Y och Z", the parties joined by commas and "och".

A party is found through the organisation word in its name ("stadsdelsförvaltning",
"Lokalpolisområde Globen", "trafikkontoret"; rules/vocab/parties.yaml) and is closed by
its defined term, a separator ("och", a blank line, a list item) or the next organisation
that cannot belong to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from lint.analyze.context import AnalysisContext
from lint.analyze.orgnumber import find_org_numbers
from lint.layout.patterns import LINE_LIST_MARKER
from lint.model import (
    CopiesClause,
    DefinedTerm,
    Kind,
    OrgNumber,
    Party,
    Section,
    Span,
)
from lint.numerals import CARDINALS
from lint.pack import unspecific_types


@dataclass(frozen=True)
class PartiesResult:
    parties: tuple[Party, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    copies: tuple[CopiesClause, ...] = ()
    org_numbers: tuple[OrgNumber, ...] = ()


# --- vocabulary ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PartyVocab:
    cues: tuple[tuple[str, str], ...]  # (word, organisation type), longest first
    generic_types: frozenset[str]
    generic_cues: frozenset[str]
    subunit_cues: tuple[str, ...]
    list_end: tuple[re.Pattern[str], ...]
    collective: frozenset[str]
    whole_words: frozenset[str] = frozenset()  # cues that name no compound ("stad": not "Ystad")
    agents: tuple[str, ...] = ()  # "X genom kommunstyrelsen": the organs X acts through
    unspecific_types: frozenset[str] = frozenset()  # types that yield to a specific one
    suffix_types: frozenset[str] = frozenset()  # types whose word may close a name ("… AB")
    # The words after which the parties are named in a sentence ("ingås mellan", "… är"),
    # or a colon before a list of them.
    prose_lead: re.Pattern[str] = re.compile(r"\bmellan\b|:", re.IGNORECASE)

    @classmethod
    def from_vocab(
        cls, data: dict[str, Any], unspecific: frozenset[str] = frozenset()
    ) -> PartyVocab:
        cues = [
            (cue.lower(), str(org_type))
            for org_type, words in (data.get("org_types") or {}).items()
            for cue in words
        ]
        cues.sort(key=lambda item: -len(item[0]))
        return cls(
            cues=tuple(cues),
            generic_types=frozenset(str(t) for t in data.get("generic_types", ())),
            generic_cues=frozenset(c.lower() for c in data.get("generic_cues", ())),
            subunit_cues=tuple(c.lower() for c in data.get("subunit_cues", ())),
            list_end=tuple(re.compile(p, re.IGNORECASE) for p in data.get("list_end", ())),
            collective=frozenset(c.lower() for c in data.get("collective_terms", ())),
            whole_words=frozenset(c.lower() for c in data.get("whole_word_cues", ())),
            agents=tuple(w.lower() for w in data.get("agent_words", ())),
            unspecific_types=unspecific,
            suffix_types=frozenset(str(t) for t in data.get("name_suffix_types", ())),
            prose_lead=_prose_lead(data.get("prose_leads", ("mellan",))),
        )


def _prose_lead(words: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(rf"\b(?:{word})\b" for word in words)
    return re.compile(f"{alternatives}|:" if alternatives else ":", re.IGNORECASE)


# Definite and genitive endings an organisation word may carry ("förvaltningen", "områdets").
_ENDINGS = ("", "en", "et", "t", "s", "ens", "ets", "ts")


def is_cue_word(word: str, cue: str) -> bool:
    """`word` is the cue itself, inflected ("Stadens"), not a compound ending in it ("Ystad")."""
    lower = word.lower()
    return any(lower == cue + ending for ending in _ENDINGS)


_FUZZY_MIN_LENGTH = 10
_FUZZY_MIN_RATIO = 92.0


def classify_word(word: str, vocab: PartyVocab) -> tuple[str, str] | None:
    """The cue and organisation type a word names ("Lokalpolisområdet" -> police area)."""
    lower = word.lower()
    for cue, org_type in vocab.cues:
        if len(cue) <= 3:
            if word == cue.upper():
                return cue, org_type
            continue
        if cue in vocab.whole_words:
            if is_cue_word(lower, cue):
                return cue, org_type
            continue
        if any(lower.endswith(cue + ending) for ending in _ENDINGS):
            return cue, org_type
    # Misspellings such as "lokalpolsområde" still name the organisation (TXT001 reports
    # them); a word that holds a cue as written is an inflection ("förvaltningar"), not one.
    if any(cue in lower for cue, _type in vocab.cues if len(cue) > 3):
        return None
    for cue, org_type in vocab.cues:
        if len(cue) < _FUZZY_MIN_LENGTH:
            continue
        for ending in _ENDINGS:
            stem = lower[: len(lower) - len(ending)] if ending and lower.endswith(ending) else lower
            if abs(len(stem) - len(cue)) <= 2 and fuzz.ratio(stem, cue) >= _FUZZY_MIN_RATIO:
                return cue, org_type
    return None


# --- patterns -----------------------------------------------------------------------------

_QUOTES = '"”“«»„'
_WORD = re.compile(r"[^\W\d_][\w]*(?:-[\w]+)*")
_UPPER_START = re.compile(r"[A-ZÅÄÖÉÜ]")
_QUOTED_TERM = re.compile(
    rf"(?:\*\*)?[{_QUOTES}]\s*([A-ZÅÄÖ][\w\-]*(?:[ \t]+[\w\-]+){{0,3}})\s*[{_QUOTES}](?:\*\*)?"
)
_BOLD_TERM = re.compile(r"\*\*([A-ZÅÄÖ][\w\-]*(?:[ \t]+[\w\-]+){0,2})\*\*")
_CALLED_TERM = re.compile(
    rf"\b(?:nedan|hädanefter|härefter|i\s+det\s+följande)\s*,?\s+(gemensamt\s+)?"
    rf"(?:kallad|kallade|kallat|kallas|benämnd|benämnda|benämns|omnämnd|omnämnda)\s+"
    rf"(?:för\s+)?(?:\*\*)?[{_QUOTES}]?([A-ZÅÄÖ][\w\-]*)",
    re.IGNORECASE,
)
_TERM_LEAD_WORDS = r"(?:nedan|hädanefter|härefter|i\s+det\s+följande)"
_TERM_LEAD = rf"{_TERM_LEAD_WORDS}\s+"
# The verb first: "Benämns i det följande SDF Järva.", "Kallas nedan Staden." (a term of
# up to two capitalised words, the sentence ending after it).
_CALLED_AFTER_TERM = re.compile(
    rf"\b(?:kallas|benämns)\s+{_TERM_LEAD_WORDS}\s+(?:för\s+)?[{_QUOTES}]?"
    rf"([A-ZÅÄÖ][\w\-]*(?:[ \t]+[A-ZÅÄÖ][\w\-]*)?)[{_QUOTES}]?(?=\s*[.,;)]|\s*$)",
    re.IGNORECASE | re.MULTILINE,
)
# "Parterna kallas nedan kommunen och polisen", "I texten kallas parterna kommunen
# respektive polisen": two terms, one per party, in one clause.
_CALLED_PAIR = re.compile(
    rf"\b(?:kallas|benämns)\s+(?:parterna\s+)?(?:{_TERM_LEAD_WORDS}\s+)?"
    rf"[{_QUOTES}]?([^\W\d_][\w\-]*)[{_QUOTES}]?\s+(?:och|respektive|resp\.)\s+"
    rf"[{_QUOTES}]?([^\W\d_][\w\-]*)[{_QUOTES}]?",
    re.IGNORECASE,
)
_PAREN_TERM = re.compile(
    rf"\(\s*(?:{_TERM_LEAD})?([A-ZÅÄÖ][a-zåäö]+(?:en|et|na)|[A-ZÅÄÖ]{{2,6}})\s*\)"
)
# "(”Polisen”)", "(nedan ”kommunen”)": quoted in parentheses, a term even in lower case.
_PAREN_QUOTED_TERM = re.compile(
    rf"\(\s*(?:{_TERM_LEAD})?[{_QUOTES}]"
    rf"([A-ZÅÄÖa-zåäö][\w\-]*(?:[ \t]+[\w\-]+){{0,3}})[{_QUOTES}]\s*\)"
)
# A term left without quotes after the address (bold lost in a PDF): "… 121 17 Johanneshov Polisen".
_UNMARKED_TERM = re.compile(
    r"\d{3}\s?\d{2}\s+[A-ZÅÄÖ][\wåäö]+[,\s]+([A-ZÅÄÖ][a-zåäö]+(?:en|et|na))[ \t]*,?[ \t]*(?=\n|$)"
)
_ADDRESS = re.compile(
    r"(?:(?:post|besöks)?adress\s*:?\s*)?"
    r"((?:[A-ZÅÄÖ][\wåäö]+(?:gatan|vägen|gränd|torget|plan|backe|stigen)\s+\d+\s?[A-Za-z]?,\s*)?"
    r"(?:Box\s+\d[\d ]*,\s*)?\d{3}\s?\d{2}\s+[A-ZÅÄÖ][\wåäö]+)",
    re.IGNORECASE,
)
_NAME_STOP = re.compile(
    r"^(?:organisationsnummer|organisationsnr|org|orgnr|box|postadress|adress|och|samt|med)$",
    re.IGNORECASE,
)
_CONNECTORS = frozenset({"region", "i", "för"})
_NOT_NAME_WORDS = frozenset(
    {
        "mellan",
        "denna",
        "detta",
        "den",
        "det",
        "parter",
        "parterna",
        "part",
        "och",
        "samt",
        "är",
        "överenskommelsen",
        "överenskommelse",
        "box",
        "till",
        "från",
        "för",  # "För Kommunen undertecknar …": the signing party, named by its term
    }
)
_STANDALONE_CONJUNCTION = re.compile(
    r"(?m)^[ \t]*,?[ \t]*(?:och|samt)[ \t]*,?[ \t]*$", re.IGNORECASE
)
_INLINE_CONJUNCTION = re.compile(r"(?<![-–])(?<![-–]\s)\b(?:och|samt)\b", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_SEMICOLON = re.compile(";")
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZÅÄÖ\"”“«•\-])")

_COPIES = re.compile(
    r"\bi\s+(?:(?P<word>[a-zåäö]+)(?:\s*\(\s*(?P<paren>\d{1,2})\s*\))?|(?P<digits>\d{1,2}))\s+"
    r"(?:st(?:ycken)?\.?\s+)?(?:likalydande\s+|lika\s+lydande\s+|identiska\s+|undertecknade\s+)?"
    r"(?:exemplar|original(?:exemplar)?)\b",
    re.IGNORECASE,
)


# --- events -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Head:
    start: int
    end: int
    cue: str
    org_type: str
    name_start: int
    name_end: int
    generic: bool
    subunit: bool
    unspecific: bool = False  # of an unspecific organisation type ("förvaltning")
    suffix: bool = False  # of a type whose word may close a name begun before it ("AB")
    contained: bool = False  # the organisation the party before it belongs to ("… i X")


@dataclass(frozen=True)
class _Term:
    term: str
    span: Span
    collective: bool
    # A term for some of the parties together ('a) och b) nedan gemensamt kallade
    # "Stadsdelsförvaltningarna"'): it belongs to the parties of the type it names.
    joint: bool = False
    # A term that opens its party's entry ('"Polisen" avser Polismyndigheten, …'): it names the
    # party read next.
    forward: bool = False


@dataclass
class _Draft:
    heads: list[_Head] = field(default_factory=list)
    terms: list[DefinedTerm] = field(default_factory=list)
    org_numbers: list[OrgNumber] = field(default_factory=list)
    end: int = 0

    @property
    def start(self) -> int:
        return self.heads[0].name_start

    @property
    def org_type(self) -> str:
        """The first specific type of its heads, else the first head's."""
        return next((h.org_type for h in self.heads if not h.unspecific), self.heads[0].org_type)

    @property
    def cues(self) -> set[str]:
        return {h.cue for h in self.heads}

    def has_details(self, text: str) -> bool:
        """An organisation number, an address or a term: the party's name is complete."""
        body = text[self.heads[0].name_end : self.end]
        return bool(self.org_numbers or self.terms or _ADDRESS.search(body))


# Memos and the overarching agreement name agreements and councils, not the parties of a
# local agreement; their title blocks are not read as party lists.
_KINDS_WITH_PARTIES = frozenset({Kind.LOCAL_AGREEMENT, Kind.UNKNOWN})

_PREAMBLE_MAX = 3000  # a title block, not a cover letter or a table of contents
_TERM_REACH = 40  # how far after "gemensamt" the joint term may stand
_DEFINES_NEXT = re.compile(r"\s*(?:avser|betecknar|står\s+för|är)\s", re.IGNORECASE)
_JOINTLY = re.compile(r"\b(?:gemensamt|tillsammans)\b(?![^.;]*[.;])", re.IGNORECASE)

# --- entry point --------------------------------------------------------------------------


def extract_parties(ctx: AnalysisContext) -> PartiesResult:
    vocab = PartyVocab.from_vocab(ctx.vocab.get("parties") or {}, unspecific_types(ctx.vocab))
    text = ctx.text
    org_numbers = find_org_numbers(text)
    list_items = _list_item_starts(ctx)
    parties: tuple[Party, ...] = ()
    region_terms: list[_Term] = []
    for region in _candidate_regions(ctx, vocab) if ctx.kind in _KINDS_WITH_PARTIES else ():
        parties, region_terms = _parse_region(
            text, region, vocab, org_numbers, list_items, ctx.source.format != "text"
        )
        if parties:
            break
    defined = _defined_terms(ctx, region_terms, parties)
    return PartiesResult(
        parties=parties,
        defined_terms=defined,
        copies=find_copies(text),
        org_numbers=org_numbers,
    )


def _candidate_regions(ctx: AnalysisContext, vocab: PartyVocab) -> list[Span]:
    """The parties section, then the title block before the first template section."""
    regions = []
    section = ctx.section_for("parties")
    if section is not None:
        regions.append(Span(section.body.start, _named_parties_end(ctx, section, vocab)))
    first = next((s for s in ctx.sections if s.template_key), None)
    preamble_end = min(first.heading.start if first is not None else len(ctx.text), _PREAMBLE_MAX)
    if preamble_end > 0:
        regions.append(Span(0, preamble_end))
    return regions


def _named_parties_end(ctx: AnalysisContext, section: Section, vocab: PartyVocab) -> int:
    """Where the parties section ends, the headings right after it that name an
    organisation and no template section included: in plain text a party's name on a line
    of its own, its details below, has a heading's shape ("Järva stadsdelsförvaltning" |
    "Organisationsnummer …")."""
    end = section.body.end
    for following in ctx.sections:
        if following.heading.start < end:
            continue
        if (
            following.template_key is not None
            or following.heading.start != end
            or not any(classify_word(w, vocab) for w in _WORD.findall(following.title))
        ):
            break
        end = following.body.end
    return end


def _list_item_starts(ctx: AnalysisContext) -> frozenset[int]:
    return frozenset(line.start for line in ctx.source.lines if line.style.list_item)


# --- parsing one region -------------------------------------------------------------------


def _parse_region(
    text: str,
    region: Span,
    vocab: PartyVocab,
    org_numbers: Sequence[OrgNumber],
    list_items: frozenset[int],
    line_paragraphs: bool = False,
) -> tuple[tuple[Party, ...], list[_Term]]:
    """The parties of a region; `line_paragraphs`: every line is a paragraph of its own
    (the reading view of a PDF or a Word file, where no blank line stands between them)."""
    terms = find_terms(text, region, vocab)
    masked = _mask(text, region, (t.span for t in terms))
    agents = _agent_clauses(text, region, vocab)
    heads = _referring_back_removed(text, _find_heads(masked, region, vocab, agents), terms)
    if not any(not h.generic for h in heads):
        return (), terms
    first = next(h for h in heads if not h.generic)
    prose = _is_prose(text, region.start, first.name_start, vocab, line_paragraphs)
    stop = _list_end(text, first.end, region.end, vocab, prose)
    separators = [
        position
        for position in _separators(text, region, list_items, prose)
        if not _inside(position, agents)
    ]
    numbers = [n for n in org_numbers if first.name_start <= n.span.start < stop]
    events: list[tuple[int, int, object]] = []
    events += [(h.start, 2, h) for h in heads if h.start >= first.start and h.start < stop]
    events += [
        (t.span.start, 1, t)
        for t in terms
        if t.span.start < stop and (first.start <= t.span.start or _opens_entry(text, t, first))
    ]
    events += [(n.span.start, 1, n) for n in numbers]
    events += [
        (position, 0, "separator") for position in separators if first.start < position < stop
    ]
    events.sort(key=lambda e: (e[0], e[1]))
    drafts = _walk(text, events, prose)
    _attach_joint_terms(drafts, [e for _p, _o, e in events if isinstance(e, _Term)], vocab)
    return tuple(_party(text, d) for d in drafts), terms


def _attach_joint_terms(
    drafts: Sequence[_Draft], terms: Iterable[_Term], vocab: PartyVocab
) -> None:
    """A joint term names the parties of the organisation type its word names
    ("Lokalpolisområdena": the police areas), wherever they stand in the list."""
    for term in terms:
        if not term.joint or term.collective:
            continue
        org_type = _plural_type(term.term.split()[-1], vocab)
        for draft in drafts:
            if org_type is not None and draft.org_type == org_type:
                draft.terms.append(DefinedTerm(term.term, term.span))


def _plural_type(word: str, vocab: PartyVocab) -> str | None:
    """The type a word names in any inflection, plural too ("Lokalpolisområdena"): the
    longest cue it holds."""
    lower = word.lower()
    held = [(len(cue), org_type) for cue, org_type in vocab.cues if len(cue) > 3 and cue in lower]
    return max(held)[1] if held else None


def _referring_back_removed(text: str, heads: list[_Head], terms: Sequence[_Term]) -> list[_Head]:
    """ "Stadsdelsförvaltningen, Polisen och Utbildningsförvaltningen kallas gemensamt
    "Parterna"": a name that is a term defined earlier refers back to a party already read."""
    kept = []
    for head in heads:
        name = " ".join(text[head.name_start : head.name_end].split()).lower()
        earlier = [t for t in terms if t.term.lower() == name and t.span.end <= head.name_start]
        if earlier and not (earlier[-1].forward and _opens_entry(text, earlier[-1], head)):
            continue
        kept.append(head)
    return kept


def _opens_entry(text: str, term: _Term, head: _Head) -> bool:
    """The head is the name its forward term defines: '"Utbildningsförvaltningen" avser
    utbildningsförvaltningen, grundskoleavdelningen'."""
    between = text[term.span.end : head.name_start]
    return bool(_DEFINES_NEXT.match(between.lstrip(_QUOTES))) and len(between) < _TERM_REACH


def _walk(text: str, events: Iterable[tuple[int, int, object]], prose: bool) -> list[_Draft]:
    drafts: list[_Draft] = []
    current: _Draft | None = None
    pending: list[DefinedTerm] = []  # terms defined ahead of their party
    closed = False
    for _position, _order, event in events:
        if event == "separator":
            closed = current is not None
        elif isinstance(event, _Term):
            if event.collective:
                break
            if event.joint:
                closed = current is not None
                continue
            if event.forward:
                pending.append(DefinedTerm(event.term, event.span))
                closed = current is not None
                continue
            if current is not None:
                current.terms.append(DefinedTerm(event.term, event.span))
                current.end = max(current.end, event.span.end)
                closed = True
        elif isinstance(event, OrgNumber):
            if current is not None:
                current.org_numbers.append(event)
                current.end = max(current.end, event.span.end)
        elif isinstance(event, _Head):
            if event.generic:
                continue
            if _starts_new_party(text, current, event, closed, prose):
                current = _Draft(heads=[event], end=event.name_end, terms=pending)
                pending = []
                drafts.append(current)
            elif current is not None:
                current.heads.append(event)
                current.end = max(current.end, event.name_end)
            closed = False
    for draft in drafts:
        draft.end = max(draft.end, _address_end(text, draft))
    return drafts


def _starts_new_party(
    text: str, current: _Draft | None, head: _Head, closed: bool, prose: bool
) -> bool:
    if current is None:
        return True
    if head.name_start < current.heads[-1].name_end or head.contained:
        return False  # two organisation words in one name ("AB Stockholmshem"), or "… i X"
    if closed:
        return not _details_paragraph(text, current, head)
    if head.subunit or _name_suffix(text, current, head):
        return False
    if head.cue in current.cues:  # two district administrations, two police areas
        return True
    different = head.org_type != current.org_type
    if prose:
        return different
    if different and not head.unspecific:
        return True
    # Blocks without separators (PDF): a new line that starts with a name, after a party
    # whose name, number or address is complete and whose last line does not run on.
    return _starts_line(text, head.name_start) and current.has_details(text)


def _details_paragraph(text: str, current: _Draft, head: _Head) -> bool:
    """ "Polismyndigheten, lokalpolisområde Järva" | blank | "Polisområde Nord, region
    Stockholm. Organisationsnummer …": a party named on a line of its own (a heading in
    plain text) and the paragraph of its details, which opens with a unit of the same kind
    of organisation, not with another party."""
    return (
        not current.has_details(text)
        and head.org_type == current.org_type
        and head.cue not in current.cues
        and _starts_line(text, head.name_start)
    )


_NAME_RUN = re.compile(r"(?:[ \t]+(?:i|för|[A-ZÅÄÖ][\w\-]*))*[ \t]+")


def _name_suffix(text: str, current: _Draft, head: _Head) -> bool:
    """ "Hyresbostäder i Norrköping AB": "AB" closes the name the party began, it is not a
    company of its own (a type of the pack's `name_suffix_types`)."""
    if not head.suffix:
        return False
    return _NAME_RUN.fullmatch(text, current.heads[-1].end, head.start) is not None


def _starts_line(text: str, position: int) -> bool:
    line_start = text.rfind("\n", 0, position) + 1
    if text[line_start:position].strip():
        return False
    previous = text[: max(0, line_start - 1)].rstrip()
    return not previous.endswith((",", "-", "–"))


def _party(text: str, draft: _Draft) -> Party:
    head = draft.heads[0]
    name = " ".join(text[head.name_start : head.name_end].split())
    body = text[head.name_end : draft.end]
    address = _ADDRESS.search(body)
    return Party(
        name=name,
        org_type=draft.org_type,
        span=Span(draft.start, max(draft.end, head.name_end)),
        org_number=draft.org_numbers[0] if draft.org_numbers else None,
        address=" ".join(address.group(1).split()) if address else None,
        defined_terms=tuple(draft.terms),
        units=tuple(" ".join(text[h.name_start : h.name_end].split()) for h in draft.heads[1:]),
    )


def _address_end(text: str, draft: _Draft) -> int:
    """Where the party's address ends, when it comes after everything else that was found."""
    head = draft.heads[0]
    window_end = min(len(text), draft.end + 120)
    limit = text.find("\n\n", draft.end, window_end)
    match = _ADDRESS.search(text, head.name_end, limit if limit != -1 else window_end)
    return match.end() if match and match.start() <= draft.end + 40 else draft.end


# --- heads: organisation words and their names ---------------------------------------------


def _find_heads(
    masked: str, region: Span, vocab: PartyVocab, agents: Sequence[Span] = ()
) -> list[_Head]:
    words = [
        (m.start(), m.end(), m.group()) for m in _WORD.finditer(masked, region.start, region.end)
    ]
    found_words = [classify_word(word, vocab) for _start, _end, word in words]
    heads = []
    for index, (start, end, word) in enumerate(words):
        found = found_words[index]
        if found is None or _modifies_next(masked, words, found_words, index):
            continue
        cue, org_type = found
        name_start = _name_start(masked, words, index)
        name_end = _name_end(masked, words, index)
        named = name_start < start or _next_is_name(masked, words, index)
        generic = not named and _generic(word, cue, org_type, heads, vocab)
        subunit = _inside(start, agents) or any(
            word.lower().startswith(c) or c in word.lower() for c in vocab.subunit_cues
        )
        contained = bool(heads) and bool(
            _CONTAINED_IN.fullmatch(masked, heads[-1].name_end, name_start)
        )
        unspecific = org_type in vocab.unspecific_types
        suffix = org_type in vocab.suffix_types
        heads.append(
            _Head(
                start,
                end,
                cue,
                org_type,
                name_start,
                name_end,
                generic,
                subunit,
                unspecific,
                suffix,
                contained,
            )
        )
    return heads


# "lokalpolisområde Globen (LPO) i polisområde Syd": the organisation after "i" is the one
# the party belongs to, part of its name, not a party of its own.
_CONTAINED_IN = re.compile(r"\s*(?:\([^()\n]*\)\s*)?(?:i|inom)\s+", re.IGNORECASE)


def _generic(
    word: str, cue: str, org_type: str, before: Sequence[_Head], vocab: PartyVocab
) -> bool:
    """An organisation word without a name that names no party of its own: a bare type in
    lower case ("lokalpolisområdet", "förvaltningen"), or the bare definite form opening a
    sentence after a party of that type was named ("Kommunen företräds av …" after "Åsele
    kommun"), which refers back to it."""
    lower = word.lower()
    if not _UPPER_START.match(word):
        bare = lower.startswith(cue) and cue in vocab.generic_cues
        return org_type in vocab.generic_types or bare
    return (
        org_type in vocab.generic_types
        and lower in {cue + "en", cue + "et", cue + "n"}
        and any(h.org_type == org_type and not h.generic for h in before)
    )


_GENITIVE_ENDINGS = ("s", "ens", "ets")


def _modifies_next(
    text: str,
    words: Sequence[tuple[int, int, str]],
    found: Sequence[tuple[str, str] | None],
    index: int,
) -> bool:
    """ "Göteborgs Stads Bostadsaktiebolag": an organisation word in the genitive right before
    another one is part of that one's name, not a party of its own."""
    cue = found[index]
    if cue is None or index + 1 >= len(words) or found[index + 1] is None:
        return False
    word = words[index][2].lower()
    between = text[words[index][1] : words[index + 1][0]]
    return (
        not between.strip()
        and "\n" not in between
        and word.endswith(tuple(cue[0] + ending for ending in _GENITIVE_ENDINGS))
    )


# An agent clause ends where the party's name, number or term goes on, or at the line's end.
_AGENT_END = re.compile(r"[,;.(\t\n]")


def _agent_clauses(text: str, region: Span, vocab: PartyVocab) -> list[Span]:
    """ "Göteborgs Stad genom kommunstyrelsen och stadsområdesnämnd Nordost": the organs a
    party acts through, up to the next comma, parenthesis or line end. Organisation words
    there belong to the party before, and an "och" there joins organs, not parties."""
    if not vocab.agents:
        return []
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, vocab.agents)) + r")\b", re.I)
    clauses = []
    for match in pattern.finditer(text, region.start, region.end):
        end = _AGENT_END.search(text, match.end(), region.end)
        clauses.append(Span(match.start(), end.start() if end else region.end))
    return clauses


def _inside(position: int, spans: Sequence[Span]) -> bool:
    return any(span.start <= position < span.end for span in spans)


def _name_start(text: str, words: Sequence[tuple[int, int, str]], index: int) -> int:
    """Walk back over the name before an organisation word ("Rinkeby-Kista", "Skarpnäcks")."""
    start = words[index][0]
    for back in range(index - 1, max(-1, index - 4), -1):
        w_start, w_end, word = words[back]
        between = text[w_end:start]
        if between.strip() or "\n\n" in between or "\t" in between:
            break  # a name never reaches over a table cell's edge
        if "\n" in between and _in_table_row(text, w_start):
            break  # nor back into the row (or header) above
        if word.lower() in _NOT_NAME_WORDS:
            break
        if not _UPPER_START.match(word) and not _genitive_in_name(text, words, back):
            break
        start = w_start
    return start


def _genitive_in_name(text: str, words: Sequence[tuple[int, int, str]], index: int) -> bool:
    """ "Norra innerstadens stadsdelsförvaltning": a lower-case genitive after a name word."""
    w_start, _w_end, word = words[index]
    if index == 0 or not word.endswith("s") or len(word) < 4:
        return False
    _p_start, p_end, previous = words[index - 1]
    return (
        not text[p_end:w_start].strip()
        and bool(_UPPER_START.match(previous))
        and previous.lower() not in _NOT_NAME_WORDS
    )


def _name_end(text: str, words: Sequence[tuple[int, int, str]], index: int) -> int:
    """Extend over a following proper name ("Lokalpolisområde Globen region Stockholm")."""
    end = words[index][1]
    for ahead in range(index + 1, min(len(words), index + 7)):
        w_start, w_end, word = words[ahead]
        between = text[end:w_start]
        if between.strip() or "\n\n" in between or "\t" in between or _NAME_STOP.match(word):
            break
        lower = word.lower()
        if not _UPPER_START.match(word) and not lower.endswith(("område", "region")):
            if lower not in _CONNECTORS:
                break
            continue  # a connector belongs to the name only if a name word follows
        end = w_end
    return end


def _next_is_name(text: str, words: Sequence[tuple[int, int, str]], index: int) -> bool:
    if index + 1 >= len(words):
        return False
    w_start, _w_end, word = words[index + 1]
    between = text[words[index][1] : w_start]
    return not between.strip() and bool(_UPPER_START.match(word)) and not _NAME_STOP.match(word)


# --- layout -------------------------------------------------------------------------------


def _is_prose(
    text: str,
    region_start: int,
    first_name_start: int,
    vocab: PartyVocab,
    line_paragraphs: bool = False,
) -> bool:
    """Whether the first party follows "mellan" in running text (rather than a block list);
    where lines are paragraphs, a party on the line after "… ingås mellan" opens a list."""
    before = text[region_start:first_name_start]
    lead = list(vocab.prose_lead.finditer(before))
    if not lead or lead[-1].group() == ":":
        return False
    tail = before[lead[-1].end() :]
    # "… ingås mellan\n1. Farsta stadsdelsförvaltning …": a list introduced by "mellan".
    listed = LINE_LIST_MARKER.search(tail) is not None or (line_paragraphs and "\n" in tail)
    return "\n\n" not in tail and not _SENTENCE_END.search(tail) and not listed


def _list_end(text: str, after: int, region_end: int, vocab: PartyVocab, prose: bool) -> int:
    ends = [
        m.start()
        for p in vocab.list_end
        if (m := next(_closing(p, text, after, region_end, vocab), None))
    ]
    if prose:
        sentence = _SENTENCE_END.search(text, after, region_end)
        blank = _BLANK_LINE.search(text, after, region_end)
        ends += [m.start() for m in (sentence, blank) if m]
    return min(ends, default=region_end)


def _closing(
    pattern: re.Pattern[str], text: str, after: int, region_end: int, vocab: PartyVocab
) -> Iterable[re.Match[str]]:
    """Matches that close the party list: a joint term for some of the parties ('a) och b)
    nedan gemensamt kallade "Stadsdelsförvaltningarna"') does not, the one for all does."""
    for match in pattern.finditer(text, after, region_end):
        term = _QUOTED_TERM.search(text, match.end(), min(region_end, match.end() + _TERM_REACH))
        if term is None or term.group(1).lower() in vocab.collective:
            yield match


def _in_table_row(text: str, position: int) -> bool:
    """Inside a table row (a line with cells): the row is one party, and an "och" in its
    cell joins words of that party's name ("Eskilstuna Energi och Miljö AB")."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    return "\t" in text[line_start : line_end if line_end != -1 else len(text)]


def _separators(text: str, region: Span, list_items: frozenset[int], prose: bool) -> list[int]:
    positions = [
        m.start() for m in _STANDALONE_CONJUNCTION.finditer(text, region.start, region.end)
    ]
    positions += [
        m.start()
        for m in _INLINE_CONJUNCTION.finditer(text, region.start, region.end)
        if not _in_table_row(text, m.start())
    ]
    positions += [m.start() for m in _SEMICOLON.finditer(text, region.start, region.end)]
    positions += [m.start() for m in _BLANK_LINE.finditer(text, region.start, region.end)]
    positions += [m.start() for m in LINE_LIST_MARKER.finditer(text, region.start, region.end)]
    positions += [p for p in list_items if region.start <= p < region.end]
    if not prose:
        positions += [m.start() for m in _SENTENCE_END.finditer(text, region.start, region.end)]
    return sorted(set(positions))


# --- defined terms ------------------------------------------------------------------------


def find_terms(text: str, region: Span, vocab: PartyVocab) -> list[_Term]:
    """Terms defined in a region: quoted, bold, "nedan kallad X", "(SDF)", or left unmarked
    after the address."""
    found: list[_Term] = []
    patterns = (
        _QUOTED_TERM,
        _PAREN_QUOTED_TERM,
        _BOLD_TERM,
        _CALLED_TERM,
        _CALLED_AFTER_TERM,
        _PAREN_TERM,
        _UNMARKED_TERM,
    )
    for pattern in patterns:
        for match in pattern.finditer(text, region.start, region.end):
            group = match.lastindex or 1
            term = match.group(group)
            span = Span(match.start(group), match.end(group))
            if any(_overlaps(span, t.span) for t in found) or _table_header_reach(text, match):
                continue
            collective = term.lower() in vocab.collective or (
                pattern is _CALLED_TERM and bool(match.group(1))
            )
            joint = bool(
                _JOINTLY.search(text, max(region.start, span.start - _TERM_REACH), span.start)
            )
            forward = bool(_DEFINES_NEXT.match(text, match.end(), region.end))
            found.append(_Term(term, span, collective, joint, forward))
    for term in _table_column_terms(text, region):
        if not any(_overlaps(term.span, t.span) for t in found):
            found.append(term)
    found.sort(key=lambda t: t.span.start)
    return found


def _table_header_reach(text: str, match: re.Match[str]) -> bool:
    """A "Nedan kallad" column header of a table names no term on the next row."""
    if "\n" not in match.group():
        return False
    line_start = text.rfind("\n", 0, match.start()) + 1
    return "\t" in text[line_start : match.start() + match.group().index("\n")]


_TERM_COLUMN = re.compile(r"kallas|kallad|benämn|förkortning|definierat?\s+begrepp", re.I)


def _table_column_terms(text: str, region: Span) -> list[_Term]:
    """A party table whose header names a column of terms ("Kallas i överenskommelsen"):
    each row's cell in that column defines a term, quoted or not."""
    terms: list[_Term] = []
    column: int | None = None
    position = region.start
    for line in text[region.start : region.end].split("\n"):
        start, position = position, position + len(line) + 1
        cells = line.split("\t")
        if len(cells) < 2:
            column = None
            continue
        header = next((i for i, c in enumerate(cells) if _TERM_COLUMN.search(c)), None)
        if header is not None:
            column = header
            continue
        if column is None or column >= len(cells):
            continue
        offset = start + sum(len(c) + 1 for c in cells[:column])
        cell = cells[column]
        word = cell.strip().strip(_QUOTES + "*").strip()
        if re.fullmatch(r"[A-ZÅÄÖ][\w\-]*(?: [\w\-]+){0,2}", word):
            begin = offset + cell.index(word)
            terms.append(_Term(word, Span(begin, begin + len(word)), False))
    return terms


def _defined_terms(
    ctx: AnalysisContext, region_terms: Sequence[_Term], parties: Sequence[Party]
) -> tuple[DefinedTerm, ...]:
    """All terms the document defines: in the parties section, the title block and anywhere
    through "nedan kallad X" or a parenthesised quote ("(”Polisen”)")."""
    terms: dict[int, DefinedTerm] = {
        t.span.start: DefinedTerm(t.term, t.span) for t in region_terms
    }
    section: Section | None = ctx.section_for("parties")
    spans = [section.body] if section is not None else []
    for span in spans:
        for match in _QUOTED_TERM.finditer(ctx.text, span.start, span.end):
            terms.setdefault(
                match.start(1), DefinedTerm(match.group(1), Span(match.start(1), match.end(1)))
            )
    for pattern in (_CALLED_TERM, _PAREN_QUOTED_TERM):
        for match in pattern.finditer(ctx.text):
            group = match.lastindex or 1
            terms.setdefault(
                match.start(group),
                DefinedTerm(match.group(group), Span(match.start(group), match.end(group))),
            )
    for match in _CALLED_PAIR.finditer(ctx.text):
        for group in (1, 2):
            terms.setdefault(
                match.start(group),
                DefinedTerm(match.group(group), Span(match.start(group), match.end(group))),
            )
    for party in parties:
        for term in party.defined_terms:
            terms.setdefault(term.span.start, term)
    return tuple(terms[start] for start in sorted(terms))


def _mask(text: str, region: Span, spans: Iterable[Span]) -> str:
    """`text` with the given spans blanked, so that a term such as "Stadsdelsförvaltningen"
    is not read as an organisation name. Offsets are unchanged."""
    chars = list(text)
    for span in spans:
        for i in range(max(region.start, span.start), min(region.end, span.end)):
            chars[i] = " "
    return "".join(chars)


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


# --- copies -------------------------------------------------------------------------------


def find_copies(text: str) -> tuple[CopiesClause, ...]:
    """ "upprättats i tre (3) likalydande exemplar", "i två exemplar", "i 3 original"."""
    clauses = []
    for match in _COPIES.finditer(text):
        count = _copies_count(match)
        if count is not None:
            clauses.append(CopiesClause(count, Span(match.start(), match.end())))
    return tuple(clauses)


def _copies_count(match: re.Match[str]) -> int | None:
    if match.group("digits"):
        return int(match.group("digits"))
    if match.group("paren"):
        return int(match.group("paren"))
    return CARDINALS.get((match.group("word") or "").lower())
