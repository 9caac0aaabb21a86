"""Dates in the Swedish forms agreements use, and the validity clauses."""

from __future__ import annotations

import pytest

from lint.analyze.context import AnalysisContext
from lint.analyze.dates import extract_dates, find_dates, impossible_dates, validity_of
from lint.analyze.kind import detect_kind
from lint.analyze.sentences import split_sentences
from lint.model import DateMention, Sentence, Span, Validity
from lint.pack import Pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from lint.segment import segment
from tests.conftest import CORPUS, NORRMALM_MEMO, OSTERMALM, OVERARCHING, SKARPNACK


def analyze_dates(text: str, pack: Pack) -> tuple[tuple[DateMention, ...], tuple[Validity, ...]]:
    source = read_text_bytes(text.encode(), "test.txt", ReadLimits())
    return _extract(source, pack)


def _extract(source, pack: Pack):  # type: ignore[no-untyped-def]
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    return extract_dates(
        AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    )


def one_sentence(text: str) -> Validity | None:
    return validity_of(text, Sentence(Span(0, len(text)), text), find_dates(text))


# --- find_dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso", "precision", "written"),
    [
        ("gäller från 2019-02-01.", "2019-02-01", "day", "2019-02-01"),
        ("Stockholm den 19 mars 2020", "2020-03-19", "day", "19 mars 2020"),
        ("ingicks den 1 februari 2019", "2019-02-01", "day", "1 februari 2019"),
        ("undertecknad 1/2 2019", "2019-02-01", "day", "1/2 2019"),
        ("undertecknad 1/2-2019", "2019-02-01", "day", "1/2-2019"),
        ("daterad 01.02.2019", "2019-02-01", "day", "01.02.2019"),
        ("den 1:a feb. 2019", "2019-02-01", "day", "1:a feb. 2019"),
        ("tecknade i juni 2016 sin", "2016-06", "month", "juni 2016"),
        ("ingick i maj 2015 ett", "2015-05", "month", "maj 2015"),
        ("Maj 2015", "2015-05", "month", "Maj 2015"),
        ("till och med 31 mars\n2022.", "2022-03-31", "day", "31 mars\n2022"),
        ("till utgången av 2023.", "2023-12-31", "day", "utgången av 2023"),
        ("t.o.m. utgången av mars 2023", "2023-03", "month", "utgången av mars 2023"),
        ("gäller till slutet av år 2022", "2022-12-31", "day", "slutet av år 2022"),
    ],
)
def test_find_dates_forms(text: str, iso: str, precision: str, written: str) -> None:
    (found,) = find_dates(text)
    assert (found.iso, found.precision) == (iso, precision)
    assert text[found.span.start : found.span.end] == written


@pytest.mark.parametrize(
    "text",
    [
        "Lokalt utvecklingsprogram 2017-2027",
        "organisationsnummer 212000-0142",
        "Telefon: 08-508 09 062",
        "Diarienummer A049.962/2021 och 1.7 .1-556/2021",
        "den 31 februari 2020",  # impossible, and not a month mention either
        "Trygghetsmätning 2020",
    ],
)
def test_find_dates_ignores_other_numbers(text: str) -> None:
    assert find_dates(text) == []


def test_find_dates_offset_shifts_spans() -> None:
    (found,) = find_dates("den 4 november 2019", offset=100)
    assert found.span == Span(104, 119)


def test_find_dates_range_gives_both_ends() -> None:
    found = find_dates("under perioden 2019-02-01 – 2019-05-19")
    assert [d.iso for d in found] == ["2019-02-01", "2019-05-19"]


# --- validity clauses ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("Överenskommelsen gäller i två år från dag för undertecknande.", 24),
        ("Överenskommelsen gäller under en period av 18 månader från och med 2021-02-11.", 18),
        ("Överenskommelsen gäller i tre (3) år från undertecknandet.", 36),
        ("Överenskommelsen gäller i två år och förlängs därefter med ett år i taget.", None),
        ("Överenskommelsen gäller från undertecknandet och tills vidare, i minst två år.", None),
    ],
)
def test_validity_duration(text: str, months: int | None) -> None:
    found = one_sentence(text)
    assert (found.duration_months if found else None) == months


@pytest.mark.parametrize(
    ("text", "start", "end", "from_signing", "until_further_notice"),
    [
        (
            "Överenskommelsen gäller från dag för undertecknande och tills vidare.",
            None,
            None,
            True,
            True,
        ),
        (
            "Överenskommelsen löper från och med 2021-02-11, tillsvidare.",
            "2021-02-11",
            None,
            False,
            True,
        ),
        (
            "Överenskommelsen gäller från och med 1 januari 2020 till och med 31 december 2021.",
            "2020-01-01",
            "2021-12-31",
            False,
            False,
        ),
        ("Överenskommelsen gäller t.o.m. 2019-12-31.", None, "2019-12-31", False, False),
        (
            "Överenskommelsen gäller under perioden 2019-02-01 – 2019-05-19.",
            "2019-02-01",
            "2019-05-19",
            False,
            False,
        ),
        (
            "Överenskommelsen gäller fr.o.m. den 1 mars 2020 t.o.m. den 28 februari 2022.",
            "2020-03-01",
            "2022-02-28",
            False,
            False,
        ),
        (
            "Denna överenskommelse gäller från det att samtliga parter undertecknat den "
            "och tills vidare.",
            None,
            None,
            True,
            True,
        ),
        (
            "Överenskommelsen träder i kraft när den undertecknats av samtliga parter.",
            None,
            None,
            True,
            False,
        ),
        (
            "Överenskommelsen gäller från 2020-01-01 till 2021-12-31.",
            "2020-01-01",
            "2021-12-31",
            False,
            False,
        ),
        ("Överenskommelsen gäller till och med december 2021.", None, "2021-12", False, False),
        ("Överenskommelsen avser perioden 2024–2026.", "2024", "2026", False, False),
        ("Avtalsperioden omfattar åren 2024 till 2027.", "2024", "2027", False, False),
        (
            "Överenskommelsen gäller från dag för undertecknande till utgången av 2023.",
            None,
            "2023-12-31",
            True,
            False,
        ),
    ],
)
def test_validity_clauses(
    text: str, start: str | None, end: str | None, from_signing: bool, until_further_notice: bool
) -> None:
    found = one_sentence(text)
    assert found is not None
    assert (found.start.iso if found.start else None) == start
    assert (found.end.iso if found.end else None) == end
    assert (found.from_signing, found.until_further_notice) == (from_signing, until_further_notice)


@pytest.mark.parametrize(
    "text",
    [
        "Den tidigare överenskommelsen gällde till och med 2018-12-31.",  # past tense
        "Åtgärdsplanen gäller för perioden 2020-01-01 – 2020-12-31.",  # another document
        "Överenskommelsen ska revideras en gång per år under förutsättning att den "
        "övergripande samverkansöverenskommelsen är giltig.",
        "Beslutet ska dokumenteras skriftligen för att äga giltighet.",
        "Södermalms stadsdelsförvaltning ingick den 10 mars 2020 en samverkansöverenskommelse.",
        "Överenskommelsen bygger på statistik för 2018–2021.",  # years, but no period of it
    ],
)
def test_not_validity(text: str) -> None:
    assert one_sentence(text) is None


def test_seed_validity(pack: Pack) -> None:
    _, skarpnack = _extract(read_path(SKARPNACK), pack)
    assert [(v.from_signing, v.until_further_notice) for v in skarpnack] == [(True, True)]
    _, ostermalm = _extract(read_path(OSTERMALM), pack)
    assert [(v.start.iso if v.start else None, v.until_further_notice) for v in ostermalm] == [
        ("2021-02-11", True)
    ]
    _, overarching = _extract(read_path(OVERARCHING), pack)
    assert [(v.from_signing, v.until_further_notice) for v in overarching] == [(True, True)]


def test_memo_dates_and_repeated_validity(pack: Pack) -> None:
    dates, validity = _extract(read_path(NORRMALM_MEMO), pack)
    months = [d.iso for d in dates if d.precision == "month"]
    assert months[:3] == ["2015-05", "2016-06", "2018-06"] and "2015-06" in months
    assert {(v.start.iso, v.end.iso) for v in validity if v.start and v.end} == {
        ("2019-02-01", "2019-05-19")
    }


def test_validity_cut_by_a_pdf_line_break_is_joined(pack: Pack) -> None:
    text = (
        "Lokal samverkansöverenskommelse\n\nTid\n\nÖverenskommelsen gäller från och med den "
        "1 april 2020 till och med den 31 mars\n"
        "2022. Överenskommelsen ska revideras en gång per år.\n"
    )
    _, validity = analyze_dates(text, pack)
    assert [(v.start.iso, v.end.iso) for v in validity if v.start and v.end] == [
        ("2020-04-01", "2022-03-31")
    ]


@pytest.mark.parametrize(
    ("text", "impossible"),
    [
        ("gäller från och med den 31 april 2025", ["31 april 2025"]),
        ("gäller från 2025-02-29 till 2026-02-28", ["2025-02-29"]),
        ("gäller från 30.2.2024 och tills vidare", ["30.2.2024"]),
        ("gäller från 2024-02-29 och tills vidare", []),  # a leap year
        ("version 2024-13-01 av bilagan", []),  # no month 13: no date at all
    ],
)
def test_dates_that_no_calendar_has(text: str, impossible: list[str]) -> None:
    assert [text[s.start : s.end] for s in impossible_dates(text)] == impossible
    assert [d.span for d in find_dates(text)] == [
        d.span for d in find_dates(text) if text[d.span.start : d.span.end] not in impossible
    ]


def test_a_validity_with_an_impossible_date_is_read(pack: Pack) -> None:
    text = "Överenskommelsen gäller från och med den 31 april 2025."
    sentence = Sentence(Span(0, len(text)), text)
    found = validity_of(text, sentence, find_dates(text))
    assert found is not None and [text[s.start : s.end] for s in found.impossible] == [
        "31 april 2025"
    ]


def _scanned_everywhere(text: str) -> list[DateMention]:
    """`find_dates` with every pattern run over the whole text, not only around years."""
    import lint.analyze.dates as dates

    saved = dates._around_years
    dates._around_years = lambda pattern, whole, windows: pattern.finditer(whole)
    try:
        return find_dates(text)
    finally:
        dates._around_years = saved


def test_dates_looked_for_around_years_are_those_found_everywhere() -> None:
    import random

    pieces = ["2024", "-", "03", "15", " ", "mars", "utgången", " av ", "år ", "/", ".", ":e"]
    pieces += ["x", "den ", "\n", "31", "december", "1", "2023-12-31", "12.3.2024", "0", "\t"]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 30)))
        assert find_dates(text) == _scanned_everywhere(text), text
    for path in sorted(CORPUS.rglob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert find_dates(text) == _scanned_everywhere(text), path


def test_an_earlier_agreements_period_is_no_validity_of_this_one(pack: Pack) -> None:
    _dates, validity = analyze_dates(
        "Lokal samverkansöverenskommelse\n\nBakgrund\n\n"
        "Denna överenskommelse ersätter den som gällde för perioden 2017–2019.\n\n"
        "Tid\n\nÖverenskommelsen gäller från och med den 1 mars 2020 och tills vidare.\n",
        pack,
    )
    assert [(v.start and v.start.iso, v.until_further_notice) for v in validity] == [
        ("2020-03-01", True)
    ]
