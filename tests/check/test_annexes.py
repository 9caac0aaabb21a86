"""ANX001-ANX005 on hand-built models, and on the seeds through the command line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from lint.analyze import analyze
from lint.check.annexes import (
    annex_list_numbering,
    annex_numbering_style,
    annex_reference_mismatch,
    annex_reference_unresolved,
    required_annexes,
    resolve,
)
from lint.localize import resolve as in_language
from lint.model import (
    Annex,
    AnnexReference,
    Document,
    Kind,
    NumberStyle,
    Sentence,
    SourceText,
    Span,
)
from lint.pack import Pack
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import OSTERMALM, SKARPNACK, check_json

ARABIC, ROMAN = NumberStyle.ARABIC, NumberStyle.ROMAN
SKARPNACK_LIST = [
    (1, "Gemensam lokal lägesbild", "situation_picture"),
    (2, "Åtgärdsplan inklusive lokala arbetsgrupper", "action_plan"),
    (3, "Uppföljningsplan", "follow_up_plan"),
    (7, "Övergripande samverkansöverenskommelse", "overarching_agreement"),
]


def annex(
    number: int, title: str, subject: str | None, *, suffix: str = "", style: NumberStyle = ARABIC
) -> Annex:
    label = ("I" * number if style is ROMAN else str(number)) + suffix
    scores = ((subject, 100.0),) if subject else ()
    return Annex(number, suffix, label, style, title, Span(number, number + 1), subject, scores)


def reference(
    number: int,
    subject: str | None = None,
    *,
    suffix: str = "",
    style: NumberStyle = ARABIC,
    context: Sequence[str] = (),
) -> AnnexReference:
    label = ("I" * number if style is ROMAN else str(number)) + suffix
    sentence = Sentence(Span(100, 200), "…")
    context = tuple(context) or ((subject,) if subject else ())
    return AnnexReference(
        number, suffix, label, style, Span(150, 158), sentence, subject, tuple(context)
    )


def document(annexes: Sequence[Annex], references: Sequence[AnnexReference] = ()) -> Document:
    source = SourceText("t.txt", "text", "x" * 300, ())
    return Document(
        source, Kind.LOCAL_AGREEMENT, annexes=tuple(annexes), annex_references=tuple(references)
    )


def skarpnack_list() -> list[Annex]:
    return [annex(n, title, subject) for n, title, subject in SKARPNACK_LIST]


def params(pack: Pack, rule_id: str) -> dict[str, Any]:
    rule = pack.rule(rule_id)
    assert rule is not None
    return {**rule.params, "_as_of": "2026-11-22"}


# --- resolution -----------------------------------------------------------------------------


def test_roman_and_arabic_resolve_by_value() -> None:
    listed = skarpnack_list()
    assert resolve(reference(1, style=ROMAN), listed) is listed[0]
    assert resolve(reference(4), listed) is None


def test_sub_annexes_resolve() -> None:
    listed = [annex(3, "Åtgärdsplan", "action_plan", suffix="a-c")]
    assert resolve(reference(3, suffix="b"), listed) is listed[0]
    assert resolve(reference(3), listed) is listed[0]
    assert resolve(reference(3, suffix="d"), listed) is None


# --- ANX001 -------------------------------------------------------------------------------


def test_unresolved_reference_with_suggestion(pack: Pack) -> None:
    found = list(
        annex_reference_unresolved(
            document(skarpnack_list(), [reference(9, "overarching_agreement"), reference(1)]),
            params(pack, "ANX001"),
        )
    )
    assert [(v.args["label"], v.suggestion) for v in found] == [("9", "bilaga 7")]


def test_no_unresolved_findings_without_a_list(pack: Pack) -> None:
    assert not list(
        annex_reference_unresolved(document([], [reference(1)]), params(pack, "ANX001"))
    )


# --- ANX002 -------------------------------------------------------------------------------


def test_mismatch_suggests_the_annex_the_subject_names(pack: Pack) -> None:
    found = list(
        annex_reference_mismatch(
            document(skarpnack_list(), [reference(3, "situation_picture")]),
            params(pack, "ANX002"),
        )
    )
    assert len(found) == 1
    assert found[0].suggestion == "bilaga 1"
    assert found[0].args["title"] == "Uppföljningsplan"


@pytest.mark.parametrize(
    "ref",
    [
        reference(1, "situation_picture"),  # right annex
        reference(3, None),  # no subject recognised
        reference(3, "communication_plan"),  # no listed annex is about it
        reference(3, "action_plan", context=("action_plan", "follow_up_plan")),  # "uppföljning av"
        reference(9, "situation_picture"),  # unresolved: ANX001's finding
    ],
)
def test_no_mismatch(pack: Pack, ref: AnnexReference) -> None:
    found = annex_reference_mismatch(document(skarpnack_list(), [ref]), params(pack, "ANX002"))
    assert not list(found)


def test_mismatch_needs_a_clear_margin(pack: Pack) -> None:
    near = Annex(
        1,
        "",
        "1",
        ARABIC,
        "Lägesbilden",
        Span(0, 1),
        "situation_picture",
        (("situation_picture", 90.0),),
    )
    other = Annex(
        2,
        "",
        "2",
        ARABIC,
        "Lägesbild och åtgärdsplan",
        Span(1, 2),
        "situation_picture",
        (("situation_picture", 100.0), ("action_plan", 100.0)),
    )
    found = annex_reference_mismatch(
        document([near, other], [reference(1, "situation_picture", context=("x",))]),
        params(pack, "ANX002"),
    )
    assert not list(found)


# --- ANX003 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numbers", "problem"),
    [
        ([1, 2, 4], "bilaga 3 saknas"),
        ([2, 3], "bilaga 1 saknas"),
        ([1, 2, 2, 3], "bilaga 2 förekommer mer än en gång"),
        ([1, 3, 2], "bilaga 2 står efter bilaga 3"),
    ],
)
def test_list_numbering_problems(pack: Pack, numbers: list[int], problem: str) -> None:
    listed = [annex(n, f"Bilaga {n}", None) for n in numbers]
    found = list(annex_list_numbering(document(listed), params(pack, "ANX003")))
    assert [in_language(v.args["problem"], "sv") for v in found] == [problem]


def test_sub_annexes_are_consecutive(pack: Pack) -> None:
    listed = [
        annex(1, "Lägesbild", None),
        annex(2, "Åtgärdsplan", None),
        annex(2, "Skola", None, suffix="a"),
        annex(2, "Trygghet", None, suffix="b"),
        annex(3, "Samverkansstruktur", None, suffix="a-c"),
        annex(4, "Kontakter", None),
    ]
    assert not list(annex_list_numbering(document(listed), params(pack, "ANX003")))


def test_roman_gap_is_named_in_roman(pack: Pack) -> None:
    listed = [annex(1, "A", None, style=ROMAN), annex(3, "B", None, style=ROMAN)]
    (found,) = annex_list_numbering(document(listed), params(pack, "ANX003"))
    assert in_language(found.args["problem"], "sv") == "bilaga II saknas"


# --- ANX004 -------------------------------------------------------------------------------


def test_roman_reference_to_an_arabic_list(pack: Pack) -> None:
    found = list(
        annex_numbering_style(
            document(skarpnack_list(), [reference(1, style=ROMAN), reference(2)]),
            params(pack, "ANX004"),
        )
    )
    assert [(v.key, v.args["label"], v.suggestion) for v in found] == [("default", "I", "bilaga 1")]


def test_mixed_list(pack: Pack) -> None:
    listed = [annex(1, "A", None), annex(2, "B", None, style=ROMAN), annex(3, "C", None)]
    found = list(annex_numbering_style(document(listed), params(pack, "ANX004")))
    assert [v.key for v in found] == ["mixed_list"]


def test_roman_throughout_is_fine(pack: Pack) -> None:
    listed = [annex(1, "A", None, style=ROMAN), annex(2, "B", None, style=ROMAN)]
    found = annex_numbering_style(
        document(listed, [reference(2, style=ROMAN)]), params(pack, "ANX004")
    )
    assert not list(found)


# --- ANX005 -------------------------------------------------------------------------------


def test_required_annexes_present(pack: Pack) -> None:
    assert not list(required_annexes(document(skarpnack_list()), params(pack, "ANX005")))


def test_required_annex_missing(pack: Pack) -> None:
    listed = [a for a in skarpnack_list() if a.subject != "action_plan"]
    found = list(required_annexes(document(listed), params(pack, "ANX005")))
    assert [in_language(v.args["subject"], "en") for v in found] == ["action plan"]


def test_no_annex_list(pack: Pack) -> None:
    found = list(required_annexes(document([]), params(pack, "ANX005")))
    assert [v.key for v in found] == ["no_list"]


def test_required_annexes_are_pack_data(pack: Pack) -> None:
    listed = [a for a in skarpnack_list() if a.subject != "follow_up_plan"]
    custom = {**params(pack, "ANX005"), "required": ["follow_up_plan"]}
    found = list(required_annexes(document(listed), custom))
    assert [in_language(v.args["subject"], "sv") for v in found] == ["uppföljningsplanen"]


# --- the seeds through the command line -----------------------------------------------------


def anx(path: Any, *extra: str) -> list[dict[str, Any]]:
    report = check_json(path, extra=("--select", "ANX", *extra))
    return report["files"][0]["findings"]


def test_skarpnack_seed() -> None:
    (finding,) = anx(SKARPNACK)
    assert finding["rule"] == "ANX002"
    assert finding["location"]["line"] == 88
    assert finding["suggestion"] == "bilaga 1"
    assert "Gemensam lokal lägesbild" not in finding["message"]  # names the subject, not title
    assert "Uppföljningsplan" in finding["message"]


def test_ostermalm_seed_in_english() -> None:
    (finding,) = anx(OSTERMALM, "--lang", "en")
    assert finding["rule"] == "ANX004"
    assert finding["location"]["line"] == 111
    assert finding["message"] == (
        "Annex I is written in roman numerals, but the annex list uses arabic numerals."
    )


def test_a_sub_annex_range_does_not_hide_a_duplicate(pack: Pack) -> None:
    listed = [
        annex(1, "Lägesbild", None),
        Annex(2, "a-c", "2", ARABIC, "Åtgärdsplan", Span(2, 3)),  # "2. Åtgärdsplan (2a-c)"
        annex(2, "Kommunikationsplan", None),
    ]
    found = list(annex_list_numbering(document(listed), params(pack, "ANX003")))
    assert [in_language(v.args["problem"], "sv") for v in found] == [
        "bilaga 2 förekommer mer än en gång"
    ]


@pytest.mark.parametrize(
    ("annex_section", "key", "unverified"),
    [
        ("Bilaga ett – Gemensam lokal lägesbild\nBilaga två – Åtgärdsplan", "unread", True),
        ("Överenskommelsen har inga bilagor.", "no_list", False),
    ],
)
def test_an_annex_section_that_could_not_be_read(
    pack: Pack, annex_section: str, key: str, unverified: bool
) -> None:
    """Entries that were not understood ("Bilaga ett") are no evidence of a missing list."""
    text = (
        f"Lokal samverkansöverenskommelse\n\nBilagor\n\n{annex_section}\n\nTid\n\nTills vidare.\n"
    )
    doc = analyze(read_text_bytes(text.encode(), "t.txt", ReadLimits()), pack)
    found = list(required_annexes(doc, params(pack, "ANX005")))
    assert [(v.key, v.unverified) for v in found] == [(key, unverified)]
