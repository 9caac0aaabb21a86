"""TXT001 (near misses of known terms) and TXT002 (number words against digits)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.check.text import _near_miss, _terms
from lint.pack import Pack
from tests.conftest import OSTERMALM, SEEDS, check_json


@pytest.fixture(scope="module")
def terms(pack: Pack) -> tuple[str, ...]:
    return _terms(tuple(pack.vocab["terms"]))


def _text_findings(path: Path | str) -> list[dict]:
    report = check_json(path, extra=("--select", "TXT"))
    return report["files"][0]["findings"]


def _check_text(tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    return _text_findings(path)


def test_ostermalm_misspelling_with_suggestion() -> None:
    findings = _text_findings(OSTERMALM)
    assert [(f["rule"], f["location"]["line"], f["severity"]) for f in findings] == [
        ("TXT001", 42, "info")
    ]
    assert findings[0]["suggestion"] == "lokalpolisområde"
    assert "lokalpolsområde" in findings[0]["message"]


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.*")), ids=lambda p: p.name)
def test_only_the_ostermalm_misspelling_in_the_seeds(path: Path) -> None:
    findings = _text_findings(path)
    expected = ["TXT001"] if path.stem == OSTERMALM.stem else []
    assert [f["rule"] for f in findings] == expected


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [
        ("lokalpolsområde", "lokalpolisområde"),
        ("lokalpolsområdets", "lokalpolisområdets"),
        ("lokalpolisomårde", "lokalpolisområde"),
        ("stadsdelsförvalningen", "stadsdelsförvaltningen"),
        ("beredningsgrupen", "beredningsgruppen"),
        ("utbildningsförvaltnigen", "utbildningsförvaltningen"),
        ("samverkansöverenskomelse", "samverkansöverenskommelse"),
    ],
)
def test_near_misses(terms: tuple[str, ...], word: str, suggestion: str) -> None:
    miss = _near_miss(word, terms, 90)
    assert miss is not None and miss.suggestion == suggestion


@pytest.mark.parametrize(
    "word",
    [
        "lokalpolisområdeschef",
        "lokalpolisområdenas",
        "stadsdelsförvaltningarnas",
        "kommunpoliserna",
        "kommunpolitiker",  # a real word sharing the start of "kommunpolis"
        "arbetsuppgifter",  # a real word close to "arbetsgrupp"
        "samverkansorganisationen",
        "polisregionens",
        "lokalpolis",
    ],
)
def test_correct_and_other_real_words(terms: tuple[str, ...], word: str) -> None:
    assert _near_miss(word, terms, 90) is None


def test_no_dictionary_word_is_a_near_miss(terms: tuple[str, ...]) -> None:
    """Swedish word forms of spaCy's lookup table that start like a known term."""
    from lint.nlp import _lemma_table

    starts = {term[:3] for term in terms}
    forms = {str(w) for pair in _lemma_table().items() for w in pair}
    words = {w for w in forms if len(w) >= 7 and w[:3] in starts}
    assert len(words) > 1000
    assert [w for w in words if _near_miss(w, terms, 90)] == []


def test_number_words(tmp_path: Path) -> None:
    findings = _check_text(
        tmp_path,
        "Överenskommelsen har upprättats i tre (4) likalydande exemplar.\n"
        "Lägesbilden revideras minst en (1) gång per år och styrgruppen möts två (2) gånger.\n"
        "Parterna utser 3 (tre) ledamöter och Fem ( 6 ) ersättare.\n",
    )
    txt002 = [f for f in findings if f["rule"] == "TXT002"]
    assert [f["message"].split('"')[1] for f in txt002] == ["tre (4)", "Fem ( 6 )"]
    assert {f["severity"] for f in txt002} == {"warning"}


def test_numbers_in_words_found_around_parentheses_as_everywhere() -> None:
    import random

    from lint.check.text import _around_parentheses, _number_patterns

    patterns = _number_patterns(("en", "ett", "två", "tre", "fyra"))
    pieces = ["tre", "Tre", " ", "(", ")", "3", "4", "x", "fyra", "\n", "  ", "ett", "12"]
    rng = random.Random(4)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        for pattern in patterns:
            expected = [m.span() for m in pattern.finditer(text)]
            assert [m.span() for m in _around_parentheses(pattern, text)] == expected, text


def test_a_near_miss_is_found_wherever_it_stands_as_a_whole_word() -> None:
    import random

    from lint.check.text import _WORD, _occurrences

    pieces = ["styrgrupen", "Styrgrupen", "STYRGRUPEN", " ", "x", "ö", "1", "_", "-", "\n", "é"]
    rng = random.Random(9)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        expected = [m.span() for m in _WORD.finditer(text) if m.group().lower() == "styrgrupen"]
        assert _occurrences(text, ["styrgrupen"]) == expected, text
