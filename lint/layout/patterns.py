"""The line shapes every later stage agrees on: list markers, page furniture, section numbers.

One definition each; segment and the analyzers import these instead of keeping their own.
"""

from __future__ import annotations

import re

# Bullet characters a reader may leave in the text. Readers map glyphs without a Unicode
# meaning (Word's Symbol bullet U+F0B7, pdfminer's "(cid:127)") to "•".
BULLETS = "-•*–—·▪◦●○■□➢►→✓\uf0b7\uf0a7"
_BULLET_CLASS = re.escape(BULLETS)

# "• item", "- item", "1. item", "1) item", "a) item", "iv) item"; two digits at most, so that
# a wrapped line starting "2022. Överenskommelsen" is no list item.
LIST_MARKER = re.compile(rf"^\s*(?:[{_BULLET_CLASS}]|\d{{1,2}}[.)]|[a-zåäö][.)]|[ivx]{{1,4}}\))\s+")
BULLET_MARKER = re.compile(rf"^\s*[{_BULLET_CLASS}]\s+")

# A section number before a heading: "4.", "4.2", "4.2.1", "§ 4", "§4.", "IV.", "V.1", "IV:".
SECTION_NUMBER = re.compile(
    r"^\s*(?:§\s*\d+(?:\.\d+)*\.?|\d+(?:\.\d+)*\.?|[IVX]{1,6}(?:\.\d+)*[.:])\s+"
)
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

# Sentence ends that keep a line from being a heading.
SENTENCE_END = (".", ",", ";", ":", "!", "?")


def strip_section_number(text: str) -> str:
    return SECTION_NUMBER.sub("", text, count=1)


def is_list_item_text(text: str) -> bool:
    return bool(LIST_MARKER.match(text))
