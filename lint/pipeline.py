"""One file through read → analyze → check, with every failure turned into a coded error."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lint.check import Finding, Settings, run_checks
from lint.errors import ReadError
from lint.messages import error_message
from lint.model import Document
from lint.pack import Pack
from lint.read import SUPPORTED_SUFFIXES, ReadLimits, read_bytes, read_path

STDIN = "-"


@dataclass(frozen=True)
class FileError:
    code: str
    message: str


@dataclass(frozen=True)
class FileResult:
    path: str
    kind: str
    error: FileError | None = None
    findings: tuple[Finding, ...] = ()
    document: Document | None = None


@dataclass(frozen=True)
class RunOptions:
    settings: Settings = field(default_factory=Settings)
    limits: ReadLimits = field(default_factory=ReadLimits)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, rule patterns)
    jobs: int = 1
    use_cache: bool = True


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given, folders searched recursively for the supported formats."""
    for given in paths:
        if given == STDIN:
            yield given
            continue
        path = Path(given)
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES
            )
            yield from (str(p) for p in found)
        else:
            yield given


def read_source(path: str, limits: ReadLimits):  # -> SourceText
    if path == STDIN:
        return read_bytes(sys.stdin.buffer.read(), ".txt", "<stdin>", limits)
    if not Path(path).exists():
        raise ReadError("not_found")
    return read_path(Path(path), limits)


def ignored_for(path: str, options: RunOptions) -> tuple[str, ...]:
    from fnmatch import fnmatch

    patterns: list[str] = []
    for glob, rules in options.per_file_ignores:
        if fnmatch(path, glob) or fnmatch(Path(path).name, glob):
            patterns.extend(rules)
    return tuple(patterns)


def check_file(path: str, pack: Pack, options: RunOptions) -> FileResult:
    from lint.analyze import analyze

    lang = options.settings.lang
    try:
        source = read_source(path, options.limits)
        document = analyze(source, pack)
    except ReadError as exc:
        return FileResult(path, "unknown", FileError(exc.code, error_message(exc.code, lang)))
    except (MemoryError, RecursionError, Exception):  # a bad file must never stop the run
        return FileResult(path, "unknown", FileError("internal", error_message("internal", lang)))
    findings = run_checks(document, pack, options.settings, ignored_for(path, options))
    return FileResult(path, str(document.kind), None, tuple(findings), document)


def check_files(paths: Iterable[str], pack: Pack, options: RunOptions) -> list[FileResult]:
    return [check_file(path, pack, options) for path in expand_paths(paths)]
