from __future__ import annotations

from pathlib import Path

from lint.lemma_store import LemmaStore, build_store

TABLE = {"skolorna": "skola", "skolan": "skola", "grupperna": "grupp"}


def test_store_answers_like_the_table(tmp_path: Path) -> None:
    path = tmp_path / "lemmas.sqlite"
    assert build_store(TABLE, path)
    store = LemmaStore(path, fallback=lambda: TABLE)
    assert store.usable()
    for word, lemma in TABLE.items():
        assert store.get(word) == lemma
    assert store.get("saknas") is None
    assert store.get("saknas", "x") == "x"


def test_a_corrupt_store_is_not_usable(tmp_path: Path) -> None:
    path = tmp_path / "lemmas.sqlite"
    path.write_bytes(b"not a database at all" * 100)
    store = LemmaStore(path, fallback=lambda: TABLE)
    assert not store.usable()
    assert store.get("skolan") == "skola"  # answered from the fallback table


def test_an_unwritable_cache_is_no_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert not build_store(TABLE, blocker / "sub" / "lemmas.sqlite")
