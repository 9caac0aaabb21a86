from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import (
    AS_OF,
    NORRMALM_MEMO,
    OSTERMALM,
    OVERARCHING,
    SEEDS,
    SKARPNACK,
    SODERMALM_MEMO,
    check_json,
    run_cli,
)

CATALOG_IDS = [
    "ANX001",
    "ANX002",
    "ANX003",
    "ANX004",
    "ANX005",
    "GRP001",
    "GRP002",
    "GRP003",
    "GRP004",
    "GRP005",
    "REV001",
    "REV002",
    "SCH001",
    "SCH002",
    "PTY001",
    "PTY002",
    "PTY003",
    "PTY004",
    "PTY005",
    "SIG001",
    "SIG002",
    "DAT001",
    "DAT002",
    "DAT003",
    "TPL001",
    "TPL002",
    "PRI001",
    "PRI002",
    "TXT001",
    "TXT002",
    "KND001",
]


def test_rules_lists_every_catalog_id() -> None:
    code, out, _ = run_cli("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()[2:]]  # after the title and header
    assert listed == CATALOG_IDS


def test_seed_kinds_in_a_version_1_report() -> None:
    seeds = (SKARPNACK, OSTERMALM, OVERARCHING, SODERMALM_MEMO, NORRMALM_MEMO)
    report = check_json(*seeds)
    assert report["version"] == 1
    assert report["tool"]["name"] == "samlint"
    assert report["pack"]["name"] == "stockholm-2019"
    assert report["as_of"] == AS_OF and report["stage"] == "signed"
    kinds = [f["kind"] for f in report["files"]]
    assert kinds == ["local_agreement", "local_agreement", "overarching_agreement", "memo", "memo"]
    assert report["summary"]["files"] == 5


@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_renderings_have_the_kind_of_their_text(suffix: str) -> None:
    for text in (SKARPNACK, OSTERMALM):
        report = check_json(text.with_suffix(suffix))
        assert report["files"][0]["kind"] == "local_agreement"
        assert report["files"][0]["error"] is None


def test_folder_is_searched_recursively_in_order() -> None:
    report = check_json(SEEDS)
    paths = [f["path"] for f in report["files"]]
    assert paths == sorted(paths)
    assert {p.rsplit(".", 1)[1] for p in paths} == {"txt", "pdf", "docx"}


def test_unrelated_text_is_unknown_and_said_so() -> None:
    note = "Inköpslista\n\nMjölk, bröd och kaffe. Glöm inte att ringa rörmokaren på fredag.\n"
    code, out, _ = run_cli("check", "-", "--format", "json", "--no-cache", input=note)
    entry = json.loads(out)["files"][0]
    assert entry["kind"] == "unknown"
    assert entry["verdict"] == "not_checked"
    assert [f["rule"] for f in entry["findings"]] == ["KND001"]
    assert code == 1  # a warning: an unrecognised document never passes silently


def test_forced_kind_checks_an_unrecognised_text_as_an_agreement() -> None:
    note = "Anteckningar\n\nStyrgruppen består av stadsdelsdirektören.\n"
    _, out, _ = run_cli(
        "check", "-", "--format", "json", "--no-cache", "--kind", "local", input=note
    )
    entry = json.loads(out)["files"][0]
    assert entry["kind"] == "local_agreement"
    rules = {f["rule"] for f in entry["findings"]}
    assert "KND001" not in rules and "GRP001" in rules


def test_unknown_rule_id_is_a_usage_error() -> None:
    code, _, err = run_cli("check", str(SKARPNACK), "--select", "XYZ999")
    assert code == 2
    assert "XYZ999" in err


def test_bad_as_of_is_a_usage_error() -> None:
    code, _, err = run_cli("check", str(SKARPNACK), "--as-of", "22/11/2026")
    assert code == 2 and "--as-of" in err


def test_explain_prints_what_why_and_the_clause() -> None:
    code, out, _ = run_cli("explain", "GRP002", "--lang", "en")
    assert code == 0
    assert "What it checks" in out and "Why" in out
    assert "vid minst två tillfällen per år" in out


def test_explain_unknown_rule() -> None:
    code, _, err = run_cli("explain", "NOPE01")
    assert code == 2 and "NOPE01" in err


def test_extract_prints_the_model_as_json() -> None:
    code, out, _ = run_cli("extract", str(SKARPNACK))
    assert code == 0
    model = json.loads(out)
    assert model["kind"] == "local_agreement"
    assert model["lines"][0]["number"] == 1


def test_every_command_speaks_swedish_by_default_and_follows_lang(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: explain defaulted to English, extract's errors were English, rules had no
    --lang; all follow --lang and the configured language, Swedish by default."""
    empty = tmp_path / "tom.txt"
    empty.write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, _ = run_cli("explain", "GRP002")
    assert "## Vad regeln kontrollerar" in out
    code, _, err = run_cli("extract", str(empty))
    assert code == 2 and "Filen är tom" in err
    code, _, err = run_cli("extract", str(empty), "--lang", "en")
    assert "The file is empty" in err
    _, out, _ = run_cli("rules")
    header = out.splitlines()[1].split()
    assert header == ["regel", "namn", "nivå", "källa", "gäller"]
    assert "lokala överenskommelser" in out and "intern konsekvens" in out
    assert "overarching_agreement" not in out and " local\n" not in out
    (tmp_path / "samlint.toml").write_text('lang = "en"\n', encoding="utf-8")
    _, out, _ = run_cli("rules")
    assert out.splitlines()[1].split()[:3] == ["rule", "name", "severity"]
    assert "overarching agreement" in out and "all documents" in out
    code, _, err = run_cli("extract", str(empty))
    assert "The file is empty" in err


def test_output_suffix_chooses_the_format_and_a_contradiction_is_reported(
    tmp_path: Path,
) -> None:
    """Issue 15: `--output rapport.html` without --format wrote plain text into the file."""
    common = ("check", str(SKARPNACK), "--as-of", AS_OF, "--jobs", "1", "--no-cache")
    for name, start in (("r.html", "<!DOCTYPE html>"), ("r.json", '{\n  "version": 1')):
        code, _, err = run_cli(*common, "--output", str(tmp_path / name))
        assert code == 1 and err == ""
        assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)
    code, _, err = run_cli(*common, "--output", str(tmp_path / "r.sarif"))
    assert json.loads((tmp_path / "r.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    code, _, err = run_cli(*common, "--output", str(tmp_path / "x.html"), "--format", "json")
    assert "suggests html" in err
    assert (tmp_path / "x.html").read_text(encoding="utf-8").startswith("{")
    code, _, err = run_cli(*common, "--output", str(tmp_path / "r.txt"))
    assert err == "" and "PRI001" in (tmp_path / "r.txt").read_text(encoding="utf-8")


def test_cli_messages_name_their_source_and_standard_input_is_dash_everywhere() -> None:
    """Issue 15: `--ignore FOO001` said "command line:"; extract of a folder said
    unsupported_format; stdin was `-`, `stdin` and `<stdin>`; check --help was incomplete."""
    code, _, err = run_cli("check", str(SKARPNACK), "--ignore", "FOO001")
    assert code == 2 and err.startswith("samlint: --ignore: unknown rule id or prefix 'FOO001'")
    code, _, err = run_cli("extract", str(SEEDS))
    assert code == 2 and "is a folder" in err and "unsupported_format" not in err
    text = SKARPNACK.read_text(encoding="utf-8")
    common = ("check", "-", "--as-of", AS_OF, "--jobs", "1", "--no-cache")
    names = set()
    for fmt in ("json", "sarif", "text", "html"):
        _, out, _ = run_cli(*common, "--format", fmt, input=text)
        if fmt == "json":
            names.add(json.loads(out)["files"][0]["path"])
        elif fmt == "sarif":
            names.add(json.loads(out)["runs"][0]["artifacts"][0]["location"]["uri"])
        assert "<stdin>" not in out and "stdin" not in out.replace("-:", "")
    _, out, _ = run_cli("extract", "-", "--format", "json", input=text)
    assert "<stdin>" not in out
    assert names == {"-"}
    _, out, _ = run_cli("check", "--help")
    for option in ("--format", "--stage", "--fail-on", "--lang", "--config"):
        described = out.split(option, 1)[1].split("\n  -", 1)[0]
        assert len(described.split()) > 3, option
    assert "Exit status" in out and "2  a usage error" in out
