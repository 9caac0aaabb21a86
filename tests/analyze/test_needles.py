"""Needles only ever skip a regex that could not have matched."""

from __future__ import annotations

import re
import sys
from dataclasses import replace

import pytest

from lint.analyze.dates import _MONTH_NEEDLES, _PERIOD_END_NEEDLES
from lint.analyze.needles import FOLD_SAFE, Cue, fold, needle, required_literal
from lint.analyze.roles import vocabulary, with_terms
from lint.pack import Pack
from tests.conftest import CORPUS


def test_fold_maps_every_case_insensitive_match_onto_its_character() -> None:
    """For every safe character, each code point that `re.IGNORECASE` matches with it folds
    to exactly that character: a needle found by the regex is a substring of the fold."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    safe_class = re.compile("[" + re.escape("".join(sorted(FOLD_SAFE))) + "]", re.IGNORECASE)
    matched = {m.group() for m in safe_class.finditer(everything)}
    assert matched >= FOLD_SAFE
    for char in matched:
        for safe in FOLD_SAFE:
            if re.fullmatch(re.escape(safe), char, re.IGNORECASE):
                assert fold(char) == safe, (hex(ord(char)), safe)


def test_fold_keeps_every_text_as_long_as_it_is() -> None:
    """Role patterns match the fold and report offsets into the text."""
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert len(fold(everything)) == len(everything)


def test_every_pattern_has_needles_that_its_forms_contain(pack: Pack) -> None:
    vocab = vocabulary(pack.vocab["roles"])
    assert all(p.needles for p in vocab.patterns)  # the bundled vocabulary is all safe


def test_mentions_with_and_without_needles_agree_on_the_corpus(pack: Pack) -> None:
    base = with_terms(vocabulary(pack.vocab["roles"]), {"Kommunen": "district_administration"})
    unfiltered = replace(base, patterns=tuple(replace(p, needles=None) for p in base.patterns))
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    lines = {line for text in texts for line in text.splitlines() if line.strip()}
    assert len(lines) > 1000
    for line in sorted(lines):
        assert base.mentions(line, 7) == unfiltered.mentions(line, 7), line


def test_the_date_needles_are_safe() -> None:
    assert all(needle(n) == n for n in (*_MONTH_NEEDLES, *_PERIOD_END_NEEDLES))


@pytest.mark.parametrize(
    ("alternative", "expected"),
    [
        ("gäller", "gäller"),
        (r"giltighetstid\w*", "giltighetstid"),
        (r"(?:se|ses|ser)\s+över", "över"),
        (r"tills?\s*vidare", "vidare"),  # the s under its quantifier is no part of it
        (r"(?:prioriterade\s+)?(?:samverkans|fokus)områd\w*", "områd"),
        (r"kan\s+(?:\w+\s+){0,2}?(?:bjudas|kallas)", "kan"),
        (r"abcd{2}x", "abc"),
        ("a|b", None),  # an alternation at the top: no word every match holds
        ("[Ff]ör", None),
        ("vid", "vid"),
        ("av", None),  # too short to be worth a test
    ],
)
def test_the_literal_every_match_holds(alternative: str, expected: str | None) -> None:
    assert required_literal(alternative) == expected


def _cue_lists(pack: Pack) -> list[list[str]]:
    roles = pack.vocab["roles"]
    lists = [list(roles[key]) for key in roles if key.endswith(("_cues", "_columns"))]
    lists.append(list(roles["revisions"]["cues"]))
    lists.extend(list(words) for words in roles["revisions"]["subjects"].values())
    cues = pack.vocab["priority_areas"]["cues"]
    lists.extend(list(cues[key]) for key in ("nouns", "verbs", "list", "ordinal_items"))
    return [cue_list for cue_list in lists if cue_list]


def test_cues_with_needles_find_what_their_regexes_find_on_the_corpus(pack: Pack) -> None:
    texts = [path.read_text(encoding="utf-8") for path in sorted(CORPUS.rglob("*.txt"))]
    lines = sorted({line for text in texts for line in text.splitlines() if line.strip()})
    cue_lists = _cue_lists(pack)
    assert len(cue_lists) >= 10 and len(lines) > 1000
    cues = [Cue(alternatives, r"(?<![\wåäö])", r"(?![\wåäö])") for alternatives in cue_lists]
    assert sum(cue.needles is not None for cue in cues) >= 10  # most cues can skip a line
    for alternatives, cue in zip(cue_lists, cues, strict=True):
        plain = cue.regex
        for line in lines:
            found, expected = cue.search(line), plain.search(line)
            assert (found and found.span()) == (expected and expected.span()), (line, alternatives)
