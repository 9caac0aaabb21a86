"""The text report: colored with rich on a terminal, plain and parsable otherwise.

Every finding starts with a line `PATH:LINE:COLUMN: RULE SEVERITY NAME: MESSAGE` (the page
of a PDF follows the name in parentheses), so that editors and grep can jump to it; the
excerpt, the suggestion and (with `-v`) the cited clause follow on indented lines. In plain
mode the offending words are underlined with carets; in color mode they are highlighted.
"""

from __future__ import annotations

import io
import shutil

from rich import box
from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from lint.check import Finding
from lint.messages import counted, label
from lint.pipeline import FileResult
from lint.report import RunReport
from lint.report.common import (
    SEVERITY_ORDER,
    ContextLine,
    hit_lines,
    place,
    severity_counts,
    split_marks,
    verdict,
    window,
)

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
VERDICT_STYLE = {
    "unreadable": "bold magenta",
    "deviates": "bold red",
    "remarks": "yellow",
    "complies": "green",
    "notes": "green",
    "not_checked": "magenta",
}
MARK_STYLE = "bold reverse"
PLAIN_WIDTH = 100  # excerpt window when not on a terminal
INDENT = "    "


def render_text(report: RunReport, *, color: bool = False, width: int | None = None) -> str:
    """The whole report as one string; ANSI-colored only when `color` is set."""
    width = width or (shutil.get_terminal_size().columns if color else 10_000)
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=color,
        no_color=not color,
        color_system="auto" if color else None,
        width=width,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=not color,
    )
    excerpt_width = PLAIN_WIDTH if not color else max(40, console.width - 16)
    for result in report.results:
        for renderable in _file_block(result, report, color, excerpt_width):
            # the `path:line:col:` header lines are never wrapped: editors and grep read them
            header = isinstance(renderable, Text) and renderable.no_wrap
            console.print(renderable, soft_wrap=True) if header else console.print(renderable)
        console.print()
    for renderable in _run_summary(report, color, console.width):
        console.print(renderable)
    text = buffer.getvalue()
    if not color:  # tables pad their last column; plain output should not end lines in blanks
        text = "\n".join(line.rstrip() for line in text.splitlines()) + "\n"
    return text


def _file_block(
    result: FileResult, report: RunReport, color: bool, excerpt_width: int
) -> list[RenderableType]:
    lang = report.lang
    state = verdict(result)
    header = Text()
    header.append(result.path, style="bold")
    pack = f", {result.pack}" if result.pack else ""
    header.append(f" ({label(result.kind, lang)}{pack}) ")
    header.append(label(f"verdict_{state}", lang), style=VERDICT_STYLE[state])
    header.no_wrap = True
    out: list[RenderableType] = [header]
    if result.error:
        line = Text(INDENT)
        line.append(f"{label('unreadable', lang)} [{result.error.code}]", style="bold magenta")
        line.append(f": {result.error.message}")
        out.append(line)
        return out
    if result.skipped_pages:
        pages = ", ".join(map(str, result.skipped_pages))
        out.append(Text(f"{INDENT}{label('skipped_pages', lang)}: {pages}", style="bold magenta"))
    for finding in result.findings:
        out.extend(_finding_block(result, finding, report, color, excerpt_width))
    if not result.findings:
        out.append(Text(f"{INDENT}{label('no_findings', lang)}", style="green"))
    else:
        out.append(_file_table(result, lang, color))
    return out


def _finding_block(
    result: FileResult, finding: Finding, report: RunReport, color: bool, excerpt_width: int
) -> list[RenderableType]:
    lang = report.lang
    loc = finding.location
    style = SEVERITY_STYLE.get(finding.severity, "")
    head = Text()
    head.append(f"{result.path}:{loc.line}:{loc.column}: ", style="dim" if color else "")
    head.append(finding.rule, style=style)
    head.append(" ")
    head.append(label(finding.severity, lang), style=style)
    head.append(f" {finding.name}")
    where = place(result, finding, lang)
    if where:
        head.append(f" ({where})")
    head.append(f": {finding.message_in(lang)}")
    head.no_wrap = True
    out: list[RenderableType] = [head]
    lines = [window(line, excerpt_width) for line in hit_lines(result, finding)]
    gutter = max(len(str(line.number)) for line in lines)
    for line in lines:
        out.extend(_excerpt_line(line, gutter, color))
    if finding.suggestion:
        out.append(_detail(label("suggestion", lang), finding.suggestion, "green"))
    if report.verbose and finding.citation:
        cite = finding.citation
        source = label(cite.source, lang)
        out.append(_detail(label("cites", lang), f'"{cite.quote}" ({source}, {cite.section})', ""))
    return out


def _excerpt_line(line: ContextLine, gutter: int, color: bool) -> list[Text]:
    text = Text()
    text.append(f"{INDENT}{line.number:>{gutter}} | ", style="dim" if color else "")
    for piece, marked in split_marks(line):
        text.append(piece, style=MARK_STYLE if marked and color else "")
    if color or not line.marks:
        return [text]
    carets = [" "] * len(line.text)
    for start, end in line.marks:
        for index in range(start, min(end, len(carets))):
            carets[index] = "^"
    return [text, Text(f"{INDENT}{' ' * gutter} | {''.join(carets).rstrip()}")]


def _detail(name: str, value: str, style: str) -> Text:
    text = Text(f"{INDENT}= ")
    text.append(f"{name}: ", style="bold")
    text.append(value, style=style)
    return text


def _table(
    *columns: tuple[str, str], color: bool, title: str | None = None, first_width: int | None = None
) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        box=box.SIMPLE_HEAD if color else None,
        show_edge=False,
        pad_edge=False,
        padding=(0, 2, 0, 0),
    )
    for index, (name, justify) in enumerate(columns):
        # the first column (file or rule) is what a reader looks for: others give way to it
        width = first_width if index == 0 else None
        table.add_column(name, justify=justify, min_width=width)  # type: ignore[arg-type]
    return table


def _file_table(result: FileResult, lang: str, color: bool) -> RenderableType:
    """Per file: each rule that fired, its severity and how often."""
    counts: dict[tuple[str, str, str], int] = {}
    for finding in result.findings:
        key = (finding.rule, finding.severity, finding.name)
        counts[key] = counts.get(key, 0) + 1
    table = _table(
        (label("rule", lang), "left"),
        (label("severity", lang), "left"),
        (label("count", lang), "right"),
        (label("name", lang), "left"),
        color=color,
    )
    rank = {s: i for i, s in enumerate(SEVERITY_ORDER)}
    ordered = sorted(counts.items(), key=lambda item: (rank[item[0][1]], item[0]))
    for (rule, severity, name), count in ordered:
        table.add_row(
            rule, Text(label(severity, lang), style=SEVERITY_STYLE[severity]), str(count), name
        )
    return Group(Text(""), _indented(table))


def _indented(table: Table) -> RenderableType:
    from rich.padding import Padding

    return Padding(table, (0, 0, 0, len(INDENT)))


def _run_summary(report: RunReport, color: bool, width: int) -> list[RenderableType]:
    lang = report.lang
    out: list[RenderableType] = []
    if len(report.results) > 1:
        longest = max(len(r.path) for r in report.results)
        path_width = longest if not color else min(longest, max(20, width - 72))
        table = _table(
            (label("file", lang), "left"),
            (label("kind", lang), "left"),
            (label("errors", lang), "right"),
            (label("warnings", lang), "right"),
            (label("infos", lang), "right"),
            (label("verdict", lang), "left"),
            color=color,
            title=label("summary", lang),
            first_width=path_width,
        )
        for result in report.results:
            counts = severity_counts(result.findings)
            state = verdict(result)
            table.add_row(
                _tail(result.path, path_width),
                label(result.kind, lang),
                str(counts["error"]),
                str(counts["warning"]),
                str(counts["info"]),
                Text(label(f"verdict_{state}", lang), style=VERDICT_STYLE[state]),
            )
        out += [table, Text("")]
    totals = Text()
    totals.append(f"{counted(len(report.results), 'files', lang)}: ")
    parts = [
        (report.count("error"), "errors", "error"),
        (report.count("warning"), "warnings", "warning"),
        (report.count("info"), "infos", "info"),
        (report.unreadable, "unreadable", "unreadable"),
    ]
    for index, (count, key, severity) in enumerate(parts):
        if index:
            totals.append(", ")
        style = SEVERITY_STYLE.get(severity, "bold magenta") if count and color else ""
        totals.append(counted(count, key, lang), style=style)
    out.append(totals)
    if report.other_types:
        out.append(Text(counted(report.other_types, "other_types_skipped", lang)))
    return out


def _tail(path: str, width: int) -> str:
    """The end of a long path (the file name is what tells files apart)."""
    return path if len(path) <= width else "…" + path[-(width - 1) :]
