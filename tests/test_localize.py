"""Message fields stay language-neutral until a report resolves them in its language."""

from __future__ import annotations

import pytest

from lint.analyze import analyze
from lint.check import Settings, run_checks
from lint.localize import Interval, Joined, Phrase, Text, format_message, resolve, resolved_args
from lint.pack import Pack
from lint.read import read_bytes

AGREEMENT = """Lokal samverkansöverenskommelse mellan Skarpnäcks stadsdelsförvaltning och \
Lokalpolisområde Globen

Bilagor

Bilaga 1: Kommunikationsplan
Bilaga 2: Kontaktuppgifter
Bilaga 4: Uppföljningsplan
"""


def test_a_pack_text_in_each_language_with_its_default() -> None:
    text = Text.of({"sv": "åtgärdsplanen", "en": "action plan", "named": ["x"]}, "action_plan")
    assert (text.resolve("sv"), text.resolve("en")) == ("åtgärdsplanen", "action plan")
    swedish_only = Text.of({"sv": "åtgärdsplanen"}, "action plan")
    assert swedish_only.resolve("en") == "action plan"
    assert Text.of(None, "-").resolve("sv") == "-"


def test_a_count_fills_n() -> None:
    text = Text.of({"sv": "{n} parter", "en": "{n} parties"}, "parties", 3)
    assert (text.resolve("sv"), text.resolve("en")) == ("3 parter", "3 parties")


def test_phrases_and_intervals_come_from_the_report_layer() -> None:
    gap = Phrase("annex_gap", (("first", "3"), ("second", "")))
    assert (gap.resolve("sv"), gap.resolve("en")) == ("bilaga 3 saknas", "annex 3 is missing")
    assert Phrase("numerals_roman").resolve("en") == "roman"
    assert [Interval(m).resolve("sv") for m in (12, 24, 36, 84, 18)] == [
        "en gång per år",
        "vartannat år",
        "vart tredje år",
        "vart 7:e år",
        "var 18:e månad",
    ]
    assert [Interval(m).resolve("en") for m in (12, 24, 36, 18)] == [
        "once a year",
        "every second year",
        "every 3 years",
        "every 18 months",
    ]


def test_joined_falls_back_to_its_empty_text() -> None:
    nothing = Text.of({"sv": "inget", "en": "nothing"}, "-")
    parts = (Text.of({"sv": "{n} bilagor", "en": "{n} annexes"}, "annexes", 2),)
    assert Joined(parts, nothing).resolve("en") == "2 annexes"
    assert Joined((), nothing).resolve("sv") == "inget"


def test_plain_values_are_the_same_in_every_language() -> None:
    assert resolve(3, "en") == 3 and resolve("bilaga 3", "en") == "bilaga 3"


def test_old_english_placeholders_still_name_the_english_text() -> None:
    args = {"subject": Text.of({"sv": "lägesbilden", "en": "situation picture"}, "x"), "n": 2}
    assert resolved_args(args, "sv") == {
        "subject": "lägesbilden",
        "n": 2,
        "subject_en": "situation picture",
    }
    texts = {"sv": "{subject} ({n})", "en": "the {subject_en} ({n}) {unknown}"}
    assert format_message(texts, args, "sv") == "lägesbilden (2)"
    assert format_message(texts, args, "en") == "the situation picture (2) {unknown}"
    assert format_message({"sv": "bara svenska {subject}"}, args, "en") == (
        "bara svenska situation picture"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("sv", "Bilageförteckningens numrering är inte löpande: bilaga 3 saknas."),
        ("en", "The annex list is not numbered consecutively: annex 3 is missing."),
    ],
)
def test_one_finding_is_written_in_the_report_language(
    pack: Pack, lang: str, expected: str
) -> None:
    from lint.model import Kind

    document = analyze(read_bytes(AGREEMENT.encode(), ".txt", "a.txt"), pack, Kind.LOCAL_AGREEMENT)
    findings = run_checks(document, pack, Settings(select=("ANX003",)))
    assert [f.message_in(lang) for f in findings] == [expected]
    assert isinstance(findings[0].args["problem"], Phrase)  # no language in the check's result
