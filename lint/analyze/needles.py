"""Needles: words a regex's every match contains, to skip a text that has none of them.

A case-insensitive regex (`re.IGNORECASE`) that must match a literal word cannot match a
text whose case fold lacks that word; a plain substring test on the fold is much cheaper
than letting the regex try every position. `fold` maps each code point that
`re.IGNORECASE` matches with a safe character onto that character
(tests/analyze/test_needles.py checks every code point), so the test never skips a text
the regex would match.
"""

from __future__ import annotations

# Characters whose case-insensitive matches `fold` maps back onto them.
FOLD_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789åäöéü:-./& ")
# What `re.IGNORECASE` takes for i and s beyond their cases: İ (whose lower case is two
# characters), dotless ı and the long ſ.
_FOLD_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """`text` such that a needle matched case-insensitively in it is a plain substring."""
    # `translate` looks up every character; a text rarely holds any of the three.
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_FOLD_EXTRA)
    return text.lower()


def needle(literal: str) -> str | None:
    """`literal` as a needle, or None when its characters are not all safe to fold."""
    folded = literal.lower()
    return folded if folded and FOLD_SAFE.issuperset(folded) else None


def contains_any(folded: str, needles: tuple[str, ...]) -> bool:
    return any(n in folded for n in needles)
