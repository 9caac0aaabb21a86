"""Organisation numbers: the fast search finds exactly what the plain regexes describe."""

from __future__ import annotations

import random
import re

from lint.analyze.orgnumber import HYPHENS, find_org_numbers
from tests.conftest import CORPUS

_H = re.escape(HYPHENS)
# What the search is specified as: a bare number, and a label introducing one.
BARE = re.compile(rf"(?<![\d{_H}/.])(?:16)?\d{{6}}[{_H}]\d{{4}}(?![\d{_H}/])")
LABEL = re.compile(
    r"\b(?:organisations(?:nummer|nr)|org\.?\s?-?\s?nr|org\.?\s?nummer)\.?\s*:?\s*", re.IGNORECASE
)


def _bare_starts(text: str) -> set[int]:
    labelled = {m.end() for m in LABEL.finditer(text)}
    return {m.start() for m in BARE.finditer(text)} - labelled


def test_bare_numbers_as_the_regex_finds_them_in_random_texts() -> None:
    pieces = ["0", "1", "16", "212000", "0142", "-", "–", "/", ".", " ", "x", "2021000076"]
    rng = random.Random(7)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        found = {n.span.start for n in find_org_numbers(text)}
        assert _bare_starts(text) <= found, text
        assert {m.start() for m in BARE.finditer(text)} >= found - {
            m.end() for m in LABEL.finditer(text)
        }, text


def test_labels_and_numbers_as_the_regexes_find_them_on_the_corpus() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = [(n.span.start, n.value) for n in find_org_numbers(text)]
        bare = {m.start(): m.group() for m in BARE.finditer(text)}
        labelled = {m.end() for m in LABEL.finditer(text)}
        assert all(start in labelled or bare.get(start) == value for start, value in found)
        assert set(bare) <= {start for start, _ in found}, path


def test_a_label_inside_a_word_introduces_nothing() -> None:
    assert find_org_numbers("Georg 12") == ()
    assert [n.value for n in find_org_numbers("Org.nr: 212000-0142")] == ["212000-0142"]
