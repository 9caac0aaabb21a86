"""Annotate: copies of the checked documents with every finding at its place.

A .docx gets Word comments anchored on the finding's words (`lint.annotate.docx`), a .pdf
highlight annotations over them (`lint.annotate.pdf`); plain text has no place for notes,
so a .txt or .md gets the HTML report instead. The document itself is never changed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lint.check import Finding
from lint.errors import UsageError
from lint.pipeline import STDIN, FileResult, expand_paths

AUTHOR = "samlint"
MARKER = ".samlint"  # annotated copies are called <name>.samlint.<ext>

_LABELS = {
    "suggestion": {"sv": "Förslag", "en": "Suggestion"},
    "source": {"sv": "Källa", "en": "Source"},
    "overarching_agreement": {"sv": "Övergripande överenskommelsen", "en": "Overarching agreement"},
    "template": {"sv": "Gemensamma mallen", "en": "Common template"},
    "error": {"sv": "fel", "en": "error"},
    "warning": {"sv": "varning", "en": "warning"},
    "info": {"sv": "info", "en": "info"},
}


def _label(key: str, lang: str) -> str:
    entry = _LABELS.get(key)
    return entry.get(lang, entry["sv"]) if entry else key


def note_text(finding: Finding, lang: str) -> str:
    """The note a finding carries in a document: rule, message, suggestion, cited clause."""
    lines = [
        f"{finding.rule} {finding.name} ({_label(finding.severity, lang)})",
        finding.message_in(lang),
    ]
    if finding.suggestion:
        lines.append(f"{_label('suggestion', lang)}: {finding.suggestion}")
    citation = finding.citation
    if citation is not None:
        source = _label(citation.source, lang)
        where = f"{source}, {citation.section}" if citation.section else source
        lines.append(f"{_label('source', lang)} ({where}): ”{citation.quote}”")
    return "\n".join(lines)


# The format an annotated copy gets, by the format the reader found.
OUTPUT_SUFFIX = {"docx": ".docx", "pdf": ".pdf", "text": ".html"}


def annotated_bytes(result: FileResult, data: bytes, report: Any) -> tuple[str, bytes]:
    """(suffix, content) of the annotated copy of a checked, readable file."""
    assert result.document is not None
    fmt = result.document.source.format
    lang = report.lang
    if fmt == "docx":
        from lint.annotate.docx import annotate_docx

        return ".docx", annotate_docx(data, result, lang)
    if fmt == "pdf":
        from lint.annotate.pdf import annotate_pdf

        return ".pdf", annotate_pdf(data, result, lang)
    return ".html", single_report_html(result, report).encode("utf-8")


def single_report_html(result: FileResult, report: Any) -> str:
    from dataclasses import replace

    from lint.report.html import render_html

    return render_html(replace(report, results=(result,)))


def annotated_name(name: str, suffix: str) -> str:
    """`avtal.pdf` → `avtal.samlint.pdf`; `avtal.txt` → `avtal.samlint.html`."""
    path = Path(name)
    return f"{path.stem}{MARKER}{suffix}"


def is_annotated_copy(path: Path) -> bool:
    return path.stem.endswith(MARKER)


@dataclass(frozen=True)
class Target:
    source: str
    output: Path
    derived: bool = True  # named after the input (else given with --output)


def input_files(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders searched, leaving out the annotated copies of earlier runs."""
    for given in paths:
        if given == STDIN:
            raise UsageError("annotate needs files, not standard input")
        if Path(given).is_dir():
            yield from (p for p in expand_paths([given]) if not is_annotated_copy(Path(p)))
        else:
            yield given


def plan_targets(
    files: list[str], output: str | None, output_dir: str | None, force: bool
) -> list[Target]:
    """Where each annotated copy goes; refuses to overwrite anything without `force`."""
    if output and output_dir:
        raise UsageError("give either --output or --output-dir, not both")
    if output and len(files) != 1:
        raise UsageError("--output takes one input file; use --output-dir for several")
    targets = []
    for file in files:
        source = Path(file)
        suffix = _expected_suffix(source)
        if output:
            target = Path(output)
        else:
            folder = Path(output_dir) if output_dir else source.parent
            target = folder / annotated_name(source.name, suffix)
        if target.exists() and source.exists() and target.resolve() == source.resolve():
            raise UsageError(f"{target} is the input itself; choose another output")
        if target.exists() and not force:
            raise UsageError(f"{target} exists; use --force to overwrite it")
        targets.append(Target(file, target, derived=not output))
    if len({t.output.resolve() for t in targets}) != len(targets):
        raise UsageError("two inputs would get the same annotated copy; use --output-dir")
    return targets


def _expected_suffix(source: Path) -> str:
    suffix = source.suffix.lower()
    return {".pdf": ".pdf", ".docx": ".docx"}.get(suffix, ".html")


def run_annotate(paths: tuple[str, ...], options: dict[str, Any]) -> int:
    """`samlint annotate`: check the files, then write an annotated copy of each."""
    from lint.cli import checked_report, exit_status

    files = list(input_files(paths))
    if not files:
        raise UsageError("no .pdf, .docx, .txt or .md files to annotate")
    output_dir = options.get("output_dir")
    targets = plan_targets(files, options.get("output"), output_dir, bool(options.get("force")))
    report, setting = checked_report(tuple(files), options)
    if output_dir:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
    results = {result.path: result for result in report.results}
    for target in targets:
        result = results.get(target.source)
        if result is None:  # left out of the check (not a format samlint reads)
            _say(f"{target.source}: not checked (no annotated copy)")
            continue
        _write_one(target, result, report, bool(options.get("force")))
    return exit_status(report, setting("fail-on", "fail_on", "warning"))


def _write_one(target: Target, result: FileResult, report: Any, force: bool) -> None:
    from lint.messages import error_message

    lang = report.lang
    if result.error is not None or result.document is None:
        code = result.error.code if result.error else "internal"
        message = result.error.message if result.error else error_message("internal", lang)
        _say(f"{target.source}: [{code}] {message} (no annotated copy)")
        return
    try:
        data = Path(target.source).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {target.source}: {exc.strerror}") from exc
    suffix, content = annotated_bytes(result, data, report)
    output = target.output
    if target.derived and output.suffix != suffix:  # the content is not what the name says
        output = output.with_name(annotated_name(Path(target.source).name, suffix))
        if output.exists() and not force:
            _say(f"{output} exists; use --force to overwrite it (no annotated copy)")
            return
    try:
        output.write_bytes(content)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from exc
    count = len(result.findings)
    if suffix == ".html":
        _say(f"{target.source}: plain text has no place for notes; the HTML report is in {output}")
    else:
        noun = "comments" if suffix == ".docx" else "highlights and notes"
        _say(f"{target.source}: {count} {noun} in {output}")


def _say(text: str) -> None:
    print(f"samlint: {text}", file=sys.stderr)
