"""A cache of extracted `Document` models, so that re-checking an unchanged file skips
reading and analysis (and with them pdfplumber, python-docx and spaCy).

The key is the SHA-256 of the file's bytes together with everything that shapes the
extraction: the package version, `EXTRACTOR_VERSION`, a digest of the extraction code
(so that a development edit never serves a stale model) and the pack's `vocab_digest`.
Entries are pickles in `$XDG_CACHE_HOME/samlint` (default `~/.cache/samlint`). The cache
keeps itself under a size cap (`cache-max-mb`, default 200 MB): after a run, the least
recently used entries go first. `samlint cache` shows its place and size, `samlint cache
clear` empties it.

The cache is an optimisation only: a missing, corrupt or unwritable cache behaves like
an empty one and never fails a run.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
from functools import lru_cache
from pathlib import Path

from lint import __version__
from lint.codecache import cache_root
from lint.model import Document

# Bump when extraction changes in a way the code digest below cannot see.
EXTRACTOR_VERSION = 1
_FORMAT = 1  # layout of a cache entry
DEFAULT_MAX_MB = 200  # the size cap when the configuration sets none

_PACKAGE = Path(__file__).resolve().parent
# The code whose output is cached: readers, segmentation, analysis, NLP and the model.
_EXTRACTION_CODE = (
    "layout",
    "read",
    "analyze",
    "segment.py",
    "nlp.py",
    "numerals.py",
    "model.py",
    "textfold.py",
)


def cache_dir() -> Path:
    """`$XDG_CACHE_HOME/samlint`, or `~/.cache/samlint` (XDG ignores relative paths)."""
    return cache_root()


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the extraction code; a changed analyzer invalidates old entries."""
    digest = hashlib.sha256()
    for name in _EXTRACTION_CODE:
        target = _PACKAGE / name
        files = sorted(target.rglob("*.py")) if target.is_dir() else [target]
        for file in files:
            digest.update(str(file.relative_to(_PACKAGE)).encode())
            try:
                digest.update(file.read_bytes())
            except OSError:
                digest.update(b"?")
    return digest.hexdigest()[:16]


def cache_key(data: bytes, suffix: str, vocab_digest: str, pdf_engine: str = "pdfium") -> str:
    """The key of one file's model: its content, its format and the extraction inputs
    (the PDF engine too: the engines agree, but a cached model is only ever the one the
    asked-for engine made)."""
    digest = hashlib.sha256()
    header = (
        f"{_FORMAT}|{__version__}|{EXTRACTOR_VERSION}|{code_digest()}|{vocab_digest}|{pdf_engine}|"
    )
    digest.update(header.encode())
    digest.update(suffix.lower().encode() + b"|")
    digest.update(data)
    return digest.hexdigest()


def entry_path(key: str) -> Path:
    return cache_dir() / key[:2] / f"{key}.pickle"


def load(key: str, path: str) -> Document | None:
    """The cached model for `key`, with its source path set to `path`; None on any problem."""
    entry = entry_path(key)
    try:
        payload = entry.read_bytes()
    except OSError:
        return None
    try:
        stored_key, document = pickle.loads(payload)
        if stored_key != key or not isinstance(document, Document):
            raise ValueError("foreign cache entry")
    except Exception:  # truncated, corrupt or from an incompatible version: a miss
        _discard(entry)
        return None
    with contextlib.suppress(OSError):  # a hit is a use: the size cap evicts by last use
        os.utime(entry)
    return with_path(document, path)


def store(key: str, document: Document) -> bool:
    """Write the model atomically; return False (and carry on) if it cannot be written."""
    entry = entry_path(key)
    try:
        payload = pickle.dumps((key, document), protocol=pickle.HIGHEST_PROTOCOL)
        entry.parent.mkdir(parents=True, exist_ok=True)
        import tempfile

        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(payload)
            os.replace(temporary, entry)
        except BaseException:
            _discard(Path(temporary))
            raise
    except Exception:  # unwritable, full disk or an unpicklable model: run uncached
        return False
    return True


def with_path(document: Document, path: str) -> Document:
    """The same content read from another path reports that path."""
    if document.source.path == path:
        return document
    source = dataclasses.replace(document.source, path=path)
    return dataclasses.replace(document, source=source)


def _discard(entry: Path) -> None:
    with contextlib.suppress(OSError):
        entry.unlink()


def entries() -> list[Path]:
    """The cache's entry files (not the temporary files of a write under way)."""
    root = cache_dir()
    if not root.is_dir():
        return []
    return [p for p in root.glob("??/*.pickle") if not p.name.startswith(".tmp-")]


def usage() -> tuple[int, int]:
    """(number of entries, bytes they take)."""
    count = size = 0
    for entry in entries():
        with contextlib.suppress(OSError):
            size += entry.stat().st_size
            count += 1
    return count, size


def prune(max_bytes: int) -> int:
    """Remove the least recently used entries until the cache holds at most `max_bytes`;
    return how many were removed. Never fails: the cache is only an optimisation."""
    stats = []
    for entry in entries():
        with contextlib.suppress(OSError):
            info = entry.stat()
            stats.append((info.st_mtime, info.st_size, entry))
    total = sum(size for _, size, _ in stats)
    removed = 0
    for _, size, entry in sorted(stats, key=lambda item: item[0]):
        if total <= max_bytes:
            break
        _discard(entry)
        total -= size
        removed += 1
    return removed


def clear() -> int:
    """Remove every entry (and empty folders); return how many entries were removed."""
    found = entries()
    for entry in found:
        _discard(entry)
    root = cache_dir()
    if root.is_dir():
        for folder in root.iterdir():
            if folder.is_dir():
                with contextlib.suppress(OSError):
                    folder.rmdir()
    return len(found)
