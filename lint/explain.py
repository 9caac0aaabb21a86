"""`samlint explain ID`, in the manner of ruff's rule pages: Markdown on standard output."""

from __future__ import annotations

import yaml

from lint.messages import label
from lint.pack import SOURCES, Pack, Rule

_HEADINGS = {
    "sv": {
        "what": "Vad regeln kontrollerar",
        "why": "Varför",
        "bad": "Exempel som ger avvikelse",
        "good": "Exempel som följer överenskommelsen",
        "params": "Parametrar i regelpaketet",
        "config": "Inställningar",
        "fit": "Klausulens koppling till regeln",
        "severity": "Standardnivå",
        "source": "Källa",
        "applies": "Gäller",
        "stage": "med --stage",
        "local": "lokala samverkansöverenskommelser",
        "all": "alla dokument",
        "no_clause": "Regeln bygger på dokumentets inre konsekvens och citerar ingen klausul.",
        "config_hint": "Stäng av regeln eller ändra dess nivå i samlint.toml eller [tool.samlint]:",
    },
    "en": {
        "what": "What it checks",
        "why": "Why",
        "bad": "Example that triggers it",
        "good": "Example that complies",
        "params": "Parameters in the pack",
        "config": "Configuration",
        "fit": "Why this clause",
        "severity": "Default severity",
        "source": "Source",
        "applies": "Applies to",
        "stage": "with --stage",
        "local": "local agreements",
        "all": "all documents",
        "no_clause": "The rule checks the document's internal consistency and cites no clause.",
        "config_hint": "Turn the rule off or change its level in samlint.toml or [tool.samlint]:",
    },
}
_SOURCE_NAMES = {
    "sv": {
        "O": "den övergripande överenskommelsen",
        "T": "den gemensamma mallen",
        "G": "Brå:s vägledning för samverkansöverenskommelser",
        "C": "intern konsekvens",
    },
    "en": {
        "O": "the overarching agreement",
        "T": "the common template",
        "G": "Brå's guidance on collaboration agreements",
        "C": "consistency",
    },
}


def explain_rule(rule: Rule, lang: str = "en", pack: Pack | None = None) -> str:
    words = _HEADINGS.get(lang, _HEADINGS["en"])
    sources = _SOURCE_NAMES.get(lang, _SOURCE_NAMES["en"])
    out = [f"# {rule.id} ({rule.name})", ""]
    facts = [
        f"{words['severity']}: {label(rule.severity, lang)}",
        f"{words['source']}: {sources.get(rule.source, SOURCES.get(rule.source, rule.source))}",
        f"{words['applies']}: {words.get(rule.applies, rule.applies)}",
    ]
    out.append(". ".join(facts) + ".")
    if rule.stage_severity:
        stages = ", ".join(
            f"{label(sev, lang)} {words['stage']} {stage}"
            for stage, sev in rule.stage_severity.items()
        )
        out.append(f"({stages})")
    out += ["", f"## {words['what']}", "", _pick(rule.doc.what, lang)]
    out += ["", f"## {words['why']}", "", _pick(rule.doc.why, lang), ""]
    if rule.citation:
        out += [f"> {rule.citation.quote}", ">", f"> — {_cited(rule, lang)}"]
        if rule.citation.why:
            out += ["", f"{words['fit']}: {_pick(rule.citation.why, lang)}"]
    else:
        out.append(words["no_clause"])
    if rule.doc.example_bad:
        out += ["", f"## {words['bad']}", "", _block(rule.doc.example_bad)]
    if rule.doc.example_good:
        out += ["", f"## {words['good']}", "", _block(rule.doc.example_good)]
    if rule.params:
        dumped = yaml.safe_dump(rule.params, allow_unicode=True, sort_keys=False).rstrip()
        pack_name = f" ({pack.name})" if pack is not None else ""
        out += ["", f"## {words['params']}{pack_name}", "", _block(dumped, "yaml")]
    config = f'ignore = ["{rule.id}"]\nseverity = {{ {rule.id} = "info" }}'
    out += ["", f"## {words['config']}", "", words["config_hint"], "", _block(config, "toml")]
    return "\n".join(out) + "\n"


def _cited(rule: Rule, lang: str) -> str:
    assert rule.citation is not None
    source = rule.citation.source
    names = _SOURCE_NAMES.get(lang, _SOURCE_NAMES["en"])
    letters = {"overarching_agreement": "O", "national_guidance": "G"}
    name = names[letters[source]] if source in letters else source
    return f"{name[0].upper()}{name[1:]}, {rule.citation.section}"


def _pick(texts: dict[str, str], lang: str) -> str:
    return (texts.get(lang) or texts.get("en") or texts.get("sv") or "").strip()


def _block(text: str, language: str = "text") -> str:
    return f"```{language}\n{text.strip()}\n```"
