"""The line shapes every later stage agrees on: list markers, page furniture, section numbers.

One definition each; segment and the analyzers import these instead of keeping their own.
"""

from __future__ import annotations

import re

from lint.model import LineStyle
from lint.numerals import roman_value

# Bullet characters a reader may leave in the text. Readers map glyphs without a Unicode
# meaning (Word's Symbol bullet U+F0B7, pdfminer's "(cid:127)") to "•".
BULLETS = "-•*–—·▪◦●○■□➢►→✓\uf0b7\uf0a7"
# The bullets as the inside of a character class: rf"[{BULLET_CLASS}]".
BULLET_CLASS = re.escape(BULLETS)

# "• item", "- item", "o item" (Word's second-level bullet), "1. item", "1) item", "a) item",
# "iv) item"; two digits at most, so that a wrapped line starting "2022. Överenskommelsen" is
# no list item.
_BULLET = rf"[{BULLET_CLASS}]|o(?=\s)"
_NUMBER_LABEL = r"\d{1,2}[.)]"
# "a)", "b.", "iv)", and in parentheses "(a)", "(iv)" (lawyers' lists).
_LETTER_LABEL = r"[a-zåäö][.)]|[ivx]{1,4}\)|\((?:[a-zåäö]|[ivx]{1,4})\)"
_MARKER = rf"{_BULLET}|{_NUMBER_LABEL}|{_LETTER_LABEL}"
LIST_MARKER = re.compile(rf"^\s*(?:{_MARKER})\s+")
# The same marker at the start of any line of a longer text (re.finditer over a region).
LINE_LIST_MARKER = re.compile(rf"(?m)^[ \t]*(?:{_MARKER})[ \t]+")
BULLET_MARKER = re.compile(rf"^\s*(?:{_BULLET})\s+")
# A bullet or a letter, not a number: "4. Tid" may be a heading, "• Tid" or "a) Tid" never.
UNNUMBERED_MARKER = re.compile(rf"^\s*(?:{_BULLET}|{_LETTER_LABEL})\s+")
# A letter label alone: "c) Lokala arbetsgrupper", "b. Beredningsgrupp".
LETTER_MARKER = re.compile(rf"^\s*(?:{_LETTER_LABEL})\s+")

# Where one sentence ends and the next begins: a full stop, question or exclamation mark
# (and a closing quote), white space and a capital or an opening quote. The match starts
# at the mark, which ends the sentence before (`sentence_end`): a regex that starts with a
# lookbehind would try every position of the text.
SENTENCE_BREAK = re.compile(r"[.!?][\"”']?\s+(?=[A-ZÅÄÖÉ\"”])")


def sentence_end(match: re.Match[str]) -> int:
    """Where the sentence before a `SENTENCE_BREAK` ends: just after its mark."""
    return match.start() + 1


# A section number before a heading: "4.", "4.2", "4:2", "4.2.1", "4 a", "§ 4", "§4.", "4 §", "IV.",
# "V.1", "IV:", "B.", "A1", "Artikel 3 –", "Avsnitt 2:", "Kapitel 1", "Kap. 5", "Del A".
SECTION_NUMBER = re.compile(
    r"^\s*(?:(?:§|artikel|avsnitt|kapitel|kap\.|punkt)\s*)?"
    r"(?:\d{1,2}\s?§"
    r"|\d{1,2}(?:[.:]\d{1,2})*(?:\s?[a-e](?=[.)\s]))?[.:)]?"
    r"|(?-i:[IVX]{1,6}(?:\.\d{1,2})+\.?|[IVX]{1,6}[.:)]|[IVX]{2,6}(?=\s))"
    r"|(?-i:[A-H])\d{0,2}[.:)]|(?-i:[A-H])\d{1,2}(?=\s)|del\s+[A-H]\d{0,2}[.:)]?)"
    r"(?:\s+[–-])?\s+",
    re.IGNORECASE,
)
# The number itself, for comparing sections: "4", "IV", "B", "4.2".
SECTION_NUMBER_VALUE = re.compile(r"(\d{1,2}|[IVX]{1,6}|[A-H])(?=[\d.:)\s–-]|$)", re.IGNORECASE)
ROMAN_NUMBER = re.compile(r"^[IVX]{1,6}$")

# Page numbers as producers print them: "3", "Sida 3", "Sida 3 av 7", "3 (7)", "3/7", "- 3 -",
# "Page 3 of 7".
_PAGE_NUMBER = (
    r"(?:(?:sida|sid\.|page|s\.)\s*)?[-–]?\s*\d{1,4}\s*[-–]?"
    r"(?:\s*(?:\(\s*\d{1,4}\s*\)|(?:av|of|/)\s*\d{1,4}))?"
)
PAGE_NUMBER_LINE = re.compile(rf"^\s*{_PAGE_NUMBER}\s*$", re.IGNORECASE)
# A page number that is clearly one ("Sida 3", "3 (7)", "3 av 7"), not a bare number.
EXPLICIT_PAGE_NUMBER = re.compile(
    r"(?:\b(?:sida|page)\s*\d{1,4}(?:\s*(?:av|of|/)\s*\d{1,4}|\s*\(\s*\d{1,4}\s*\))?"
    r"|\b\d{1,4}\s*\(\s*\d{1,4}\s*\)|\b\d{1,4}\s+(?:av|of)\s+\d{1,4})\s*$",
    re.IGNORECASE,
)

# A line that ends in one of these goes on ("Denna överenskommelse har ingåtts mellan"):
# a lead-in, never a heading, and never a "För X" line above a signature.
RUNS_ON = frozenset(
    {
        "mellan",
        "av",
        "och",
        "samt",
        "eller",
        "för",
        "med",
        "till",
        "om",
        "i",
        "på",
        "som",
        "att",
        "följande",
        "enligt",
        "från",
        "är",
        "vid",
        "hos",
        "de",
        "den",
        "det",
        "en",
        "ett",
    }
)

# Sentence ends that keep a line from being a heading.
SENTENCE_END = (".", ",", ";", ":", "!", "?")


# The word before a section's number ("§ 4", "Artikel 4", "Kapitel IV").
SECTION_NUMBER_WORD = re.compile(
    r"^\s*(?:§|artikel|avsnitt|kapitel|kap\.|del|punkt)\s*", re.IGNORECASE
)


def strip_section_number(text: str) -> str:
    return SECTION_NUMBER.sub("", text, count=1)


def section_number_value(text: str) -> int | None:
    """The top-level value of a heading's section number: "4.2" → 4, "IV." → 4, "B." → 2."""
    numbered = SECTION_NUMBER.match(text)
    if numbered is None:
        return None
    value = SECTION_NUMBER_VALUE.match(SECTION_NUMBER_WORD.sub("", numbered.group()).strip())
    if value is None:
        return None
    raw = value.group(1)
    if raw.isdigit():
        return int(raw)
    if ROMAN_NUMBER.match(raw.upper()) and (len(raw) > 1 or raw.upper() in "IVX"):
        return roman_value(raw.upper())
    return ord(raw.upper()) - ord("A") + 1


def is_list_item(text: str, style: LineStyle) -> bool:
    """A list item by its marker in the text or by the reader's or layout's mark."""
    return style.list_item or bool(LIST_MARKER.match(text))


def is_page_number(text: str) -> bool:
    return bool(PAGE_NUMBER_LINE.match(text))


def section_number_values(text: str) -> set[int]:
    """Every value a section number may have: "I." is roman one or the ninth letter."""
    value = section_number_value(text)
    if value is None:
        return set()
    values = {value}
    numbered = SECTION_NUMBER.match(text)
    token = numbered.group().strip().rstrip(".:)–- ").split()[-1] if numbered else ""
    if len(token) == 1 and token.upper() in "IVX":
        values.add(ord(token.upper()) - ord("A") + 1)
    return values


# A decimal section number: "3.2", "3:2", "4)".
_OUTLINE_NUMBER = re.compile(r"^\s*(\d{1,2}(?:[.:]\d{1,2})*)[.)]?\s+\S")
# A clause's number of two parts or more and the space after it: "5.3.2 ", "3:2. ".
CLAUSE_LABEL = re.compile(r"^\s*\d{1,2}(?:[.:]\d{1,2})+\.?\s+")


def outline_number(text: str) -> tuple[int, ...]:
    """The parts of a decimal section number: "3.2 Styrgrupp" and "3:2 Styrgrupp" → (3, 2),
    "4) Tid" → (4,); () for none."""
    numbered = _OUTLINE_NUMBER.match(text)
    return tuple(int(part) for part in re.split("[.:]", numbered.group(1))) if numbered else ()


def opens_with_clause_number(text: str) -> bool:
    """A line that opens with a clause's number ("5.3.2 Beredningsgruppen …", "§ 4 …")."""
    stripped = text.lstrip()
    return len(outline_number(stripped)) >= 2 or stripped.startswith("§")


_RULE_LINE = re.compile(r"[\s_.…·\-–—]{3,}")
_BARE_DATE_LABEL = re.compile(r"(?:ort\s+(?:och|&|/)\s+datum|datum|ort)\s*:?", re.IGNORECASE)


def caption_under_rule(above: str, text: str) -> bool:
    """ "Stockholm 2025-02-12" | "______" | "Ort och datum": a bare place-and-date label right
    under a signature rule is the form's caption of what was written above the rule, not the
    opening of a signature block."""
    return bool(_RULE_LINE.fullmatch(above.strip()) and _BARE_DATE_LABEL.fullmatch(text.strip()))
