"""bench/run.py: one row shape, and a missed target fails `make bench`."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_every_row_has_the_same_shape(bench: ModuleType) -> None:
    assert {"pdf", "pages", "pdfplumber", "cache", "text", "jobs", "memory"} <= set(bench.ROWS)
    for name, function in bench.ROWS.items():
        assert function.__name__ != "<lambda>", name
        signature = inspect.signature(function)
        assert list(signature.parameters) == ["bench"], name
        assert signature.return_annotation in ("Row", bench.Row), name


@pytest.mark.parametrize(("passed", "status"), [(True, 0), (False, 1), (None, 0)])
def test_a_missed_target_makes_the_bench_fail(
    bench: ModuleType,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    passed: bool | None,
    status: int,
) -> None:
    def fake_row(bench_input: object) -> object:
        return bench.Row("fake", "a", "b", 2.0, 1.0, "s", 2.0, "≤ 1×", passed)

    monkeypatch.setattr(bench, "ROWS", {"fake": fake_row})
    monkeypatch.setattr(bench, "OUT", tmp_path)
    monkeypatch.setattr(bench, "make_inputs", lambda size: None)
    monkeypatch.setattr(bench, "compile_bytecode", lambda: None)
    assert bench.main(["--quick"]) == status
