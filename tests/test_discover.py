"""Which files a folder yields: as ruff searches, without environments, build output or
what .gitignore ignores; other types counted; a file reached twice read once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from lint.discover import find_files
from tests.conftest import AS_OF, SKARPNACK, run_cli


def _tree(root: Path) -> None:
    files = {
        "avtal/a.txt": "x",
        "avtal/b.pdf": "x",
        "avtal/notes.odt": "x",
        "avtal/arkiv/c.docx": "x",
        "README.md": "x",
        "setup.py": "x",
        ".venv/lib/site-packages/pkg/empty.txt": "",
        "env/pyvenv.cfg": "home = /usr\n",
        "env/lib/x.txt": "x",
        ".git/HEAD": "ref",
        ".hidden/d.txt": "x",
        "build/lib/e.txt": "x",
        "pkg.egg-info/SOURCES.txt": "x",
        "node_modules/m/readme.md": "x",
        "ignored/f.txt": "x",
        "avtal/tmp-draft.txt": "x",
        ".gitignore": "/ignored/\n*tmp-*.txt\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _names(found: tuple[str, ...], root: Path) -> list[str]:
    return [Path(f).relative_to(root).as_posix() for f in found]


def test_a_folder_skips_environments_build_output_hidden_and_gitignored(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = find_files([str(tmp_path)])
    assert _names(found.files, tmp_path) == [
        "README.md", "avtal/a.txt", "avtal/arkiv/c.docx", "avtal/b.pdf",
    ]  # fmt: skip
    assert found.other_types == 2  # setup.py and notes.odt


def test_exclude_globs_leave_out_more(tmp_path: Path) -> None:
    _tree(tmp_path)
    found = find_files([str(tmp_path)], exclude=["arkiv", "*.md"])
    assert _names(found.files, tmp_path) == ["avtal/a.txt", "avtal/b.pdf"]


def test_a_file_named_on_the_command_line_is_always_read(tmp_path: Path) -> None:
    _tree(tmp_path)
    named = tmp_path / "build" / "lib" / "e.txt"
    assert find_files([str(named)], exclude=["*.txt"]).files == (str(named),)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_a_file_reached_twice_through_a_symlink_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("x", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a" / "x.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = find_files([str(tmp_path / "a" / "x.txt"), str(tmp_path)])
    assert _names(found.files, tmp_path) == ["a/x.txt"]
    assert _names(find_files([str(tmp_path)]).files, tmp_path) == ["a/x.txt"]


def test_check_of_a_folder_counts_the_skipped_files_and_reads_the_exclude_key(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "repo"
    (folder / ".venv" / "lib").mkdir(parents=True)
    (folder / ".venv" / "lib" / "empty.txt").write_text("", encoding="utf-8")
    (folder / "old").mkdir()
    (folder / "old" / "y.txt").write_text(SKARPNACK.read_text(encoding="utf-8"), "utf-8")
    (folder / "a.txt").write_text(SKARPNACK.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "notes.odt").write_text("x", encoding="utf-8")
    (folder / "samlint.toml").write_text('exclude = ["old"]\n', encoding="utf-8")
    common = ("check", str(folder), "--as-of", AS_OF, "--jobs", "1", "--no-cache")
    code, out, _ = run_cli(*common, "--format", "json")
    assert code == 1  # findings, and no unreadable empty file from the environment
    report = json.loads(out)
    assert [Path(f["path"]).name for f in report["files"]] == ["a.txt"]
    assert report["summary"]["other_types_skipped"] == 2  # notes.odt and samlint.toml
    code, out, _ = run_cli(*common, "--exclude", "a.txt")
    assert "2 filer av annan typ hoppades över" in out
