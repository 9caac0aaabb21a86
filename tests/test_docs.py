"""The repository explains itself: every document the README or the code names is in it,
the rule catalog in docs/ matches the pack, and the SARIF schema is vendored."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lint.check.engine import check_types
from tests.conftest import ROOT, run_cli

# Files that commands write, not documents that must be in the repository.
GENERATED = ("bench/out/",)
# Placeholders for a user's own file in usage lines (`scripts/renderings.py SAMPLE.md`).
PLACEHOLDERS = ("sample.md", "SAMPLE.md")
# Tests whose .md names are fixtures (files they create), not references.
FIXTURE_NAMES = ("test_docs.py", "test_discover.py")
MARKDOWN = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.md)\b")


def _sources() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for folder in ("lint", "tests", "scripts", "rules"):
        files += sorted((ROOT / folder).rglob("*.py")) + sorted((ROOT / folder).rglob("*.yaml"))
    return [f for f in files if "__pycache__" not in f.parts and f.name not in FIXTURE_NAMES]


def test_every_named_document_is_in_the_repository() -> None:
    """Issue 15: the README and code pointed to CONTRACT.md and DOMAIN.md outside it."""
    missing = []
    for source in _sources():
        for name in MARKDOWN.findall(source.read_text(encoding="utf-8")):
            if name.startswith(GENERATED) or name in PLACEHOLDERS:
                continue
            candidates = (ROOT / name, source.parent / name, ROOT / "docs" / name)
            if not any(c.is_file() for c in candidates):
                missing.append(f"{source.relative_to(ROOT)}: {name}")
    assert missing == []


def test_docs_hold_the_report_format_catalog_domain_and_pack_guide() -> None:
    for name in ("report-format.md", "rules.md", "domain.md", "rule-packs.md"):
        assert (ROOT / "docs" / name).is_file(), name
    report_format = (ROOT / "docs" / "report-format.md").read_text(encoding="utf-8")
    for field in ("page_line", "verdict", "not_checked", "skipped_pages", "citation"):
        assert f"`{field}`" in report_format, field


def test_the_rule_catalog_in_docs_is_generated_from_the_pack() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_rules_doc.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    catalog = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| ([A-Z]{3}\d{3}) \|", catalog, re.M)
    _, out, _ = run_cli("rules")
    assert documented == [line.split()[0] for line in out.splitlines()[2:]]


def test_the_pack_guide_names_only_real_check_types() -> None:
    guide = (ROOT / "docs" / "rule-packs.md").read_text(encoding="utf-8")
    named = set(re.findall(r"^\| `(\w+)` \|", guide, re.M))
    assert named and named <= set(check_types())


def test_the_sarif_schema_is_vendored_for_the_tests() -> None:
    schema = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
    assert schema.is_file()
    assert "SARIF" in schema.read_text(encoding="utf-8")[:300]
