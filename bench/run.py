"""Benchmark samlint against the floors of its own dependencies (`make bench`).

Every row times separate processes side by side in the same run, alternating subject and
reference on each repetition, and reports medians and their ratio. Each row is one
function `Bench -> Row` (see ROWS):

- pdf        `samlint check` of a 30-page agreement PDF vs a process that imports spaCy,
             builds the blank Swedish pipeline and takes PDFium's text of every page;
- pages      the check of a 300-page PDF vs that of the 30-page one;
- pdfplumber the check with `--pdf-engine pdfplumber` vs spaCy with the lookup
             lemmatizer and pdfplumber's `extract_text` of every page (the old floor);
- cache      a cached re-check of the unchanged 30-page PDF vs the uncached check;
- first      the first check into an empty cache vs the uncached check (info);
- text       a cold `samlint check` of one text agreement vs a process that imports spaCy
             and builds the pipeline with the lookup lemmatizer (text-bare: without it);
- growth     the check time of a 10x longer text vs the original, timed inside a warm
             process so that start-up does not hide a superlinear step (growth-process:
             whole processes, info);
- jobs       a corpus of 200 agreements (txt, pdf, docx) with `--jobs 2` vs `--jobs 1`;
- memory     peak RSS (ru_maxrss) of the check of a 300-page PDF vs a 30-page one;
- layout     the layout stage (`lay_out`, and `remap_spans` mapping the analysed model back
             to the reader's text) vs the whole check of the 30-page PDF, both timed
             inside one warm process (layout-pages: the 300-page PDF).

The exit status is 1 when a row misses its target.

Inputs are generated from the corpus seeds into bench/out/ (gitignored) and reused.

    python bench/run.py             # full run, 5 repetitions
    python bench/run.py --quick     # 2 repetitions, 40-file corpus: a sanity run
    python bench/run.py --only pdf,cache --reps 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SEEDS = ROOT / "corpus" / "stockholm"
SEED_TEXTS = (
    SEEDS / "skarpnack-local-agreement-2020.txt",
    SEEDS / "ostermalm-local-agreement-2021.txt",
)
INPUTS_VERSION = 1  # bump when the generated inputs change
AS_OF = "2026-11-22"

FLOOR_PIPELINE = """
import spacy
nlp = spacy.blank("sv")
nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
nlp.initialize()
"""
FLOOR_BARE = """
import spacy
nlp = spacy.blank("sv")
"""
FLOOR_PDFIUM = (
    FLOOR_BARE
    + """
import sys
import pypdfium2 as pdfium
document = pdfium.PdfDocument(sys.argv[1])
for index in range(len(document)):
    page = document[index]
    text_page = page.get_textpage()
    text_page.get_text_range()
    text_page.close()
    page.close()
document.close()
"""
)
FLOOR_PDF = (
    FLOOR_PIPELINE
    + """
import sys
import pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_text()
        page.close()
"""
)


# --- measuring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu_seconds: float  # user + system of the process and the workers it waited for
    max_rss_kb: int
    status: int
    stdout: str


def run_process(command: Sequence[str], env: dict[str, str]) -> Sample:
    """Run one process to completion; wall time and the child's own peak RSS."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env, cwd=ROOT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode(), err.read().decode()
    if process.returncode not in (0, 1):  # 2: an input could not be read (see the report)
        raise RuntimeError(
            f"{' '.join(command)} exited {process.returncode}:\n"
            f"{stderr[-2000:]}\n{_file_errors(stdout)}"
        )
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, cpu, usage.ru_maxrss, process.returncode, stdout)


def _file_errors(report: str) -> str:
    try:
        files = json.loads(report)["files"]
    except (ValueError, KeyError, TypeError):
        return report[-2000:]
    return "\n".join(f"{f['path']}: {f['error']}" for f in files if f.get("error"))


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def samlint(*args: str) -> list[str]:
    config = OUT / "samlint.toml"  # generous time limits: a loaded machine must not time out
    config.write_text("[limits]\nmax-seconds = 3600\n", encoding="utf-8")
    return python(
        "-m", "lint", "check", *args, "--format", "json", "--as-of", AS_OF, "--config", str(config)
    )


def side_by_side(
    commands: dict[str, list[str]], reps: int, env: dict[str, str]
) -> dict[str, list[Sample]]:
    """Alternate the commands on every repetition so that drift hits all of them alike."""
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for rep in range(reps):
        for name, command in commands.items():
            sample = run_process(command, env)
            samples[name].append(sample)
            progress(f"  {name:<8} run {rep + 1}/{reps}: {sample.seconds:6.2f} s")
    return samples


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median_seconds(samples: list[Sample]) -> float:
    return statistics.median(s.seconds for s in samples)


# --- inputs ---------------------------------------------------------------------------


def _blocks(text: str) -> list[str]:
    return [b.strip("\n") for b in text.split("\n\n") if b.strip()]


def filler_blocks() -> list[str]:
    """Prose paragraphs and lists of the seed agreements (no headings, no signatures)."""
    found = []
    for seed in SEED_TEXTS:
        for block in _blocks(seed.read_text(encoding="utf-8")):
            if len(block) >= 80 and "Stockholm den" not in block and "ilaga" not in block:
                found.append(block)
    return found


def grow(text: str, target_chars: int) -> str:
    """The agreement with seed paragraphs repeated inside its situation-picture section."""
    lines = text.split("\n")
    anchor = next(
        (i for i, line in enumerate(lines) if line.strip().startswith("Uppdateringar")),
        len(lines) // 2,
    )
    filler, blocks, size = [], filler_blocks(), len(text)
    while size < target_chars:
        block = blocks[len(filler) % len(blocks)]
        filler.append(block)
        size += len(block) + 2
    return "\n".join([*lines[:anchor], "\n\n".join(filler), "", *lines[anchor:]])


def _renderers() -> tuple[Callable[[str, Path], None], Callable[[str, Path], None]]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from render_corpus import render_docx, render_pdf

    return render_pdf, render_docx


def page_count(pdf: Path) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()


def pdf_with_pages(path: Path, pages: int, base: str) -> Path:
    """Render a grown agreement to about `pages` pages (within 2 %), once."""
    if path.exists():
        return path
    render_pdf, _ = _renderers()
    target = len(base) * pages // 4
    scratch = path.with_suffix(".tmp.pdf")
    for _ in range(6):
        text = grow(base, target)
        render_pdf(text, scratch)
        got = page_count(scratch)
        if abs(got - pages) <= pages // 100:
            break
        target = int((pages - 0.5) * len(text) / got)  # aim at the middle of the last page
    scratch.replace(path)
    return path


def corpus(folder: Path, count: int) -> Path:
    """`count` agreements from the two local seeds, as .txt, .pdf and .docx in turn."""
    done = folder / ".complete"
    if done.exists():
        return folder
    render_pdf, render_docx = _renderers()
    folder.mkdir(parents=True, exist_ok=True)
    seeds = [s.read_text(encoding="utf-8") for s in SEED_TEXTS]
    for index in range(count):
        # A distinct file number keeps every file's content (and cache key) unique.
        text = seeds[index % 2].rstrip("\n") + f"\n\nDnr SDF-2020-{index:04d}\n"
        stem = folder / f"agreement-{index:04d}"
        kind = index % 3
        if kind == 0:
            stem.with_suffix(".txt").write_text(text, encoding="utf-8")
        elif kind == 1:
            render_pdf(text, stem.with_suffix(".pdf"))
        else:
            render_docx(text, stem.with_suffix(".docx"))
    done.write_text("")
    return folder


@dataclass(frozen=True)
class Inputs:
    text: Path
    text_10x: Path
    pdf_30: Path
    pdf_300: Path
    corpus: Path
    corpus_size: int


def make_inputs(corpus_size: int) -> Inputs:
    folder = OUT / f"inputs-v{INPUTS_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    base = SEED_TEXTS[0].read_text(encoding="utf-8")
    text = folder / "agreement.txt"
    text.write_text(base, encoding="utf-8")
    text_10x = folder / "agreement-10x.txt"
    if not text_10x.exists():
        text_10x.write_text(grow(base, 10 * len(base)), encoding="utf-8")
    return Inputs(
        text=text,
        text_10x=text_10x,
        pdf_30=pdf_with_pages(folder / "agreement-30p.pdf", 30, base),
        pdf_300=pdf_with_pages(folder / "agreement-300p.pdf", 300, base),
        corpus=corpus(folder / f"corpus-{corpus_size}", corpus_size),
        corpus_size=corpus_size,
    )


# --- rows -----------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    subject: str
    reference: str
    subject_value: float
    reference_value: float
    unit: str
    ratio: float
    target: str
    passed: bool | None  # None: informational
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Bench:
    """Everything a row needs; every row function takes one and returns one `Row`."""

    inputs: Inputs
    reps: int
    heavy_reps: int  # for the rows that take minutes (the corpus, 300 pages)
    env: dict[str, str]


def ratio_row(
    name: str,
    subject: str,
    reference: str,
    values: tuple[float, float],
    unit: str,
    limit: float | None,
    at_least: bool = False,
) -> Row:
    ratio = values[0] / values[1]
    if limit is None:
        return Row(name, subject, reference, *values, unit, ratio, "info", None)
    passed = ratio >= limit if at_least else ratio <= limit
    target = f"{'≥' if at_least else '≤'} {limit:g}×"
    return Row(name, subject, reference, *values, unit, ratio, target, passed)


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def _check(path: Path, *extra: str) -> list[str]:
    return samlint(str(path), "--jobs", "1", "--no-cache", *extra)


def _pair(bench: Bench, subject: list[str], reference: list[str], reps: int) -> tuple[float, ...]:
    samples = side_by_side({"subject": subject, "reference": reference}, reps, bench.env)
    return median_seconds(samples["subject"]), median_seconds(samples["reference"])


def row_pdf(bench: Bench) -> Row:
    pdf = bench.inputs.pdf_30
    values = _pair(bench, _check(pdf), python("-c", FLOOR_PDFIUM, str(pdf)), bench.reps)
    return ratio_row(
        f"PDF check, {page_count(pdf)} pages",
        "samlint check --no-cache (PDFium)",
        "spaCy blank sv + PDFium text of every page",
        values,
        "s",
        1.3,
    )


def row_pages(bench: Bench) -> Row:
    big, small = bench.inputs.pdf_300, bench.inputs.pdf_30
    # Full repetitions (a pair takes seconds, not minutes): one process's time varies by a
    # second or more on a shared machine, and a median of three is one outlier from it.
    values = _pair(bench, _check(big), _check(small), bench.reps)
    return ratio_row(
        f"PDF check, {page_count(big)} vs {page_count(small)} pages",
        f"samlint check, {page_count(big)} pages",
        f"samlint check, {page_count(small)} pages",
        values,
        "s",
        2.5,
    )


def row_pdfplumber(bench: Bench) -> Row:
    pdf = bench.inputs.pdf_30
    engine = ("--pdf-engine", "pdfplumber")
    values = _pair(bench, _check(pdf, *engine), python("-c", FLOOR_PDF, str(pdf)), bench.reps)
    return ratio_row(
        f"PDF check, {page_count(pdf)} pages, pdfplumber engine",
        "samlint check --no-cache --pdf-engine pdfplumber",
        "spaCy pipeline + pdfplumber extract_text",
        values,
        "s",
        1.2,
    )


def _cache_samples(bench: Bench) -> dict[str, list[Sample]]:
    """Per repetition: an uncached check, a first check into an empty cache, a cached one."""
    pdf = bench.inputs.pdf_30
    samples: dict[str, list[Sample]] = {"check": [], "first": [], "cached": []}
    for rep in range(bench.reps):
        cache_env = {**bench.env, "XDG_CACHE_HOME": str(OUT / "cache" / f"rep-{rep}")}
        shutil.rmtree(cache_env["XDG_CACHE_HOME"], ignore_errors=True)
        runs = (
            ("check", _check(pdf), bench.env),
            ("first", samlint(str(pdf), "--jobs", "1"), cache_env),
            ("cached", samlint(str(pdf), "--jobs", "1"), cache_env),
        )
        for name, command, env in runs:
            sample = run_process(command, env)
            samples[name].append(sample)
            progress(f"  {name:<8} run {rep + 1}/{bench.reps}: {sample.seconds:6.2f} s")
    return samples


def row_cache(bench: Bench) -> Row:
    samples = _cache_samples(bench)
    same = len({s.stdout for runs in samples.values() for s in runs}) == 1
    row = ratio_row(
        f"Cached re-check, {page_count(bench.inputs.pdf_30)}-page PDF",
        "samlint check (cache hit)",
        "samlint check --no-cache",
        (median_seconds(samples["cached"]), median_seconds(samples["check"])),
        "s",
        0.25,
    )
    row.notes.append(f"cached output identical to uncached: {_yes(same)}")
    row.passed = bool(row.passed) and same
    return row


def row_first(bench: Bench) -> Row:
    pdf = bench.inputs.pdf_30
    samples: dict[str, list[Sample]] = {"first": [], "check": []}
    for rep in range(bench.reps):
        cache_env = {**bench.env, "XDG_CACHE_HOME": str(OUT / "cache" / f"first-{rep}")}
        shutil.rmtree(cache_env["XDG_CACHE_HOME"], ignore_errors=True)
        samples["first"].append(run_process(samlint(str(pdf), "--jobs", "1"), cache_env))
        samples["check"].append(run_process(_check(pdf), bench.env))
    return ratio_row(
        f"First check, {page_count(pdf)}-page PDF",
        "samlint check (empty cache, writes it)",
        "samlint check --no-cache",
        (median_seconds(samples["first"]), median_seconds(samples["check"])),
        "s",
        None,
    )


def row_text(bench: Bench) -> Row:
    values = _pair(bench, _check(bench.inputs.text), python("-c", FLOOR_PIPELINE), bench.reps)
    return ratio_row(
        "Text check, cold",
        "samlint check --no-cache",
        "spaCy blank sv + lookup lemmatizer",
        values,
        "s",
        1.3,
    )


def row_text_bare(bench: Bench) -> Row:
    values = _pair(bench, _check(bench.inputs.text), python("-c", FLOOR_BARE), bench.reps)
    return ratio_row(
        "Text check, cold (vs bare spaCy)",
        "samlint check --no-cache",
        "import spaCy + blank sv only",
        values,
        "s",
        None,
    )


def row_jobs(bench: Bench) -> Row:
    inputs = bench.inputs
    folder = str(inputs.corpus)
    load_before = os.getloadavg()[0]
    samples = side_by_side(
        {
            "one": samlint(folder, "--jobs", "1", "--no-cache"),
            "two": samlint(folder, "--jobs", "2", "--no-cache"),
        },
        bench.heavy_reps,
        bench.env,
    )
    one, two = median_seconds(samples["one"]), median_seconds(samples["two"])
    row = ratio_row(
        f"Corpus of {inputs.corpus_size} agreements",
        "--jobs 1 (speed-up of --jobs 2)",
        "--jobs 2",
        (one, two),
        "s",
        1.6,
        at_least=True,
    )
    same = samples["one"][0].stdout == samples["two"][0].stdout
    row.notes.append(f"--jobs 2 output identical to --jobs 1: {_yes(same)}")
    cpu_one, cpu_two = (
        statistics.median(s.cpu_seconds for s in samples[k]) for k in ("one", "two")
    )
    row.notes.append(
        f"CPU time (all processes) {cpu_one:.1f} s with --jobs 1, {cpu_two:.1f} s with --jobs 2; "
        f"load average {load_before:.2f} before the row, {os.getloadavg()[0]:.2f} after "
        f"on {os.cpu_count()} cores (other processes take cores that the workers need)"
    )
    if not same:
        row.passed = False
    return row


INNER = """
import json, statistics, sys, time
from pathlib import Path
from lint.pack import DEFAULT_PACK, load_pack
from lint.pipeline import RunOptions, check_file, preload
path, reps = sys.argv[1], int(sys.argv[2])
pack, options = load_pack(DEFAULT_PACK), RunOptions(jobs=1, use_cache=False)
preload({Path(path).suffix})
check_file(path, pack, options)
times = []
for _ in range(reps):
    start = time.perf_counter()
    check_file(path, pack, options)
    times.append(time.perf_counter() - start)
print(json.dumps(statistics.median(times)))
"""


def row_growth(bench: Bench) -> Row:
    inputs = bench.inputs
    inner = {
        "long": python("-c", INNER, str(inputs.text_10x), str(bench.reps)),
        "short": python("-c", INNER, str(inputs.text), str(bench.reps)),
    }
    samples = side_by_side(inner, 1, bench.env)
    long, short = (float(samples[k][0].stdout) for k in ("long", "short"))
    factor = inputs.text_10x.stat().st_size / inputs.text.stat().st_size
    row = ratio_row(
        "Growth, 10× longer text",
        "check time of the long text",
        "check time of the original",
        (long, short),
        "s",
        12.0,
    )
    row.notes.append(
        f"in-process time of read+analyse+check after warm-up (median of {bench.reps}); "
        f"the long text is {factor:.2f}× the original's size"
    )
    return row


def row_growth_process(bench: Bench) -> Row:
    inputs = bench.inputs
    values = _pair(bench, _check(inputs.text_10x), _check(inputs.text), bench.reps)
    return ratio_row(
        "Growth, whole process",
        "samlint check, long text",
        "samlint check, original",
        values,
        "s",
        None,
    )


def row_memory(bench: Bench) -> Row:
    inputs = bench.inputs
    samples = side_by_side(
        {"big": _check(inputs.pdf_300), "small": _check(inputs.pdf_30)},
        bench.heavy_reps,
        bench.env,
    )
    big, small = (
        statistics.median(s.max_rss_kb for s in samples[k]) / 1024 for k in ("big", "small")
    )
    row = ratio_row(
        f"Peak memory, {page_count(inputs.pdf_300)} vs {page_count(inputs.pdf_30)} pages",
        "ru_maxrss, long PDF",
        "ru_maxrss, short PDF",
        (big, small),
        "MB",
        1.5,
    )
    row.notes.append(
        f"check time {median_seconds(samples['big']):.1f} s vs "
        f"{median_seconds(samples['small']):.1f} s"
    )
    return row


INNER_LAYOUT = """
import dataclasses, json, statistics, sys, time
from pathlib import Path
from lint.analyze import _analyze_view
from lint.layout import lay_out, remap_spans
from lint.pack import DEFAULT_PACK, load_pack
from lint.pipeline import RunOptions, check_file, preload, read_source
path, reps = sys.argv[1], int(sys.argv[2])
pack, options = load_pack(DEFAULT_PACK), RunOptions(jobs=1, use_cache=False)
preload({Path(path).suffix})
check_file(path, pack, options)
source = read_source(path, options.limits, options.pdf_engine)
view = lay_out(source)
document = _analyze_view(view.view, pack.for_text(source.text), None)
checks, stages = [], []
for _ in range(reps):
    start = time.process_time()
    check_file(path, pack, options)
    checks.append(time.process_time() - start)
    fresh = dataclasses.replace(source)  # without what an earlier lay_out cached on it
    start = time.process_time()
    layout = lay_out(fresh)
    remap_spans(document, layout.mapping)
    stages.append(time.process_time() - start)
print(json.dumps([statistics.median(stages), statistics.median(checks)]))
"""


def _layout_row(bench: Bench, pdf: Path, reps: int) -> Row:
    sample = run_process(python("-c", INNER_LAYOUT, str(pdf), str(reps)), bench.env)
    stage, check = json.loads(sample.stdout)
    row = ratio_row(
        f"Layout share, {page_count(pdf)}-page PDF",
        "layout stage (lay_out + remap_spans)",
        "whole check (read, analyse, check)",
        (stage, check),
        "s",
        0.10,
    )
    row.notes.append(
        f"CPU time in one warm process (time.process_time), medians of {reps}, the stage "
        "and the whole check alternating"
    )
    return row


def row_layout(bench: Bench) -> Row:
    return _layout_row(bench, bench.inputs.pdf_30, bench.reps)


def row_layout_pages(bench: Bench) -> Row:
    return _layout_row(bench, bench.inputs.pdf_300, bench.heavy_reps)


# Every row: a name for --only and a function Bench -> Row, in the order of the table.
ROWS: dict[str, Callable[[Bench], Row]] = {
    "pdf": row_pdf,
    "pages": row_pages,
    "pdfplumber": row_pdfplumber,
    "cache": row_cache,
    "first": row_first,
    "text": row_text,
    "text-bare": row_text_bare,
    "growth": row_growth,
    "growth-process": row_growth_process,
    "jobs": row_jobs,
    "memory": row_memory,
    "layout": row_layout,
    "layout-pages": row_layout_pages,
}


# --- report ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    versions = {}
    for package in ("spacy", "pdfplumber", "samverkan-lint"):
        try:
            from importlib.metadata import version

            versions[package] = version(package)
        except Exception:
            versions[package] = "?"
    return {
        "cpu": model,
        "cores": f"{os.cpu_count()} ({usable} usable)",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "versions": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def markdown(rows: list[Row], info: dict[str, str], reps: int, quick: bool) -> str:
    head = [
        "| measurement | subject | reference | subject | reference | ratio | target | result |",
        "|---|---|---|---:|---:|---:|---|---|",
    ]
    body = []
    for row in rows:
        result = "—" if row.passed is None else ("pass" if row.passed else "FAIL")
        body.append(
            f"| {row.name} | {row.subject} | {row.reference} | "
            f"{row.subject_value:.2f} {row.unit} | {row.reference_value:.2f} {row.unit} | "
            f"{row.ratio:.2f}× | {row.target} | {result} |"
        )
    notes = [f"- {row.name}: {note}" for row in rows for note in row.notes]
    machine_lines = [f"- {key}: {value}" for key, value in info.items()]
    mode = "quick run" if quick else "full run"
    return "\n".join(
        [
            *head,
            *body,
            "",
            f"Medians of {reps} repetitions ({mode}); ratios are subject / reference.",
            *notes,
            "",
            "Machine:",
            *machine_lines,
            "",
        ]
    )


def compile_bytecode() -> None:
    """Give samlint the bytecode an installed package has, as its dependencies have theirs.

    An editable checkout run with PYTHONDONTWRITEBYTECODE would otherwise compile every
    module of `lint/` from source in every timed process, which no installed copy does.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "lint")], check=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions, small corpus")
    parser.add_argument("--reps", type=int, help="repetitions per row (default 5, quick 2)")
    parser.add_argument("--corpus", type=int, help="corpus size (default 200, quick 40)")
    parser.add_argument("--only", help=f"comma-separated rows: {','.join(ROWS)}")
    args = parser.parse_args(argv)
    reps = args.reps or (2 if args.quick else 5)
    heavy_reps = (reps + 1) // 2 if not args.quick else 1
    wanted = set(args.only.split(",")) if args.only else set(ROWS)
    if unknown := wanted - set(ROWS):
        parser.error(f"unknown rows: {', '.join(sorted(unknown))}")

    info = machine()
    print(f"samlint bench on {info['cpu']}, {info['cores']} cores, {info['python']}", flush=True)
    print("generating inputs in bench/out/ (reused across runs) …", flush=True)
    inputs = make_inputs(args.corpus or (40 if args.quick else 200))
    compile_bytecode()
    shutil.rmtree(OUT / "cache", ignore_errors=True)  # never the user's cache
    env = {**os.environ, "XDG_CACHE_HOME": str(OUT / "cache" / "default"), "NO_COLOR": "1"}

    bench = Bench(inputs, reps, heavy_reps, env)
    rows: list[Row] = []
    for name, measure in ROWS.items():
        if name not in wanted:
            continue
        progress(f"{name} …")
        try:
            rows.append(measure(bench))
        except RuntimeError as exc:  # a crashed check: report it, measure the rest
            progress(str(exc))
            rows.append(Row(name, "—", "—", 0.0, 0.0, "s", 0.0, "—", False, [str(exc)[:300]]))
    info["load"] += f" at start, {' '.join(f'{x:.2f}' for x in os.getloadavg())} at end"

    report = markdown(rows, info, reps, args.quick)
    print()
    print(report)
    (OUT / "results.md").write_text(report, encoding="utf-8")
    payload = {"machine": info, "reps": reps, "rows": [asdict(r) for r in rows]}
    (OUT / "results.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    failed = [r.name for r in rows if r.passed is False]
    print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
