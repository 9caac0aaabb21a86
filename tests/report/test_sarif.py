"""The SARIF 2.1.0 report: valid against the official schema, complete and stable."""

from __future__ import annotations

import json
from pathlib import Path

from lint.report.sarif import FINGERPRINT_KEY, READ_ERROR, sarif_log
from tests.conftest import AS_OF, LOCAL_AGREEMENTS, ROOT, check_json, run_cli
from tests.report.synthetic import synthetic_report

# The OASIS SARIF 2.1.0 schema, vendored so that every SARIF test runs on a fresh clone.
SCHEMA = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"


def validate(log: dict) -> None:
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)


def sarif_cli(*paths: Path, extra: tuple[str, ...] = ()) -> dict:
    code, out, err = run_cli(
        "check", *map(str, paths), "--format", "sarif", "--as-of", AS_OF, "--jobs", "1",
        "--no-cache", *extra,
    )  # fmt: skip
    assert code in (0, 1), err
    return json.loads(out)


def test_synthetic_report_validates_and_carries_every_field() -> None:
    report = synthetic_report()
    log = sarif_log(report)
    validate(log)
    run = log["runs"][0]
    results = [r for r in run["results"] if r["ruleId"] != READ_ERROR]
    findings = [f for r in report.results for f in r.findings]
    assert len(results) == len(findings)
    rules = run["tool"]["driver"]["rules"]
    for result, finding in zip(results, findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == finding.rule
        region = result["locations"][0]["physicalLocation"]["region"]
        loc = finding.location
        assert (region["startLine"], region["startColumn"]) == (loc.line, loc.column)
        assert (region["endLine"], region["endColumn"]) == (loc.end_line, loc.end_column + 1)
        assert result["properties"]["page"] == loc.page
    first = results[0]
    assert first["level"] == "error"
    assert first["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "bilaga 3"
    assert first["properties"]["section"].startswith("Gemensam lokal lägesbild")
    assert first["properties"]["suggestion"] == "bilaga 1"
    assert results[2]["level"] == "note"  # info
    assert results[3]["properties"]["page"] == 1  # the PDF
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["descriptor"]["id"] for n in notes] == ["no_text_layer"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_every_rule_of_the_pack_has_a_descriptor(pack) -> None:
    rules = sarif_log(synthetic_report(lang="en"))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [*(r.id for r in pack.rules), READ_ERROR]
    rules = rules[:-1]  # the synthetic report has an unreadable file
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor, rule in zip(rules, pack.rules, strict=True):
        assert descriptor["name"] == rule.name
        assert descriptor["shortDescription"]["text"] == " ".join(rule.doc.what["en"].split())
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        if rule.citation:
            assert rule.citation.quote in descriptor["help"]["text"]


def test_fingerprints_are_stable_and_distinct() -> None:
    one = sarif_log(synthetic_report())["runs"][0]["results"]
    two = sarif_log(synthetic_report(lang="en"))["runs"][0]["results"]
    prints = [r["partialFingerprints"][FINGERPRINT_KEY] for r in one]
    assert prints == [r["partialFingerprints"][FINGERPRINT_KEY] for r in two]
    assert len(set(prints)) == len(prints)


def test_seed_sarif_matches_the_json_report() -> None:
    log = sarif_cli(*LOCAL_AGREEMENTS)
    validate(log)
    report = check_json(*LOCAL_AGREEMENTS)
    results = log["runs"][0]["results"]
    findings = [(f["rule"], f["location"]["line"]) for r in report["files"] for f in r["findings"]]
    located = [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results
    ]
    assert located == findings
    described = {d["id"] for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in results} <= described
    uris = [a["location"]["uri"] for a in log["runs"][0]["artifacts"]]
    assert [u.rsplit("/", 1)[-1] for u in uris] == [p.name for p in LOCAL_AGREEMENTS]


def test_sarif_language_follows_lang() -> None:
    run = sarif_cli(LOCAL_AGREEMENTS[0], extra=("--lang", "en"))["runs"][0]
    assert run["language"] == "en"
    anx = next(d for d in run["tool"]["driver"]["rules"] if d["id"] == "ANX001")
    assert anx["fullDescription"]["text"].startswith("Every reference")


def test_unreadable_files_are_error_results_that_sarif_viewers_count() -> None:
    """Issue 15: unreadable files were only notifications, which `sarif summary` ignores."""
    log = sarif_log(synthetic_report())
    validate(log)
    run = log["runs"][0]
    errors = [r for r in run["results"] if r["ruleId"] == READ_ERROR]
    assert len(errors) == 1
    error = errors[0]
    assert error["level"] == "error" and error["properties"]["code"] == "no_text_layer"
    assert run["tool"]["driver"]["rules"][error["ruleIndex"]]["id"] == READ_ERROR
    artifact = run["artifacts"][
        error["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
    ]
    assert (
        artifact["location"]["uri"]
        == error["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    )
    assert "[no_text_layer]" in error["message"]["text"]
