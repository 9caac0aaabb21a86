"""The plain text report (the rich terminal report builds on the same lines)."""

from __future__ import annotations

from lint.messages import label
from lint.report import RunReport


def render_text(report: RunReport, *, color: bool = False) -> str:
    lang = report.lang
    out: list[str] = []
    for result in report.results:
        out.append(f"{result.path} ({label(result.kind, lang)})")
        if result.error:
            out.append(
                f"  {label('unreadable', lang)} [{result.error.code}]: {result.error.message}"
            )
        for f in result.findings:
            loc = f.location
            where = f"{label('line', lang)} {loc.line}"
            if loc.page is not None:
                where = f"{label('page', lang)} {loc.page}, {where}"
            out.append(f"  {where}: {f.rule} {label(f.severity, lang)} [{f.name}] {f.message}")
            out.append(f"      | {loc.excerpt}")
            if f.suggestion:
                out.append(f"      {label('suggestion', lang)}: {f.suggestion}")
            if report.verbose and f.citation:
                out.append(f'      {label("cites", lang)}: "{f.citation.quote}"')
        if not result.error and not result.findings:
            out.append(f"  {label('no_findings', lang)}")
        out.append("")
    out.append(
        f"{len(report.results)} {label('files', lang)}: {report.count('error')} "
        f"{label('errors', lang)}, {report.count('warning')} {label('warnings', lang)}, "
        f"{report.count('info')} {label('infos', lang)}, {report.unreadable} "
        f"{label('unreadable', lang)}"
    )
    return "\n".join(out) + "\n"
