"""The HTML report (`--format html`): one self-contained page for people, on screen and on paper.

No scripts, fonts, images or style sheets are fetched: the CSS is inline and every link is a
fragment of the page itself, so the file can be mailed, archived and opened offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from lint import __version__
from lint.check import Finding
from lint.messages import counted, label
from lint.model import Kind
from lint.pack import Rule
from lint.pipeline import FileResult
from lint.report import RunReport
from lint.report.common import (
    ContextLine,
    context_lines,
    place,
    rule_group,
    section_title,
    severity_counts,
    split_marks,
    verdict,
    worst,
)

CSS = """
:root { --error: #b3261e; --warning: #8a5a00; --info: #1a5fb4; --ok: #2e7d32; --muted: #5f6368;
        --line: #d9dce1; --mark: #ffe08a; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
       color: #1f2328; margin: 0 auto; max-width: 70rem; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; overflow-wrap: break-word; }
h3 { font-size: 1rem; margin: 0; }
.meta, .where, .muted { color: var(--muted); }
.meta { margin: 0 0 1rem; }
.totals span { margin-right: 1rem; white-space: nowrap; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f3f4f6; }
td.num, th.num { text-align: center; }
.scroll { overflow-x: auto; }
.overview { font-size: .9rem; }
.overview td:first-child { overflow-wrap: break-word; }  /* paths wrap at "/" (<wbr>) */
.overview .kind { display: block; color: var(--muted); font-size: .8rem; }
.overview th.num, .overview td.cell { padding: .3rem .1rem; width: 2.6rem; font-size: .8rem; }
.overview .verdict { font-size: .8rem; padding: 0 .4rem; }
.overview td.cell { text-align: center; font-weight: 600; }
.path-part { white-space: nowrap; }
dl.legend { display: grid; grid-template-columns: repeat(2, max-content 1fr); gap: .1rem .8rem;
            font-size: .85rem; margin: 0 0 1rem; }
dl.legend dt { font-weight: 600; text-align: center; }
dl.legend dd { margin: 0; color: var(--muted); }
.cell.error { background: #fbe3e1; color: var(--error); }
.cell.warning { background: #fdf0d5; color: var(--warning); }
.cell.info { background: #e3edfb; color: var(--info); }
.cell.ok { color: var(--ok); }
.cell.na { color: var(--muted); background: #f7f7f8; font-weight: normal; }
.verdict { display: inline-block; padding: .05rem .55rem; border-radius: 1rem; font-weight: 600;
           border: 1px solid currentColor; white-space: nowrap; }
.verdict.deviates { color: var(--error); }
.verdict.remarks { color: var(--warning); }
.verdict.complies, .verdict.notes { color: var(--ok); }
.verdict.not_checked { color: #7b1fa2; }
.verdict.unreadable { color: #7b1fa2; }
article.document { border-top: 3px solid #1f2328; padding-top: 1rem; margin-top: 2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem;
           margin: 0 0 1rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
dl.facts ul { margin: 0; padding-left: 1.1rem; }
.finding { border: 1px solid var(--line); border-left: 6px solid var(--muted); border-radius: 4px;
           padding: .6rem .9rem; margin: .8rem 0; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.badge { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 3px;
         color: #fff; padding: 0 .4rem; margin-right: .4rem; font-size: .85rem; }
.badge.error { background: var(--error); }
.badge.warning { background: var(--warning); }
.badge.info { background: var(--info); }
.rule-id { font-family: ui-monospace, Consolas, monospace; }
.message { margin: .35rem 0; }
.context { font: 13px/1.45 ui-monospace, Consolas, "DejaVu Sans Mono", monospace;
           background: #f6f8fa; border: 1px solid var(--line); border-radius: 4px;
           padding: .4rem 0; margin: .4rem 0; overflow-x: auto; }
.context .l { display: grid; grid-template-columns: 3.5rem 1fr; }
.context .n { color: var(--muted); text-align: right; padding-right: .8rem; user-select: none; }
.context .t { white-space: pre-wrap; word-break: break-word; padding-right: .6rem; }
.context .l.hit { background: #fff8e1; }
mark { background: var(--mark); color: inherit; border-bottom: 2px solid var(--error);
       padding: 0 1px; }
.suggestion { margin: .35rem 0; }
.suggestion strong { color: var(--ok); }
blockquote.citation { margin: .5rem 0 0; padding: .3rem .8rem; border-left: 4px solid var(--line);
                      background: #fafafa; }
blockquote.citation p { margin: 0; font-style: italic; }
blockquote.citation footer { color: var(--muted); font-size: .85rem; }
.error-box { border: 1px solid #7b1fa2; background: #f6ecf8; padding: .6rem .9rem;
             border-radius: 4px; }
footer.page { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  @page { margin: 15mm 12mm; }
  body { font-size: 10pt; max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  article.document { break-before: page; border-top: none; margin-top: 0; }
  .finding, tr, blockquote.citation { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .context, .scroll { overflow: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(report: RunReport) -> str:
    lang = report.lang
    title = label("report_title", lang)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        _header(report, title),
    ]
    if len(report.results) > 1:
        parts.append(_overview(report))
    parts.append("<main>")
    for index, result in enumerate(report.results, 1):
        parts.append(_document(result, index, report))
    parts.append("</main>")
    parts.append(
        f'<footer class="page">{escape(label("generated_by", lang))} samlint {__version__}'
        f" · {escape(report.pack.name)}</footer>"
    )
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _header(report: RunReport, title: str) -> str:
    lang = report.lang
    meta = " · ".join(
        (
            f"{label('pack', lang)}: {report.pack.title}",
            f"{label('as_of', lang)}: {report.as_of}",
            f"{label('stage', lang)}: {label(report.stage, lang)}",
        )
    )
    totals = [
        (len(report.results), "files"),
        (report.count("error"), "errors"),
        (report.count("warning"), "warnings"),
        (report.count("info"), "infos"),
        (report.unreadable, "unreadable"),
    ]
    spans = "".join(f"<span>{escape(counted(count, key, lang))}</span>" for count, key in totals)
    return (
        f"<header><h1>{escape(title)}</h1>"
        f'<p class="meta">{escape(meta)}</p>'
        f'<p class="totals">{spans}</p></header>'
    )


def _groups(rules: Iterable[Rule]) -> list[tuple[str, list[Rule]]]:
    groups: dict[str, list[Rule]] = {}
    for rule in rules:
        groups.setdefault(rule_group(rule.id), []).append(rule)
    return list(groups.items())


def _overview(report: RunReport) -> str:
    lang = report.lang
    groups = _groups(report.pack.rules)
    head = "".join(
        f'<th class="num" title="{escape(", ".join(r.id for r in rules))}">{escape(group)}</th>'
        for group, rules in groups
    )
    rows = []
    for index, result in enumerate(report.results, 1):
        state = verdict(result)
        cells = "".join(_overview_cell(result, rules, lang) for _, rules in groups)
        rows.append(
            f'<tr><td><a href="#doc-{index}">{_path(result.path)}</a>'
            f'<span class="kind">{escape(label(result.kind, lang))}</span></td>'
            f'<td><span class="verdict {state}">{escape(label(f"verdict_{state}", lang))}'
            f"</span></td>{cells}</tr>"
        )
    return (
        f'<section id="overview"><h2>{escape(label("overview", lang))}</h2>'
        f'<p class="muted">{escape(label("overview_hint", lang))}</p>'
        '<div class="scroll"><table class="overview"><thead><tr>'
        f"<th>{escape(label('document', lang))}</th><th>{escape(label('verdict', lang))}</th>"
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        f"{_legend(groups, lang)}</section>"
    )


def _path(path: str) -> str:
    """An escaped path that the browser may break after each "/" (and nowhere else)."""
    parts = path.split("/")
    return "/<wbr>".join(f'<span class="path-part">{escape(part)}</span>' for part in parts)


def _legend(groups: list[tuple[str, list[Rule]]], lang: str) -> str:
    """What the columns and the marks mean, on the page (tooltips do not print)."""
    items = []
    for group, rules in groups:
        ids = f"{rules[0].id}–{rules[-1].id}" if len(rules) > 1 else rules[0].id
        name = label(f"group_{group}", lang)
        meaning = f"{name} ({ids})" if name != f"group_{group}" else ids
        items.append(f"<dt>{escape(group)}</dt><dd>{escape(meaning)}</dd>")
    items.append(f"<dt>0</dt><dd>{escape(label('legend_zero', lang))}</dd>")
    items.append(f"<dt>–</dt><dd>{escape(label('legend_na', lang))}</dd>")
    return f'<dl class="legend">{"".join(items)}</dl>'


def _overview_cell(result: FileResult, rules: list[Rule], lang: str) -> str:
    ids = {rule.id for rule in rules}
    hits = [f for f in result.findings if f.rule in ids]
    applicable = result.error is None and (
        result.kind == Kind.LOCAL_AGREEMENT.value or any(r.applies == "all" for r in rules)
    )
    if not applicable:
        return f'<td class="cell na" title="{escape(label("not_applicable", lang))}">–</td>'
    if not hits:
        return '<td class="cell ok">0</td>'
    severity = worst(f.severity for f in hits) or "info"
    title = ", ".join(sorted({f.rule for f in hits}))
    return f'<td class="cell {severity}" title="{escape(title)}">{len(hits)}</td>'


def _document(result: FileResult, index: int, report: RunReport) -> str:
    lang = report.lang
    state = verdict(result)
    counts = severity_counts(result.findings)
    count_text = ", ".join(
        counted(counts[s], key, lang)
        for s, key in (("error", "errors"), ("warning", "warnings"), ("info", "infos"))
    )
    facts = [
        (label("kind", lang), escape(label(result.kind, lang))),
        *([(label("pack", lang), escape(result.pack))] if result.pack else []),
        (label("parties", lang), _parties(result, report)),
        (
            label("verdict", lang),
            f'<span class="verdict {state}">{escape(label(f"verdict_{state}", lang))}</span>'
            + ("" if result.error else f" <span class='muted'>{escape(count_text)}</span>"),
        ),
    ]
    rows = "".join(f"<dt>{escape(name)}</dt><dd>{value}</dd>" for name, value in facts)
    out = [
        f'<article class="document" id="doc-{index}">',
        f'<h2 title="{escape(result.path)}">{_path(result.path)}</h2>',
        f'<dl class="facts">{rows}</dl>',
    ]
    if result.error:
        out.append(
            f'<p class="error-box"><strong>{escape(label("unreadable", lang))}'
            f" [{escape(result.error.code)}]</strong>: {escape(result.error.message)}</p>"
        )
    elif not result.findings:
        out.append(f'<p class="cell ok">{escape(label("no_findings", lang))}</p>')
    for number, finding in enumerate(result.findings, 1):
        out.append(_finding(result, finding, f"doc-{index}-{number}", report))
    out.append("</article>")
    return "\n".join(out)


def _parties(result: FileResult, report: RunReport) -> str:
    lang = report.lang
    pack = report.pack.named(result.pack)  # the pack that declares the organisation types
    document = result.document
    if document is None or not document.parties:
        return f'<span class="muted">{escape(label("no_parties", lang))}</span>'
    items = []
    for party in document.parties:
        extra = pack.organisation_label(party.org_type, lang)
        if party.org_number is not None:
            extra += f", {party.org_number.value}"
        items.append(f"<li>{escape(party.name)} <span class='muted'>({escape(extra)})</span></li>")
    return f"<ul>{''.join(items)}</ul>"


def _finding(result: FileResult, finding: Finding, anchor: str, report: RunReport) -> str:
    lang = report.lang
    loc = finding.location
    where = []
    found = place(result, finding, lang)
    docx = result.document is not None and result.document.source.format == "docx"
    if found:
        where.append(found)  # a PDF's page and line on it; a DOCX's section and paragraph
    if not docx and loc.page is None:
        where.append(f"{label('line', lang)} {loc.line}")
        where.append(f"{label('column', lang)} {loc.column}")
    section = section_title(result.document, finding.span)
    if section and not docx:
        where.append(f"{label('section', lang)}: {section}")
    severity = finding.severity
    out = [
        f'<section class="finding {severity}" id="{anchor}" data-rule="{escape(finding.rule)}">',
        f'<h3><span class="badge {severity}">{escape(label(severity, lang))}</span>'
        f'<span class="rule-id">{escape(finding.rule)}</span> {escape(finding.name)}</h3>',
        f'<p class="where">{escape(", ".join(where))}</p>',
        f'<p class="message">{escape(finding.message_in(lang))}</p>',
        _context(context_lines(result, finding, around=2)),
    ]
    if finding.suggestion:
        out.append(
            f'<p class="suggestion"><strong>{escape(label("suggestion", lang))}:</strong> '
            f"{escape(finding.suggestion)}</p>"
        )
    if finding.citation:
        cite = finding.citation
        out.append(
            f'<blockquote class="citation"><p>“{escape(cite.quote)}”</p>'
            f"<footer>{escape(label('cited_clause', lang))}: {escape(label(cite.source, lang))}, "
            f"{escape(cite.section)}</footer></blockquote>"
        )
    out.append("</section>")
    return "\n".join(out)


def _context(lines: list[ContextLine]) -> str:
    rows = []
    for line in lines:
        text = "".join(
            f"<mark>{escape(piece)}</mark>" if marked else escape(piece)
            for piece, marked in split_marks(line)
        )
        hit = " hit" if line.is_hit else ""
        page = f' title="p. {line.page}"' if line.page is not None else ""
        rows.append(
            f'<div class="l{hit}"{page}><span class="n">{line.number}</span>'
            f'<span class="t">{text}</span></div>'
        )
    return f'<div class="context">{"".join(rows)}</div>'
