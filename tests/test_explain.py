"""`samlint explain ID`: what, why with the clause quoted, examples, parameters, localized."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.explain import explain_rule
from lint.pack import load_pack
from tests.conftest import OVERARCHING, run_cli

PACK = load_pack("stockholm-2019")


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_every_rule_has_a_complete_page_in_both_languages(rule) -> None:
    headings = {
        "en": ("What it checks", "Why", "Example that triggers it", "Example that complies"),
        "sv": ("Vad regeln kontrollerar", "Varför", "Exempel som ger avvikelse", "Exempel som"),
    }
    for lang, expected in headings.items():
        page = explain_rule(rule, lang, PACK)
        assert page.startswith(f"# {rule.id} ({rule.name})")
        for heading in expected:
            assert f"## {heading}" in page, (rule.id, lang, heading)
        assert rule.doc.what[lang].split()[0] in page
        assert rule.doc.why[lang].strip(), (rule.id, lang)


@pytest.mark.parametrize("rule", [r for r in PACK.rules if r.citation], ids=lambda r: r.id)
def test_cited_clause_is_quoted_verbatim_from_the_overarching_agreement(rule) -> None:
    page = explain_rule(rule, "en", PACK)
    assert f"> {rule.citation.quote}" in page
    overarching = " ".join(OVERARCHING.read_text(encoding="utf-8").split())
    assert " ".join(rule.citation.quote.split()) in overarching


def test_parameters_and_stage_severity_are_shown() -> None:
    code, out, _ = run_cli("explain", "sig001", "--lang", "en")
    assert code == 0
    assert "info with --stage draft" in out
    code, out, _ = run_cli("explain", "GRP002", "--lang", "en")
    assert "## Parameters in the pack (stockholm-2019)" in out
    assert "min_per_year: 2" in out
    assert 'ignore = ["GRP002"]' in out


def test_rule_without_clause_says_so() -> None:
    code, out, _ = run_cli("explain", "ANX001", "--lang", "sv")
    assert code == 0
    assert "citerar ingen klausul" in out and "Standardnivå: fel" in out


def test_lang_from_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "samlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("explain", "GRP002")
    assert "## What it checks" in out
    _, out, _ = run_cli("explain", "GRP002", "--lang", "sv")
    assert "## Vad regeln kontrollerar" in out


def test_unknown_rule_exits_2() -> None:
    code, _, err = run_cli("explain", "XYZ123")
    assert code == 2 and "XYZ123" in err
