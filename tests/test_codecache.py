"""The dataclass code cache: the same classes from cached code, any damage only a recompile."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path

from lint import codecache

ROOT = Path(__file__).resolve().parent.parent
# A module of ours that makes a frozen dataclass, run in a fresh process with its own cache.
PROGRAM = """
import dataclasses, sys, types
import lint
module = types.ModuleType("lint.cachetest")
sys.modules[module.__name__] = module
exec('''
import dataclasses
@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    y: int = 2
''', module.__dict__)
Point = module.Point
p = Point(1)
assert (p, repr(p), hash(p) == hash(Point(1, 2))) == (Point(1, 2), "Point(x=1, y=2)", True)
try:
    p.x = 3
except dataclasses.FrozenInstanceError:
    pass
else:
    raise SystemExit("not frozen")
print(Point.__init__.__annotations__)
print("compiled", sum("Point" in source or "'x'" in source for source in lint.codecache._added))
"""


def run(cache: Path, **env: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "XDG_CACHE_HOME": str(cache), **env},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_classes_from_cached_code_behave_as_compiled_ones(tmp_path: Path) -> None:
    first = run(tmp_path)  # compiles the class's methods and keeps their code
    assert "compiled 0" not in first
    kept = codecache._read(codecache_file(tmp_path))
    assert any("def __init__(self,x" in source for source in kept)
    second = run(tmp_path)  # the same class from the kept code, nothing compiled
    assert "compiled 0" in second
    assert second.splitlines()[0] == first.splitlines()[0]  # annotations: real objects
    assert "<class 'int'>" in second


def test_a_damaged_cache_file_is_compiled_again_and_rewritten(tmp_path: Path) -> None:
    path = codecache_file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not marshal at all")
    run(tmp_path)
    assert codecache._read(path)  # rewritten whole


def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    run(tmp_path, SAMLINT_NO_CODE_CACHE="1")
    assert not codecache_file(tmp_path).exists()


def test_only_our_own_modules_use_the_cache() -> None:
    before = len(codecache._added)

    @dataclasses.dataclass(frozen=True)
    class Elsewhere:  # made in tests.test_codecache: not a module of samlint's
        a: int

    assert Elsewhere(1) == Elsewhere(1)
    assert len(codecache._added) == before


def codecache_file(cache: Path) -> Path:
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(cache)
    try:
        return codecache.cache_file()
    finally:
        if old is None:
            del os.environ["XDG_CACHE_HOME"]
        else:
            os.environ["XDG_CACHE_HOME"] = old
