"""The JSON report, version 1 with the 0.2 additions (docs/report-format.md)."""

from __future__ import annotations

import json
from typing import Any

from lint import __version__
from lint.check import Finding
from lint.pipeline import FileResult
from lint.report import RunReport


def finding_dict(finding: Finding, lang: str) -> dict[str, Any]:
    loc = finding.location
    data: dict[str, Any] = {
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity,
        "message": finding.message_in(lang),
        "location": {
            "page": loc.page,
            "page_line": loc.page_line,  # 0.2: the line on its PDF page (null outside PDFs)
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line,
            "end_column": loc.end_column,
            "excerpt": loc.excerpt,
        },
        "suggestion": finding.suggestion,
    }
    if finding.citation is not None:
        data["citation"] = {
            "source": finding.citation.source,
            "section": finding.citation.section,
            "quote": finding.citation.quote,
        }
    return data


def file_dict(result: FileResult, lang: str) -> dict[str, Any]:
    return {
        "path": result.path,
        "kind": result.kind,
        "pack": result.pack or None,  # the pack that checked it (added in 0.2, --pack auto)
        "verdict": result.verdict,
        "error": (
            {"code": result.error.code, "message": result.error.message} if result.error else None
        ),
        "findings": [finding_dict(f, lang) for f in result.findings],
        "skipped_pages": list(result.skipped_pages),  # PDF pages that failed to parse
    }


def _pack_dict(report: RunReport) -> dict[str, Any]:
    """The pack of the run: under --pack auto, the one pack every file was checked with, if
    they share one (each file also names its own)."""
    used = {r.pack for r in report.results if r.pack}
    if report.pack.name == "auto" and len(used) == 1:
        name = used.pop()
        return {"name": name, "title": report.pack.named(name).title, "selected": "auto"}
    return {"name": report.pack.name, "title": report.pack.title}


def report_dict(report: RunReport) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "samlint", "version": __version__},
        "pack": _pack_dict(report),
        "as_of": report.as_of,
        "stage": report.stage,
        "files": [file_dict(r, report.lang) for r in report.results],
        "summary": {
            "files": len(report.results),
            "errors": report.count("error"),
            "warnings": report.count("warning"),
            "infos": report.count("info"),
            "unreadable": report.unreadable,
            "other_types_skipped": report.other_types,  # files in the folders not checked
        },
    }


def render_json(report: RunReport) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
