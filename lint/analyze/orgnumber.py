"""Swedish organisation numbers (organisationsnummer): NNNNNN-NNNN with a Luhn check digit.

Agreements also write them without the hyphen ("2021000076") and in the 12-digit form with
the prefix 16 ("16202100-0076", "162021000076"); these are valid ways of writing the same
number (`valid_format`), only not the house style NNNNNN-NNNN (`house_style`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.model import OrgNumber, Span

HYPHENS = "-‐‑–"  # word processors turn the hyphen into a dash; the number is the same
_H = re.escape(HYPHENS)
# A number introduced by its label: "organisationsnummer", "org.nr", "org. nr", "orgnr", "org.-nr".
# (Spelt with character classes for its first letters, so that the regex can skip to them
# instead of trying every position; a word character before it is checked apart.)
_LABEL = re.compile(
    r"[Oo][Rr][Gg](?i:anisations(?:nummer|nr)|\.?\s?-?\s?nr|\.?\s?nummer)\.?\s*:?\s*"
)
_WORD_CHAR = re.compile(r"\w")
# What follows a label: digits with hyphens and at most single inner spaces ("212000 0142").
_LABELLED_VALUE = re.compile(rf"\d[\d{_H}]*(?:\s\d[\d{_H}]*)?")
# A bare number anywhere: exactly six digits, a hyphen and four digits, not part of a longer number.
# A bare number anywhere: (16)NNNNNN-NNNN, no digit, hyphen or slash around (nor a full stop
# before). Where one may be: its hyphen, four digits after it (`_bare_numbers` reads the
# rest around it; a regex that tries every position of the text for the digits is slower).
_BARE_HYPHEN = re.compile(rf"[{_H}](?=\d{{4}})")
_SIX_DIGITS = re.compile(r"\d{6}")
_NOT_BEFORE = re.compile(rf"[\d{_H}/.]")
_NOT_AFTER = re.compile(rf"[\d{_H}/]")
# A number written in a valid form: with or without the hyphen, with or without "16".
_WELL_FORMED = re.compile(rf"(?:16)?\d{{6}}[{_H}]?\d{{4}}")
_HOUSE_STYLE = re.compile(rf"\d{{6}}[{_H}]\d{{4}}")


def luhn_valid(digits: str) -> bool:
    """The Luhn check over a 10-digit number (weights 2,1,2,1,... from the left)."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def parse_org_number(value: str, span: Span) -> OrgNumber:
    well_formed = bool(_WELL_FORMED.fullmatch(value))
    digits = re.sub(r"\D", "", value)
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    house_style = bool(_HOUSE_STYLE.fullmatch(value))
    return OrgNumber(value, span, well_formed, luhn_valid(digits), house_style)


def find_org_numbers(text: str) -> tuple[OrgNumber, ...]:
    """Every organisation number in `text`: labelled ones in any shape, bare ones NNNNNN-NNNN."""
    found: dict[int, OrgNumber] = {}
    for label in _LABEL.finditer(text):
        if label.start() and _WORD_CHAR.match(text, label.start() - 1):
            continue  # inside a word ("Georg")
        value = _LABELLED_VALUE.match(text, label.end())
        if value is None:
            continue
        raw = _trim(value.group())
        # Followed by a postal code ("212000-0142 121 17"): only the first group is the number.
        if not _WELL_FORMED.fullmatch(raw) and _WELL_FORMED.fullmatch(raw.split()[0]):
            raw = raw.split()[0]
        span = Span(value.start(), value.start() + len(raw))
        found[span.start] = parse_org_number(raw, span)
    for span in _bare_numbers(text):
        if span.start not in found:
            found[span.start] = parse_org_number(text[span.start : span.end], span)
    return tuple(found[start] for start in sorted(found))


def _bare_numbers(text: str) -> Iterator[Span]:
    """What `_BARE` finds: six digits (the 12-digit form: "16" and six), a hyphen, four
    digits, no digit, hyphen or slash around (nor a full stop before)."""
    for hyphen in _BARE_HYPHEN.finditer(text):
        at, end = hyphen.start(), hyphen.end() + 4
        start = at - 6
        if start < 0 or not _SIX_DIGITS.fullmatch(text, start, at):
            continue
        if end < len(text) and _NOT_AFTER.match(text, end):
            continue
        if text.startswith("16", start - 2) and _free_before(text, start - 2):
            yield Span(start - 2, end)
        elif _free_before(text, start):
            yield Span(start, end)


def _free_before(text: str, start: int) -> bool:
    return start == 0 or (start > 0 and not _NOT_BEFORE.match(text, start - 1))


def _trim(raw: str) -> str:
    return raw.rstrip(HYPHENS + " ")
