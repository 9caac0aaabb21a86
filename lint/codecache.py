"""The compiled code of the methods `dataclasses` writes, kept between runs.

Python 3.11 writes each dataclass's `__init__`, `__repr__`, `__eq__`, `__hash__` and (for a
frozen one) `__setattr__` and `__delattr__` as source text and compiles it when the class is
made: about a millisecond a class, a tenth of a second of every start-up for samlint's
hundred. Compiling is most of that. For the classes of samlint's own modules, the first run
keeps the compiled code in the cache folder (`marshal`, keyed by the source text, one file
per bytecode version); later runs execute it as it is, the very functions that compiling
would give. A missing, unreadable or damaged file only means compiling again; the file is
rewritten when a run compiled anything new. `SAMLINT_NO_CODE_CACHE=1` turns it off.
"""

from __future__ import annotations

import atexit
import builtins
import dataclasses
import marshal
import os
import tempfile
from importlib.util import MAGIC_NUMBER
from pathlib import Path
from types import CodeType
from typing import Any

_FILE_NAME = "dataclass-code-{}.marshal"  # by the bytecode's magic number, as .pyc files are
_MAX_ENTRIES = 5_000  # a bound on what one file may hold
_codes: dict[str, CodeType] = {}
_added: list[str] = []


def install() -> None:
    """Make `dataclasses` execute cached code, once per process."""
    if os.environ.get("SAMLINT_NO_CODE_CACHE") or getattr(dataclasses, "exec", None) is _exec:
        return
    path = cache_file()
    _codes.update(_read(path))
    dataclasses.exec = _exec  # type: ignore[attr-defined]  # shadows the builtin there only
    atexit.register(_save, path)


def cache_root() -> Path:
    """`$XDG_CACHE_HOME/samlint`, or `~/.cache/samlint` (XDG ignores relative paths): the
    folder of all samlint's caches (`lint.cache.cache_dir`)."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "samlint"


def cache_file() -> Path:
    return cache_root() / _FILE_NAME.format(MAGIC_NUMBER.hex())


def _exec(source: Any, globals: Any = None, locals: Any = None) -> None:
    """`exec` for `dataclasses`: cached code for the classes of samlint's own modules (those
    of other packages are made as ever)."""
    if isinstance(source, str) and _ours(globals):
        code = _codes.get(source)
        if code is None:
            # As `exec` compiles it in `dataclasses`: without this module's __future__ flags.
            code = _codes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            _added.append(source)
        source = code
    builtins.exec(source, globals, locals)


def _ours(globals: Any) -> bool:
    name = globals.get("__name__") if isinstance(globals, dict) else None
    return isinstance(name, str) and (name == "lint" or name.startswith("lint."))


def _read(path: Path) -> dict[str, CodeType]:
    try:
        loaded = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(loaded, dict):
        return {}
    return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, CodeType)}


def _save(path: Path) -> None:
    if not _added or len(_codes) > _MAX_ENTRIES:
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False) as handle:
            temporary = handle.name
            handle.write(marshal.dumps({**_read(path), **_codes}))
        os.replace(temporary, path)
    except OSError:  # an unwritable cache folder: the next run compiles again
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
