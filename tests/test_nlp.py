from __future__ import annotations

from lint.nlp import contains_lemma, find_phrases, lemma_of, pipeline


def test_pipeline_is_built_once() -> None:
    assert pipeline() is pipeline()


def test_ska_is_never_skola() -> None:
    for word in ("ska", "Ska", "skall", "skulle"):
        assert lemma_of(word) != "skola"
    assert not contains_lemma("Parterna ska träffas och ska samverka.", {"skola"})


def test_school_words_are_school() -> None:
    assert contains_lemma("Skolan deltar i arbetet.", {"skola"})
    assert contains_lemma("Skolorna deltar.", {"skola"})


def test_phrases_match_by_lemma() -> None:
    hits = find_phrases("Grupperna ska ha representanter från lokalpolisområdet.", ["grupp"])
    assert hits and hits[0][0] == "grupp"


def test_fast_lemma_table_is_spacys_lookup_table() -> None:
    """lemma_of reads spacy-lookups-data directly; it must agree with spaCy's lemmatizer."""
    from itertools import islice

    from lint.nlp import _lemma_table

    fast = _lemma_table()
    spacy_table = pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert len(fast) == len(spacy_table) > 100_000
    sample = list(islice(fast.items(), 0, None, 97))  # every 97th entry
    assert all(spacy_table.get(word) == lemma for word, lemma in sample)
