from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from lint.localize import english_aliases, format_message
from lint.model import Document, Kind, Location, Span
from lint.pack import Citation, Pack, Rule

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class Violation:
    """What a check function reports: where, which message variant, and its fields.

    The fields are language-neutral: a field that reads differently in each language is a
    `lint.localize` reference (a pack's {sv, en} text, a phrase, an interval) that the
    report resolves in its language.
    """

    span: Span
    key: str = "default"
    args: Mapping[str, Any] = field(default_factory=dict)
    suggestion: str | None = None
    # The place where the evidence would be was not understood well enough to call this a
    # deviation: reported as "could not be verified", at info level.
    unverified: bool = False


CheckFunction = Callable[[Document, Mapping[str, Any]], Iterable[Violation]]

# Parameter types a check type may declare, and what a pack's value must be for each.
PARAM_TYPES: dict[str, Callable[[Any], bool]] = {
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "string": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "list": lambda v: isinstance(v, list),
    "mapping": lambda v: isinstance(v, dict),
}


@dataclass(frozen=True)
class Param:
    """A parameter a check type takes from its rule's `params`."""

    type: str
    default: Any = None
    required: bool = False
    doc: str = ""
    # Deeper checks of a value: returns what is wrong with it, as "where: problem" texts.
    validate: Callable[[Any], list[str]] | None = field(default=None, compare=False)
    # The organisation types a value names, as (where, type) pairs ("[0].organisations",
    # "police_area"): each must be one the pack declares (`organisation_types`).
    org_types: Callable[[Any], list[tuple[str, str]]] | None = field(default=None, compare=False)


def one_org_type(value: Any) -> list[tuple[str, str]]:
    """`Param.org_types` of a parameter that is an organisation type."""
    return [("", str(value))]


@dataclass(frozen=True)
class CheckType:
    """A registered check type: its function, parameters and the messages it can emit.

    `messages` maps each message key the function may emit to the placeholders it
    supplies for that key; a rule must give a text (sv and en) for every key and may use
    only those placeholders. `translated` names the placeholders whose values the report
    translates; a pack may still write them with the old English suffix (`{subject_en}`).
    `any_kind` marks text-level checks that also run on a document whose kind was not
    recognised.
    """

    name: str
    function: CheckFunction
    params: Mapping[str, Param]
    messages: Mapping[str, frozenset[str]]
    any_kind: bool = False
    translated: frozenset[str] = frozenset()

    def placeholders(self, key: str) -> frozenset[str]:
        """What a text of message `key` may use: its fields and the old English names of
        its translated fields."""
        supplied = self.messages.get(key, frozenset())
        return supplied | english_aliases(supplied & self.translated)


_REGISTRY: dict[str, CheckType] = {}

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
    "lint.check.content",
)


def register(
    check_type: str,
    params: Mapping[str, Param] | None = None,
    messages: Mapping[str, Iterable[str]] | None = None,
    any_kind: bool = False,
    translated: Iterable[str] = (),
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check type with the parameters it takes and the messages it emits
    (default: no parameters, one message `default` without placeholders); `translated`
    names the fields whose values are `lint.localize` references."""
    for name, param in (params or {}).items():
        if param.type not in PARAM_TYPES:
            raise ValueError(f"check type {check_type}: parameter {name} has type {param.type}")
    declared = {key: frozenset(fields) for key, fields in (messages or {"default": ()}).items()}

    def decorate(function: CheckFunction) -> CheckFunction:
        if check_type in _REGISTRY:
            raise ValueError(f"check type {check_type} registered twice")
        _REGISTRY[check_type] = CheckType(
            check_type, function, dict(params or {}), declared, any_kind, frozenset(translated)
        )
        return function

    return decorate


def check_schemas() -> dict[str, CheckType]:
    """Every registered check type with its declared parameters and messages."""
    for module in _CHECK_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


def check_types() -> dict[str, CheckFunction]:
    return {name: schema.function for name, schema in check_schemas().items()}


@dataclass(frozen=True)
class Finding:
    """A rule's violation, located; its message is written in a report's language."""

    rule: str
    name: str
    severity: str
    span: Span
    location: Location
    suggestion: str | None
    citation: Citation | None
    key: str = "default"  # the message key the check reported
    args: Mapping[str, Any] = field(default_factory=dict)  # its language-neutral fields
    texts: Mapping[str, str] = field(default_factory=dict)  # the rule's message: lang -> text

    def message_in(self, lang: str) -> str:
        """The message in `lang` (Swedish when the rule has no text in it)."""
        return format_message(self.texts, self.args, lang)


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
    # A rule that is off by default runs only when --select names it by its full id.
    named = {p.strip().upper() for p in settings.select}
    rules = [r for r in pack.rules if r.enabled or r.id in named]
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
        if kind is not Kind.UNKNOWN:
            return True
        schema = check_schemas().get(rule.check)
        return schema is not None and schema.any_kind
    return kind is Kind.LOCAL_AGREEMENT


def run_checks(
    document: Document, pack: Pack, settings: Settings, extra_ignore: Iterable[str] = ()
) -> list[Finding]:
    registry = check_schemas()
    findings: list[Finding] = []
    for rule in selected_rules(pack, settings, extra_ignore):
        if not applies_to(rule, document.kind):
            continue
        schema = registry.get(rule.check)
        if schema is None:
            raise KeyError(f"rule {rule.id}: unknown check type '{rule.check}'")
        defaults = {name: p.default for name, p in schema.params.items() if p.default is not None}
        params = {
            **defaults,
            **rule.params,
            "_as_of": settings.as_of,
            "_vocab": pack.vocab,  # the pack's vocabularies, e.g. the known terms for TXT001
        }
        findings.extend(_findings(rule, schema.function(document, params), document, settings))
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
            severity="info" if violation.unverified else severity,
            span=violation.span,
            location=document.source.locate(violation.span),
            suggestion=violation.suggestion,
            citation=rule.citation,
            key=violation.key,
            args=violation.args,
            texts=rule.texts(violation.key),
        )
