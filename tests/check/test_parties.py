"""PTY001-PTY004 on hand-built models, and on the seeds through the command line."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from lint.analyze.sentences import split_sentences
from lint.check.parties import (
    copies_match_parties,
    org_number_style,
    org_numbers,
    party_references,
    required_parties,
)
from lint.localize import resolve
from lint.model import (
    CopiesClause,
    DefinedTerm,
    Document,
    Kind,
    OrgNumber,
    Party,
    SourceText,
    Span,
)
from lint.pack import Pack
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import (
    NORRMALM_MEMO,
    OSTERMALM,
    OVERARCHING,
    SKARPNACK,
    SODERMALM_MEMO,
    check_json,
    rule_lines,
)


def source(text: str) -> SourceText:
    return read_text_bytes(text.encode(), "test.txt", ReadLimits())


def party(name: str, org_type: str, *terms: tuple[str, int]) -> Party:
    return Party(
        name=name,
        org_type=org_type,
        span=Span(0, 1),
        defined_terms=tuple(DefinedTerm(t, Span(s, s + len(t))) for t, s in terms),
    )


SDF = party("Skarpnäcks stadsdelsförvaltning", "district_administration")
LPO = party("Lokalpolisområde Globen", "police_area")
UTB = party("Utbildningsförvaltningen", "education_administration")
TK = party("Trafikkontoret", "other")


def document(text: str = "x", **fields: Any) -> Document:
    src = source(text)
    return Document(source=src, kind=Kind.LOCAL_AGREEMENT, **fields)


def params(pack: Pack, rule_id: str) -> dict[str, Any]:
    rule = pack.rule(rule_id)
    assert rule is not None
    return {**rule.params, "_as_of": "2026-11-22"}


# --- PTY001 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parties", "missing"),
    [
        ((SDF, LPO, UTB), []),
        ((SDF, UTB), ["ett lokalpolisområde"]),
        ((UTB, LPO, TK), ["en stadsdelsförvaltning"]),
        ((UTB, TK), ["en stadsdelsförvaltning", "ett lokalpolisområde"]),
        ((), []),  # nothing read: no judgement
        # the police authority is the police, but not the local police area
        ((SDF, party("Polismyndigheten", "police_area")), ["ett lokalpolisområde"]),
        ((SDF, party("Polisen, LPO Farsta", "police_area")), []),
    ],
)
def test_required_parties(pack: Pack, parties: tuple[Party, ...], missing: list[str]) -> None:
    found = list(required_parties(document(parties=parties), params(pack, "PTY001")))
    assert [resolve(v.args["party"], "sv") for v in found] == missing


# --- PTY002 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parties", "copies", "reported"),
    [
        ((SDF, LPO, UTB), 3, False),
        ((SDF, LPO, UTB), 2, True),
        ((SDF, LPO, LPO, UTB), 3, True),
        ((SDF, LPO), 2, False),
        ((SDF,), 3, False),  # one party read: the list was not understood
    ],
)
def test_copies_match_parties(
    pack: Pack, parties: tuple[Party, ...], copies: int, reported: bool
) -> None:
    doc = document(parties=parties, copies=(CopiesClause(copies, Span(0, 1)),))
    found = list(copies_match_parties(doc, params(pack, "PTY002")))
    assert bool(found) is reported


# --- PTY003 -------------------------------------------------------------------------------


def referencing(text: str, parties: tuple[Party, ...], terms: tuple[str, ...] = ()) -> Document:
    src = source(text)
    defined = tuple(DefinedTerm(t, Span(0, 0)) for t in terms)
    return Document(
        source=src,
        kind=Kind.LOCAL_AGREEMENT,
        sentences=split_sentences(src, ()),
        parties=parties,
        defined_terms=defined,
    )


INFO_TWO = "Det ankommer på respektive part att till den andra parten lämna information."
INFO_ALL = "Det ankommer på respektive part att till övriga parter lämna information."


@pytest.mark.parametrize(
    ("text", "parties", "phrases"),
    [
        (INFO_TWO, (SDF, LPO, UTB), ["den andra parten"]),
        (INFO_TWO, (SDF, LPO), []),
        (INFO_ALL, (SDF, LPO, UTB), []),
        ("Åtaganden från båda\nparterna ska realiseras.", (SDF, LPO, UTB, TK), ["båda parterna"]),
        ("Vardera parten utser en kontaktperson.", (SDF, LPO, UTB), []),
        ("Beslut delges de andra parternas beslutsfattare.", (SDF, LPO, UTB), []),
    ],
)
def test_two_party_wording(
    pack: Pack, text: str, parties: tuple[Party, ...], phrases: list[str]
) -> None:
    found = list(party_references(referencing(text, parties), params(pack, "PTY003")))
    assert [v.args.get("phrase") for v in found] == phrases


def test_two_party_wording_with_two_copies_could_not_be_verified(pack: Pack) -> None:
    """Three parties read, but "två (2) exemplar": the party list, not the wording, is the
    likely error."""
    doc = replace(referencing(INFO_TWO, (SDF, LPO, UTB)), copies=(CopiesClause(2, Span(0, 1)),))
    (found,) = party_references(doc, params(pack, "PTY003"))
    assert (found.key, found.unverified) == ("unverified", True)


@pytest.mark.parametrize(
    ("text", "terms", "undefined"),
    [
        (
            "Revidering sker efter samråd mellan Förvaltningen och Polisen.",
            ("Polisen",),
            ["Förvaltningen"],
        ),
        (
            "Revidering sker efter samråd mellan Förvaltningen och Polisen.",
            ("Förvaltningen", "Polisen"),
            [],
        ),
        ("Kontakten sker genom Förvaltningens kommunpolis.", (), ["Förvaltningen"]),
        ("Polisen utser en kontaktperson.", (), []),  # a sentence opens with a capital
        ("Parterna ska samråda.\n\n• Polisen", (), []),  # a list item opens with a capital
        ("Området ”Skolan som brottsplats” prioriteras.", (), []),  # a quotation
        ("Samråd sker med polisen och förvaltningen.", (), []),  # lower case: no term
        ("6.1 Förvaltningen och polisen tar fram lägesbilden.", (), []),  # a clause opens
    ],
)
def test_undefined_terms(
    pack: Pack, text: str, terms: tuple[str, ...], undefined: list[str]
) -> None:
    found = list(party_references(referencing(text, (SDF, LPO), terms), params(pack, "PTY003")))
    assert [v.args["term"] for v in found if v.key == "undefined_term"] == undefined


@pytest.mark.parametrize(
    ("police_terms", "undefined"),
    [((), []), ((("LPO", 30),), []), ((("Lokalpolisområdet", 30),), [])],
)
def test_the_police_authoritys_own_name(
    pack: Pack, police_terms: tuple[tuple[str, int], ...], undefined: list[str]
) -> None:
    """ "Polisen" is also the Police Authority's name: where a police party takes part,
    with a term of its own or none, "Polisens statistik" names the authority, not an
    undefined party term."""
    police = party("Lokalpolisområde Vällingby", "police_area", *police_terms)
    sdf = party("Bromma stadsdelsförvaltning", "district_administration", ("SDF", 10))
    doc = referencing("Underlaget är bland annat Polisens statistik.", (sdf, police))
    found = party_references(doc, params(pack, "PTY003"))
    assert [v.args["term"] for v in found if v.key == "undefined_term"] == undefined


def test_the_police_authoritys_name_without_a_police_party(pack: Pack) -> None:
    """Without a police party "Polisen" names no party of the agreement: a party term used
    as if defined."""
    sdf = party("Bromma stadsdelsförvaltning", "district_administration", ("SDF", 10))
    doc = referencing("Underlaget är bland annat Polisens statistik.", (sdf,))
    found = party_references(doc, params(pack, "PTY003"))
    assert [v.args["term"] for v in found if v.key == "undefined_term"] == ["Polisen"]


def test_term_defined_for_two_parties(pack: Pack) -> None:
    parties = (
        party(
            "Skarpnäcks stadsdelsförvaltning",
            "district_administration",
            ("Förvaltningen", 10),
        ),
        party("Lokalpolisområde Globen", "police_area", ("Polisen", 30)),
        party("Utbildningsförvaltningen", "education_administration", ("Förvaltningen", 50)),
    )
    found = list(party_references(referencing("x", parties), params(pack, "PTY003")))
    assert [(v.key, v.args["term"], v.span.start) for v in found] == [
        ("duplicate_term", "Förvaltningen", 50)
    ]


def test_party_repeating_its_own_term_is_not_a_duplicate(pack: Pack) -> None:
    school = party(
        "Utbildningsförvaltningen",
        "education_administration",
        ("Grundskoleavdelningen", 10),
        ("Grundskoleavdelningen", 40),
    )
    found = list(party_references(referencing("x", (SDF, school)), params(pack, "PTY003")))
    assert found == []


# --- PTY004 -------------------------------------------------------------------------------


def test_org_numbers(pack: Pack) -> None:
    numbers = (
        OrgNumber("212000-0142", Span(0, 11), True, True),
        OrgNumber("212000-0143", Span(20, 31), True, False),
        OrgNumber("2120000142", Span(40, 50), False, True),
    )
    found = list(org_numbers(document(org_numbers=numbers), params(pack, "PTY004")))
    assert [(v.key, v.args["number"], v.suggestion) for v in found] == [
        ("default", "212000-0143", "212000-0142"),
        ("format", "2120000142", None),
    ]


def test_org_numbers_in_other_valid_forms(pack: Pack) -> None:
    numbers = (
        OrgNumber("2021000076", Span(0, 10), True, True, house_style=False),
        OrgNumber("16202100-0076", Span(20, 33), True, True, house_style=False),
        OrgNumber("2021000077", Span(40, 50), True, False, house_style=False),
        OrgNumber("16202100-0077", Span(60, 73), True, False, house_style=False),
    )
    doc = document(org_numbers=numbers)
    found = list(org_numbers(doc, params(pack, "PTY004")))
    assert [(v.args["number"], v.suggestion) for v in found] == [
        ("2021000077", "2021000076"),
        ("16202100-0077", "16202100-0076"),
    ]
    style = list(org_number_style(doc, params(pack, "PTY005")))
    assert [(v.args["number"], v.suggestion) for v in style] == [
        ("2021000076", "202100-0076"),
        ("16202100-0076", "202100-0076"),
    ]


def test_house_style_is_off_by_default(pack: Pack) -> None:
    from lint.check.engine import Settings, selected_rules

    assert "PTY005" not in {r.id for r in selected_rules(pack, Settings())}
    assert "PTY005" not in {r.id for r in selected_rules(pack, Settings(select=("PTY",)))}
    assert "PTY005" in {r.id for r in selected_rules(pack, Settings(select=("PTY005",)))}


# --- the seeds ----------------------------------------------------------------------------


def test_skarpnack_information_clause() -> None:
    report = check_json(SKARPNACK, extra=("--select", "PTY"))
    assert set(rule_lines(report, "PTY003")) == {114}
    excerpts = [f["location"]["excerpt"] for f in report["files"][0]["findings"]]
    assert all("den andra parten" in e for e in excerpts)


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_no_party_findings_on_ostermalm(suffix: str) -> None:
    report = check_json(OSTERMALM.with_suffix(suffix), extra=("--select", "PTY"))
    assert report["files"][0]["findings"] == []


@pytest.mark.parametrize("path", [OVERARCHING, SODERMALM_MEMO, NORRMALM_MEMO], ids=lambda p: p.stem)
def test_no_party_findings_on_overarching_and_memos(path) -> None:  # type: ignore[no-untyped-def]
    report = check_json(path, extra=("--select", "PTY"))
    assert report["files"][0]["findings"] == []


def test_one_joint_definition_for_two_parties_is_no_duplicate(pack: Pack) -> None:
    """'a) och b) nedan gemensamt kallade "Stadsdelsförvaltningarna"' defines the term once."""
    parties = (
        party("Kungsholmens stadsdelsförvaltning", "district_administration", ("SDF", 40)),
        party("Norrmalms stadsdelsförvaltning", "district_administration", ("SDF", 40)),
        party("Lokalpolisområde Norrmalm", "police_area", ("Polisen", 90)),
    )
    assert list(party_references(referencing("x", parties), params(pack, "PTY003"))) == []


def test_a_local_police_area_named_as_a_unit_after_the_authority(pack: Pack) -> None:
    """ "Polismyndigheten, lokalpolisområde Järva": the local police area is a party."""
    police = Party(
        name="Polismyndigheten",
        org_type="police_area",
        span=Span(0, 1),
        units=("lokalpolisområde Järva", "polisområde Nord"),
    )
    region = replace(police, name="Polismyndigheten", units=("polisregion Stockholm",))
    rule = params(pack, "PTY001")
    assert list(required_parties(referencing("x", (SDF, police)), rule)) == []
    (missing,) = required_parties(referencing("x", (SDF, region)), rule)
    assert resolve(missing.args["party"], "sv") == "ett lokalpolisområde"
