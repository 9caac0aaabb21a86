"""Needles: words a regex's every match contains, to skip a text that has none of them.

A case-insensitive regex (`re.IGNORECASE`) that must match a literal word cannot match a
text whose case fold lacks that word; a plain substring test on the fold is much cheaper
than letting the regex try every position. `fold` maps each code point that
`re.IGNORECASE` matches with a safe character onto that character
(tests/analyze/test_needles.py checks every code point), so the test never skips a text
the regex would match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from lint.textfold import FOLD_SAFE, fold

__all__ = ["FOLD_SAFE", "Cue", "contains_any", "fold", "needle", "required_literal"]


def needle(literal: str) -> str | None:
    """`literal` as a needle, or None when its characters are not all safe to fold."""
    folded = literal.lower()
    return folded if folded and FOLD_SAFE.issuperset(folded) else None


def contains_any(folded: str, needles: tuple[str, ...]) -> bool:
    for needle_ in needles:  # noqa: SIM110 (`any` over a generator costs more for a few)
        if needle_ in folded:
            return True
    return False


# Characters that end a literal run in a regex: escapes, groups, classes, alternation, anchors.
_BREAKS = frozenset("\\()[]{}|^$.")
_QUANTIFIERS = frozenset("?*+{")


def required_literal(alternative: str) -> str | None:
    """The longest run of plain characters that every match of the regex `alternative` holds
    (outside groups and classes, not under a quantifier), as a needle; None when it has none
    of three characters or more, or holds a top-level alternation."""
    runs: list[str] = []
    run: list[str] = []
    depth = 0
    index = 0
    while index < len(alternative):
        char = alternative[index]
        if char == "\\":
            runs.append("".join(run))
            run = []
            index += 2
            continue
        if char == "{":  # a counted quantifier: what it repeats may be absent
            if run and depth == 0:
                run.pop()
            runs.append("".join(run))
            run = []
            closing = alternative.find("}", index)
            index = len(alternative) if closing < 0 else closing + 1
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            return None
        if depth == 0 and char in _QUANTIFIERS and run:
            run.pop()  # "tills?": the s may be absent
        if depth > 0 or char in _BREAKS or char in _QUANTIFIERS:
            runs.append("".join(run))
            run = []
        else:
            run.append(char)
        index += 1
    runs.append("".join(run))
    longest = max(runs, key=len)
    return needle(longest) if len(longest) >= 3 else None


class Cue:
    """A case-blind alternation of cue patterns that answers None at once for a text whose
    fold holds none of the literal words its alternatives require (`required_literal`):
    most sentences name no cue, and a substring test is far cheaper than the regex's scan."""

    __slots__ = ("needles", "regex")

    def __init__(self, alternatives: Iterable[str], before: str = "", after: str = "") -> None:
        listed = list(alternatives)
        body = "|".join(f"(?:{a})" for a in listed) or r"(?!x)x"
        self.regex = re.compile(f"{before}(?:{body}){after}", re.IGNORECASE)
        literals = [required_literal(a) for a in listed]
        found = [n for n in literals if n is not None]
        complete = bool(listed) and len(found) == len(literals)
        self.needles: tuple[str, ...] | None = tuple(dict.fromkeys(found)) if complete else None

    @property
    def pattern(self) -> str:
        return self.regex.pattern

    def may_match(self, text: str) -> bool:
        return self.needles is None or contains_any(fold(text), self.needles)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.search(text, pos) if self.may_match(text) else None

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos) if self.may_match(text) else iter(())
