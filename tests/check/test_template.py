"""TPL001/TPL002 (template sections) and PRI001/PRI002 (prioritized areas)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.check.template import priority_areas_known, priority_areas_present
from lint.model import Document, Kind, PriorityArea, SourceText, Span
from tests.conftest import (
    LOCAL_AGREEMENTS,
    NORRMALM_MEMO,
    OSTERMALM,
    OVERARCHING,
    SKARPNACK,
    SODERMALM_MEMO,
    check_json,
)

OURS = ("TPL", "PRI")


def _findings(path: Path | str, prefixes: tuple[str, ...] = OURS) -> list[dict]:
    report = check_json(path, extra=("--select", ",".join(prefixes)))
    return report["files"][0]["findings"]


def _variant(tmp_path: Path, seed: Path, *replacements: tuple[str, str]) -> Path:
    text = seed.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / seed.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("seed", LOCAL_AGREEMENTS, ids=lambda p: p.stem)
def test_seeds_follow_the_template_but_name_no_areas(seed: Path, suffix: str) -> None:
    findings = _findings(seed.with_suffix(suffix))
    assert [f["rule"] for f in findings] == ["PRI001"]
    assert "prioriterade samverkansområden" in findings[0]["location"]["excerpt"]
    assert findings[0]["citation"]["source"] == "overarching_agreement"


@pytest.mark.parametrize("path", [OVERARCHING, SODERMALM_MEMO, NORRMALM_MEMO], ids=lambda p: p.stem)
def test_no_template_or_area_findings_beyond_local_agreements(path: Path) -> None:
    assert _findings(path) == []


def test_missing_heading_is_reported_where_it_belongs(tmp_path: Path) -> None:
    path = _variant(tmp_path, OSTERMALM, ("\nInformation\nDet ankommer", "\nDet ankommer"))
    tpl = [f for f in _findings(path) if f["rule"].startswith("TPL")]
    assert [(f["rule"], f["severity"]) for f in tpl] == [("TPL001", "warning")]
    assert '"Information"' in tpl[0]["message"]


def test_sections_out_of_order(tmp_path: Path) -> None:
    tid = (
        "Tid\n\nÖverenskommelsen gäller från dag för undertecknande och tills vidare.\n"
        "Överenskommelsen ska revideras en gång per år efter samråd mellan Parterna och under "
        "förutsättning att den övergripande samverkansöverenskommelsen är giltig.\n\n"
    )
    path = _variant(tmp_path, SKARPNACK, (tid, ""), ("Bilagor\n\nNedan", tid + "Bilagor\n\nNedan"))
    tpl = [f for f in _findings(path) if f["rule"].startswith("TPL")]
    assert [(f["rule"], f["severity"]) for f in tpl] == [("TPL002", "info")]
    assert '"Tid"' in tpl[0]["message"] and '"Bilagor"' in tpl[0]["message"]


@pytest.mark.parametrize(
    "replacements",
    [
        (("\nBakgrund\n", "\n1. Bakgrund\n"), ("\nTid\n", "\n4. Giltighetstid\n")),
        (
            ("\nBakgrund\n", "\nBakgrund och syfte\n"),
            ("\nInformation\n", "\nInformation mellan parterna\n"),
        ),
        (
            ("\nLokala arbetsgrupper\n", "\nArbetsgrupper\n"),
            ("\nLokal styrgrupp\n", "\nStyrgruppen\n"),
        ),
        (
            ("\nBilagor\n", "\nBILAGOR\n"),
            ("\nUppdateringar, ändringar och tillägg\n", "\nÄndringar och tillägg\n"),
        ),
    ],
    ids=["numbered", "extended", "short-forms", "case-and-alias"],
)
def test_reworded_headings_are_the_template(tmp_path: Path, replacements) -> None:
    path = _variant(tmp_path, SKARPNACK, *replacements)
    assert [f["rule"] for f in _findings(path, ("TPL",))] == []


def test_renamed_heading_is_missing(tmp_path: Path) -> None:
    path = _variant(tmp_path, SKARPNACK, ("\nBakgrund\n", "\nInledande bestämmelser\n"))
    findings = _findings(path, ("TPL",))
    assert [f["rule"] for f in findings] == ["TPL001"]
    assert '"Bakgrund"' in findings[0]["message"]


# ---------------------------------------------------------------- PRI on the model


def _document(*areas: PriorityArea) -> Document:
    source = SourceText("x.txt", "text", "x" * 100, ())
    return Document(source=source, kind=Kind.LOCAL_AGREEMENT, priority_areas=areas)


def test_pri001_only_without_any_area() -> None:
    assert len(list(priority_areas_present(_document(), {}))) == 1
    local = PriorityArea("Skolan som brottsplats", Span(0, 22), None, 40.0)
    assert list(priority_areas_present(_document(local), {})) == []


def test_pri002_uses_the_rule_threshold() -> None:
    known = PriorityArea("Unga i riskzon", Span(0, 14), "Unga i risk för kriminalitet", 92.0)
    near = PriorityArea("Otillåtna bosättningar", Span(20, 42), "Otillåten påverkan", 71.0)
    local = PriorityArea("Skolan som brottsplats", Span(50, 72), None, 40.0)
    found = list(priority_areas_known(_document(known, near, local), {"min_score": 80}))
    assert [v.args["area"] for v in found] == ["Otillåtna bosättningar", "Skolan som brottsplats"]
    assert [v.span for v in found] == [near.span, local.span]
