"""The spaCy base: a blank Swedish pipeline with the lookup lemmatizer, built once per process.

spaCy's lookup table maps the modal "ska" (shall) to "skola", which is also the noun
"school". Every helper here keeps "ska"/"skall" as the auxiliary so that no rule can ever
take "ska" for a school.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Forms whose lookup lemma is wrong for our purpose.
_LEMMA_OVERRIDES = {"ska": "ska", "skall": "ska", "skulle": "ska"}
_WORD = re.compile(r"\w+(?:[-–]\w+)*", re.UNICODE)


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    lemma: str
    start: int  # offset in the analysed text
    end: int


@lru_cache(maxsize=1)
def pipeline() -> Any:
    """The blank Swedish pipeline with the lookup lemmatizer (spacy-lookups-data)."""
    import spacy

    nlp = spacy.blank("sv")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """spaCy's blank Swedish pipeline for tokenizing; lemmas come from `lemma_of`.

    The objects made until then, and spaCy's, live as long as the process: they are frozen
    (`gc.freeze`), never traversed again by a collection, and spaCy is imported with the
    collector off. Its collections while importing cost a cold check a tenth of a second.
    """
    import gc

    gc.freeze()  # what was imported and loaded before spaCy
    enabled = gc.isenabled()
    gc.disable()  # importing spaCy makes hundreds of thousands of objects, hardly any garbage
    try:
        import spacy

        nlp = spacy.blank("sv")
    finally:
        if enabled:
            gc.enable()
    gc.freeze()  # spaCy and its dependencies
    return nlp


@lru_cache(maxsize=1)
def _lemma_table() -> Any:
    """spaCy's Swedish lemma lookup table (spacy-lookups-data) as a plain dict.

    The same data the lookup lemmatizer uses, read directly: spaCy's `Table` hashes all
    660,000 keys on load, which costs seconds per process; the dict lookup is identical.
    """
    try:
        import spacy_lookups_data
        import srsly

        table = srsly.read_gzip_json(spacy_lookups_data.get_file("sv_lemma_lookup.json.gz"))
        if isinstance(table, dict) and table:
            return table
    except Exception:  # another packaging of the data: go through spaCy
        pass
    return pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_lookup")


def lemma_of(word: str) -> str:
    """The lemma of one word, looked up in lower case; "ska" stays "ska"."""
    lower = word.lower()
    if lower in _LEMMA_OVERRIDES:
        return _LEMMA_OVERRIDES[lower]
    lemma = _lemma_lookup().get(lower)
    return str(lemma).lower() if lemma else lower


@lru_cache(maxsize=1)
def _lemma_lookup() -> Any:
    """Per-word lemma lookups: the on-disk store when one is built, else the whole table.

    Parsing the 660,000-entry table costs about half a second per process; a document needs
    a few thousand words of it. The first run builds an indexed copy (SQLite) in the cache
    folder, later runs query it. Any problem with the store falls back to the table.
    """
    from lint.lemma_store import LemmaStore, build_store, store_path

    path = store_path()
    if path is not None and path.is_file():
        store = LemmaStore(path, fallback=_lemma_table)
        if store.usable():
            return store
    table = _lemma_table()
    if path is not None and isinstance(table, dict):
        build_store(table, path)
    return table


def tokens(text: str) -> list[Token]:
    """Tokenize with spaCy's Swedish tokenizer and attach safe lower-case lemmas."""
    doc = tokenizer().make_doc(text)
    return [
        Token(t.text, t.text.lower(), lemma_of(t.text), t.idx, t.idx + len(t.text))
        for t in doc
        if not t.is_space
    ]


def lemmas(text: str) -> list[str]:
    return [t.lemma for t in tokens(text) if _WORD.fullmatch(t.text)]


def lemma_set(text: str) -> frozenset[str]:
    return frozenset(lemmas(text))


def contains_lemma(text: str, wanted: Iterable[str]) -> bool:
    wanted_set = {lemma_of(w) for w in wanted}
    return any(lemma in wanted_set for lemma in lemmas(text))


def find_phrases(text: str, phrases: Sequence[str]) -> list[tuple[str, int, int]]:
    """Find lemma sequences of `phrases` in `text`; return (phrase, start, end) offsets.

    A phrase matches when every token's lemma equals the phrase token's lemma, so that
    "skolan", "skolor" and "skola" match the phrase "skola" but "ska" never does.
    """
    toks = [t for t in tokens(text) if _WORD.fullmatch(t.text)]
    patterns = [(p, [lemma_of(w) for w in _WORD.findall(p)]) for p in phrases]
    found = []
    for index in range(len(toks)):
        for phrase, pattern in patterns:
            if not pattern or index + len(pattern) > len(toks):
                continue
            window = toks[index : index + len(pattern)]
            if all(tok.lemma == want for tok, want in zip(window, pattern, strict=True)):
                found.append((phrase, window[0].start, window[-1].end))
    return found
