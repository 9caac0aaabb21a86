"""Revision intervals of the agreement and of the situation picture, and interval wordings."""

from __future__ import annotations

import pytest

from lint.analyze import analyze
from lint.analyze.frequency import find_intervals
from lint.model import Document, Revision
from lint.pack import Pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import OSTERMALM, SKARPNACK

TEMPLATE = (
    "Lokal samverkansöverenskommelse\n\n"
    "Tid\n\nÖverenskommelsen gäller från dag för undertecknande och tills vidare. {term}\n\n"
    "Uppdateringar, ändringar och tillägg\n\n{updates}\n"
)


def document(pack: Pack, term: str = "", updates: str = "") -> Document:
    text = TEMPLATE.format(term=term, updates=updates)
    return analyze(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)


def months(doc: Document, subject: str) -> list[float | None]:
    return [r.months for r in doc.revisions if r.subject == subject]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("vid minst två tillfällen per år", 6),
        ("fyra gånger per år", 3),
        ("en gång i kvartalet", 3),
        ("varje månad", 1),
        ("årligen", 12),
        ("två gånger per termin", 3),
        ("en gång per år", 12),
        ("minst en (1) gång varje år", 12),
        ("vartannat år", 24),
        ("vart annat år", 24),
        ("vart tredje år", 36),
        ("var 18:e månad", 18),
        ("var sjätte månad", 6),
        ("2 ggr/år", 6),
        ("halvårsvis", 6),
        ("en gång om året", 12),
        ("en gång på våren och en gång på hösten", 6),
        ("varje vår och höst", 6),
        ("under hösten och våren", 6),
        ("varje höst", 12),
        ("två ordinarie sammanträden per kalenderår", 6),
        ("fyra fasta möten per år", 3),
    ],
)
def test_interval_wordings(written: str, expected: float) -> None:
    found = find_intervals(f"Mötena hålls {written} och vid behov.")
    assert [i.months for i in found] == [expected]


@pytest.mark.parametrize("text", ["Styrgruppen ska ansvara för arbetet.", "vid behov", "år 2020"])
def test_no_interval(text: str) -> None:
    assert find_intervals(text) == []


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("seed", [SKARPNACK, OSTERMALM], ids=["skarpnack", "ostermalm"])
def test_seed_revisions(pack: Pack, seed, suffix: str) -> None:
    doc = analyze(read_path(seed.with_suffix(suffix)), pack)
    assert months(doc, "agreement") == [12]
    assert months(doc, "situation_picture") == [12]


def test_agreement_and_situation_picture_told_apart(pack: Pack) -> None:
    doc = document(
        pack,
        term="Överenskommelsen ska revideras vart tredje år efter samråd mellan Parterna och under "
        "förutsättning att den övergripande samverkansöverenskommelsen är giltig.",
        updates="Den lokala lägesbilden ska revideras var 18:e månad och biläggas "
        "överenskommelsen. Åtgärdsplaner ska uppdateras om det är påkallat.",
    )
    assert months(doc, "agreement") == [36]
    assert months(doc, "situation_picture") == [18]


def test_the_overarching_agreement_is_not_the_agreement(pack: Pack) -> None:
    doc = document(
        pack,
        updates="Den övergripande samverkansöverenskommelsen revideras vart fjärde år.",
    )
    assert months(doc, "agreement") == []


@pytest.mark.parametrize(
    ("sentence", "subject", "expected"),
    [
        ("Revidering av överenskommelsen sker vartannat år.", "agreement", 24),
        ("Överenskommelsen och dess bilagor ses över årligen.", "agreement", 12),
        ("Lägesbilden uppdateras en gång i kvartalet.", "situation_picture", 3),
        ("En ny gemensam lägesbild tas fram varje år.", "situation_picture", 12),
        ("Lägesbilden förnyas årligen.", "situation_picture", 12),
        ("Parterna ska se över överenskommelsen en gång per år.", "agreement", 12),
        ("Överenskommelsen ska revideras vid behov.", "agreement", None),
    ],
)
def test_subject_and_interval(
    pack: Pack, sentence: str, subject: str, expected: float | None
) -> None:
    doc = document(pack, updates=sentence)
    assert months(doc, subject) == [expected]


def test_revision_without_subject_in_the_term_section_is_the_agreements(pack: Pack) -> None:
    doc = document(pack, term="Revidering sker årligen.")
    assert months(doc, "agreement") == [12]
    assert all(isinstance(r, Revision) for r in doc.revisions)


def test_a_short_label_before_a_colon_names_what_is_revised(pack: Pack) -> None:
    doc = document(
        pack,
        updates="Revidering:\n\n"
        "• Avtalet: ses över var sjätte månad.\n"
        "• Gemensam lägesbild (bilaga 1): revideras vart tredje år.\n",
    )
    assert months(doc, "agreement") == [6]
    assert months(doc, "situation_picture") == [36]
