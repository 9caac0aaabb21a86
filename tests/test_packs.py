"""Packs as a validated contract: bundled packs load, broken packs exit 2 with one clear
message naming the file, the rule and the key, and packs written from the docs run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from lint.pack import load_pack, rules_dir
from tests.conftest import ROOT, check_json, run_cli

PACKS = ROOT / "tests" / "data" / "packs"
NATIONAL_MD = ROOT / "docs" / "NATIONAL.md"


@pytest.mark.parametrize("name", sorted(p.stem for p in rules_dir().glob("*.yaml")))
def test_bundled_packs_validate(name: str) -> None:
    code, out, err = run_cli("rules", "--pack", name)
    assert code == 0, err
    assert out.startswith(f"{name}:")


def _broken(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load((rules_dir() / "stockholm-2019.yaml").read_text(encoding="utf-8"))
    edit(data)
    vocab = {
        k: str(rules_dir() / v) if isinstance(v, str) else v
        for k, v in data["vocabularies"].items()
    }
    data["vocabularies"] = vocab
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _rule(data: dict, rule_id: str) -> dict:
    return next(r for r in data["rules"] if r["id"] == rule_id)


def _vocab(data: dict, name: str) -> dict:
    """The pack's vocabulary `name`, inline in the pack so that a test can change it."""
    ref = data["vocabularies"][name]
    if isinstance(ref, str):
        ref = yaml.safe_load((rules_dir() / ref).read_text(encoding="utf-8"))
        data["vocabularies"][name] = ref
    return ref


BROKEN = {
    "unknown check type": (
        lambda d: _rule(d, "ANX001").update(check="annex_refs"),
        ("ANX001", "check", "annex_refs"),
    ),
    "unknown parameter": (
        lambda d: _rule(d, "ANX001")["params"].update(min_fitt=80),
        ("ANX001", "params.min_fitt"),
    ),
    "mistyped parameter": (
        lambda d: _rule(d, "ANX001")["params"].update(min_fit="high"),
        ("ANX001", "params.min_fit", "number"),
    ),
    "missing required parameter": (
        lambda d: _rule(d, "REV001")["params"].pop("max_months"),
        ("REV001", "params.max_months"),
    ),
    "bad placeholder": (
        lambda d: _rule(d, "ANX001")["messages"]["default"].update(sv="Bilaga {lable} saknas."),
        ("ANX001", "messages.default.sv", "{lable}"),
    ),
    "missing message key": (
        lambda d: _rule(d, "SIG002")["messages"].pop("after_end"),
        ("SIG002", "messages.after_end"),
    ),
    "missing english": (
        lambda d: _rule(d, "PRI001")["messages"]["default"].pop("en"),
        ("PRI001", "messages.default.en"),
    ),
    "duplicate id": (
        lambda d: _rule(d, "ANX002").update(id="ANX001"),
        ("ANX001", "duplicate"),
    ),
    "bad severity": (
        lambda d: _rule(d, "ANX003").update(severity="fatal"),
        ("ANX003", "severity", "fatal"),
    ),
    "citation why without english": (
        lambda d: _rule(d, "GRP002")["citation"]["why"].pop("en"),
        ("GRP002", "citation.why.en"),
    ),
    "unknown citation key": (
        lambda d: _rule(d, "GRP002")["citation"].update(reason="x"),
        ("GRP002", "citation.reason"),
    ),
    "english suffix on a field that is not translated": (
        lambda d: _rule(d, "ANX001")["messages"]["default"].update(en="No annex {label_en}."),
        ("ANX001", "messages.default.en", "{label_en}"),
    ),
    # the domain data: section roles, organisation types and the vocabularies that use them
    "unknown section role": (
        lambda d: d["section_roles"].update(appendix="annexes"),
        ("section_roles.appendix", "unknown role", "situation_picture"),
    ),
    "section role of a heading the template lacks": (
        lambda d: d["section_roles"].update(parties="partes"),
        ("section_roles.parties", "'partes'", "not a key of the template"),
    ),
    "section roles not a mapping": (
        lambda d: d.update(section_roles=["parties"]),
        ("section_roles", "a mapping of role to template key"),
    ),
    "organisation types missing": (
        lambda d: d["vocabularies"].pop("organisation_types"),
        ("vocabularies.organisation_types", "missing", "parties"),
    ),
    "organisation type without english": (
        lambda d: _vocab(d, "organisation_types")["police_area"].pop("en"),
        ("vocabularies.organisation_types", "police_area.en", "missing text"),
    ),
    "unknown key of an organisation type": (
        lambda d: _vocab(d, "organisation_types")["company"].update(colour="blue"),
        ("vocabularies.organisation_types", "company.colour", "unknown key"),
    ),
    "unspecific not a boolean": (
        lambda d: _vocab(d, "organisation_types")["other"].update(unspecific="yes"),
        ("vocabularies.organisation_types", "other.unspecific", "true or false"),
    ),
    "party words of an undeclared organisation type": (
        lambda d: _vocab(d, "parties")["org_types"].update(rescue_service=["räddningstjänst"]),
        ("vocabularies.parties", "org_types.rescue_service", "not a declared organisation type"),
    ),
    "generic type undeclared": (
        lambda d: _vocab(d, "parties")["generic_types"].append("municipality"),
        ("vocabularies.parties", "generic_types[2]", "'municipality'"),
    ),
    "name suffix of an undeclared organisation type": (
        lambda d: _vocab(d, "parties").update(name_suffix_types=["aktiebolag"]),
        ("vocabularies.parties", "name_suffix_types[0]", "'aktiebolag'"),
    ),
    "bad signatory title pattern": (
        lambda d: _vocab(d, "parties").update(signatory_titles=["chef("]),
        ("vocabularies.parties", "signatory_titles", "bad pattern"),
    ),
    "role of an undeclared organisation type": (
        lambda d: _vocab(d, "roles")["roles"]["principal"].update(organisation="school"),
        ("vocabularies.roles", "roles.principal.organisation", "'school'"),
    ),
    "member words of an undeclared organisation type": (
        lambda d: _vocab(d, "roles")["organisations"].update(school={"forms": ["skola"]}),
        ("vocabularies.roles", "organisations.school", "not a declared organisation type"),
    ),
    "ignored revision subject that is no subject": (
        lambda d: _vocab(d, "roles")["revisions"].update(ignored_subjects=["others"]),
        ("vocabularies.roles", "revisions.ignored_subjects[0]", "'others'"),
    ),
    "unknown key of the validity vocabulary": (
        lambda d: _vocab(d, "validity").update(other_document=["plan"]),
        ("vocabularies.validity", "other_document", "unknown key"),
    ),
    "bad pattern of another document": (
        lambda d: _vocab(d, "validity").update(other_documents=["åtgärdsplan("]),
        ("vocabularies.validity", "other_documents", "bad pattern"),
    ),
    "required party of an undeclared organisation type": (
        lambda d: _rule(d, "PTY001")["params"]["required"].update(
            rescue_service={"sv": "en räddningstjänst", "en": "a rescue service"}
        ),
        ("PTY001", "params.required.rescue_service", "not a declared organisation type"),
    ),
    "group requirement of an undeclared organisation type": (
        lambda d: _rule(d, "GRP001")["params"]["require"][2]["organisations"].append("bolag"),
        ("GRP001", "params.require[2].organisations", "'bolag'"),
    ),
    "school of an undeclared organisation type": (
        lambda d: _rule(d, "SCH001")["params"].update(org_type="school"),
        ("SCH001", "params.org_type", "'school'"),
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_pack_exits_2_naming_the_rule_and_the_key(case: str, tmp_path: Path) -> None:
    edit, words = BROKEN[case]
    path = _broken(tmp_path, edit)
    for args in (("rules", "--pack", str(path)), ("check", "-", "--pack", str(path))):
        code, out, err = run_cli(*args, input="Text.\n")
        assert code == 2, (case, out, err)
        assert "Traceback" not in err
        assert str(path) in err
        for word in words:
            assert word in err, (case, err)
        assert len(err.strip().splitlines()) == 1, err


def test_a_pack_written_from_the_docs_loads_and_runs(tmp_path: Path) -> None:
    pack = PACKS / "docs-subset.yaml"
    code, out, _ = run_cli("rules", "--pack", str(pack))
    assert code == 0
    assert "ANX001" in out and "GRP001" not in out
    text = tmp_path / "a.txt"
    text.write_text("Upprättad i tre (4) exemplar.\n", encoding="utf-8")
    report = check_json(text, extra=("--pack", str(pack)))
    assert report["pack"]["name"] == "docs-subset"
    found = report["files"][0]["findings"]
    assert [(f["rule"], f["severity"]) for f in found] == [("TXT002", "error")]


def test_a_third_pack_reuses_the_check_types_without_code(tmp_path: Path) -> None:
    pack = load_pack(str(PACKS / "third.yaml"))
    assert {r.check for r in pack.rules} <= {
        "required_content",
        "revision_interval",
        "number_words",
    }
    text = tmp_path / "a.txt"
    text.write_text(
        "Samverkansavtal mellan Tierps kommun och Polismyndigheten\n\n"
        "Avtalet revideras vartannat år. Det upprättas i två (3) exemplar.\n",
        encoding="utf-8",
    )
    report = check_json(text, extra=("--pack", str(PACKS / "third.yaml"), "--kind", "local"))
    rules = sorted(f["rule"] for f in report["files"][0]["findings"])
    assert rules == ["RSC001", "RSC002", "RSC003"]


def _normalized(text: str) -> str:
    text = re.sub(r"^\s*>\s?(-\s)?", "", text, flags=re.M)
    return " ".join(text.split())


def test_national_citations_occur_verbatim_in_the_vendored_guidance() -> None:
    guidance = _normalized(NATIONAL_MD.read_text(encoding="utf-8"))
    pack = load_pack("national")
    cited = [r for r in pack.rules if r.id.startswith("NAT")]
    assert len(cited) == 8
    for rule in cited:
        assert rule.citation is not None, rule.id
        assert _normalized(rule.citation.quote) in guidance, rule.id


def test_auto_picks_the_pack_by_the_text() -> None:
    stockholm = ROOT / "corpus" / "stockholm"
    national = ROOT / "corpus" / "national"
    report = check_json(
        stockholm / "skarpnack-local-agreement-2020.txt",
        stockholm / "norrmalm-memo-2019.txt",
        stockholm / "overarching-agreement-2019.txt",
        *sorted(national.glob("*.txt")),
    )
    assert report["pack"]["name"] == "auto"
    packs = [f["pack"] for f in report["files"]]
    assert packs[:3] == ["stockholm-2019"] * 3
    assert set(packs[3:]) == {"national"}


RESCUE_AGREEMENT = """Lokal samverkansöverenskommelse

Parter och lokala överenskommelsens omfattning

Överenskommelsen ingås mellan Skarpnäcks stadsdelsförvaltning, Lokalpolisområde Globen och \
Räddningstjänsten Storstockholm.
"""


def _rescue_pack(tmp_path: Path) -> Path:
    """stockholm-2019 with a fourth organisation type, the rescue service, as data only."""

    def edit(data: dict) -> None:
        types = _vocab(data, "organisation_types")
        types["rescue_service"] = {"sv": "räddningstjänst", "en": "rescue service"}
        _vocab(data, "parties")["org_types"]["rescue_service"] = ["räddningstjänst"]
        required = _rule(data, "PTY001")["params"]["required"]
        required["rescue_service"] = {"sv": "en räddningstjänst", "en": "a rescue service"}

    path = _broken(tmp_path, edit)
    return path.rename(tmp_path / "rescue.yaml")


def test_a_pack_declares_a_new_organisation_type_and_uses_it(tmp_path: Path) -> None:
    pack_path = _rescue_pack(tmp_path)
    pack = load_pack(str(pack_path))
    assert pack.organisation_label("rescue_service", "en") == "rescue service"
    with_rescue = tmp_path / "with.txt"
    with_rescue.write_text(RESCUE_AGREEMENT, encoding="utf-8")
    without = tmp_path / "without.txt"
    without.write_text(
        RESCUE_AGREEMENT.replace(
            ", Lokalpolisområde Globen och Räddningstjänsten Storstockholm",
            " och Lokalpolisområde Globen",
        ),
        encoding="utf-8",
    )
    extra = ("--pack", str(pack_path), "--kind", "local", "--select", "PTY001")
    assert check_json(with_rescue, extra=extra)["files"][0]["findings"] == []
    for lang, message in (
        ("sv", "Bland parterna saknas en räddningstjänst."),
        ("en", "The parties do not include a rescue service."),
    ):
        report = check_json(without, extra=(*extra, "--lang", lang))
        assert [f["message"] for f in report["files"][0]["findings"]] == [message]
    page = tmp_path / "report.html"
    code, _, err = run_cli("check", str(with_rescue), *extra, "--output", str(page), "--lang", "en")
    assert code == 0, err
    html = page.read_text(encoding="utf-8")
    assert "Räddningstjänsten Storstockholm <span class='muted'>(rescue service)</span>" in html
