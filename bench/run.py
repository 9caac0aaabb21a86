"""Benchmark samlint against the floors of its own dependencies (`make bench`).

Every row times separate processes side by side in the same run, alternating subject and
reference on each repetition, and reports medians and their ratio:

- pdf      `samlint check` of a 30-page agreement PDF vs a process that imports spaCy,
           builds the blank Swedish pipeline with the lookup lemmatizer and runs
           pdfplumber's `extract_text` on every page;
- text     a cold `samlint check` of one text agreement vs a process that imports spaCy
           and builds that pipeline;
- cache    a cached re-check of the unchanged 30-page PDF vs the uncached check;
- jobs     a corpus of 200 agreements (txt, pdf, docx) with `--jobs 2` vs `--jobs 1`;
- growth   the check time of a 10x longer text vs the original, timed inside a warm
           process so that start-up does not hide a superlinear step;
- memory   peak RSS (ru_maxrss) of the check of a 300-page PDF vs a 30-page one.

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
ROWS = ("pdf", "text", "cache", "jobs", "growth", "memory")

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
    commands: dict[str, list[str]],
    reps: int,
    env: dict[str, str],
    before: Callable[[str], dict[str, str]] | None = None,
) -> dict[str, list[Sample]]:
    """Alternate the commands on every repetition so that drift hits all of them alike.

    `before(name)` may return environment changes for the next run of that command.
    """
    samples: dict[str, list[Sample]] = {name: [] for name in commands}
    for rep in range(reps):
        for name, command in commands.items():
            run_env = {**env, **(before(name) if before else {})}
            sample = run_process(command, run_env)
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
    import pdfplumber

    with pdfplumber.open(pdf) as opened:
        return len(opened.pages)


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


def rows_pdf_text_cache(
    inputs: Inputs, reps: int, env: dict[str, str], wanted: set[str]
) -> list[Row]:
    rows: list[Row] = []
    if wanted & {"pdf", "cache"}:
        pdf = str(inputs.pdf_30)
        caches = iter(range(10**6))
        fresh: dict[str, str] = {}

        def cache_for(name: str) -> dict[str, str]:
            # Every repetition fills an empty cache ("first") and re-checks from it ("cached").
            if name == "first":
                fresh["XDG_CACHE_HOME"] = str(OUT / "cache" / f"rep-{next(caches)}")
                shutil.rmtree(fresh["XDG_CACHE_HOME"], ignore_errors=True)
            return fresh if name in ("first", "cached") else {}

        samples = side_by_side(
            {
                "floor": python("-c", FLOOR_PDF, pdf),
                "check": samlint(pdf, "--jobs", "1", "--no-cache"),
                "first": samlint(pdf, "--jobs", "1"),
                "cached": samlint(pdf, "--jobs", "1"),
            },
            reps,
            env,
            cache_for,
        )
        check, floor, first, cached = (
            median_seconds(samples[k]) for k in ("check", "floor", "first", "cached")
        )
        same = {s.stdout for k in ("check", "first", "cached") for s in samples[k]}
        pages = page_count(inputs.pdf_30)
        if "pdf" in wanted:
            rows.append(
                ratio_row(
                    f"PDF check, {pages} pages",
                    "samlint check --no-cache",
                    "spaCy pipeline + pdfplumber extract_text",
                    (check, floor),
                    "s",
                    1.2,
                )
            )
        if "cache" in wanted:
            row = ratio_row(
                f"Cached re-check, {pages}-page PDF",
                "samlint check (cache hit)",
                "samlint check --no-cache",
                (cached, check),
                "s",
                0.25,
            )
            row.notes.append(f"cached output identical to uncached: {_yes(len(same) == 1)}")
            row.passed = row.passed and len(same) == 1
            rows.append(row)
            rows.append(
                ratio_row(
                    f"First check, {pages}-page PDF",
                    "samlint check (empty cache, writes it)",
                    "samlint check --no-cache",
                    (first, check),
                    "s",
                    None,
                )
            )
    if "text" in wanted:
        text = str(inputs.text)
        samples = side_by_side(
            {
                "floor": python("-c", FLOOR_PIPELINE),
                "bare": python("-c", FLOOR_BARE),
                "check": samlint(text, "--jobs", "1", "--no-cache"),
            },
            reps,
            env,
        )
        check, floor, bare = (median_seconds(samples[k]) for k in ("check", "floor", "bare"))
        rows.append(
            ratio_row(
                "Text check, cold",
                "samlint check --no-cache",
                "spaCy blank sv + lookup lemmatizer",
                (check, floor),
                "s",
                1.3,
            )
        )
        rows.append(
            ratio_row(
                "Text check, cold (vs bare spaCy)",
                "samlint check --no-cache",
                "import spaCy + blank sv only",
                (check, bare),
                "s",
                None,
            )
        )
    return rows


def _yes(flag: bool) -> str:
    return "yes" if flag else "NO"


def row_jobs(inputs: Inputs, reps: int, env: dict[str, str]) -> Row:
    folder = str(inputs.corpus)
    load_before = os.getloadavg()[0]
    samples = side_by_side(
        {
            "one": samlint(folder, "--jobs", "1", "--no-cache"),
            "two": samlint(folder, "--jobs", "2", "--no-cache"),
        },
        reps,
        env,
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
from lint.pack import load_pack
from lint.pipeline import RunOptions, check_file, preload
path, reps = sys.argv[1], int(sys.argv[2])
pack, options = load_pack("stockholm-2019"), RunOptions(jobs=1, use_cache=False)
preload({Path(path).suffix})
check_file(path, pack, options)
times = []
for _ in range(reps):
    start = time.perf_counter()
    check_file(path, pack, options)
    times.append(time.perf_counter() - start)
print(json.dumps(statistics.median(times)))
"""


def row_growth(inputs: Inputs, reps: int, env: dict[str, str]) -> list[Row]:
    inner = {
        "long": python("-c", INNER, str(inputs.text_10x), str(reps)),
        "short": python("-c", INNER, str(inputs.text), str(reps)),
    }
    samples = side_by_side(inner, 1, env)
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
        f"in-process time of read+analyse+check after warm-up (median of {reps}); "
        f"the long text is {factor:.2f}× the original's size"
    )
    process = side_by_side(
        {
            "long": samlint(str(inputs.text_10x), "--jobs", "1", "--no-cache"),
            "short": samlint(str(inputs.text), "--jobs", "1", "--no-cache"),
        },
        reps,
        env,
    )
    whole = ratio_row(
        "Growth, whole process",
        "samlint check, long text",
        "samlint check, original",
        (median_seconds(process["long"]), median_seconds(process["short"])),
        "s",
        None,
    )
    return [row, whole]


def row_memory(inputs: Inputs, reps: int, env: dict[str, str]) -> Row:
    samples = side_by_side(
        {
            "big": samlint(str(inputs.pdf_300), "--jobs", "1", "--no-cache"),
            "small": samlint(str(inputs.pdf_30), "--jobs", "1", "--no-cache"),
        },
        reps,
        env,
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

    rows: list[Row] = []
    groups: list[tuple[set[str], str, Callable[[], list[Row]]]] = [
        (
            {"pdf", "cache", "text"},
            f"pdf, cache, text ({reps} repetitions)",
            lambda: rows_pdf_text_cache(inputs, reps, env, wanted),
        ),
        ({"growth"}, "growth", lambda: row_growth(inputs, reps, env)),
        (
            {"jobs"},
            f"jobs, {inputs.corpus_size} files ({heavy_reps} repetitions)",
            lambda: [row_jobs(inputs, heavy_reps, env)],
        ),
        (
            {"memory"},
            f"memory ({heavy_reps} repetitions)",
            lambda: [row_memory(inputs, heavy_reps, env)],
        ),
    ]
    for names, title, measure in groups:
        if not names & wanted:
            continue
        progress(f"{title} …")
        try:
            rows.extend(measure())
        except RuntimeError as exc:  # a crashed check: report it, measure the rest
            progress(str(exc))
            rows.append(Row(title, "—", "—", 0.0, 0.0, "s", 0.0, "—", False, [str(exc)[:300]]))
    info["load"] += f" at start, {' '.join(f'{x:.2f}' for x in os.getloadavg())} at end"

    report = markdown(rows, info, reps, args.quick)
    print()
    print(report)
    (OUT / "results.md").write_text(report, encoding="utf-8")
    payload = {"machine": info, "reps": reps, "rows": [asdict(r) for r in rows]}
    (OUT / "results.json").write_text(json.dumps(payload, indent=2), encoding="utf-8")
    failed = [r.name for r in rows if r.passed is False]
    print("all targets met" if not failed else f"targets missed: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
