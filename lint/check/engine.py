from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lint.model import Document, Kind, Location, Span
from lint.pack import Citation, Pack, Rule

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Violation:
    """What a check function reports: where, which message variant, and its fields."""

    span: Span
    key: str = "default"
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None


CheckFunction = Callable[[Document, Mapping[str, Any]], Iterable[Violation]]
_REGISTRY: dict[str, CheckFunction] = {}

# Modules that register check types; imported on first use.
_CHECK_MODULES = (
    "lint.check.annexes",
    "lint.check.organisation",
    "lint.check.parties",
    "lint.check.signatures",
    "lint.check.dates",
    "lint.check.template",
    "lint.check.text",
    "lint.check.kind",
)


def register(check_type: str) -> Callable[[CheckFunction], CheckFunction]:
    def decorate(function: CheckFunction) -> CheckFunction:
        if check_type in _REGISTRY:
            raise ValueError(f"check type {check_type} registered twice")
        _REGISTRY[check_type] = function
        return function

    return decorate


def check_types() -> dict[str, CheckFunction]:
    for module in _CHECK_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


@dataclass(frozen=True)
class Finding:
    rule: str
    name: str
    severity: str
    message: str
    span: Span
    location: Location
    suggestion: str | None
    citation: Citation | None


@dataclass(frozen=True)
class Settings:
    stage: str = "signed"
    lang: str = "sv"
    as_of: str = ""  # YYYY-MM-DD
    select: tuple[str, ...] = ()  # ids or prefixes; empty selects all
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)  # id -> severity override


def rule_matches(rule_id: str, patterns: Iterable[str]) -> bool:
    return any(rule_id.startswith(p.strip().upper()) for p in patterns if p.strip())


def selected_rules(pack: Pack, settings: Settings, extra_ignore: Iterable[str] = ()) -> list[Rule]:
    rules = list(pack.rules)
    if settings.select:
        rules = [r for r in rules if rule_matches(r.id, settings.select)]
    ignored = (*settings.ignore, *extra_ignore)
    return [r for r in rules if not rule_matches(r.id, ignored)]


def effective_severity(rule: Rule, settings: Settings) -> str:
    if rule.id in settings.severity:
        return settings.severity[rule.id]
    return rule.stage_severity.get(settings.stage, rule.severity)


def applies_to(rule: Rule, kind: Kind) -> bool:
    if rule.applies == "all":
        return kind is not Kind.UNKNOWN or rule.check in _KIND_FREE_CHECKS
    return kind is Kind.LOCAL_AGREEMENT


# Text-level checks that make sense even on a document of unknown kind.
_KIND_FREE_CHECKS = frozenset(
    {"org_numbers", "term_spelling", "number_words", "document_recognised"}
)


def run_checks(
    document: Document, pack: Pack, settings: Settings, extra_ignore: Iterable[str] = ()
) -> list[Finding]:
    registry = check_types()
    findings: list[Finding] = []
    for rule in selected_rules(pack, settings, extra_ignore):
        if not applies_to(rule, document.kind):
            continue
        function = registry.get(rule.check)
        if function is None:
            raise KeyError(f"rule {rule.id}: unknown check type '{rule.check}'")
        params = {
            **rule.params,
            "_as_of": settings.as_of,
            "_lang": settings.lang,
            "_vocab": pack.vocab,  # the pack's vocabularies, e.g. the known terms for TXT001
        }
        findings.extend(_findings(rule, function(document, params), document, settings))
    findings.sort(key=lambda f: (f.span.start, f.rule))
    return findings


def _findings(
    rule: Rule, violations: Iterable[Violation], document: Document, settings: Settings
) -> Iterator[Finding]:
    severity = effective_severity(rule, settings)
    for violation in violations:
        yield Finding(
            rule=rule.id,
            name=rule.name,
            severity=severity,
            message=format_message(rule, violation, settings.lang),
            span=violation.span,
            location=document.source.locate(violation.span),
            suggestion=violation.suggestion,
            citation=rule.citation,
        )


class _Missing(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(rule: Rule, violation: Violation, lang: str) -> str:
    template = rule.message(violation.key, lang)
    return template.format_map(_Missing(violation.args))
