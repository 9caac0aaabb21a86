"""Validation of a rule pack when it is loaded, against the check types' declarations.

Every mistake is reported as one `UsageError` that names the file, the rule and the key
(`rules/x.yaml: rule NAT003: params.min_scor: unknown parameter ...`), so that a broken
pack stops the run with exit status 2 before any document is read, never with a
traceback per file.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lint.errors import UsageError

LANGS = ("sv", "en")
SEVERITIES = ("error", "warning", "info")
SOURCES = ("O", "T", "G", "C")
APPLIES = ("local", "all")
STAGES = ("signed", "draft")

PACK_KEYS = {
    "name": "the pack's name",
    "title": "the pack's title",
    "version": "the pack's version",
    "description": "what the pack is for",
    "vocabularies": "extraction vocabularies (paths relative to the pack, or inline)",
    "template": "the template's headings, in order",
    "citations": "shared citations (for YAML anchors)",
    "selection": "the words that make `--pack auto` pick this pack",
    "rules": "the rules",
}
RULE_KEYS = (
    "id",
    "name",
    "severity",
    "source",
    "applies",
    "check",
    "params",
    "message",
    "messages",
    "citation",
    "doc",
    "stage_severity",
    "enabled",
)
REQUIRED_RULE_KEYS = ("id", "name", "check")
CITATION_KEYS = ("source", "section", "quote", "why")  # why: {sv, en}, why the clause fits
DOC_KEYS = ("what", "why", "example_bad", "example_good")


def validate_pack(data: Any, path: Path) -> None:
    """Raise a UsageError for the first mistake in the pack `data` read from `path`."""
    from lint.check.engine import check_schemas

    def fail(where: str, problem: str) -> None:
        raise UsageError(f"{path}: {where}: {problem}")

    if not isinstance(data, dict):
        fail("pack", "a rule pack is a mapping with the keys name, title and rules")
    for key in data:
        if key not in PACK_KEYS:
            fail(f"key {key}", f"unknown pack key (known: {', '.join(PACK_KEYS)})")
    rules = data.get("rules")
    if not isinstance(rules, list) or not rules:
        fail("key rules", "the pack needs a non-empty list of rules")
    _validate_template(data.get("template"), fail)
    _validate_selection(data.get("selection"), fail)
    schemas = check_schemas()
    seen_ids: dict[str, int] = {}
    seen_names: dict[str, str] = {}
    for index, raw in enumerate(rules):
        if not isinstance(raw, dict):
            fail(f"rules[{index}]", "a rule is a mapping (id, name, check, messages ...)")
        rule_id = raw.get("id")
        if not isinstance(rule_id, str) or not rule_id:
            fail(f"rules[{index}]", "the rule has no id")
        if rule_id in seen_ids:
            fail(f"rule {rule_id}", f"duplicate id (also rules[{seen_ids[rule_id]}])")
        seen_ids[rule_id] = index
        name = raw.get("name")
        if isinstance(name, str) and name in seen_names:
            fail(f"rule {rule_id}: key name", f"'{name}' is also the name of {seen_names[name]}")
        if isinstance(name, str):
            seen_names[name] = rule_id
        _validate_rule(
            raw, schemas, lambda key, problem, r=rule_id: fail(f"rule {r}: {key}", problem)
        )


def _validate_rule(raw: dict[str, Any], schemas: Mapping[str, Any], fail: Any) -> None:
    for key in raw:
        if key not in RULE_KEYS:
            fail(f"key {key}", f"unknown rule key (known: {', '.join(RULE_KEYS)})")
    for key in REQUIRED_RULE_KEYS:
        if not isinstance(raw.get(key), str) or not raw.get(key):
            fail(f"key {key}", "missing (a non-empty string is required)")
    _one_of(raw, "severity", SEVERITIES, fail)
    _one_of(raw, "source", SOURCES, fail)
    _one_of(raw, "applies", APPLIES, fail)
    if not isinstance(raw.get("enabled", True), bool):
        fail("key enabled", "true or false")
    stage_severity = raw.get("stage_severity") or {}
    if not isinstance(stage_severity, dict):
        fail("key stage_severity", "a mapping of stage to severity")
    for stage, severity in stage_severity.items():
        if stage not in STAGES:
            fail(f"key stage_severity.{stage}", f"unknown stage (known: {', '.join(STAGES)})")
        if severity not in SEVERITIES:
            fail(f"key stage_severity.{stage}", f"bad severity '{severity}'")
    schema = schemas.get(raw["check"])
    if schema is None:
        known = ", ".join(sorted(schemas))
        fail("key check", f"unknown check type '{raw['check']}' (known: {known})")
    _validate_params(raw.get("params"), schema, fail)
    _validate_messages(raw, schema, fail)
    _validate_citation(raw.get("citation"), raw.get("source", "C"), fail)
    _validate_doc(raw.get("doc"), fail)


def _one_of(raw: dict[str, Any], key: str, allowed: tuple[str, ...], fail: Any) -> None:
    if key in raw and raw[key] not in allowed:
        fail(f"key {key}", f"bad value '{raw[key]}' (one of: {', '.join(allowed)})")


def _validate_params(params: Any, schema: Any, fail: Any) -> None:
    from lint.check.engine import PARAM_TYPES

    params = {} if params is None else params
    if not isinstance(params, dict):
        fail("key params", "a mapping of parameter name to value")
    declared = schema.params
    for name, value in params.items():
        param = declared.get(name)
        if param is None:
            known = ", ".join(declared) or "none"
            fail(
                f"key params.{name}",
                f"unknown parameter of check type '{schema.name}' (known: {known})",
            )
        if not PARAM_TYPES[param.type](value):
            fail(
                f"key params.{name}",
                f"must be of type {param.type}, not {type(value).__name__} ({value!r:.60})",
            )
        for problem in param.validate(value) if param.validate else ():
            fail(f"key params.{name}{problem.split(':')[0]}", problem.split(": ", 1)[-1])
    for name, param in declared.items():
        if param.required and name not in params:
            fail(f"key params.{name}", f"required by check type '{schema.name}'")


def _validate_messages(raw: dict[str, Any], schema: Any, fail: Any) -> None:
    if "messages" in raw and "message" in raw:
        fail("key message", "give either message or messages, not both")
    messages = raw["messages"] if "messages" in raw else {"default": raw.get("message")}
    if not isinstance(messages, dict):
        fail("key messages", "a mapping of message key to {sv: ..., en: ...}")
    for key in messages:
        if key not in schema.messages:
            known = ", ".join(schema.messages)
            fail(
                f"key messages.{key}",
                f"check type '{schema.name}' emits no message '{key}' (its keys: {known})",
            )
    for key in schema.messages:
        supplied = schema.placeholders(key)
        variants = messages.get(key)
        if variants is None:
            fail(f"key messages.{key}", f"missing: check type '{schema.name}' emits it")
        if not isinstance(variants, dict):
            fail(f"key messages.{key}", "a mapping {sv: ..., en: ...}")
        for lang in LANGS:
            text = variants.get(lang)
            if not isinstance(text, str) or not text.strip():
                fail(f"key messages.{key}.{lang}", "missing text")
            for field in _placeholders(text, lambda p, k=f"messages.{key}.{lang}": fail(k, p)):
                if field not in supplied:
                    offered = ", ".join(f"{{{f}}}" for f in sorted(schema.messages[key])) or "none"
                    fail(
                        f"key messages.{key}.{lang}",
                        f"placeholder {{{field}}} is not supplied by check type "
                        f"'{schema.name}' (it supplies: {offered})",
                    )
        for lang in variants:
            if lang not in LANGS:
                fail(f"key messages.{key}.{lang}", f"unknown language (known: {', '.join(LANGS)})")


def _placeholders(text: str, fail: Any) -> list[str]:
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        fail(f"bad placeholder syntax ({exc})")
        return []
    fields = []
    for _, field, _, _ in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            fail(f"placeholder {{{field}}} is not a plain name")
        fields.append(field)
    return fields


def _validate_citation(citation: Any, source: str, fail: Any) -> None:
    if citation is None:
        if source in ("O", "T", "G"):
            fail("key citation", f"a rule from source {source} cites its clause")
        return
    if not isinstance(citation, dict):
        fail("key citation", "a mapping with source, section and quote")
    for key in citation:
        if key not in CITATION_KEYS:
            fail(f"key citation.{key}", f"unknown key (known: {', '.join(CITATION_KEYS)})")
    for key in ("section", "quote"):
        if not isinstance(citation.get(key), str) or not citation[key].strip():
            fail(f"key citation.{key}", "missing text")
    if "why" in citation:
        why = citation["why"]
        if not isinstance(why, dict):
            fail("key citation.why", "a mapping {sv: ..., en: ...}")
        for lang in LANGS:
            if not isinstance(why.get(lang), str) or not why[lang].strip():
                fail(f"key citation.why.{lang}", "missing text")


def _validate_doc(doc: Any, fail: Any) -> None:
    if doc is None:
        return
    if not isinstance(doc, dict):
        fail("key doc", "a mapping with what, why, example_bad and example_good")
    for key in doc:
        if key not in DOC_KEYS:
            fail(f"key doc.{key}", f"unknown key (known: {', '.join(DOC_KEYS)})")
    for key in ("what", "why"):
        if key not in doc:
            continue
        if not isinstance(doc[key], dict):
            fail(f"key doc.{key}", "a mapping {sv: ..., en: ...}")
        for lang in LANGS:
            if not isinstance(doc[key].get(lang), str) or not doc[key][lang].strip():
                fail(f"key doc.{key}.{lang}", "missing text")
    for key in ("example_bad", "example_good"):
        if key in doc and not isinstance(doc[key], str):
            fail(f"key doc.{key}", "a text")


def _validate_template(template: Any, fail: Any) -> None:
    if template is None:
        return
    if not isinstance(template, list):
        fail("key template", "a list of headings {key, title, level, aliases}")
    keys: set[str] = set()
    for index, heading in enumerate(template):
        if not isinstance(heading, dict) or not heading.get("key") or not heading.get("title"):
            fail(f"key template[{index}]", "a heading needs a key and a title")
        if heading["key"] in keys:
            fail(f"key template[{index}]", f"duplicate key '{heading['key']}'")
        keys.add(heading["key"])


def _validate_selection(selection: Any, fail: Any) -> None:
    if selection is None:
        return
    if not isinstance(selection, dict):
        fail("key selection", "a mapping with order, markers and fallback (--pack auto)")
    for key in selection:
        if key not in ("order", "markers", "fallback"):
            fail(f"key selection.{key}", "unknown key (known: order, markers, fallback)")
    markers = selection.get("markers", [])
    if not isinstance(markers, list) or not all(isinstance(m, str) for m in markers):
        fail("key selection.markers", "a list of patterns")
    for marker in markers:
        try:
            re.compile(marker)
        except re.error as exc:
            fail("key selection.markers", f"bad pattern {marker!r} ({exc})")
