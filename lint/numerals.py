"""Numbers as agreements write them: annex labels ("3", "3a-c", "IV") and number words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lint.model import NumberStyle

# Roman numerals up to 39: annexes never run higher, and "C", "L" or "D" alone are more
# likely letter labels than numerals.
ROMAN = r"X{0,3}(?:IX|IV|V?I{0,3})"
# Swedish cardinal number words as agreements write them ("tre (3) exemplar", "i två år").
CARDINALS = {
    "en": 1,
    "ett": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "sju": 7,
    "åtta": 8,
    "nio": 9,
    "tio": 10,
    "elva": 11,
    "tolv": 12,
    "arton": 18,
    "tjugofyra": 24,
}
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}
_ARABIC_LABEL = re.compile(r"(\d{1,2})\s*([a-z](?:\s*[-–]\s*(?:\d{1,2})?[a-z])?)?")
_ROMAN_LABEL = re.compile(rf"({ROMAN})([a-z])?")
# Annexes lettered "Bilaga A", "Bilaga B" …: the capitals that are no roman numeral.
LETTERS = "ABCDEFGH"


@dataclass(frozen=True)
class Numeral:
    number: int
    suffix: str  # "" or a sub-annex letter ("a"), or a letter range ("a-c")
    style: NumberStyle


def roman_value(text: str) -> int | None:
    """The value of a roman numeral (I-XXXIX), or None when `text` is not one."""
    if not text or not re.fullmatch(ROMAN, text):
        return None
    total = 0
    for index, char in enumerate(text):
        value = _ROMAN_VALUES[char]
        following = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total


def to_roman(value: int) -> str:
    parts = []
    for amount, symbol in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, value = divmod(value, amount)
        parts.append(symbol * count)
    return "".join(parts)


def parse_label(label: str) -> Numeral | None:
    """Read an annex label such as "3", "3a", "3a-c", "3a–3c", "IV" or "B"."""
    text = label.strip()
    arabic = _ARABIC_LABEL.fullmatch(text)
    if arabic:
        return Numeral(int(arabic.group(1)), _suffix(arabic.group(2)), NumberStyle.ARABIC)
    roman = _ROMAN_LABEL.fullmatch(text)
    if roman and roman.group(1):
        value = roman_value(roman.group(1))
        if value:
            return Numeral(value, roman.group(2) or "", NumberStyle.ROMAN)
    if len(text) == 1 and text in LETTERS:
        return Numeral(LETTERS.index(text) + 1, "", NumberStyle.LETTER)
    return None


def format_label(number: int, suffix: str, style: NumberStyle) -> str:
    if style is NumberStyle.ROMAN:
        head = to_roman(number)
    elif style is NumberStyle.LETTER and 0 < number <= len(LETTERS):
        head = LETTERS[number - 1]
    else:
        head = str(number)
    return head + suffix


def suffix_letters(suffix: str) -> set[str]:
    """The sub-annex letters a suffix covers: "a" -> {a}, "a-c" -> {a, b, c}."""
    if not suffix:
        return set()
    if "-" not in suffix:
        return {suffix}
    first, last = suffix.split("-", 1)
    return {chr(code) for code in range(ord(first), ord(last) + 1)}


def _suffix(raw: str | None) -> str:
    """Normalize "a - 3c" and "a–c" to "a-c"."""
    if not raw:
        return ""
    letters = re.findall(r"[a-z]", raw)
    return letters[0] if len(letters) == 1 else f"{letters[0]}-{letters[-1]}"
