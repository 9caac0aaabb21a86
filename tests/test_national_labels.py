"""The national agreements in corpus/national: every planted gap is found, nothing else.

`corpus/national/labels.yaml` (written by officers, not edited to suit the code) lists each
agreement with `expect` (findings that must be reported) and `absent`: `all` (no finding at
error or warning level) or `others` (no finding at error or warning level but the expected
ones). Each is checked under the default `--pack auto` and must get the national pack.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.conftest import CORPUS, check_json

NATIONAL = CORPUS / "national"


def _cases() -> list[Any]:
    labels = yaml.safe_load((NATIONAL / "labels.yaml").read_text(encoding="utf-8"))
    return [
        pytest.param(case, id=case["file"])  # known gaps: tests/data/known-gaps.txt
        for case in labels
    ]


@pytest.mark.parametrize("case", _cases())
def test_national_agreement(case: dict[str, Any]) -> None:
    report = check_json(NATIONAL / case["file"], extra=tuple(case.get("args", ())))
    entry = report["files"][0]
    assert entry["error"] is None
    assert entry["pack"] == "national"
    assert entry["kind"] == "local_agreement"
    findings = entry["findings"]
    for expected in case.get("expect", ()):
        hits = [f for f in findings if f["rule"] == expected["rule"]]
        if "excerpt" in expected:
            hits = [
                f for f in hits if expected["excerpt"].lower() in f["location"]["excerpt"].lower()
            ]
        assert hits, f"{expected} not reported; got {[f['rule'] for f in findings]}"
    expected_rules = {e["rule"] for e in case.get("expect", ())}
    loud = [
        f"{f['rule']}@{f['location']['line']}"
        for f in findings
        if f["severity"] in ("error", "warning") and f["rule"] not in expected_rules
    ]
    assert not loud, f"false alarms: {loud}"
