"""check_files: parallel workers give the sequential output, in input order."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from lint import pipeline
from lint.pack import Pack
from lint.pipeline import FileResult, RunOptions, check_files
from tests.conftest import AS_OF, NORRMALM_MEMO, OSTERMALM, SEEDS, SKARPNACK, run_cli

MIXED = (
    str(OSTERMALM),
    str(SEEDS / "skarpnack-local-agreement-2020.pdf"),
    str(SEEDS / "does-not-exist.txt"),
    str(NORRMALM_MEMO),
    str(SEEDS / "ostermalm-local-agreement-2021.docx"),
    str(SKARPNACK),
)


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _options(jobs: int, use_cache: bool = False) -> RunOptions:
    return RunOptions(jobs=jobs, use_cache=use_cache)


def test_parallel_results_equal_sequential_in_input_order(pack: Pack) -> None:
    sequential = check_files(MIXED, pack, _options(1))
    parallel = check_files(MIXED, pack, _options(2))
    assert [r.path for r in parallel] == list(MIXED)
    assert parallel == sequential
    assert parallel[2].error is not None and parallel[2].error.code == "not_found"


def test_cli_output_is_identical_with_jobs() -> None:
    args = ("check", *MIXED, "--format", "json", "--as-of", AS_OF, "--no-cache")
    assert run_cli(*args, "--jobs", "1") == run_cli(*args, "--jobs", "3")


def test_on_result_is_called_in_input_order(pack: Pack) -> None:
    seen: list[FileResult] = []
    results = check_files(MIXED, pack, _options(2), on_result=seen.append)
    assert seen == results


def test_cache_hits_and_misses_mix_in_order(tmp_path: Path, pack: Pack) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paths = [
        str(shutil.copy(Path(p), folder / f"{i}-{Path(p).name}"))
        for i, p in enumerate(MIXED)
        if Path(p).exists()
    ]
    check_files(paths[::2], pack, _options(1, use_cache=True))  # warm every other file
    expected = check_files(paths, pack, _options(1))
    assert check_files(paths, pack, _options(2, use_cache=True)) == expected


def test_parallel_only_when_it_pays(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []

    def spy(files: list[str], misses: set[str], *rest: object) -> list[FileResult]:
        calls.append(len(misses))
        return []

    monkeypatch.setattr(pipeline, "_check_parallel", spy)
    check_files([str(SKARPNACK)], pack, _options(4))  # one file
    check_files(MIXED, pack, _options(1))  # --jobs 1
    assert calls == []
    check_files(MIXED, pack, _options(2))
    assert calls == [len(MIXED)]


def _die(path: str) -> FileResult:
    os._exit(3)  # a worker killed by a crash in a library or the OOM killer


def test_a_dying_worker_becomes_an_internal_error(
    pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_work", _die)
    results = check_files(MIXED[:2], pack, _options(2))
    assert [r.path for r in results] == list(MIXED[:2])
    assert all(r.error is not None and r.error.code == "internal" for r in results)


def test_a_failing_callback_stops_the_run_without_waiting(pack: Pack) -> None:
    def stop(result: FileResult) -> None:
        raise KeyboardInterrupt  # like Ctrl-C while the progress bar draws

    many = [str(SKARPNACK)] * 40
    with pytest.raises(KeyboardInterrupt):
        check_files([*MIXED, *many], pack, _options(2), on_result=stop)
