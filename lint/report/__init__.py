"""Report: findings as text, JSON, SARIF or HTML."""

from __future__ import annotations

from dataclasses import dataclass

from lint.pack import Pack
from lint.pipeline import FileResult


@dataclass(frozen=True)
class RunReport:
    results: tuple[FileResult, ...]
    pack: Pack
    as_of: str
    stage: str
    lang: str
    verbose: bool = False
    other_types: int = 0  # files of other types found in the searched folders and left out

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results for f in r.findings if f.severity == severity)

    @property
    def unreadable(self) -> int:
        return sum(1 for r in self.results if r.error is not None)


def render(report: RunReport, fmt: str, *, color: bool = False) -> str:
    if fmt == "json":
        from lint.report.json import render_json

        return render_json(report)
    if fmt == "sarif":
        from lint.report.sarif import render_sarif

        return render_sarif(report)
    if fmt == "html":
        from lint.report.html import render_html

        return render_html(report)
    from lint.report.text import render_text

    return render_text(report, color=color)
