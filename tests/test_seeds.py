"""The deviations that really are in the seeds (docs/domain.md), in every format, only those."""

from __future__ import annotations

import pytest

from tests.conftest import (
    NORRMALM_MEMO,
    OSTERMALM,
    OVERARCHING,
    SKARPNACK,
    SODERMALM_MEMO,
    check_json,
)

LOUD = ("error", "warning")


def loud_rules(path, *extra: str) -> set[str]:
    report = check_json(path, extra=extra)
    return {f["rule"] for f in report["files"][0]["findings"] if f["severity"] in LOUD}


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_skarpnack(suffix: str) -> None:
    report = check_json(SKARPNACK.with_suffix(suffix))
    findings = report["files"][0]["findings"]
    anx002 = [f for f in findings if f["rule"] == "ANX002"]
    assert len(anx002) == 1 and "bilaga 3" in anx002[0]["location"]["excerpt"]
    assert anx002[0]["suggestion"] and "1" in anx002[0]["suggestion"]
    if suffix == ".txt":
        assert anx002[0]["location"]["line"] == 88
    loud = {f["rule"] for f in findings if f["severity"] in LOUD}
    assert loud == {"ANX002", "PTY003", "PRI001"}


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_ostermalm_signed(suffix: str) -> None:
    report = check_json(OSTERMALM.with_suffix(suffix))
    findings = report["files"][0]["findings"]
    rules = {f["rule"] for f in findings}
    assert {"ANX004", "SIG001", "TXT001", "PRI001"} <= rules
    assert not rules & {"ANX001", "ANX002"}
    loud = {f["rule"] for f in findings if f["severity"] in LOUD}
    assert loud - {"PTY003"} == {"ANX004", "SIG001", "PRI001"}
    txt = [f for f in findings if f["rule"] == "TXT001"]
    assert any("lokalpolsområde" in f["location"]["excerpt"] for f in txt)


def test_ostermalm_draft_drops_sig001_to_info() -> None:
    report = check_json(OSTERMALM, extra=("--stage", "draft"))
    sig = [f for f in report["files"][0]["findings"] if f["rule"] == "SIG001"]
    assert sig and all(f["severity"] == "info" for f in sig)


def test_norrmalm_memo() -> None:
    report = check_json(NORRMALM_MEMO)
    assert report["files"][0]["kind"] == "memo"
    findings = report["files"][0]["findings"]
    dat003 = [f for f in findings if f["rule"] == "DAT003"]
    assert dat003 and any("2015" in f["location"]["excerpt"] for f in dat003)
    dat002 = [f for f in findings if f["rule"] == "DAT002"]
    assert dat002 and "2019-05-19" in dat002[0]["message"] + dat002[0]["location"]["excerpt"]
    assert {f["rule"] for f in findings if f["severity"] in LOUD} == {"DAT002", "DAT003"}


@pytest.mark.parametrize("path", [OVERARCHING, SODERMALM_MEMO], ids=lambda p: p.stem)
def test_no_local_findings_on_overarching_and_memo(path, pack) -> None:
    report = check_json(path)
    local = {r.id for r in pack.rules if r.applies == "local"}
    rules = {f["rule"] for f in report["files"][0]["findings"]}
    assert not rules & local
    assert not {f["rule"] for f in report["files"][0]["findings"] if f["severity"] in LOUD}
