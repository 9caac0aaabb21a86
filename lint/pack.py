"""Rule packs: YAML data that instantiate the generic check types of `lint.check`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from lint.errors import UsageError
from lint.messages import LANGS

SEVERITIES = ("error", "warning", "info")
# What the analyzers and checks look for in a template section; the pack's `section_roles`
# says which of its template headings plays each role.
SECTION_ROLES = {
    "parties": "the parties are read here before the title block",
    "annexes": "the annex list",
    "term": "a validity sentence here needs no word for the agreement",
    "organisation": "a group named at the start of a sentence here counts as described",
    "situation_picture": "the prioritized areas are read here; PRI001 points here",
    "signatures": "a sentence here that describes the signing dates the undated signatures",
}
SOURCES = {
    "O": "overarching_agreement",
    "T": "template",
    "G": "national_guidance",
    "C": "consistency",
}

# The collections of the document model that can show what a section is (`evidence` of a
# template heading): the party list, the organisation numbers, the annex list, the validity
# clauses, the groups, the prioritized areas.
SECTION_EVIDENCE = frozenset(
    {"parties", "org_numbers", "annexes", "validity", "groups", "priority_areas"}
)


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
    enabled: bool = True  # False: off by default, runs only when selected by its full id

    def texts(self, key: str) -> dict[str, str]:
        """The message of `key` (else `default`) in every language the pack gives."""
        return self.messages.get(key) or self.messages["default"]


@dataclass(frozen=True)
class TemplateHeading:
    key: str
    title: str
    level: int
    aliases: tuple[str, ...] = ()
    # Words that name the section in a heading worded otherwise ("Avtalstid", "Handlingar som
    # hör till överenskommelsen"): a heading word that is, begins or ends with one of them.
    keywords: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()  # what the section is to the analyzers (`SECTION_ROLES`)
    # What the section holds when its heading names it in words of its own ("Vilka som
    # samarbetar" over the party list): the model's collections (`SECTION_EVIDENCE`).
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganisationType:
    """A kind of organisation a party or a group member belongs to (the pack's
    `organisation_types` vocabulary)."""

    key: str
    labels: dict[str, str]  # lang -> how reports name it
    # Its words name an organisation without saying which kind ("förvaltning"): a more
    # specific word decides a party's type, and signatures are not matched to parties by it.
    unspecific: bool = False

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels.get("sv") or self.key


def organisation_types(vocab: dict[str, Any]) -> dict[str, OrganisationType]:
    """The organisation types a pack's vocabularies declare, by key."""
    return {
        str(key): OrganisationType(
            str(key),
            {lang: str(entry[lang]) for lang in LANGS if lang in entry},
            bool(entry.get("unspecific", False)),
        )
        for key, entry in (vocab.get("organisation_types") or {}).items()
    }


def unspecific_types(vocab: dict[str, Any]) -> frozenset[str]:
    return frozenset(k for k, t in organisation_types(vocab).items() if t.unspecific)


@dataclass(frozen=True)
class Pack:
    name: str
    title: str
    path: Path
    rules: tuple[Rule, ...]
    template: tuple[TemplateHeading, ...]
    vocab: dict[str, Any]  # extraction vocabularies (roles, annex subjects, areas, kinds, terms)
    vocab_digest: str  # part of the extraction cache key
    # `--pack auto`: the packs to choose from by the document's text, in order, and the
    # patterns that choose each (a pack's `selection.markers`); empty for a single pack.
    candidates: tuple[tuple[Pack, tuple[str, ...]], ...] = ()
    fallback: Pack | None = None  # the pack for a text that matches no pack's markers

    def named(self, name: str) -> Pack:
        """The pack of that name: itself or, under `--pack auto`, the candidate that checked
        a file (`FileResult.pack`)."""
        found = next((c for c, _ in self.candidates if c.name == name), None)
        return found if found is not None else self

    def organisation_label(self, org_type: str, lang: str) -> str:
        """How a report in `lang` names an organisation type (its key when undeclared)."""
        declared = organisation_types(self.vocab).get(org_type)
        return declared.label(lang) if declared is not None else org_type

    def rule(self, rule_id: str) -> Rule | None:
        found = next((r for r in self.rules if r.id == rule_id), None)
        if found is None:
            for candidate, _ in self.candidates:
                found = found or candidate.rule(rule_id)
        return found

    def for_text(self, text: str) -> Pack:
        """The pack that checks a document with this text: itself, or under `--pack auto`
        the first candidate whose markers occur in it (else the fallback)."""
        if not self.candidates:
            return self
        import re

        lowered = " ".join(text.lower().split())
        for candidate, markers in self.candidates:
            if any(re.search(marker, lowered) for marker in markers):
                return candidate
        assert self.fallback is not None
        return self.fallback


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


# The pack of `rules` and of `check` before 0.2, named only here.
DEFAULT_PACK = "stockholm-2019"
AUTO = "auto"


def load_pack(name_or_file: str = DEFAULT_PACK) -> Pack:
    """Load and validate a pack; any mistake in it is a UsageError naming the file, the
    rule and the key. `auto` gives a pack that chooses among the bundled packs that have
    a `selection` by each document's text."""
    if name_or_file == AUTO:
        return load_auto_pack()
    path = resolve_pack_path(name_or_file)
    return _checked_pack(_read_pack(path), path)


def _read_pack(path: Path) -> Any:
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"cannot read rule pack {path}: {exc}") from exc


def _checked_pack(data: Any, path: Path) -> Pack:
    from lint.packcheck import validate_pack, validate_vocabularies

    validate_pack(data, path)
    pack = parse_pack(data, path)
    sources = {
        name: str(path.parent / ref)
        for name, ref in (data.get("vocabularies") or {}).items()
        if isinstance(ref, str)
    }
    validate_vocabularies(pack.vocab, sources, data["rules"], path)
    return pack


def load_auto_pack() -> Pack:
    """The bundled packs with a `selection`, in their order; the one marked `fallback`
    checks a text that matches no pack's markers."""
    import hashlib

    chosen: list[tuple[int, Pack, tuple[str, ...], bool]] = []
    for path in sorted(rules_dir().glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8"))  # once: selection, then pack
        selection = data.get("selection") if isinstance(data, dict) else None
        if not selection:
            continue
        pack = _checked_pack(data, path)
        markers = tuple(selection.get("markers") or ())
        chosen.append(
            (int(selection.get("order", 99)), pack, markers, bool(selection.get("fallback")))
        )
    if not chosen:
        return load_pack(DEFAULT_PACK)
    chosen.sort(key=lambda item: item[0])
    fallback = next((pack for _, pack, _, is_fallback in chosen if is_fallback), chosen[0][1])
    rules: dict[str, Rule] = {}
    for _, pack, _, _ in chosen:
        for rule in pack.rules:
            rules.setdefault(rule.id, rule)
    digest = hashlib.sha256(
        "|".join(f"{pack.name}:{pack.vocab_digest}" for _, pack, _, _ in chosen).encode()
    ).hexdigest()[:16]
    names = ", ".join(pack.name for _, pack, _, _ in chosen)
    return Pack(
        name=AUTO,
        title=f"auto ({names})",
        path=rules_dir(),
        rules=tuple(rules.values()),
        template=(),
        vocab={},
        vocab_digest=digest,
        candidates=tuple((pack, markers) for _, pack, markers, _ in chosen),
        fallback=fallback,
    )


def parse_pack(data: dict[str, Any], path: Path) -> Pack:
    import hashlib
    import json

    if not isinstance(data, dict) or "rules" not in data:
        raise UsageError(f"rule pack {path} has no 'rules'")
    vocab = dict(data.get("vocabularies") or {})
    for key, ref in list(vocab.items()):
        if isinstance(ref, str):  # a path relative to the pack
            try:
                vocab[key] = load_yaml((path.parent / ref).read_text(encoding="utf-8"))
            except (OSError, yaml.YAMLError) as exc:
                raise UsageError(f"{path}: vocabularies.{key}: cannot read {ref}: {exc}") from exc
    section_roles = dict(data.get("section_roles") or {})
    template = tuple(
        TemplateHeading(
            t["key"],
            t["title"],
            int(t.get("level", 1)),
            tuple(t.get("aliases", ())),
            tuple(t.get("keywords", ())),
            tuple(role for role, key in section_roles.items() if key == t["key"]),
            tuple(t.get("evidence", ())),
        )
        for t in data.get("template", ())
    )
    extraction_data = {
        "vocab": vocab,
        "template": data.get("template", ()),
        "section_roles": section_roles,
    }
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
            enabled=bool(raw.get("enabled", True)),
        )
    except KeyError as exc:
        raise UsageError(f"{path}: rule {raw.get('id', '?')} lacks the key {exc}") from exc
