"""Write docs/rules.md, the rule catalog, from the bundled rule pack.

    python scripts/gen_rules_doc.py           # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check   # exit 1 if docs/rules.md is stale

tests/test_docs.py runs the check, so the catalog in docs/ cannot drift from the pack.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lint.messages import label  # noqa: E402
from lint.pack import DEFAULT_PACK, SOURCES, Pack, load_pack  # noqa: E402

TARGET = ROOT / "docs" / "rules.md"


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render(pack: Pack) -> str:
    out = [
        f"# Rule catalog: `{pack.name}`",
        "",
        f"{pack.title}.",
        "",
        "Generated from `rules/" + pack.path.name + "` by `scripts/gen_rules_doc.py`; do not edit",
        "by hand (`tests/test_docs.py` fails when this file and the pack disagree). The same",
        "facts, with examples and parameters, are printed by `samlint explain ID`.",
        "",
        "Source: **O** the overarching agreement, **T** the common template, **C** the",
        "document's internal consistency. *local* rules run on local agreements only, *all*",
        "rules on every kind of document.",
        "",
        "| id | name | severity | source | applies | what it checks |",
        "|---|---|---|---|---|---|",
    ]
    for rule in pack.rules:
        severity = rule.severity
        if rule.stage_severity:
            stages = ", ".join(
                f"{sev} with `--stage {st}`" for st, sev in rule.stage_severity.items()
            )
            severity += f" ({stages})"
        out.append(
            f"| {rule.id} | {rule.name} | {severity} | {rule.source} | {rule.applies} "
            f"| {_one_line(rule.doc.what.get('en', ''))} |"
        )
    out += ["", "## The clause each rule cites", ""]
    out += [
        "Every quote occurs word for word in `corpus/stockholm/overarching-agreement-2019.txt`",
        "(tested). *Why* says why the clause grounds the rule, so that a reviewer can judge it.",
        "",
    ]
    for rule in pack.rules:
        out.append(f"### {rule.id} {rule.name}")
        out.append("")
        cite = rule.citation
        if cite is None:
            out.append("No clause: the rule checks the document's internal consistency.")
        else:
            source = label(SOURCES.get(rule.source, rule.source), "en")
            out.append(f"> {_one_line(cite.quote)}")
            out.append(">")
            out.append(f"> — the overarching agreement, section *{cite.section}*")
            out.append("")
            out.append(f"Source of the rule: {source}.")
            if cite.why.get("en"):
                out += ["", f"Why this clause: {_one_line(cite.why['en'])}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render(load_pack(DEFAULT_PACK))
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.is_file() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run python scripts/gen_rules_doc.py")
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
