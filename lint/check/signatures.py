"""Signature checks: SIG."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.check.dates import first_day, last_day
from lint.check.engine import Violation, register
from lint.layout.patterns import is_page_number
from lint.model import DateMention, Document, Span


@register(
    "parties_signed",
    messages={
        "default": {"party"},
        "none": set(),
        "unverified": {"party", "signatures", "copies"},
    },
)
def parties_signed(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    if not document.signatures:
        yield Violation(_end_of_text(document), "none")
        return
    signed = {s.party_index for s in document.signatures if s.party_index is not None}
    unmatched = sum(1 for s in document.signatures if s.party_index is None)
    missing = [i for i in range(len(document.parties)) if i not in signed]
    # Blocks that name no recognisable organisation may still belong to the missing parties.
    if len(missing) <= unmatched:
        return
    copies = signed_as_copies(document)
    for index in missing:
        party = document.parties[index]
        if copies is not None:
            args = {"party": party.name, "signatures": len(document.signatures), "copies": copies}
            yield Violation(party.span, "unverified", args, unverified=True)
        else:
            yield Violation(party.span, args={"party": party.name})


def party_list_doubtful(document: Document) -> bool:
    """Parties read without the details the others have (an organisation number), or one
    name read twice: signs of a party list (a wrapped table, say) that was not understood."""
    parties = document.parties
    numbered = sum(1 for p in parties if p.org_number is not None)
    names = [p.name.casefold() for p in parties]
    return (0 < numbered < len(parties)) or len(set(names)) < len(names)


def signed_as_copies(document: Document) -> int | None:
    """The copies clause's count when as many signature blocks were found, and the party
    list disagrees: then the party list, not the signing, was misread."""
    if not document.copies or len(document.parties) == len(document.signatures):
        return None
    if not party_list_doubtful(document):
        return None
    count = document.copies[0].count
    return count if len(document.signatures) == count else None


def _end_of_text(document: Document) -> Span:
    """Where the signatures should have been: after the copies clause or the last text line."""
    if document.copies:
        return document.copies[-1].span
    source = document.source
    lines = (ln for ln in reversed(source.lines) if source.line_text(ln).strip())
    line = next((ln for ln in lines if not is_page_number(source.line_text(ln).strip())), None)
    return Span(line.start, line.end) if line else Span(0, 0)


@register(
    "signature_dates",
    messages={
        "default": set(),
        "after_start": {"date", "start"},
        "after_end": {"date", "end"},
        "unverified": {"date"},
    },
)
def signature_dates(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    start = _stated_start(document)
    end = _stated_end(document)
    shared = _date_below_all(document)
    for signature in document.signatures:
        if signature.date is None and shared is not None:
            args = {"date": document.source.slice(shared.span)}
            yield Violation(signature.span, "unverified", args, unverified=True)
            continue
        if signature.date is None:
            yield Violation(signature.span)
            continue
        args = {"date": signature.date.iso}
        if start is not None and _after(signature.date, start):
            yield Violation(signature.span, "after_start", {**args, "start": start.iso})
        elif end is not None and _after(signature.date, end):
            yield Violation(signature.span, "after_end", {**args, "end": end.iso})


def _date_below_all(document: Document) -> DateMention | None:
    """The one date line under the last block when every other block is undated (a table
    of signatures with "Hyltebruk den 5 mars 2024" below it): it was read as the last
    block's date, but it may date them all."""
    signatures = document.signatures
    if len(signatures) < 2 or any(s.date is not None for s in signatures[:-1]):
        return None
    last = signatures[-1]
    date = last.date
    if date is None or date.span.end < last.span.end - 1:
        return None  # no date, or one that opens its block rather than closing it
    return date if date.span.start > signatures[-2].span.end else None


def _stated_start(document: Document) -> DateMention | None:
    return next((v.start for v in document.validity if v.start is not None), None)


def _stated_end(document: Document) -> DateMention | None:
    """The end of the first period that ends; none for one that ends before it starts
    (DAT002 reports that period: a signature is no later than an end that cannot be)."""
    for validity in document.validity:
        if validity.end is not None:
            start = validity.start
            return (
                None
                if start is not None and last_day(validity.end) < first_day(start)
                else validity.end
            )
    return None


def _after(signed: DateMention, stated: DateMention) -> bool:
    """Signed after the stated date, at the coarser of the two precisions."""
    return first_day(signed) > last_day(stated)
