"""Roles and organisations in group descriptions, read through the role vocabulary.

The vocabulary (rules/vocab/roles.yaml) lists each role's forms and default organisation.
This module turns it into word-form patterns (definite, plural and genitive endings,
genitive and prepositional paraphrases such as "lokalpolisområdets chef" and "chefen för
lokalpolisområdet", compounds, truncated compounds such as "trygghets- och
säkerhetssamordnare") and reads a member statement into `Member`s, letting qualifiers
("från stadsdelsförvaltningen", "med mandat från trafikkontoret") set the organisation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from typing import Any

from lint.analyze.needles import fold, needle
from lint.model import Member, Span

_W = r"[\wåäöéü]"
_BEFORE = r"(?<![\wåäöéü-])"
_AFTER = r"(?![\wåäöéü])"
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s")
# Words that may join an enumeration of roles or of qualifying organisations.
_JOINERS = frozenset(
    [
        "och",
        "eller",
        "samt",
        "både",
        "respektive",
        "liksom",
        "även",
        "också",
        "en",
        "ett",
        "annan",
        "annat",
        "andra",
        "den",
        "det",
        "de",
        "lokala",
        "berörda",
        "relevanta",
        "/",
        "&",
        ",",
    ]
)
# Words that may not stand between a qualifier and its organisation.
_QUALIFIER_STOPS = frozenset(
    [
        "med",
        "och",
        "eller",
        "samt",
        "till",
        "mellan",
        "som",
        "när",
        "där",
        "att",
    ]
)
_ROLE_QUALIFIERS = re.compile(r"(?:från|av|mandat\s+från|uppdrag\s+av)\s*$", re.IGNORECASE)


def _inflected(word: str) -> str:
    """A regex for a Swedish noun and its definite, plural and genitive forms."""
    escaped = re.escape(word)
    genitive = r"(?::s|:n|:en|:et)?"
    if word.endswith("a"):
        stem = re.escape(word[:-1])
        return rf"{stem}(?:a|an|ans|as|or|orna|ornas|ors){genitive}"
    if word.endswith("e"):
        stem = re.escape(word[:-1])
        # "områdena": a neuter plural keeps the -e ("lokalpolisområden", "-områdena").
        return rf"(?:{escaped}(?:n|ns|na|nas|s|t|ts|r|rna|rnas)?|{stem}(?:na|nas)){genitive}"
    return rf"{escaped}(?:en|ens|et|ets|er|erna|ernas|ar|arna|arnas|s|n|ns|t)?{genitive}"


def _genitive(word: str) -> str:
    """ "lokalpolisområdets", "lpo:s", and with a proper name: "lokalpolisområde Globens"."""
    escaped = re.escape(word)
    named = rf"{escaped}\s+{_W}+s"
    if word.endswith("a"):
        return rf"(?:{re.escape(word[:-1])}(?:ans|as|ornas)|{named})"
    if word.endswith("e"):
        return rf"(?:{escaped}(?:ts|ns|s)|{named})"
    return rf"(?:{escaped}(?:ens|ets|s|:s|ernas|arnas)|{named})"


def _definite(word: str) -> str:
    escaped = re.escape(word)
    if word.endswith("a"):
        return rf"{re.escape(word[:-1])}(?:a|an|or|orna)"
    if word.endswith("e"):
        return rf"{escaped}(?:t|n)?"
    return rf"{escaped}(?:en|et)?"


def _phrase(form: str) -> str:
    """A form of one or more words, each of which may be inflected."""
    return r"\s+".join(_inflected(word) for word in form.lower().split())


@dataclass(frozen=True)
class _Pattern:
    kind: str  # "role" or "org"
    key: str
    source: str  # compiled on first use: most of a vocabulary never meets its needles
    explicit: bool  # a listed form, not a compound suffix
    # Words of which every match contains one (`lint.analyze.needles`), or None: a text
    # whose fold contains none of them cannot match, and the regex need not scan it.
    needles: tuple[str, ...] | None = None

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """Matches the text's fold (`lint.analyze.needles.fold`, as long as the text): the
        sources are in lower case, and a case-blind regex runs three times slower."""
        return re.compile(self.source)


def _word_needle(word: str) -> str | None:
    """The part every form `_inflected(word)` matches starts with: its stem."""
    return needle(word[:-1] if word.endswith(("a", "e")) else word)


def _all_needles(needles: list[str | None]) -> tuple[str, ...] | None:
    """The needles of a pattern that matches one of its bodies: None if one body has none."""
    found = [needle for needle in needles if needle is not None]
    if not found or len(found) < len(needles):
        return None
    return tuple(dict.fromkeys(found))


@dataclass(frozen=True)
class Mention:
    kind: str  # "role" or "org"
    key: str  # role key, or an organisation type
    span: Span
    text: str
    explicit: bool = True


def _bounded(body: str) -> str:
    return _BEFORE + "(?:" + body + ")" + _AFTER


def _entry_patterns(kind: str, key: str, entry: Mapping[str, Any]) -> list[_Pattern]:
    forms = [f.lower().split() for f in entry.get("forms", ())]
    bodies = [_phrase(f) for f in entry.get("forms", ())]
    needles = [_word_needle(words[0]) if words else None for words in forms]
    heads = [h.lower() for h in entry.get("heads", ["chef"])]
    owners = [o.lower() for o in entry.get("chief_of", ())]
    if owners:
        # "lokalpolisområdets chef", "chef för lokalpolisområdet": every owner with every
        # head, each alternation written once (a regex's compile time grows with its text).
        head = "|".join(_inflected(h) for h in heads)
        genitives = "|".join(_genitive(owner) for owner in owners)
        definites = "|".join(_definite(owner) for owner in owners)
        prep = r"(?:för|på|inom|i|vid|över)\s+(?:den\s+|det\s+)?(?:lokala\s+)?"
        bodies.append(rf"(?:{genitives})\s+(?:{head})")
        bodies.append(rf"(?:{head})\s+{prep}(?:{definites})(?::s)?")
        # Both name a head: one of the heads' stems is in every match.
        needles.extend([_word_needle(h) for h in heads] if heads else [None])
    patterns = (
        [_Pattern(kind, key, _bounded("|".join(bodies)), True, _all_needles(needles))]
        if bodies
        else []
    )
    for suffix in (s.lower() for s in entry.get("suffixes", ())):
        body = rf"{_W}*{_inflected(suffix)}"
        patterns.append(
            _Pattern(kind, key, _bounded(body), False, _all_needles([_word_needle(suffix)]))
        )
    return patterns


@dataclass(frozen=True)
class Vocabulary:
    patterns: tuple[_Pattern, ...]
    default_org: Mapping[str, str | None]
    names: Mapping[str, tuple[str, str]]  # role key -> (sv, en)
    truncated: re.Pattern[str]

    @cached_property
    def _needles(self) -> tuple[str, ...]:
        """Every pattern's needles, once each."""
        return tuple(dict.fromkeys(n for p in self.patterns for n in p.needles or ()))

    def _candidates(self, folded: str) -> list[_Pattern]:
        """The patterns whose needles the text holds (one pass over all needles: most
        sentences hold none), or that have none."""
        present = {n for n in self._needles if n in folded}
        return [p for p in self.patterns if p.needles is None or not present.isdisjoint(p.needles)]

    def mentions(self, text: str, offset: int = 0) -> list[Mention]:
        """Roles and organisations in `text`, longest first, without overlaps, in order."""
        folded = fold(text)
        candidates = [
            Mention(
                p.kind,
                p.key,
                Span(offset + m.start(), offset + m.end()),
                text[m.start() : m.end()],
                p.explicit,
            )
            for p in self._candidates(folded)
            for m in p.regex.finditer(folded)
        ]
        if "-" in text:  # "Trygghets- och säkerhetssamordnare"
            candidates.extend(self._completed_truncations(text, offset))
        candidates.sort(
            key=lambda m: (
                -(m.span.end - m.span.start),
                not m.explicit,
                m.kind != "role",
                m.span.start,
            )
        )
        chosen: list[Mention] = []
        for mention in candidates:
            if all(_disjoint(mention.span, c.span) for c in chosen):
                chosen.append(mention)
        return sorted(chosen, key=lambda m: m.span.start)

    def _completed_truncations(self, text: str, offset: int) -> Iterable[Mention]:
        """ "Trygghets- och säkerhetssamordnare": "Trygghets-" completed to a role."""
        for match in self.truncated.finditer(text):
            stem, full = match.group("stem"), match.group("full")
            found = self._complete(stem, full)
            if found:
                span = Span(offset + match.start("stem"), offset + match.end("stem") + 1)
                yield Mention(found.kind, found.key, span, stem + "-", found.explicit)

    def _complete(self, stem: str, full: str) -> _Pattern | None:
        for explicit in (True, False):
            for cut in range(1, len(full) - 2):
                candidate = fold(stem + full[cut:])
                for pattern in self.patterns:
                    if pattern.explicit == explicit and pattern.regex.fullmatch(candidate):
                        return pattern
        return None


def _disjoint(a: Span, b: Span) -> bool:
    return a.end <= b.start or b.end <= a.start


@lru_cache(maxsize=8)
def _vocabulary_cached(key: str) -> Vocabulary:
    import json

    return build_vocabulary(json.loads(key))


def vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    """The compiled vocabulary for the pack's `roles` data (compiled once per content)."""
    import json

    return _vocabulary_cached(json.dumps(data, sort_keys=True, ensure_ascii=False))


def build_vocabulary(data: Mapping[str, Any]) -> Vocabulary:
    patterns: list[_Pattern] = []
    default_org: dict[str, str | None] = {}
    names: dict[str, tuple[str, str]] = {}
    for key, entry in (data.get("roles") or {}).items():
        patterns.extend(_entry_patterns("role", key, entry))
        default_org[key] = entry.get("organisation")
        names[key] = (entry.get("sv", key), entry.get("en", key))
    for key, entry in (data.get("organisations") or {}).items():
        patterns.extend(_entry_patterns("org", key, entry))
    truncated = re.compile(
        rf"{_BEFORE}(?P<stem>{_W}{{3,}})-\s*(?:,\s*{_W}+-\s*)*(?:och|eller|samt|/|,)\s*"
        rf"(?P<full>{_W}{{4,}})",
        re.IGNORECASE,
    )
    return Vocabulary(tuple(patterns), default_org, names, truncated)


# Joins the organisation types of a term defined for several parties into one mention key.
_AMBIGUOUS = "|"


def with_terms(base: Vocabulary, terms: Mapping[str, str | tuple[str, ...]]) -> Vocabulary:
    """`base` plus defined party terms ("Kommunen", "Polisen") naming an organisation type;
    a term defined for parties of several types names each of them, none for certain."""
    if not terms:
        return base
    extra = tuple(
        _Pattern(
            "org",
            orgs if isinstance(orgs, str) else _AMBIGUOUS.join(orgs),
            _bounded(re.escape(term.lower())),
            True,
            _all_needles([needle(term)]),
        )
        for term, orgs in terms.items()
    )
    return replace(base, patterns=(*extra, *base.patterns))


def _placed(member: Member, org: str | None) -> Member:
    """`member` with the organisation `org` names: one type, or the types of an ambiguous
    term as candidates."""
    if org is not None and _AMBIGUOUS in org:
        return replace(member, organisation=None, candidates=tuple(org.split(_AMBIGUOUS)))
    return replace(member, organisation=org, candidates=())


def _qualifier_regex(qualifiers: Iterable[str]) -> re.Pattern[str]:
    alternatives = "|".join(sorted(qualifiers, key=len, reverse=True))
    return re.compile(rf"(?:^|\s)(?:{alternatives})((?:\s+\S+){{0,2}})\s*$", re.IGNORECASE)


@lru_cache(maxsize=8)
def _qualifier_cached(qualifiers: tuple[str, ...]) -> re.Pattern[str]:
    return _qualifier_regex(qualifiers)


def _is_qualified(gap: str, qualifiers: tuple[str, ...]) -> bool:
    match = _qualifier_cached(qualifiers).search(gap)
    if not match:
        return False
    between = match.group(1).lower().split()
    return not any(word in _QUALIFIER_STOPS for word in between)


def _joins(gap: str) -> bool:
    words = gap.replace(",", " , ").lower().split()
    return not _CLAUSE_BREAK.search(gap + " ") and all(w in _JOINERS for w in words)


def _org(value: str | None) -> str | None:
    """The organisation type a role or organisation key names (declared by the pack)."""
    return value or None


def read_members(
    vocab: Vocabulary,
    text: str,
    offset: int,
    *,
    qualifiers: tuple[str, ...],
    optional: bool = False,
    co_opted: bool = False,
) -> list[Member]:
    """The members one statement names: each role with its organisation, and organisations
    named on their own ("Representanter från både stadsdelsförvaltningen och lokalpolisområdet")."""
    reader = _MemberReader(vocab, text, offset, qualifiers, optional, co_opted)
    mentions = vocab.mentions(text, offset)
    for index, mention in enumerate(mentions):
        following = mentions[index + 1] if index + 1 < len(mentions) else None
        if _owner_of_next(text, offset, mention, following):
            reader.owner = _org(mention.key)  # "Kommunens säkerhetschef": the role's owner
            reader.previous_end = mention.span.end
            continue
        reader.add(mention)
    return [m for m in reader.members if m.organisation is not None or m.candidates]


def _owner_of_next(text: str, offset: int, mention: Mention, following: Mention | None) -> bool:
    """An organisation in the genitive right before a role names that role's owner."""
    if mention.kind != "org" or following is None or following.kind != "role":
        return False
    gap = text[mention.span.end - offset : following.span.start - offset]
    return mention.text.lower().endswith("s") and gap.isspace() and "\n" not in gap


class _MemberReader:
    """Walks the mentions of one statement left to right."""

    def __init__(
        self,
        vocab: Vocabulary,
        text: str,
        offset: int,
        qualifiers: tuple[str, ...],
        optional: bool,
        co_opted: bool = False,
    ) -> None:
        self.vocab = vocab
        self.text = text
        self.offset = offset
        self.qualifiers = qualifiers
        self.optional = optional
        self.co_opted = co_opted
        self.owner: str | None = None  # set by a genitive before the next role
        self.members: list[Member] = []
        self.enumeration: list[int] = []  # indexes of the roles a qualifier may apply to
        self.last: str | None = None  # "role", "org", "qualifier"
        self.previous_end = offset

    def add(self, mention: Mention) -> None:
        gap = self.text[self.previous_end - self.offset : mention.span.start - self.offset]
        self.previous_end = mention.span.end
        if _CLAUSE_BREAK.search(gap + " ") and self.last is not None:
            self.enumeration, self.last = [], None
        if mention.kind == "role":
            self._role(mention, gap)
        else:
            self._organisation(mention, gap)

    def _role(self, mention: Mention, gap: str) -> None:
        if self.enumeration and _ROLE_QUALIFIERS.search(gap) and len(gap.split()) <= 3:
            # (not "stadsdelsdirektören och består i övrigt av lokalpolisområdeschefen")
            # "Rektor med mandat från grundskolechef": the chief's organisation, not a member.
            self._qualify(_org(self.vocab.default_org.get(mention.key)), override=False)
            self.last = "qualifier"
            return
        default = _org(self.vocab.default_org.get(mention.key))
        owner, self.owner = self.owner, None
        member = Member(
            role=mention.key,
            organisation=None,
            text=" ".join(mention.text.split()),
            span=mention.span,
            optional=self.optional,
            co_opted=self.co_opted,
        )
        self.members.append(_placed(member, default if default is not None else owner))
        index = len(self.members) - 1
        joined = self.last == "role" and _joins(gap)
        self.enumeration = [*self.enumeration, index] if joined else [index]
        self.last = "role"

    def _organisation(self, mention: Mention, gap: str) -> None:
        org = _org(mention.key)
        if self.enumeration and self.last == "qualifier" and _joins(gap):
            self._add_alternative(org, mention)
            return
        if self.enumeration and self.last == "role" and _is_qualified(gap, self.qualifiers):
            self._qualify(org, override=True)
            self.last = "qualifier"
            return
        last_role = self.members[self.enumeration[-1]] if self.enumeration else None
        if (
            last_role is not None
            and self.last == "role"
            and gap.strip() == ","
            and self.vocab.default_org.get(last_role.role) is None
        ):  # apposition: "Chef, trafikkontoret"
            self._qualify(org, override=True)
            self.last = "qualifier"
            return
        member = Member(
            role="",
            organisation=None,
            text=" ".join(mention.text.split()),
            span=mention.span,
            optional=self.optional,
            co_opted=self.co_opted,
        )
        self.members.append(_placed(member, org))
        self.enumeration, self.last = [], "org"

    def _qualify(self, org: str | None, *, override: bool) -> None:
        """The organisation applies to the last role, and to generic roles listed with it."""
        if org is None:
            return
        last = self.enumeration[-1]
        for index in self.enumeration:
            member = self.members[index]
            generic = self.vocab.default_org.get(member.role) is None
            unplaced = member.organisation is None and not member.candidates
            if (index == last and (override or unplaced)) or generic:
                self.members[index] = _placed(member, org)

    def _add_alternative(self, org: str | None, mention: Mention) -> None:
        """ "från både stadsdelsförvaltningen och lokalpolisområdet": one more member."""
        base = self.members[self.enumeration[-1]]
        self.members.append(_placed(replace(base, span=mention.span), org))
