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
    "section_roles": "which template heading plays each role the analyzers look for",
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
    _validate_section_roles(data.get("section_roles"), data.get("template") or [], fail)
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
        _validate_evidence(heading.get("evidence", []), index, fail)


def _validate_evidence(evidence: Any, index: int, fail: Any) -> None:
    from lint.pack import SECTION_EVIDENCE

    if not isinstance(evidence, list) or not all(isinstance(e, str) for e in evidence):
        fail(f"key template[{index}].evidence", "a list of the model's collections")
    for name in evidence:
        if name not in SECTION_EVIDENCE:
            known = ", ".join(sorted(SECTION_EVIDENCE))
            fail(f"key template[{index}].evidence", f"unknown {name!r} (known: {known})")


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


def _validate_section_roles(roles: Any, template: list[Any], fail: Any) -> None:
    from lint.pack import SECTION_ROLES

    if roles is None:
        return
    if not isinstance(roles, dict):
        fail("key section_roles", "a mapping of role to template key (parties: parties)")
    keys = [h["key"] for h in template]
    for role, key in roles.items():
        if role not in SECTION_ROLES:
            known = ", ".join(SECTION_ROLES)
            fail(f"key section_roles.{role}", f"unknown role (known: {known})")
        if key not in keys:
            fail(
                f"key section_roles.{role}",
                f"{key!r} is not a key of the template (its keys: {', '.join(keys) or 'none'})",
            )


# --- the domain vocabularies ---------------------------------------------------------------

ORGANISATION_TYPE_KEYS = ("sv", "en", "unspecific")


def validate_vocabularies(
    vocab: Mapping[str, Any], sources: Mapping[str, str], rules: list[Any], path: Path
) -> None:
    """Raise a UsageError for the first mistake in the domain vocabularies (loaded from
    `sources`, vocabulary -> file) or in a rule's reference to an organisation type."""

    def failing(name: str) -> Any:
        source = f" ({sources[name]})" if name in sources else ""

        def fail(where: str, problem: str) -> None:
            parts = [str(path), f"vocabularies.{name}{source}", where, problem]
            raise UsageError(": ".join(part for part in parts if part))

        return fail

    declared = _validate_organisation_types(vocab, failing("organisation_types"))
    _validate_parties_vocab(vocab.get("parties"), declared, failing("parties"))
    _validate_roles_vocab(vocab.get("roles"), declared, failing("roles"))
    _validate_validity_vocab(vocab.get("validity"), failing("validity"))
    _validate_rule_org_types(rules, declared, path)


def _validate_organisation_types(vocab: Mapping[str, Any], fail: Any) -> list[str] | None:
    """The declared organisation types; None when the pack declares none."""
    types = vocab.get("organisation_types")
    if types is None:
        for user in ("parties", "roles"):
            if vocab.get(user) is not None:
                fail(
                    "",
                    f"missing: the vocabulary {user} names organisation types, so the pack "
                    "declares them (see rules/vocab/organisation-types.yaml)",
                )
        return None
    if not isinstance(types, dict) or not types:
        fail("", "a mapping of organisation type to {sv, en, unspecific}")
    for key, entry in types.items():
        if not isinstance(entry, dict):
            fail(f"key {key}", "a mapping {sv: ..., en: ...} with how reports name the type")
        for field in entry:
            if field not in ORGANISATION_TYPE_KEYS:
                known = ", ".join(ORGANISATION_TYPE_KEYS)
                fail(f"key {key}.{field}", f"unknown key (known: {known})")
        for lang in LANGS:
            if not isinstance(entry.get(lang), str) or not entry[lang].strip():
                fail(f"key {key}.{lang}", "missing text")
        if not isinstance(entry.get("unspecific", False), bool):
            fail(f"key {key}.unspecific", "true or false")
    return [str(key) for key in types]


def _undeclared(value: str, declared: list[str] | None) -> str | None:
    if declared is None:
        return f"{value!r} is not a declared organisation type (the pack declares none)"
    if value not in declared:
        return f"{value!r} is not a declared organisation type (declared: {', '.join(declared)})"
    return None


def _validate_parties_vocab(parties: Any, declared: list[str] | None, fail: Any) -> None:
    if parties is None:
        return
    if not isinstance(parties, dict):
        fail("", "a mapping with org_types, generic_types, signatory_titles ...")
    org_types = parties.get("org_types") or {}
    if not isinstance(org_types, dict):
        fail("key org_types", "a mapping of organisation type to the words that name it")
    for org_type, words in org_types.items():
        if problem := _undeclared(str(org_type), declared):
            fail(f"key org_types.{org_type}", problem)
        _strings(words, f"key org_types.{org_type}", fail)
    for key in ("generic_types", "name_suffix_types"):
        for index, org_type in enumerate(_strings(parties.get(key), f"key {key}", fail)):
            if problem := _undeclared(org_type, declared):
                fail(f"key {key}[{index}]", problem)
    _patterns(parties.get("signatory_titles"), "key signatory_titles", fail)
    _validate_signature_columns(parties.get("signature_columns"), fail)


_SIGNATURE_FIELDS = ("name", "title", "organisation", "date", "place")


def _validate_signature_columns(columns: Any, fail: Any) -> None:
    if columns is None:
        return
    if not isinstance(columns, dict):
        fail("key signature_columns", "a mapping of signature field to its header words")
    for field_name, words in columns.items():
        if field_name not in _SIGNATURE_FIELDS:
            fail(f"key signature_columns.{field_name}", f"one of {', '.join(_SIGNATURE_FIELDS)}")
        _strings(words, f"key signature_columns.{field_name}", fail)


def _validate_roles_vocab(roles: Any, declared: list[str] | None, fail: Any) -> None:
    if roles is None:
        return
    if not isinstance(roles, dict):
        fail("", "a mapping with groups, roles, organisations ...")
    for key, role in (roles.get("roles") or {}).items():
        organisation = role.get("organisation") if isinstance(role, dict) else None
        if organisation is not None and (problem := _undeclared(str(organisation), declared)):
            fail(f"key roles.{key}.organisation", problem)
    for org_type in roles.get("organisations") or {}:
        if problem := _undeclared(str(org_type), declared):
            fail(f"key organisations.{org_type}", problem)
    _strings(roles.get("other_level_words"), "key other_level_words", fail)
    revisions = roles.get("revisions")
    if isinstance(revisions, dict):
        subjects = list(revisions.get("subjects") or {})
        ignored = _strings(
            revisions.get("ignored_subjects"), "key revisions.ignored_subjects", fail
        )
        for index, subject in enumerate(ignored):
            if subject not in subjects:
                fail(
                    f"key revisions.ignored_subjects[{index}]",
                    f"{subject!r} is not a subject of revisions.subjects ({', '.join(subjects)})",
                )


def _validate_validity_vocab(validity: Any, fail: Any) -> None:
    if validity is None:
        return
    if not isinstance(validity, dict):
        fail("", "a mapping with other_documents, earlier_period")
    for key in validity:
        if key not in ("other_documents", "earlier_period"):
            fail(f"key {key}", "unknown key (known: other_documents, earlier_period)")
    _patterns(validity.get("other_documents"), "key other_documents", fail)
    _patterns(validity.get("earlier_period"), "key earlier_period", fail)


def _validate_rule_org_types(rules: list[Any], declared: list[str] | None, path: Path) -> None:
    from lint.check.engine import check_schemas

    schemas = check_schemas()
    for raw in rules:
        schema = schemas[raw["check"]]
        for name, value in (raw.get("params") or {}).items():
            param = schema.params[name]
            for where, org_type in param.org_types(value) if param.org_types else ():
                if problem := _undeclared(org_type, declared):
                    raise UsageError(
                        f"{path}: rule {raw['id']}: key params.{name}{where}: {problem}"
                    )


def _strings(value: Any, where: str, fail: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail(where, "a list of texts")
    return value


def _patterns(value: Any, where: str, fail: Any) -> None:
    for pattern in _strings(value, where, fail):
        try:
            re.compile(pattern)
        except re.error as exc:
            fail(where, f"bad pattern {pattern!r} ({exc})")
