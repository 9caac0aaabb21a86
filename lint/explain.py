"""`samlint explain ID`, in the manner of ruff's rule pages."""

from __future__ import annotations

import yaml

from lint.pack import SOURCES, Rule

_HEADINGS = {
    "sv": (
        "Vad regeln kontrollerar",
        "Varför",
        "Exempel som ger avvikelse",
        "Exempel som följer",
        "Parametrar i regelpaketet",
        "Standardnivå",
        "Källa",
    ),
    "en": (
        "What it checks",
        "Why",
        "Example that triggers it",
        "Example that complies",
        "Parameters in the pack",
        "Default severity",
        "Source",
    ),
}


def explain_rule(rule: Rule, lang: str = "en") -> str:
    what_h, why_h, bad_h, good_h, params_h, sev_h, src_h = _HEADINGS.get(lang, _HEADINGS["en"])
    out = [f"# {rule.id} ({rule.name})", ""]
    out.append(f"{sev_h}: {rule.severity}. {src_h}: {SOURCES.get(rule.source, rule.source)}.")
    if rule.stage_severity:
        stages = ", ".join(
            f"{sev} with --stage {stage}" for stage, sev in rule.stage_severity.items()
        )
        out.append(f"({stages})")
    out += ["", f"## {what_h}", "", _pick(rule.doc.what, lang), "", f"## {why_h}", ""]
    out.append(_pick(rule.doc.why, lang))
    if rule.citation:
        out += [
            "",
            f"> {rule.citation.quote}",
            f"> ({rule.citation.source}, {rule.citation.section})",
        ]
    if rule.doc.example_bad:
        out += ["", f"## {bad_h}", "", _indent(rule.doc.example_bad)]
    if rule.doc.example_good:
        out += ["", f"## {good_h}", "", _indent(rule.doc.example_good)]
    if rule.params:
        dumped = yaml.safe_dump(rule.params, allow_unicode=True, sort_keys=False).rstrip()
        out += ["", f"## {params_h}", "", _indent(dumped)]
    return "\n".join(out) + "\n"


def _pick(texts: dict[str, str], lang: str) -> str:
    return (texts.get(lang) or texts.get("en") or texts.get("sv") or "").strip()


def _indent(text: str) -> str:
    return "\n".join(f"    {line}" for line in text.strip().splitlines())
