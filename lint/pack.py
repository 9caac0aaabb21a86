"""Rule packs: YAML data that instantiate the generic check types of `lint.check`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lint.errors import UsageError

SEVERITIES = ("error", "warning", "info")
SOURCES = {"O": "overarching_agreement", "T": "template", "C": "consistency"}


@dataclass(frozen=True)
class Citation:
    source: str  # "overarching_agreement"
    section: str
    quote: str
    why: dict[str, str] = field(default_factory=dict)  # lang -> why the clause fits the rule


@dataclass(frozen=True)
class RuleDoc:
    what: dict[str, str] = field(default_factory=dict)  # lang -> text
    why: dict[str, str] = field(default_factory=dict)
    example_bad: str = ""
    example_good: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str
    source: str  # "O", "T" or "C"
    applies: str  # "local" or "all"
    check: str  # the check type
    params: dict[str, Any]
    messages: dict[str, dict[str, str]]  # key -> lang -> template
    citation: Citation | None
    doc: RuleDoc
    stage_severity: dict[str, str] = field(default_factory=dict)  # stage -> severity

    def message(self, key: str, lang: str) -> str:
        variants = self.messages.get(key) or self.messages["default"]
        return variants.get(lang) or variants["sv"]


@dataclass(frozen=True)
class TemplateHeading:
    key: str
    title: str
    level: int
    aliases: tuple[str, ...] = ()
    # Words that name the section in a heading worded otherwise ("Avtalstid", "Handlingar som
    # hör till överenskommelsen"): a heading word that is, begins or ends with one of them.
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    path: Path
    rules: tuple[Rule, ...]
    template: tuple[TemplateHeading, ...]
    vocab: dict[str, Any]  # extraction vocabularies (roles, annex subjects, areas, kinds, terms)
    vocab_digest: str  # part of the extraction cache key

    def rule(self, rule_id: str) -> Rule | None:
        return next((r for r in self.rules if r.id == rule_id), None)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load`, through libyaml when PyYAML has it (ten times faster at start-up)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)


def rules_dir() -> Path:
    """The folder of bundled packs: the repository's `rules/` or the installed copy."""
    import sys

    candidates = [
        Path(__file__).resolve().parent.parent / "rules",
        Path(sys.prefix) / "share" / "samlint" / "rules",
    ]
    return next((c for c in candidates if c.is_dir()), candidates[0])


def resolve_pack_path(name_or_file: str) -> Path:
    path = Path(name_or_file)
    if path.suffix in (".yaml", ".yml") and path.is_file():
        return path
    bundled = rules_dir() / f"{name_or_file}.yaml"
    if bundled.is_file():
        return bundled
    available = ", ".join(sorted(p.stem for p in rules_dir().glob("*.yaml")))
    raise UsageError(f"unknown rule pack '{name_or_file}' (available: {available})")


def load_pack(name_or_file: str = "stockholm-2019") -> Pack:
    path = resolve_pack_path(name_or_file)
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read rule pack {path}: {exc}") from exc
    return parse_pack(data, path)


def parse_pack(data: dict[str, Any], path: Path) -> Pack:
    import hashlib
    import json

    if not isinstance(data, dict) or "rules" not in data:
        raise UsageError(f"rule pack {path} has no 'rules'")
    vocab = dict(data.get("vocabularies") or {})
    for key, ref in list(vocab.items()):
        if isinstance(ref, str):  # a path relative to the pack
            vocab[key] = load_yaml((path.parent / ref).read_text(encoding="utf-8"))
    template = tuple(
        TemplateHeading(
            t["key"],
            t["title"],
            int(t.get("level", 1)),
            tuple(t.get("aliases", ())),
            tuple(t.get("keywords", ())),
        )
        for t in data.get("template", ())
    )
    extraction_data = {"vocab": vocab, "template": data.get("template", ())}
    digest = hashlib.sha256(
        json.dumps(extraction_data, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()[:16]
    rules = tuple(_parse_rule(r, path) for r in data["rules"])
    return Pack(
        name=str(data.get("name", path.stem)),
        title=str(data.get("title", path.stem)),
        path=path,
        rules=rules,
        template=template,
        vocab=vocab,
        vocab_digest=digest,
    )


def _parse_rule(raw: dict[str, Any], path: Path) -> Rule:
    try:
        rule_id = raw["id"]
        severity = raw.get("severity", "warning")
        if severity not in SEVERITIES:
            raise UsageError(f"{path}: rule {rule_id} has unknown severity '{severity}'")
        messages = raw["messages"] if "messages" in raw else {"default": raw["message"]}
        cite = raw.get("citation")
        citation = (
            Citation(
                cite.get("source", "overarching_agreement"),
                cite["section"],
                cite["quote"],
                dict(cite.get("why") or {}),
            )
            if cite
            else None
        )
        doc = raw.get("doc", {})
        return Rule(
            id=rule_id,
            name=raw["name"],
            severity=severity,
            source=raw.get("source", "C"),
            applies=raw.get("applies", "local"),
            check=raw["check"],
            params=dict(raw.get("params") or {}),
            messages=messages,
            citation=citation,
            doc=RuleDoc(
                what=doc.get("what", {}),
                why=doc.get("why", {}),
                example_bad=doc.get("example_bad", ""),
                example_good=doc.get("example_good", ""),
            ),
            stage_severity=dict(raw.get("stage_severity") or {}),
        )
    except KeyError as exc:
        raise UsageError(f"{path}: rule {raw.get('id', '?')} lacks the key {exc}") from exc
