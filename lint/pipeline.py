"""One file through read → analyze → check, with every failure turned into a coded error."""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint import cache
from lint.check import Finding, Settings, run_checks
from lint.errors import ReadError
from lint.messages import error_message
from lint.model import Document, Kind
from lint.pack import Pack
from lint.read import (
    DEFAULT_PDF_ENGINE,
    SUPPORTED_SUFFIXES,
    ReadLimits,
    read_bytes,
    read_path,
)

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

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
    pack: str = ""  # the name of the pack that checked the file (`--pack auto` chooses)

    @property
    def verdict(self) -> str:
        """`unreadable`, `not_checked` (not recognised: the local-agreement rules did not run),
        `deviations` (a finding at error or warning) or `compliant`."""
        if self.error is not None:
            return "unreadable"
        if self.kind == Kind.UNKNOWN.value:
            return "not_checked"
        if any(f.severity in ("error", "warning") for f in self.findings):
            return "deviations"
        return "compliant"

    @property
    def skipped_pages(self) -> tuple[int, ...]:
        """PDF pages that failed to parse and were left out (the others were checked)."""
        return self.document.source.skipped_pages if self.document is not None else ()


@dataclass(frozen=True)
class RunOptions:
    settings: Settings = field(default_factory=Settings)
    limits: ReadLimits = field(default_factory=ReadLimits)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (glob, rule patterns)
    jobs: int = 1
    use_cache: bool = True
    cache_max_bytes: int = cache.DEFAULT_MAX_MB * 1024 * 1024  # pruned to this after a run
    kind: str = "auto"  # or a forced kind: local, overarching, memo
    pdf_engine: str = DEFAULT_PDF_ENGINE  # "pdfium" or "pdfplumber" (the reference)


def expand_paths(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str]:
    """Files as given, folders searched recursively for the supported formats (leaving out
    hidden folders, virtual environments, build output and what .gitignore ignores)."""
    from lint.discover import find_files

    yield from find_files(paths, exclude).files


def read_source(
    path: str, limits: ReadLimits, pdf_engine: str = DEFAULT_PDF_ENGINE
):  # -> SourceText
    if path == STDIN:
        # named `-` as on the command line, in every report
        return read_bytes(sys.stdin.buffer.read(), ".txt", STDIN, limits, pdf_engine)
    if not Path(path).exists():
        raise ReadError("not_found")
    return read_path(Path(path), limits, pdf_engine)


def ignored_for(path: str, options: RunOptions) -> tuple[str, ...]:
    from fnmatch import fnmatch

    patterns: list[str] = []
    for glob, rules in options.per_file_ignores:
        candidates = (path, Path(path).name, str(Path(path).resolve()))
        if any(fnmatch(candidate, glob) for candidate in candidates):
            patterns.extend(rules)
    return tuple(patterns)


def check_file(path: str, pack: Pack, options: RunOptions) -> FileResult:
    from lint.read.deadline import time_limit

    lang = options.settings.lang
    try:
        # SIGALRM: works here and in --jobs workers (each runs this in its main thread).
        with time_limit(options.limits.max_seconds), _fewer_collections():
            document = load_document(path, pack, options)
            used = pack.for_text(document.source.text)
            findings = run_checks(document, used, options.settings, ignored_for(path, options))
    except ReadError as exc:
        return FileResult(path, "unknown", FileError(exc.code, exc.message(lang)))
    except (MemoryError, RecursionError, Exception):  # a bad file must never stop the run
        if os.environ.get("SAMLINT_DEBUG"):
            traceback.print_exc(file=sys.stderr)
        return FileResult(path, "unknown", FileError("internal", error_message("internal", lang)))
    return FileResult(path, str(document.kind), None, tuple(findings), document, used.name)


# Young objects allowed before a collection while a file is analysed (Python's default is
# 700). Reading a PDF allocates a tuple per glyph and drops it with its page, half a
# million for 300 pages: collecting every 700 of them took about 5 % of such a check
# (740 young, 67 middle and 6 full collections), every 10,000 about 1 %.
_YOUNG_OBJECTS = 10_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Collect garbage less often while one file is read and analysed, then as before."""
    import gc

    before = gc.get_threshold()
    gc.set_threshold(max(before[0], _YOUNG_OBJECTS), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def cache_key_for(path: str, pack: Pack, options: RunOptions) -> str | None:
    """The cache key of a file on disk, or None when it is not cached (stdin, odd files).

    Problems are left to the reader, which turns them into coded errors.
    """
    if not options.use_cache or path == STDIN:
        return None
    file = Path(path)
    suffix = file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        return None
    try:
        if file.stat().st_size > options.limits.max_bytes:
            return None
        data = file.read_bytes()
    except OSError:
        return None
    return cache.cache_key(
        data, suffix, f"{pack.name}|{pack.vocab_digest}|kind={options.kind}", options.pdf_engine
    )


def load_document(path: str, pack: Pack, options: RunOptions) -> Document:
    """The analysed model of one file: from the cache, or read, analysed and cached."""
    key = cache_key_for(path, pack, options)
    if key is not None:
        cached = cache.load(key, path)
        if cached is not None:
            return cached
    from lint.analyze import analyze  # spaCy and the readers only on a cache miss

    source = read_source(path, options.limits, options.pdf_engine)
    document = analyze(source, pack.for_text(source.text), forced_kind(options.kind))
    if key is not None:
        cache.store(key, document)
    return document


FORCED_KINDS = {
    "local": Kind.LOCAL_AGREEMENT,
    "overarching": Kind.OVERARCHING_AGREEMENT,
    "memo": Kind.MEMO,
}


def forced_kind(name: str) -> Kind | None:
    """The kind `--kind` forces, or None for `auto`."""
    return FORCED_KINDS.get(name)


ResultCallback = Callable[[FileResult], None]


def check_files(
    paths: Iterable[str],
    pack: Pack,
    options: RunOptions,
    on_result: ResultCallback | None = None,
) -> list[FileResult]:
    """Check every file; results (and `on_result` calls) come in input order.

    With `options.jobs > 1`, files that miss the cache are analysed in forked worker
    processes; the output is identical to a sequential run.
    """
    files = list(expand_paths(paths))
    misses = [p for p in files if _needs_analysis(p, pack, options)] if options.jobs > 1 else []
    workers = min(options.jobs, len(misses))
    if workers <= 1:
        results = [_notify(on_result, check_file(path, pack, options)) for path in files]
    else:
        results = _check_parallel(files, set(misses), pack, options, workers, on_result)
    if options.use_cache:
        cache.prune(options.cache_max_bytes)
    return results


def _notify(on_result: ResultCallback | None, result: FileResult) -> FileResult:
    if on_result is not None:
        on_result(result)
    return result


def _needs_analysis(path: str, pack: Pack, options: RunOptions) -> bool:
    """Whether a worker should take the file: a cache miss that is not standard input."""
    if path == STDIN:
        return False  # read by the parent, the only process that owns stdin
    key = cache_key_for(path, pack, options)
    return key is None or not cache.entry_path(key).is_file()


def _check_parallel(
    files: list[str],
    misses: set[str],
    pack: Pack,
    options: RunOptions,
    workers: int,
    on_result: ResultCallback | None,
) -> list[FileResult]:
    import gc
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = _fork_context()
    if context is not None:
        # Shared copy-on-write by the workers.
        preload({Path(p).suffix.lower() for p in misses}, options.pdf_engine)
        gc.freeze()  # the workers' collector then leaves the preloaded objects (and pages) alone
    results: list[FileResult] = []
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init_worker, initargs=(pack, options)
    )
    try:
        futures = {p: pool.submit(_work, p) for p in dict.fromkeys(f for f in files if f in misses)}
        for path in files:
            future = futures.get(path)
            try:
                result = check_file(path, pack, options) if future is None else future.result()
            except BrokenProcessPool:  # a worker died (out of memory, a crash in a library)
                lang = options.settings.lang
                result = FileResult(
                    path, "unknown", FileError("internal", error_message("internal", lang))
                )
            results.append(_notify(on_result, result))
    finally:  # on Ctrl-C or a failing callback, do not wait for the queued files
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
    return results


def _fork_context() -> BaseContext | None:
    """Fork where the platform has it (workers inherit the loaded pipeline), else the default."""
    import multiprocessing

    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return None


def preload(suffixes: set[str], pdf_engine: str = DEFAULT_PDF_ENGINE) -> None:
    """Import and build what analysis needs once, before forking, instead of in each worker."""
    import contextlib
    import importlib

    from lint import nlp
    from lint.check.engine import check_types

    importlib.import_module("lint.analyze")
    nlp.tokenizer()
    nlp.lemma_of("ska")  # loads the lemma table
    check_types()
    cache.code_digest()
    engines = {"pdfium": ("pypdfium2", "lint.read.pdfium"), "pdfplumber": ("pdfplumber",)}
    optional = {".pdf": ("lint.read.pdfsource", *engines[pdf_engine]), ".docx": ("docx",)}
    for suffix in suffixes:
        for module in optional.get(suffix, ()):
            with contextlib.suppress(ImportError):  # the reader reports it per file
                importlib.import_module(module)


_WORKER: tuple[Pack, RunOptions] | None = None


def _init_worker(pack: Pack, options: RunOptions) -> None:
    global _WORKER
    _WORKER = (pack, options)


def _work(path: str) -> FileResult:
    assert _WORKER is not None
    pack, options = _WORKER
    return check_file(path, pack, options)
