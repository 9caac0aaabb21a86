"""The SARIF 2.1.0 report (`--format sarif`), for code-scanning viewers and CI annotations."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any

from lint import __version__
from lint.check import Finding
from lint.messages import label
from lint.pack import SOURCES, Rule
from lint.pipeline import FileResult
from lint.report import RunReport
from lint.report.common import section_title

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "samlint/v1"
READ_ERROR = "samlint/read-error"  # the rule id of a file that could not be read


def render_sarif(report: RunReport) -> str:
    return json.dumps(sarif_log(report), ensure_ascii=False, indent=2) + "\n"


def sarif_log(report: RunReport) -> dict[str, Any]:
    rules = list(report.pack.rules)
    index = {rule.id: i for i, rule in enumerate(rules)}
    artifacts = [_artifact(result) for result in report.results]
    results = [
        _result(result, finding, index, artifact_index, report.lang, occurrence)
        for artifact_index, result in enumerate(report.results)
        for finding, occurrence in _with_occurrences(result.findings)
    ]
    notifications = [
        _notification(result, artifact_index, report.lang)
        for artifact_index, result in enumerate(report.results)
        if result.error is not None
    ]
    descriptors = [_descriptor(rule, report.lang) for rule in rules]
    if notifications:  # unreadable files are results too, so that every viewer counts them
        descriptors.append(_read_error_descriptor(report.lang))
        results += [
            _read_error_result(result, artifact_index, len(rules), report.lang)
            for artifact_index, result in enumerate(report.results)
            if result.error is not None
        ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "samlint",
                        "fullName": "samverkan-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "language": report.lang,
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not notifications,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "language": report.lang,
                "columnKind": "unicodeCodePoints",
                "artifacts": artifacts,
                "results": results,
                "properties": {
                    "pack": {"name": report.pack.name, "title": report.pack.title},
                    "as_of": report.as_of,
                    "stage": report.stage,
                },
            }
        ],
    }


def _pick(texts: dict[str, str], lang: str) -> str:
    return " ".join((texts.get(lang) or texts.get("en") or texts.get("sv") or "").split())


def _descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    what = _pick(rule.doc.what, lang) or rule.name
    why = _pick(rule.doc.why, lang)
    help_text = " ".join(part for part in (what, why) if part)
    help_markdown = f"{what}\n\n{why}".strip()
    if rule.citation is not None:
        source = label(rule.citation.source, lang)
        quote = f'"{rule.citation.quote}" ({source}, {rule.citation.section})'
        help_text += f" {quote}"
        help_markdown += f"\n\n> {rule.citation.quote}\n\n({source}, {rule.citation.section})"
    descriptor: dict[str, Any] = {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": what},
        "fullDescription": {"text": f"{what} {why}".strip()},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "source": SOURCES.get(rule.source, rule.source),
            "applies": rule.applies,
            "tags": [SOURCES.get(rule.source, rule.source), rule.applies],
        },
    }
    if rule.citation is not None:
        descriptor["properties"]["citation"] = {
            "source": rule.citation.source,
            "section": rule.citation.section,
            "quote": rule.citation.quote,
        }
    return descriptor


def _uri(path: str) -> str:
    if path == "-" or path.startswith("<"):
        return "-"  # standard input, named as on the command line and in the other reports
    candidate = Path(path)
    if candidate.is_absolute():
        return candidate.as_uri()
    return str(PurePosixPath(*candidate.parts))


def _artifact(result: FileResult) -> dict[str, Any]:
    artifact: dict[str, Any] = {"location": {"uri": _uri(result.path)}}
    if result.document is not None:
        artifact["properties"] = {"kind": result.kind, "format": result.document.source.format}
    else:
        artifact["properties"] = {"kind": result.kind}
    if result.pack:
        artifact["properties"]["pack"] = result.pack
    return artifact


def _with_occurrences(findings: tuple[Finding, ...]) -> list[tuple[Finding, int]]:
    """Each finding with how many earlier findings of the file share its fingerprint input."""
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for finding in findings:
        key = (finding.rule, _normalized(_snippet(finding, None)))
        out.append((finding, seen[key]))
        seen[key] += 1
    return out


def _snippet(finding: Finding, result: FileResult | None) -> str:
    """The text of the region: the span itself when the document is at hand, else the excerpt."""
    if result is not None and result.document is not None:
        text = result.document.source.slice(finding.span)
        if text.strip():
            return text
    return finding.location.excerpt


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def _fingerprint(finding: Finding, occurrence: int) -> str:
    """Stable across runs and line shifts: rule, the offending text and its occurrence number."""
    basis = f"{finding.rule}\0{_normalized(finding.location.excerpt)}\0{occurrence}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _result(
    result: FileResult,
    finding: Finding,
    rule_index: dict[str, int],
    artifact_index: int,
    lang: str,
    occurrence: int,
) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, Any] = {
        "startLine": loc.line,
        "startColumn": loc.column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column + 1,  # SARIF's end column is exclusive
        "snippet": {"text": _snippet(finding, result)},
    }
    properties: dict[str, Any] = {"page": loc.page}
    section = section_title(result.document, finding.span)
    if section:
        properties["section"] = section
    if finding.suggestion:
        properties["suggestion"] = finding.suggestion
    if finding.citation is not None:
        properties["citation"] = {
            "source": finding.citation.source,
            "section": finding.citation.section,
            "quote": finding.citation.quote,
        }
    message = finding.message_in(lang)
    if finding.suggestion:
        message += f" ({label('suggestion', lang)}: {finding.suggestion})"
    sarif: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVELS.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path), "index": artifact_index},
                    "region": region,
                    "contextRegion": {
                        "startLine": loc.line,
                        "endLine": loc.end_line,
                        "snippet": {"text": loc.excerpt},
                    },
                },
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: _fingerprint(finding, occurrence)},
        "properties": properties,
    }
    if finding.rule in rule_index:
        sarif["ruleIndex"] = rule_index[finding.rule]
    if section:
        sarif["locations"][0]["logicalLocations"] = [{"name": section, "kind": "section"}]
    return sarif


def _notification(result: FileResult, artifact_index: int, lang: str) -> dict[str, Any]:
    assert result.error is not None
    return {
        "level": "error",
        "message": {"text": f"{label('tool_notification', lang)}: {result.error.message}"},
        "descriptor": {"id": result.error.code},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path), "index": artifact_index}
                }
            }
        ],
    }


def _read_error_descriptor(lang: str) -> dict[str, Any]:
    text = label("read_error_rule", lang)
    return {
        "id": READ_ERROR,
        "name": "read-error",
        "shortDescription": {"text": text},
        "fullDescription": {"text": text},
        "help": {"text": text},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": ["read-error"]},
    }


def _read_error_result(
    result: FileResult, artifact_index: int, rule_index: int, lang: str
) -> dict[str, Any]:
    """An unreadable file as an error-level result located at the file itself."""
    assert result.error is not None
    message = f"{label('tool_notification', lang)} [{result.error.code}]: {result.error.message}"
    basis = f"{READ_ERROR}\0{result.error.code}"
    return {
        "ruleId": READ_ERROR,
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(result.path), "index": artifact_index}
                }
            }
        ],
        "partialFingerprints": {
            FINGERPRINT_KEY: hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
        },
        "properties": {"code": result.error.code},
    }
