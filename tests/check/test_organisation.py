"""GRP, SCH and REV checks on hand-built models with the pack's params, and on the seeds."""

from __future__ import annotations

from typing import Any

import pytest

from lint.check.organisation import (
    group_meetings,
    group_members,
    groups_present,
    party_in_group,
    revision_interval,
    school_included,
)
from lint.localize import resolve
from lint.model import Document, Group, Kind, Member, Party, Revision, Span
from lint.pack import Pack
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import LOCAL_AGREEMENTS, check_json

TEXT = "Lokal samverkansöverenskommelse\n\nLokal styrgrupp\n\nText om gruppen.\n" * 3
SOURCE = read_text_bytes(TEXT.encode(), "test.txt", ReadLimits())
ORGANISATION_RULES = ("GRP", "SCH", "REV")


def params(pack: Pack, rule_id: str) -> dict[str, Any]:
    rule = pack.rule(rule_id)
    assert rule is not None
    return {**rule.params, "_as_of": "2026-11-22"}


def member(role: str, org: str | None, *, optional: bool = False) -> Member:
    return Member(role=role, organisation=org, text=role, span=Span(40, 45), optional=optional)


def ambiguous_member(role: str, text: str, other: str, span: Span) -> Member:
    """A member whose organisation a term defined for the district administration and
    `other` names."""
    return Member(
        role=role,
        organisation=None,
        text=text,
        span=span,
        candidates=("district_administration", other),
    )


def group(kind: str, *members: Member, meetings: float | None = None) -> Group:
    return Group(
        kind=kind,
        span=Span(33, 60),
        members=members,
        meetings_per_year=meetings,
        meetings_span=Span(50, 55) if meetings is not None else None,
    )


def doc(
    *groups: Group, parties: tuple[Party, ...] = (), revisions: tuple[Revision, ...] = ()
) -> Document:
    return Document(
        source=SOURCE,
        kind=Kind.LOCAL_AGREEMENT,
        groups=groups,
        parties=parties,
        revisions=revisions,
    )


def party(org: str) -> Party:
    return Party(name=org, org_type=org, span=Span(0, 5))


DIRECTOR = member("district_director", "district_administration")
POLICE_CHIEF = member("police_area_chief", "police_area")
SCHOOL_CHIEF = member("head_of_schools", "education_administration")
TRAFFIC_CHIEF = member("chief", "specialist_administration")


def keys(violations) -> list[str]:  # type: ignore[no-untyped-def]
    return [v.args.get("key", v.key) for v in violations]


# ---------------------------------------------------------------- GRP001, GRP003, GRP004


def test_complete_steering_group(pack: Pack) -> None:
    steering = group("steering", DIRECTOR, POLICE_CHIEF, SCHOOL_CHIEF)
    assert list(group_members(doc(steering), params(pack, "GRP001"))) == []


@pytest.mark.parametrize(
    ("members", "missing"),
    [
        ((POLICE_CHIEF, SCHOOL_CHIEF), ["district_director"]),
        ((DIRECTOR, SCHOOL_CHIEF), ["police_area_chief"]),
        ((DIRECTOR, POLICE_CHIEF), ["specialist_chief"]),
        (
            (DIRECTOR, POLICE_CHIEF, member("chief", "company", optional=True)),
            ["specialist_chief"],
        ),
        ((), ["district_director", "police_area_chief", "specialist_chief"]),
    ],
)
def test_steering_group_lacks(pack: Pack, members: tuple[Member, ...], missing: list[str]) -> None:
    violations = list(group_members(doc(group("steering", *members)), params(pack, "GRP001")))
    assert keys(violations) == missing
    assert all(
        resolve(v.args["requirement"], "sv") and resolve(v.args["requirement"], "en")
        for v in violations
    )


def test_a_chief_from_the_police_area_is_its_head(pack: Pack) -> None:
    steering = group("steering", DIRECTOR, member("chief", "police_area"), TRAFFIC_CHIEF)
    assert list(group_members(doc(steering), params(pack, "GRP001"))) == []


def test_preparatory_group(pack: Pack) -> None:
    complete = group(
        "preparatory",
        member("municipal_police", "police_area"),
        member("security_coordinator", "district_administration"),
    )
    assert list(group_members(doc(complete), params(pack, "GRP003"))) == []
    lacking = group("preparatory", member("security_coordinator", "district_administration"))
    assert keys(group_members(doc(lacking), params(pack, "GRP003"))) == ["municipal_police"]


def test_working_groups(pack: Pack) -> None:
    sdf_only = group("working", member("representative", "district_administration"))
    assert keys(group_members(doc(sdf_only), params(pack, "GRP004"))) == ["lpo_representative"]


def test_missing_group_is_left_to_grp005(pack: Pack) -> None:
    assert list(group_members(doc(), params(pack, "GRP001"))) == []
    assert list(group_meetings(doc(), params(pack, "GRP002"))) == []


# ---------------------------------------------------------------- GRP002, GRP005


@pytest.mark.parametrize(
    ("meetings", "expected"), [(2, []), (4, []), (1, ["default"]), (None, ["missing"])]
)
def test_steering_meetings(pack: Pack, meetings: float | None, expected: list[str]) -> None:
    steering = group("steering", DIRECTOR, meetings=meetings)
    violations = list(group_meetings(doc(steering), params(pack, "GRP002")))
    assert [v.key for v in violations] == expected


def test_groups_present(pack: Pack) -> None:
    all_three = doc(group("steering"), group("preparatory"), group("working"))
    assert list(groups_present(all_three, params(pack, "GRP005"))) == []
    violations = list(groups_present(doc(group("steering")), params(pack, "GRP005")))
    assert [resolve(v.args["group"], "en") for v in violations] == [
        "local preparatory group",
        "local working groups",
    ]


# ---------------------------------------------------------------- REV001, REV002


def revision(subject: str, months: float | None) -> Revision:
    return Revision(subject=subject, months=months, span=Span(33, 48))


@pytest.mark.parametrize(
    ("rule", "revisions", "expected"),
    [
        ("REV001", [revision("agreement", 12)], []),
        ("REV001", [revision("agreement", 24)], []),
        ("REV001", [revision("agreement", 36)], ["default"]),
        ("REV001", [revision("agreement", None)], ["missing"]),
        ("REV001", [revision("situation_picture", 12)], ["missing"]),
        ("REV002", [revision("situation_picture", 12)], []),
        ("REV002", [revision("situation_picture", 18)], ["default"]),
        ("REV002", [revision("agreement", 12)], ["missing"]),
    ],
)
def test_revision_interval(
    pack: Pack, rule: str, revisions: list[Revision], expected: list[str]
) -> None:
    violations = list(revision_interval(doc(revisions=tuple(revisions)), params(pack, rule)))
    assert [v.key for v in violations] == expected


def test_contradicting_intervals_are_one_finding_naming_both(pack: Pack) -> None:
    text = "Tid\nÖverenskommelsen revideras en gång per år.\nDen revideras vart tredje år.\n"
    source = read_text_bytes(text.encode(), "test.txt", ReadLimits())
    yearly = Span(text.index("en gång per år"), text.index("en gång per år") + 14)
    third = Span(text.index("vart tredje år"), text.index("vart tredje år") + 14)
    revisions = (
        Revision("agreement", 12, Span(4, 45), yearly),
        Revision("agreement", 36, Span(46, len(text) - 1), third),
    )
    document = Document(source=source, kind=Kind.LOCAL_AGREEMENT, revisions=revisions)
    [violation] = revision_interval(document, params(pack, "REV001"))
    assert violation.key == "contradiction"
    assert violation.span == third  # the words that carry the interval, not the sentence
    assert (violation.args["other_text"], violation.args["other_line"]) == ("en gång per år", 2)


def test_intervals_that_differ_but_comply_are_no_finding(pack: Pack) -> None:
    revisions = (revision("agreement", 12), revision("agreement", 24))
    assert list(revision_interval(doc(revisions=revisions), params(pack, "REV001"))) == []


def test_revision_finding_points_at_the_interval(pack: Pack) -> None:
    words = Span(40, 54)
    [violation] = revision_interval(
        doc(revisions=(Revision("agreement", 36, Span(33, 60), words),)), params(pack, "REV001")
    )
    assert violation.span == words


def test_revision_interval_is_described(pack: Pack) -> None:
    [violation] = revision_interval(
        doc(revisions=(revision("agreement", 36),)), params(pack, "REV001")
    )
    assert resolve(violation.args["interval"], "sv") == "vart tredje år"


# ---------------------------------------------------------------- SCH001, SCH002


def test_school_as_party_or_actor(pack: Pack) -> None:
    rule = params(pack, "SCH001")
    steering = group("steering", DIRECTOR, POLICE_CHIEF, TRAFFIC_CHIEF)
    assert list(school_included(doc(steering), rule))
    assert not list(
        school_included(doc(steering, parties=(party("education_administration"),)), rule)
    )
    principal = group("preparatory", member("principal", "education_administration"))
    assert not list(school_included(doc(steering, principal), rule))
    co_opted = group("working", member("", "education_administration", optional=True))
    assert list(school_included(doc(steering, co_opted), rule))


def test_education_party_needs_a_seat_in_the_steering_group(pack: Pack) -> None:
    rule = params(pack, "SCH002")
    parties = (party("district_administration"), party("education_administration"))
    without = group("steering", DIRECTOR, POLICE_CHIEF, TRAFFIC_CHIEF)
    assert list(party_in_group(doc(without, parties=parties), rule))
    with_school = group("steering", DIRECTOR, POLICE_CHIEF, SCHOOL_CHIEF)
    assert not list(party_in_group(doc(with_school, parties=parties), rule))
    assert not list(party_in_group(doc(without, parties=parties[:1]), rule))


def test_co_opted_school_is_included_but_has_no_seat(pack: Pack) -> None:
    co_opted = Member(
        role="head_of_schools",
        organisation="education_administration",
        text="Grundskolechefen",
        span=Span(50, 66),
        optional=True,
        co_opted=True,
    )
    steering = group("steering", DIRECTOR, POLICE_CHIEF, TRAFFIC_CHIEF, co_opted)
    assert not list(school_included(doc(steering), params(pack, "SCH001")))
    parties = (party("district_administration"), party("education_administration"))
    [violation] = party_in_group(doc(steering, parties=parties), params(pack, "SCH002"))
    assert (violation.key, violation.span, violation.args["member"]) == (
        "co_opted",
        Span(50, 66),
        "Grundskolechefen",
    )
    # Co-opted is no seat: it does not meet a requirement of the steering group either.
    without_traffic = group("steering", DIRECTOR, POLICE_CHIEF, co_opted)
    assert keys(group_members(doc(without_traffic), params(pack, "GRP001"))) == ["specialist_chief"]


@pytest.mark.parametrize(
    ("role", "org"),
    [
        ("deputy_police_area_chief", "police_area"),
        ("deputy_district_director", "district_administration"),
        ("administration_chief", "district_administration"),
    ],
)
def test_stand_ins_and_titles_the_pack_accepts(pack: Pack, role: str, org: str) -> None:
    members = {
        "police_area": (DIRECTOR, member(role, org), SCHOOL_CHIEF),
        "district_administration": (member(role, org), POLICE_CHIEF, SCHOOL_CHIEF),
    }[org]
    assert list(group_members(doc(group("steering", *members)), params(pack, "GRP001"))) == []


def test_head_of_another_administration_is_no_district_director(pack: Pack) -> None:
    elsewhere = member("administration_chief", "specialist_administration")
    steering = group("steering", elsewhere, POLICE_CHIEF, SCHOOL_CHIEF)
    assert keys(group_members(doc(steering), params(pack, "GRP001"))) == ["district_director"]


# ---------------------------------------------------------------- seeds


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("seed", LOCAL_AGREEMENTS, ids=lambda p: p.stem)
def test_seeds_comply(seed, suffix: str) -> None:  # type: ignore[no-untyped-def]
    report = check_json(seed.with_suffix(suffix), extra=("--select", ",".join(ORGANISATION_RULES)))
    assert report["files"][0]["findings"] == []


def test_a_member_of_an_organisation_named_by_an_ambiguous_term_is_unverifiable(
    pack: Pack,
) -> None:
    """ "medarbetare hos Nämnden", where "Nämnden" is defined for two parties: whether the
    working groups have the district administration cannot be told, so no error."""
    ambiguous = ambiguous_member(
        "representative", "medarbetare hos Nämnden", "specialist_administration", Span(40, 45)
    )
    working = group("working", ambiguous, member("representative", "police_area"))
    (found,) = group_members(doc(working), params(pack, "GRP004"))
    assert (found.key, found.unverified, found.args["key"]) == (
        "unverified",
        True,
        "sdf_representative",
    )
    assert found.args["member"] == "medarbetare hos Nämnden"
    police_only = group("working", member("representative", "police_area"))
    (plain,) = group_members(doc(police_only), params(pack, "GRP004"))
    assert (plain.key, plain.unverified) == ("default", False)


def test_a_school_seat_behind_an_ambiguous_term_is_unverifiable(pack: Pack) -> None:
    """ "rektor vid Förvaltningen", where "Förvaltningen" is defined for the district and the
    education administration: the school may have its seat, so neither rule can say no."""
    ambiguous = ambiguous_member(
        "principal", "rektor vid Förvaltningen", "education_administration", Span(41, 47)
    )
    steering = group("steering", DIRECTOR, POLICE_CHIEF, ambiguous)
    parties = (party("district_administration"), party("education_administration"))
    [seat] = party_in_group(doc(steering, parties=parties), params(pack, "SCH002"))
    [actor] = school_included(doc(steering), params(pack, "SCH001"))
    for found in (seat, actor):
        assert (found.key, found.unverified, found.span) == ("unverified", True, Span(41, 47))
        assert found.args["member"] == "rektor vid Förvaltningen"
    police_only = group("steering", DIRECTOR, POLICE_CHIEF)
    [plain] = party_in_group(doc(police_only, parties=parties), params(pack, "SCH002"))
    assert (plain.key, plain.unverified) == ("default", False)
