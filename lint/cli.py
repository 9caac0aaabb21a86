"""The command line: `samlint check | extract | rules | explain | cache` (README.md, docs/)."""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from lint import __version__
from lint.config import (
    FileConfig,
    anchored_globs,
    as_globs,
    as_patterns,
    check_rule_patterns,
    discover_config,
    expand_severity,
    load_config,
)
from lint.errors import ReadError, UsageError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
LANG_HELP = "Language of the output: sv or en (default: the configured lang, else sv)."


def fail_usage(message: str) -> NoReturn:
    click.echo(f"samlint: {message}", err=True)
    sys.exit(EXIT_USAGE)


def guard_usage(function: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a UsageError anywhere below a command into a message and exit status 2."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except UsageError as exc:
            fail_usage(str(exc))

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="samlint")
def main() -> None:
    """samlint: checks local collaboration agreements against the overarching agreement."""


def _config_for(paths: tuple[str, ...], config_file: str | None) -> FileConfig:
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(f"configuration file {config_file} does not exist")
        return load_config(path)
    first = next((p for p in paths if p != "-"), ".")
    found = discover_config(Path(first) if Path(first).exists() else Path("."))
    return load_config(found) if found else FileConfig()


def _selection(options: dict[str, Any], config: FileConfig) -> tuple[tuple[str, ...], ...]:
    """(select, ignore): `--select` replaces the configured selection and its ignores (as in
    ruff, the command line wins); `--ignore` adds to the configured ignores."""
    cli_select = as_patterns(options.get("select"))
    cli_ignore = as_patterns(options.get("ignore"))
    if cli_select:
        return cli_select, cli_ignore
    return as_patterns(config.get("select")), (*as_patterns(config.get("ignore")), *cli_ignore)


def _parse_as_of(value: str | dt.date | None) -> str:
    if not value:
        return dt.date.today().isoformat()
    if isinstance(value, dt.date):  # a bare TOML date
        return value.isoformat()
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"--as-of must be a date YYYY-MM-DD, not '{value}'") from exc


CHECK_EPILOG = """\b
Exit status:
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  a usage error, or a file that could not be read (the others are still checked)
"""


@main.command(epilog=CHECK_EPILOG)
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "sarif", "html"]),
    help="Report format (default: from the --output suffix, else text).",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report here.")
@click.option(
    "--pack", help="Rule pack name or YAML file, or auto (default: by each document's text)."
)
@click.option(
    "--stage",
    type=click.Choice(["signed", "draft"]),
    help="signed (default) audits a signed agreement; draft makes missing signatures info.",
)
@click.option(
    "--kind",
    type=click.Choice(["auto", "local", "overarching", "memo"]),
    help="Check every file as this kind instead of deciding it from the content.",
)
@click.option("--as-of", "as_of", help="Judge validity against this date (default today).")
@click.option("--select", help="Comma-separated rule ids or prefixes to check.")
@click.option("--ignore", help="Comma-separated rule ids or prefixes to skip.")
@click.option(
    "--fail-on",
    "fail_on",
    type=click.Choice(["error", "warning", "info"]),
    help="Exit 1 on findings at or above this severity (default warning).",
)
@click.option("--lang", type=click.Choice(["sv", "en"]), help=LANG_HELP)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Parallel processes (default CPUs).")
@click.option("--no-cache", "no_cache", is_flag=True, default=None, help="Skip the cache.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False),
    help="Settings file (default: samlint.toml or pyproject.toml found from the first PATH up).",
)
@click.option(
    "--exclude",
    multiple=True,
    metavar="GLOB",
    help="Leave out files and folders matching GLOB when searching folders (repeatable).",
)
@click.option(
    "--pdf-engine",
    "pdf_engine",
    type=click.Choice(["pdfium", "pdfplumber"]),
    help="Read PDFs with PDFium (default, fast) or pdfplumber (the reference).",
)
@click.option("--verbose", "-v", is_flag=True, help="Show the cited clause of every finding.")
@guard_usage
def check(paths: tuple[str, ...], **options: Any) -> None:
    """Check agreements (files or folders) and report deviations."""
    sys.exit(run_check(paths, options))


def run_check(paths: tuple[str, ...], options: dict[str, Any]) -> int:
    from lint.report import render

    report, setting = checked_report(paths, options)
    output = options.get("output")
    fmt = _report_format(options.get("fmt"), output, setting("format", "", None))
    color = wants_color(fmt, output, sys.stdout, os.environ)
    _emit(render(report, fmt, color=color), output)
    return exit_status(report, setting("fail-on", "fail_on", "warning"))


def checked_report(
    paths: tuple[str, ...], options: dict[str, Any]
) -> tuple[Any, Callable[[str, str, Any], Any]]:
    """Check the files with the check options; the RunReport and the lookup of a setting
    (command line, then configuration, then the default)."""
    from lint.check import Settings
    from lint.pack import AUTO, load_pack
    from lint.pipeline import RunOptions
    from lint.read import ReadLimits
    from lint.report import RunReport

    config = _config_for(paths, options.get("config_file"))

    def setting(key: str, cli_key: str, default: Any) -> Any:
        value = options.get(cli_key)
        return value if value is not None else config.get(key, default)

    pack = load_pack(setting("pack", "pack", AUTO))
    rule_ids = [rule.id for rule in pack.rules]
    origin = str(config.path) if config.path else "command line"
    select, ignore = _selection(options, config)
    check_rule_patterns(select, rule_ids, "--select" if options.get("select") else origin)
    cli_ignore = as_patterns(options.get("ignore"))
    check_rule_patterns(cli_ignore, rule_ids, "--ignore")
    check_rule_patterns([p for p in ignore if p not in cli_ignore], rule_ids, origin)
    overrides = {k.upper(): v for k, v in config.get("severity", {}).items()}
    check_rule_patterns(overrides, rule_ids, origin)
    severity = expand_severity(overrides, rule_ids)
    per_file_config = config.get("per-file-ignores", {})
    per_file = tuple(
        (glob, as_patterns(per_file_config[written]))
        for glob, written in anchored_globs(per_file_config, config).items()
    )
    for _, rules in per_file:
        check_rule_patterns(rules, rule_ids, origin)

    lang = setting("lang", "lang", "sv")
    stage = setting("stage", "stage", "signed")
    as_of = _parse_as_of(setting("as-of", "as_of", None))
    settings = Settings(stage, lang, as_of, select, ignore, severity)
    no_cache = setting("no-cache", "no_cache", False)
    run_options = RunOptions(
        settings=settings,
        limits=ReadLimits.from_mapping(config.get("limits"), origin),
        per_file_ignores=per_file,
        jobs=int(setting("jobs", "jobs", usable_cpus())),
        use_cache=not no_cache,
        cache_max_bytes=_cache_cap(config),
        kind=setting("kind", "kind", "auto"),
        pdf_engine=setting("pdf-engine", "pdf_engine", "pdfium"),
    )
    from lint.discover import find_files

    configured = anchored_globs(as_globs(config.get("exclude")), config)
    exclude = (*configured, *(options.get("exclude") or ()))
    found = find_files(paths, exclude)
    results = _check_with_progress(found.files, pack, run_options, lang)
    report = RunReport(
        tuple(results), pack, as_of, stage, lang, bool(options.get("verbose")), found.other_types
    )
    return report, setting


SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".json": "json", ".sarif": "sarif"}


def _report_format(given: str | None, output: str | None, configured: str | None) -> str:
    """--format, else what the --output suffix says (.html, .json, .sarif), else the
    configured format, else text; a --format that the suffix contradicts gets a warning."""
    suffix = Path(output).suffix.lower() if output else ""
    implied = SUFFIX_FORMATS.get(suffix)
    if given and output and implied and implied != given:
        click.echo(
            f"samlint: warning: writing the {given} report to {output}, whose suffix "
            f"suggests {implied} (drop --format to write {implied})",
            err=True,
        )
    return given or implied or configured or "text"


def wants_color(fmt: str, output: str | None, stream: Any, environ: Any) -> bool:
    """Color only for the text report on a terminal, and never when NO_COLOR is set."""
    if fmt != "text" or output or environ.get("NO_COLOR"):
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


PROGRESS_MIN_FILES = 4  # fewer files are done before a bar would be worth drawing


def _check_with_progress(paths: tuple[str, ...], pack: Any, run_options: Any, lang: str) -> list:
    """check_files, with a transient progress bar on standard error when it is a terminal."""
    from lint.messages import label
    from lint.pipeline import check_files

    files = list(paths)
    if len(files) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return check_files(files, pack, run_options)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label("checking", lang), total=len(files))
        return check_files(files, pack, run_options, lambda _: progress.advance(task))


def usable_cpus() -> int:
    """CPUs this process may run on (respects container and affinity limits)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _emit(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write the report to {output}: {exc.strerror}") from exc
    else:
        sys.stdout.write(text)


def exit_status(report: Any, fail_on: str) -> int:
    if report.unreadable:
        return EXIT_USAGE
    threshold = SEVERITY_RANK[fail_on]
    hit = any(SEVERITY_RANK[f.severity] >= threshold for r in report.results for f in r.findings)
    return EXIT_FINDINGS if hit else EXIT_OK


@main.command()
@click.argument("path")
@click.option("--format", "fmt", type=click.Choice(["json", "text"]), default="json")
@click.option("--pack", default="auto", help="Rule pack name or YAML file, or auto.")
@click.option(
    "--pdf-engine",
    "pdf_engine",
    type=click.Choice(["pdfium", "pdfplumber"]),
    help="Read PDFs with PDFium (default) or pdfplumber (the reference).",
)
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["sv", "en"]), help=LANG_HELP)
@guard_usage
def extract(
    path: str,
    fmt: str,
    pack: str,
    pdf_engine: str | None,
    config_file: str | None,
    lang: str | None,
) -> None:
    """Print the document model of one file (for debugging and tests)."""
    from lint.analyze import analyze
    from lint.pack import load_pack
    from lint.pipeline import read_source
    from lint.read import ReadLimits
    from lint.report.model import render_model_json, render_model_text

    lang = lang or _config_for((path,), config_file).get("lang") or "sv"
    if Path(path).is_dir():
        raise UsageError(f"{path} is a folder; extract reads one file (check reads folders)")
    loaded = load_pack(pack)
    try:
        config = _config_for((path,), config_file)
        engine = pdf_engine or config.get("pdf-engine", "pdfium")
        limits = ReadLimits.from_mapping(config.get("limits"), str(config.path or "settings"))
        source = read_source(path, limits, engine)
        document = analyze(source, loaded.for_text(source.text))
    except ReadError as exc:
        fail_usage(f"{path}: [{exc.code}] {exc.message(lang)}")
    render = render_model_json if fmt == "json" else render_model_text
    sys.stdout.write(render(document))


def _configured_lang(lang: str | None, paths: tuple[str, ...] = ()) -> str:
    """--lang, else the configured lang (found from the first path or here), else Swedish."""
    return lang or _config_for(paths, None).get("lang") or "sv"


@main.command()
@click.option("--pack", default=None, help="Rule pack name or YAML file (validated).")
@click.option("--lang", type=click.Choice(["sv", "en"]), help=LANG_HELP)
@guard_usage
def rules(pack: str | None, lang: str | None) -> None:
    """List the rule catalog: id, name, severity, source, what it applies to."""
    from lint.messages import label
    from lint.pack import DEFAULT_PACK, SOURCES, load_pack

    lang = _configured_lang(lang)
    pack = pack or DEFAULT_PACK
    loaded = load_pack(pack)
    click.echo(f"{loaded.name}: {loaded.title}")
    rows = [tuple(label(key, lang) for key in ("rule", "name", "severity", "source", "applies"))]
    for rule in loaded.rules:
        source = SOURCES.get(rule.source, rule.source)
        applies = f"applies_{rule.applies}"
        rows.append((rule.id, rule.name, label(rule.severity, lang), label(source, lang),
                     label(applies, lang)))  # fmt: skip
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        click.echo("  ".join([*cells, row[4]]))


@main.command()
@click.argument("rule_id")
@click.option("--pack", default="auto", help="Rule pack name or YAML file (default: any bundled).")
@click.option("--lang", type=click.Choice(["sv", "en"]), help=LANG_HELP)
@guard_usage
def explain(rule_id: str, pack: str, lang: str | None) -> None:
    """Explain a rule: what it checks, why, the cited clause and examples."""
    from lint.explain import explain_rule
    from lint.pack import load_pack

    loaded = load_pack(pack)
    rule = loaded.rule(rule_id.upper())
    if rule is None:
        raise UsageError(f"unknown rule id '{rule_id}' (see `samlint rules`)")
    owner = next((c for c, _ in loaded.candidates if c.rule(rule.id) is rule), loaded)
    click.echo(explain_rule(rule, _configured_lang(lang), owner), nl=False)


def _cache_cap(config: FileConfig) -> int:
    from lint.cache import DEFAULT_MAX_MB

    return int(config.get("cache-max-mb", DEFAULT_MAX_MB) * 1024 * 1024)


@main.group(invoke_without_command=True)
@click.option("--lang", type=click.Choice(["sv", "en"]), help=LANG_HELP)
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@click.pass_context
@guard_usage
def cache(context: click.Context, lang: str | None, config_file: str | None) -> None:
    """Show where the cache of extracted documents is and how much it holds."""
    from lint import cache as store
    from lint.messages import counted, label

    config = _config_for((), config_file)
    lang = lang or config.get("lang", "sv")
    context.obj = lang
    if context.invoked_subcommand is not None:
        return
    count, size = store.usage()
    mib = 1024 * 1024
    click.echo(f"{store.cache_dir()}")
    click.echo(
        label("cache_usage", lang).format(
            count=counted(count, "entries", lang),
            size=f"{size / mib:.1f}",
            cap=f"{_cache_cap(config) / mib:.0f}",
        )
    )


@cache.command("clear")
@click.pass_obj
def cache_clear(lang: str) -> None:
    """Empty the cache."""
    from lint import cache as store
    from lint.messages import counted, label

    removed = counted(store.clear(), "entries", lang)
    click.echo(label("cache_cleared", lang).format(count=removed, place=store.cache_dir()))


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="The annotated copy (one input only)."
)
@click.option(
    "--output-dir", "output_dir", type=click.Path(file_okay=False), help="Put the copies here."
)
@click.option("--force", is_flag=True, help="Overwrite existing annotated copies.")
@guard_usage
def annotate(paths: tuple[str, ...], **options: Any) -> None:
    """Write copies with every finding at its place: Word comments in a .docx, highlights in a
    .pdf (the HTML report for .txt and .md). Default: <name>.samlint.<ext> beside the input."""
    from lint.annotate import run_annotate

    sys.exit(run_annotate(paths, options))


# Every check option applies to annotate too (except the report's format and file).
annotate.params.extend(p for p in check.params if p.name not in {"paths", "fmt", "output"})


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--pack", help="Rule pack name or YAML file (default: auto, as for check).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False))
@guard_usage
def serve(host: str, port: int, pack: str | None, config_file: str | None) -> None:
    """A local web page: upload agreements, read the report, download annotated copies."""
    from lint.serve import run_server

    run_server(host, port, pack, config_file)
