"""Issue 7: every unreadable file gets a coded error, nothing stops the run, nothing is lost."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.check import Settings
from lint.messages import ERRORS
from lint.pack import Pack
from lint.pipeline import RunOptions, check_file
from lint.read import PDF_ENGINES, ReadLimits
from tests.conftest import AS_OF, OSTERMALM, ROOT, SKARPNACK, check_json, run_cli
from tests.read import samples


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    folder = tmp_path_factory.mktemp("inkorg")
    return folder, samples.write_bad_input_folder(folder)


def by_name(report: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(entry["path"]).name: entry for entry in report["files"]}


def comparable(findings: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [(f["rule"], f["location"]["line"], f["message"]) for f in findings]


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_the_acceptance_folder(bad_folder: tuple[Path, dict[str, str]], engine: str) -> None:
    folder, expected = bad_folder
    common = ("--format", "json", "--as-of", AS_OF, "--jobs", "1", "--no-cache")
    code, out, err = run_cli("check", str(folder), *common, "--pdf-engine", engine)
    assert code == 2, err
    files = by_name(json.loads(out))
    assert set(files) == set(expected)
    for name, want in expected.items():
        entry = files[name]
        if want in ERRORS:
            assert entry["error"]["code"] == want, name
            assert entry["error"]["message"] == ERRORS[want]["sv"]
            assert entry["kind"] == "unknown" and entry["findings"] == []
        else:
            assert entry["error"] is None, name
            assert entry["kind"] == want, name
    # A note that is no agreement is said to be unrecognised, never passed as compliant.
    assert [f["rule"] for f in files["anteckning.txt"]["findings"]] == ["KND001"]
    assert files["anteckning.txt"]["verdict"] == "not_checked"
    # Nothing is lost: each agreement gets exactly the findings it gets when checked alone.
    for name, alone in (("ostermalm.txt", OSTERMALM), ("skarpnack-cp1252.txt", SKARPNACK)):
        single = check_json(alone)["files"][0]["findings"]
        assert single, f"{alone.name} should have findings for this test to mean anything"
        assert comparable(files[name]["findings"]) == comparable(single)


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_errors_are_reported_in_the_report_language(
    bad_folder: tuple[Path, dict[str, str]], engine: str
) -> None:
    folder, _ = bad_folder
    report = check_json(folder / "inskannad.pdf", extra=("--lang", "en", "--pdf-engine", engine))
    error = report["files"][0]["error"]
    assert error == {"code": "no_text_layer", "message": ERRORS["no_text_layer"]["en"]}
    assert "OCR" in error["message"]
    assert report["summary"]["unreadable"] == 1


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_the_text_report_names_each_unreadable_file(
    bad_folder: tuple[Path, dict[str, str]], engine: str
) -> None:
    folder, _ = bad_folder
    path = str(folder / "losenord.pdf")
    code, out, _ = run_cli("check", path, "--no-cache", "--jobs", "1", "--pdf-engine", engine)
    assert code == 2
    assert "[encrypted]" in out and "lösenordsskyddad" in out


def run_samlint(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def test_the_command_line_in_a_subprocess_never_shows_a_traceback(
    bad_folder: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, expected = bad_folder
    common = ("--format", "json", "--as-of", AS_OF)
    sequential = run_samlint(str(folder), *common, "--jobs", "1", "--no-cache")
    # Worker processes (with the time limit armed in each) and the cache.
    cache = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    parallel = run_samlint(str(folder), *common, "--jobs", "3", env=cache)
    for run in (sequential, parallel):
        assert run.returncode == 2
        assert "Traceback" not in run.stderr
        assert "Traceback" not in run.stdout
        codes = {
            Path(entry["path"]).name: (entry["error"] or {}).get("code", entry["kind"])
            for entry in json.loads(run.stdout)["files"]
        }
        assert codes == expected
        assert json.loads(run.stdout) == json.loads(sequential.stdout)


@pytest.mark.parametrize("engine", PDF_ENGINES)
def test_a_skipped_page_is_named_in_the_reports(tmp_path: Path, engine: str) -> None:
    path = tmp_path / "sida-2-trasig.pdf"
    path.write_bytes(samples.pdf_with_broken_page(broken=2, pages=3, engine=engine))
    chosen = ("--pdf-engine", engine)
    entry = check_json(path, extra=chosen)["files"][0]
    assert entry["error"] is None
    assert entry["skipped_pages"] == [2]
    _code, out, _ = run_cli(
        "check", str(path), "--no-cache", "--jobs", "1", "--lang", "en", *chosen
    )
    assert "pages that could not be read: 2" in out
    assert check_json(OSTERMALM, extra=chosen)["files"][0]["skipped_pages"] == []


def test_limits_come_from_the_settings(tmp_path: Path) -> None:
    path = tmp_path / "tre-sidor.pdf"
    path.write_bytes(samples.text_pdf([samples.page_lines(n) for n in range(1, 4)]))
    (tmp_path / "samlint.toml").write_text("[limits]\nmax-pages = 2\n", encoding="utf-8")
    error = check_json(path)["files"][0]["error"]
    assert error["code"] == "too_large"
    assert "högst 2 sidor" in error["message"]
    (tmp_path / "samlint.toml").write_text("[limits]\nmax-pages = 0\n", encoding="utf-8")
    code, _, err = run_cli("check", str(path), "--no-cache")
    assert code == 2 and "max-pages" in err


def options(**limits: Any) -> RunOptions:
    return RunOptions(
        settings=Settings(as_of=AS_OF), limits=ReadLimits(**limits), use_cache=False, jobs=1
    )


def test_a_file_over_the_time_limit_is_a_timeout_and_the_run_goes_on(
    pack: Pack, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import lint.pipeline

    slow = tmp_path / "seg.txt"
    slow.write_text("x")
    real_read = lint.pipeline.read_source

    def stuck_on_one_file(path: str, limits: ReadLimits, *engine: str):  # -> SourceText
        while path == str(slow):  # a parser that never returns, swallowing what it can
            with contextlib.suppress(Exception):
                sum(range(1000))
        return real_read(path, limits, *engine)

    monkeypatch.setattr(lint.pipeline, "read_source", stuck_on_one_file)
    result = check_file(str(slow), pack, options(max_seconds=0.2))
    assert result.error is not None and result.error.code == "timeout"
    assert check_file(str(OSTERMALM), pack, options(max_seconds=60)).error is None


@st.composite
def file_contents(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".txt", ".md", ".pdf", ".docx"]))
    if draw(st.booleans()):
        return suffix, draw(st.binary(max_size=2048))
    text = draw(st.text(max_size=1500))
    return suffix, text.encode(draw(st.sampled_from(["utf-8", "cp1252"])), errors="replace")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=file_contents())
def test_the_pipeline_turns_any_file_into_a_report_or_a_coded_error(
    pack: Pack, content: tuple[str, bytes]
) -> None:
    suffix, data = content
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fil{suffix}"
        path.write_bytes(data)
        result = check_file(str(path), pack, options(max_seconds=30))
    if result.error is not None:
        assert result.error.code in ERRORS and result.error.code != "internal"
        assert result.error.message
        assert result.findings == ()
    else:
        assert result.kind in ("local_agreement", "overarching_agreement", "memo", "unknown")
        assert result.document is not None


SEED_LINES = SKARPNACK.read_text("utf-8").splitlines() + OSTERMALM.read_text("utf-8").splitlines()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=st.lists(st.one_of(st.sampled_from(SEED_LINES), st.text(max_size=80)), max_size=120))
def test_agreement_like_text_is_analysed_without_an_internal_error(
    pack: Pack, parts: list[str]
) -> None:
    """Shuffled, cut and garbled agreements reach analysis and every check."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "avtal.txt"
        path.write_text("\n".join(parts), encoding="utf-8")
        result = check_file(str(path), pack, options(max_seconds=60))
    assert result.error is None or result.error.code in ("empty", "unsupported_format")
