"""The cache of extracted models: hits, keys, and a cache that can never fail a run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lint import cache
from lint.pack import Pack
from lint.pipeline import RunOptions, cache_key_for, check_file, load_document
from tests.conftest import AS_OF, ROOT, SEEDS, SKARPNACK, run_cli

SKARPNACK_PDF = SEEDS / "skarpnack-local-agreement-2020.pdf"
CACHED = RunOptions(use_cache=True, jobs=1)


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "xdg-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    return home


def _copy(source: Path, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(source, target)
    return target


def _forbid_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("analysed although the model was cached")

    monkeypatch.setattr("lint.analyze.analyze", refuse)


def test_cache_dir_follows_xdg(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cache.cache_dir() == cache_home / "samlint"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/path")  # ignored, as XDG says
    assert cache.cache_dir() == Path.home() / ".cache" / "samlint"


def test_second_load_is_a_hit_with_the_same_model(
    tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = str(_copy(SKARPNACK, tmp_path / "in", "a.txt"))
    first = load_document(path, pack, CACHED)
    key = cache_key_for(path, pack, CACHED)
    assert key is not None and cache.entry_path(key).is_file()
    _forbid_analysis(monkeypatch)
    assert load_document(path, pack, CACHED) == first


def test_hit_from_another_path_reports_that_path(
    tmp_path: Path, pack: Pack, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = str(_copy(SKARPNACK, tmp_path / "one", "a.txt"))
    moved = str(_copy(SKARPNACK, tmp_path / "two", "renamed.txt"))
    uncached = check_file(moved, pack, RunOptions(use_cache=False))
    check_file(original, pack, CACHED)
    _forbid_analysis(monkeypatch)
    hit = check_file(moved, pack, CACHED)
    assert hit.document is not None and hit.document.source.path == moved
    assert hit == uncached


def test_key_covers_content_format_and_vocabularies() -> None:
    base = cache.cache_key(b"text", ".txt", "vocab-a")
    assert base == cache.cache_key(b"text", ".TXT", "vocab-a")
    assert base != cache.cache_key(b"text!", ".txt", "vocab-a")
    assert base != cache.cache_key(b"text", ".md", "vocab-a")
    assert base != cache.cache_key(b"text", ".txt", "vocab-b")


def test_no_cache_neither_reads_nor_writes(tmp_path: Path, cache_home: Path) -> None:
    path = _copy(SKARPNACK, tmp_path / "in", "a.txt")
    code, _, err = run_cli("check", str(path), "--jobs", "1", "--no-cache", "--as-of", AS_OF)
    assert code in (0, 1), err
    assert not cache_home.exists()
    code, _, err = run_cli("check", str(path), "--jobs", "1", "--as-of", AS_OF)
    assert code in (0, 1), err
    assert list((cache_home / "samlint").rglob("*.pickle"))


@pytest.mark.parametrize("payload", [b"", b"not a pickle", b"\x80\x05\x95garbage", None], ids=str)
def test_corrupt_entry_is_a_miss_and_is_replaced(
    tmp_path: Path, pack: Pack, payload: bytes | None
) -> None:
    path = str(_copy(SKARPNACK, tmp_path / "in", "a.txt"))
    expected = check_file(path, pack, RunOptions(use_cache=False))
    key = cache_key_for(path, pack, CACHED)
    assert key is not None
    entry = cache.entry_path(key)
    entry.parent.mkdir(parents=True)
    if payload is None:  # a valid pickle of something else
        import pickle

        payload = pickle.dumps((key, {"not": "a document"}))
    entry.write_bytes(payload)
    assert check_file(path, pack, CACHED) == expected
    assert cache.load(key, path) == expected.document  # rewritten with a good entry


def test_unwritable_cache_never_fails_a_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be created below a file")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    args = ("check", str(SKARPNACK), "--format", "json", "--as-of", AS_OF, "--jobs", "1")
    code, out, err = run_cli(*args)
    code_uncached, out_uncached, _ = run_cli(*args, "--no-cache")
    assert (code, out) == (code_uncached, out_uncached), err
    assert json.loads(out)["files"][0]["error"] is None


def test_unpicklable_model_is_not_stored(tmp_path: Path, pack: Pack) -> None:
    document = load_document(str(SKARPNACK), pack, RunOptions(use_cache=False))
    poisoned = cache.with_path(document, "x")
    object.__setattr__(poisoned, "kind", lambda: None)  # a lambda cannot be pickled
    assert cache.store("ab" * 32, poisoned) is False
    assert not list(cache.cache_dir().rglob("*"))


_PROBE = """
import sys
from lint.cli import main
try:
    main(sys.argv[1:], prog_name="samlint")
except SystemExit as exc:
    status = exc.code
heavy = ("spacy", "pypdfium2", "pdfplumber", "pdfminer", "docx", "rich", "lint.analyze")
print("imported:", *(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


def _probe(cache_home: Path, *args: str) -> tuple[str, set[str]]:
    """Run the CLI in a fresh interpreter; return its stdout and the heavy modules it imported."""
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, "check", *args, "--format", "json", "--as-of", AS_OF],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.stdout, done.stderr
    marker = [line for line in done.stderr.splitlines() if line.startswith("imported:")]
    assert marker, done.stderr
    return done.stdout, set(marker[-1].split()[1:])


def test_cache_hit_imports_neither_a_pdf_engine_nor_spacy(tmp_path: Path, cache_home: Path) -> None:
    pdf = str(_copy(SKARPNACK_PDF, tmp_path / "in", "agreement.pdf"))
    text = str(_copy(SKARPNACK, tmp_path / "in", "agreement.txt"))
    cold, cold_modules = _probe(cache_home, pdf, text, "--jobs", "1")
    assert {"pypdfium2", "lint.analyze"} <= cold_modules  # the miss did read and analyse
    assert "pdfplumber" not in cold_modules  # PDFium is the default engine
    warm, warm_modules = _probe(cache_home, pdf, text, "--jobs", "1")
    assert warm == cold
    assert warm_modules == set()
    parallel, parallel_modules = _probe(cache_home, pdf, text, "--jobs", "2")
    assert parallel == cold
    assert parallel_modules == set()  # all hits: nothing is preloaded for workers


def test_text_check_imports_no_pdf_or_docx_reader(tmp_path: Path, cache_home: Path) -> None:
    text = str(_copy(SKARPNACK, tmp_path / "in", "agreement.txt"))
    _, modules = _probe(cache_home, text, "--jobs", "1", "--no-cache")
    assert "lint.analyze" in modules  # it did analyse the text
    assert not modules & {
        "pypdfium2",
        "pdfplumber",
        "pdfminer",
        "docx",
    }  # (spaCy itself brings rich)


def test_cache_command_shows_place_and_size_and_clear_empties_it(
    cache_home: Path, tmp_path: Path
) -> None:
    target = _copy(SKARPNACK, tmp_path / "docs", "a.txt")
    code, _, err = run_cli("check", str(target), "--as-of", AS_OF, "--jobs", "1")
    assert code in (0, 1), err
    code, out, _ = run_cli("cache", "--lang", "en")
    assert code == 0
    place, usage = out.splitlines()
    assert place == str(cache_home / "samlint")
    assert usage.startswith("1 entry, ") and usage.endswith("of at most 200 MB")
    code, out, _ = run_cli("cache", "--lang", "en", "clear")
    assert code == 0 and out.startswith("removed 1 entry")
    assert cache.usage() == (0, 0)
    code, out, _ = run_cli("cache")
    assert "0 poster, 0.0 MB av högst 200 MB" in out


def test_cache_keeps_under_its_cap_by_evicting_the_least_recently_used(
    cache_home: Path,
) -> None:
    for number in range(5):
        entry = cache.entry_path(f"{number:02d}" + "0" * 62)
        entry.parent.mkdir(parents=True, exist_ok=True)
        entry.write_bytes(b"x" * 1000)
        os.utime(entry, (1000 + number, 1000 + number))
    assert cache.usage() == (5, 5000)
    assert cache.prune(2500) == 3
    left = sorted(p.name[:2] for p in cache.entries())
    assert left == ["03", "04"]  # the two most recently used stay


def test_a_run_prunes_the_cache_to_the_configured_cap(cache_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    first = _copy(SKARPNACK, folder, "a.txt")
    second = folder / "b.txt"
    second.write_text(first.read_text(encoding="utf-8") + "\nEn rad till.\n", encoding="utf-8")
    (tmp_path / "samlint.toml").write_text("cache-max-mb = 0\n", encoding="utf-8")
    code, _, err = run_cli("check", str(folder), "--as-of", AS_OF, "--jobs", "1")
    assert code in (0, 1), err
    assert cache.usage() == (0, 0)  # a cap of 0 keeps nothing


def test_editable_install_uses_a_plain_pth_file_without_a_setuptools_warning() -> None:
    """With a flat layout and no package-dir, setuptools installs an import hook and warns
    ("BuildBackendWarning: Editable installation ... be careful with folders ...")."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["tool"]["setuptools"]["package-dir"] == {"": "."}
