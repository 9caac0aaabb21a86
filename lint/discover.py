"""Which files `samlint check PATH...` reads: folders are searched as ruff searches them.

A folder is searched recursively for the supported formats, leaving out by default what is
never an agreement: hidden folders, virtual environments, `build/`, `*.egg-info`,
`node_modules`, `__pycache__` and whatever a `.gitignore` on the way ignores; `--exclude
GLOB` and the configuration key `exclude` leave out more. A file named on the command line
is always read. A file that a folder search reaches twice (through a symlink, or because
it was also named) is read once.
Files of other types found in the folders are counted, so that the report can say so.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from lint.read import SUPPORTED_SUFFIXES

STDIN = "-"
DEFAULT_EXCLUDE = ("build", "dist", "node_modules", "__pycache__", "*.egg-info", "venv")


@dataclass(frozen=True)
class Found:
    files: tuple[str, ...]
    other_types: int = 0  # files in the searched folders that are not .pdf/.docx/.txt/.md


@dataclass(frozen=True)
class _Rule:
    regex: re.Pattern[str]
    negate: bool
    dir_only: bool


def _gitignore_rules(folder: Path) -> list[_Rule]:
    """The patterns of `folder/.gitignore` (the common subset of gitignore syntax)."""
    try:
        text = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    rules = []
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        line = line[1:] if negate else line
        dir_only = line.endswith("/")
        line = line.rstrip("/")
        anchored = "/" in line
        line = line.lstrip("/")
        pattern = _glob_regex(line)
        prefix = "" if anchored else "(?:.*/)?"
        rules.append(_Rule(re.compile(f"^{prefix}{pattern}$"), negate, dir_only))
    return rules


def _glob_regex(glob: str) -> str:
    out, index = [], 0
    while index < len(glob):
        char = glob[index]
        if glob.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if glob.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        out.append({"*": "[^/]*", "?": "[^/]"}.get(char, re.escape(char)))
        index += 1
    return "".join(out)


class _Ignores:
    """The .gitignore files from the searched folder's repository root down to each folder."""

    def __init__(self, root: Path) -> None:
        self.levels: list[tuple[Path, list[_Rule]]] = []
        top = root
        for parent in (root, *root.parents):
            top = parent
            if (parent / ".git").exists():
                break
        else:
            top = root
        chain = [root, *root.parents]
        for folder in reversed(chain[: chain.index(top) + 1]):
            self.add(folder)

    def add(self, folder: Path) -> None:
        rules = _gitignore_rules(folder)
        if rules:
            self.levels.append((folder, rules))

    def ignored(self, path: Path, is_dir: bool) -> bool:
        verdict = False
        for base, rules in self.levels:
            try:
                relative = path.relative_to(base).as_posix()
            except ValueError:
                continue
            for rule in rules:
                if rule.dir_only and not is_dir:
                    continue
                if rule.regex.match(relative):
                    verdict = not rule.negate
        return verdict


def _excluded(path: Path, root: Path, globs: Iterable[str]) -> bool:
    relative = path.relative_to(root).as_posix() if path != root else path.name
    candidates = (path.name, relative, path.as_posix(), str(path.resolve()))
    return any(fnmatch(candidate, glob.rstrip("/")) for glob in globs for candidate in candidates)


def _is_venv(folder: Path) -> bool:
    return (folder / "pyvenv.cfg").is_file()


def find_files(paths: Iterable[str], exclude: Iterable[str] = ()) -> Found:
    """The files to check, in the order given (folders sorted), each real file once."""
    exclude = (*DEFAULT_EXCLUDE, *exclude)
    files: list[str] = []
    seen: set[Path] = set()
    other = 0

    def keep(path: str, named: bool = False) -> None:
        try:
            real = Path(path).resolve()
        except OSError:
            real = Path(path).absolute()
        if named or real not in seen:  # a file named twice is checked as asked
            seen.add(real)
            files.append(path)

    for given in paths:
        if given == STDIN:
            files.append(given)
            continue
        root = Path(given)
        if not root.is_dir():
            keep(given, named=True)
            continue
        ignores = _Ignores(root.resolve())
        visited: set[Path] = set()
        found: list[Path] = []
        for folder, dirs, names in os.walk(root, followlinks=True):
            here = Path(folder)
            real = here.resolve()
            if real in visited:  # a symlink loop, or a folder reached twice
                dirs[:] = []
                continue
            visited.add(real)
            if here != root:
                ignores.add(real)
            kept = []
            for name in sorted(dirs):
                sub = here / name
                if (
                    name.startswith(".")
                    or _is_venv(sub)
                    or _excluded(sub, root, exclude)
                    or ignores.ignored(real / name, True)
                ):
                    continue
                kept.append(name)
            dirs[:] = kept
            for name in sorted(names):
                file = here / name
                if name.startswith(".") or _excluded(file, root, exclude):
                    continue
                if ignores.ignored(real / name, False):
                    continue
                if file.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(file)
                else:
                    other += 1
        for file in sorted(found):
            keep(str(file))
    return Found(tuple(files), other)
