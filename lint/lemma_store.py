"""An indexed on-disk copy of the Swedish lemma lookup table (SQLite, in the cache folder).

The copy is keyed by the data file's name, size and modification time, so a new
spacy-lookups-data release builds a new store. Nothing here may fail a run: every error
means "use the table in memory".
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

DATA_FILE = "sv_lemma_lookup.json.gz"
_SCHEMA = "CREATE TABLE lemmas (word TEXT PRIMARY KEY, lemma TEXT NOT NULL) WITHOUT ROWID"


def store_path() -> Path | None:
    """Where the store for the installed lookup data lives, or None without the data."""
    try:
        import spacy_lookups_data

        from lint.cache import cache_dir

        data = Path(spacy_lookups_data.get_file(DATA_FILE))
        stat = data.stat()
    except Exception:
        return None
    return cache_dir() / f"lemmas-sv-{stat.st_size}-{int(stat.st_mtime)}.sqlite"


def build_store(table: Mapping[str, Any], path: Path) -> bool:
    """Write the table to `path` atomically; False when the cache cannot be written."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            conn.execute(_SCHEMA)
            conn.executemany(
                "INSERT OR REPLACE INTO lemmas VALUES (?, ?)",
                ((str(word), str(lemma)) for word, lemma in table.items()),
            )
            conn.commit()
        os.replace(tmp, path)
        return True
    except (OSError, sqlite3.Error):
        with contextlib.suppress(OSError):
            tmp.unlink()
        return False


class LemmaStore:
    """`get(word)` like a dict, answered from the store; one connection per process."""

    def __init__(self, path: Path, fallback: Callable[[], Mapping[str, Any]]) -> None:
        self._path = path
        self._fallback = fallback
        self._conn: sqlite3.Connection | None = None
        self._pid = -1
        self._memo: dict[str, str | None] = {}
        self._broken = False

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None or self._pid != os.getpid():  # never share one over fork
            uri = f"{self._path.as_uri()}?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._pid = os.getpid()
        return self._conn

    def usable(self) -> bool:
        """The store opens and holds rows (a half-written or foreign file does not)."""
        try:
            return self._connection().execute("SELECT 1 FROM lemmas LIMIT 1").fetchone() is not None
        except sqlite3.Error:
            return False

    def get(self, word: str, default: Any = None) -> Any:
        if self._broken:
            return self._fallback().get(word, default)
        if word not in self._memo:
            try:
                row = (
                    self._connection()
                    .execute("SELECT lemma FROM lemmas WHERE word = ?", (word,))
                    .fetchone()
                )
            except sqlite3.Error:
                self._broken = True
                return self._fallback().get(word, default)
            self._memo[word] = row[0] if row else None
        found = self._memo[word]
        return default if found is None else found
