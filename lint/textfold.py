"""A text's case fold that keeps its length: what a case-blind search of a needle finds.

`fold` maps each code point that `re.IGNORECASE` matches with a safe character onto that
character (tests/analyze/test_needles.py checks every code point). It stands outside the
stages: the analyzers and the checks both use it.
"""

from __future__ import annotations

# Characters whose case-insensitive matches `fold` maps back onto them.
FOLD_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789åäöéü:-./& ")
# What `re.IGNORECASE` takes for i and s beyond their cases: İ (whose lower case is two
# characters), dotless ı and the long ſ.
_FOLD_EXTRA = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """`text` such that a needle matched case-insensitively in it is a plain substring."""
    if text is _LAST_FOLD[0]:  # several cues ask about one sentence in turn
        return _LAST_FOLD[1]
    original = text
    # `translate` looks up every character; a text rarely holds any of the three.
    if "\u0130" in text or "\u0131" in text or "\u017f" in text:
        text = text.translate(_FOLD_EXTRA)
    folded = text.lower()
    _LAST_FOLD[0], _LAST_FOLD[1] = original, folded
    return folded


_LAST_FOLD: list[str] = ["", ""]
