"""The annex list and the annex references, in the forms agreements use."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from lint.analyze.annexes import extract_annexes
from lint.analyze.context import AnalysisContext
from lint.analyze.kind import detect_kind
from lint.analyze.sentences import split_sentences
from lint.model import Annex, AnnexReference, NumberStyle, SourceText
from lint.numerals import format_label, parse_label, roman_value
from lint.pack import Pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from lint.segment import segment
from tests.conftest import OSTERMALM, SKARPNACK

HEAD = (
    "Lokal samverkansöverenskommelse\n\nBakgrund\n\n{background}\n\n"
    "Bilagor\n\n{annexes}\n\nTid\n\n{after}\n"
)
FILLER = "Överenskommelsen gäller från dag för undertecknande och tills vidare."


def extract(source: SourceText, pack: Pack) -> tuple[tuple[Annex, ...], tuple[AnnexReference, ...]]:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    return extract_annexes(
        AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    )


def extract_text(
    pack: Pack, annexes: str, background: str = FILLER, after: str = FILLER
) -> tuple[tuple[Annex, ...], tuple[AnnexReference, ...]]:
    text = HEAD.format(background=background, annexes=annexes, after=after)
    return extract(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)


def listed(annexes: tuple[Annex, ...]) -> list[tuple[str, int, str, str]]:
    return [(a.label, a.number, a.suffix, a.title) for a in annexes]


def referred(references: tuple[AnnexReference, ...]) -> list[tuple[int, str, str]]:
    return [(r.number, r.suffix, r.style.value) for r in references]


# --- numerals ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "number", "suffix", "style"),
    [
        ("3", 3, "", "arabic"),
        ("3a", 3, "a", "arabic"),
        ("3a-c", 3, "a-c", "arabic"),
        ("3a–3c", 3, "a-c", "arabic"),
        ("IV", 4, "", "roman"),
        ("XIX", 19, "", "roman"),
        ("A", 1, "", "letter"),  # "Bilaga A"
        ("C", 3, "", "letter"),  # a letter, not roman one hundred
    ],
)
def test_parse_label(label: str, number: int, suffix: str, style: str) -> None:
    numeral = parse_label(label)
    assert numeral is not None
    assert (numeral.number, numeral.suffix, numeral.style.value) == (number, suffix, style)


@pytest.mark.parametrize("label", ["IIII", "VV", "Q", "AB", "", "3b2"])
def test_parse_label_rejects(label: str) -> None:
    assert parse_label(label) is None


def test_roman_round_trip() -> None:
    for value in range(1, 40):
        assert roman_value(format_label(value, "", NumberStyle.ROMAN)) == value


# --- the annex list ------------------------------------------------------------------------


def test_lettered_annexes_and_references(pack: Pack) -> None:
    annexes, references = extract_text(
        pack,
        "• Bilaga A – Gemensam lokal lägesbild\n• Bilaga B – Åtgärdsplan\n"
        "• Bilaga C – Kommunikationsplan",
        background="Beredningsgruppen följer upp åtgärdsplanen (se bilaga B) varje månad.",
    )
    assert listed(annexes) == [
        ("A", 1, "", "Gemensam lokal lägesbild"),
        ("B", 2, "", "Åtgärdsplan"),
        ("C", 3, "", "Kommunikationsplan"),
    ]
    assert [(r.label, r.style.value, r.subject) for r in references] == [
        ("B", "letter", "action_plan")
    ]


def test_colon_dash_and_bullet_entries(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "Bilaga 1: Gemensam lokal lägesbild\n\nBilaga 2 – Åtgärdsplan\n"
        "- Bilaga 3: Uppföljningsplan\n• Bilaga 4. Kommunikationsplan",
    )
    assert listed(annexes) == [
        ("1", 1, "", "Gemensam lokal lägesbild"),
        ("2", 2, "", "Åtgärdsplan"),
        ("3", 3, "", "Uppföljningsplan"),
        ("4", 4, "", "Kommunikationsplan"),
    ]
    assert [a.subject for a in annexes] == [
        "situation_picture",
        "action_plan",
        "follow_up_plan",
        "communication_plan",
    ]


def test_numbered_list_with_sub_annex_range_and_wrapped_title(pack: Pack) -> None:
    long_line = (
        "Den gemensamma lokala samverkansöverenskommelsens parter har kommit överens om detta."
    )
    annexes, _ = extract_text(
        pack,
        "Nedan angivna handlingar ligger till grund för parternas åtaganden:\n\n"
        "1. Gemensam lokal lägesbild, Östermalms stadsdelsförvaltning och lokalpolisområde\n"
        "Norrmalm\n\n2. Samverkansstruktur\n3. Åtgärdsplan (3a-c)\n4. Övergripande\n"
        "samverkansöverenskommelse",
        background=f"{long_line}\n{long_line}\n{long_line}",
    )
    assert listed(annexes) == [
        (
            "1",
            1,
            "",
            "Gemensam lokal lägesbild, Östermalms stadsdelsförvaltning och "
            "lokalpolisområde Norrmalm",
        ),
        ("2", 2, "", "Samverkansstruktur"),
        ("3", 3, "a-c", "Åtgärdsplan"),
        ("4", 4, "", "Övergripande samverkansöverenskommelse"),
    ]
    assert annexes[3].subject == "overarching_agreement"


def test_roman_entries_and_sub_annexes(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "Bilaga I: Lägesbild\nBilaga II: Åtgärdsplan\nBilaga IIa: Åtgärdsplan skola\n"
        "Bilaga IV: Kontaktuppgifter",
    )
    assert [(a.number, a.suffix, a.style.value) for a in annexes] == [
        (1, "", "roman"),
        (2, "", "roman"),
        (2, "a", "roman"),
        (4, "", "roman"),
    ]


def test_title_before_number(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack, "- Gemensam lokal lägesbild (bilaga 1)\n- Åtgärdsplan – bilaga 2"
    )
    assert listed(annexes) == [
        ("1", 1, "", "Gemensam lokal lägesbild"),
        ("2", 2, "", "Åtgärdsplan"),
    ]


def test_prose_in_the_annex_section_is_no_entry(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\n\n"
        "Bilagorna uppdateras årligen.\n\nBilaga 2 uppdateras oftare, bilaga 1.",
    )
    assert [a.number for a in annexes] == [1, 2]


def test_list_without_a_bilagor_heading(pack: Pack) -> None:
    text = (
        "Lokal samverkansöverenskommelse\n\nBakgrund\n\nLägesbilden framgår av bilaga 1.\n\n"
        "Bilaga 1: Gemensam lokal lägesbild\nBilaga 2: Åtgärdsplan\n"
    )
    annexes, references = extract(read_text_bytes(text.encode(), "t.txt", ReadLimits()), pack)
    assert [a.number for a in annexes] == [1, 2]
    assert referred(references) == [(1, "", "arabic")]


def test_numbered_list_introduced_by_a_sentence_without_a_heading(pack: Pack) -> None:
    text = (
        "Lokal samverkansöverenskommelse\n\nParter\n\nParterna har ingått överenskommelsen.\n"
        "Nedan angivna handlingar ligger till grund för parternas åtaganden enligt\n"
        "överenskommelsen:\n\n1. Gemensam lokal lägesbild\n2. Åtgärdsplan\n\n"
        "Tid\n\nI styrgruppen ska följande funktioner ingå:\n1. Stadsdelsdirektör\n"
    )
    annexes, _ = extract(read_text_bytes(text.encode(), "t.txt", ReadLimits()), pack)
    assert listed(annexes) == [
        ("1", 1, "", "Gemensam lokal lägesbild"),
        ("2", 2, "", "Åtgärdsplan"),
    ]


# --- references ----------------------------------------------------------------------------


def test_reference_forms(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Uppföljningsplan",
        background=(
            "Lägesbilden framgår av bilaga 1. Åtgärdsplanen (se Bilaga 2) följs upp. "
            "Planerna finns i bilagorna 2 och 3. Se även bilaga I och bilaga 3a. "
            "Bilagan och dess bilagor uppdateras årligen i styrgruppen."
        ),
    )
    assert referred(references) == [
        (1, "", "arabic"),
        (2, "", "arabic"),
        (2, "", "arabic"),
        (3, "", "arabic"),
        (1, "", "roman"),
        (3, "a", "arabic"),
    ]


def test_reference_range_expands(pack: Pack) -> None:
    _, references = extract_text(
        pack, "Bilaga 1: Lägesbild", background="Underlagen finns i bilagorna 2–4."
    )
    assert [r.number for r in references] == [2, 3, 4]


def test_hard_line_break_inside_a_reference(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild",
        background="Lägesbilden som parterna har tagit fram finns i bilaga\n1. Den revideras.",
    )
    assert referred(references) == [(1, "", "arabic")]
    assert references[0].subject == "situation_picture"


def test_a_sentence_starting_with_i_is_no_roman_reference(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild",
        background="Parterna informerar om överenskommelsen och dess bilagor\nI styrgruppen.",
    )
    assert references == ()


def test_annex_of_the_overarching_agreement_is_not_a_reference(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild",
        background=(
            "Områdena väljs bland dem i bilaga 1 till den övergripande "
            "samverkansöverenskommelsen. Den övergripande överenskommelsens bilaga 2 "
            "listar dem också."
        ),
    )
    assert references == ()


def test_reference_subjects(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Uppföljningsplan",
        background=(
            "Åtgärdsplanen, som bygger på lägesbilden (bilaga 1), finns i bilaga 2. "
            "I bilaga 3 finns uppföljningsplanen. "
            "Den övergripande samverkansöverenskommelsen framgår av bilaga 7."
        ),
    )
    assert [(r.number, r.subject) for r in references] == [
        (1, "situation_picture"),
        (2, "action_plan"),
        (3, "follow_up_plan"),
        (7, "overarching_agreement"),
    ]


def test_hints_are_context_not_subject(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Uppföljningsplan",
        background="Uppföljning av åtgärdsplanen sker enligt bilaga 3.",
    )
    (reference,) = references
    assert reference.subject == "action_plan"
    assert set(reference.context_subjects) == {"action_plan", "follow_up_plan"}


def test_listed_entries_and_headings_are_not_references(pack: Pack) -> None:
    _, references = extract_text(pack, "Bilaga 1: Gemensam lokal lägesbild\nBilaga 2: Åtgärdsplan")
    assert references == ()


# --- the seeds, in every format --------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_skarpnack(pack: Pack, suffix: str) -> None:
    annexes, references = extract(read_path(SKARPNACK.with_suffix(suffix)), pack)
    assert [a.number for a in annexes] == [1, 2, 3, 4, 5, 6, 7]
    assert annexes[0].title == "Gemensam lokal lägesbild"
    assert [(r.number, r.subject) for r in references] == [
        (7, "overarching_agreement"),
        (3, "situation_picture"),
    ]


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_ostermalm(pack: Pack, suffix: str) -> None:
    annexes, references = extract(read_path(OSTERMALM.with_suffix(suffix)), pack)
    assert [(a.number, a.suffix) for a in annexes] == [
        (1, ""),
        (2, ""),
        (3, "a-c"),
        (4, ""),
        (5, ""),
    ]
    assert annexes[0].title.endswith("lokalpolsområde Norrmalm")
    assert [(r.number, r.style.value, r.subject) for r in references] == [
        (5, "arabic", "overarching_agreement"),
        (1, "roman", "situation_picture"),
    ]


# --- DOCX layouts -----------------------------------------------------------------------------


def _docx_agreement(path: Path, fill_annexes: Callable[[Any], None]) -> Path:
    import docx

    document = docx.Document()
    document.add_paragraph("Lokal samverkansöverenskommelse", style="Title")
    document.add_paragraph("Bakgrund", style="Heading 1")
    document.add_paragraph("Den övergripande samverkansöverenskommelsen framgår av bilaga 3.")
    document.add_paragraph("Bilagor", style="Heading 1")
    fill_annexes(document)
    document.add_paragraph("Tid", style="Heading 1")
    document.add_paragraph("Den lokala lägesbilden, bilaga 1, revideras varje år.")
    document.save(str(path))
    return path


def test_docx_numbered_list_without_numbers_in_the_text(pack: Pack, tmp_path: Path) -> None:
    def fill(document: Any) -> None:
        for title in ("Gemensam lokal lägesbild", "Åtgärdsplan", "Övergripande överenskommelse"):
            document.add_paragraph(title, style="List Number")

    path = _docx_agreement(tmp_path / "numbered.docx", fill)
    annexes, references = extract(read_path(path), pack)
    assert [(a.label, a.subject) for a in annexes] == [
        ("1", "situation_picture"),
        ("2", "action_plan"),
        ("3", "overarching_agreement"),
    ]
    assert [(r.number, r.subject) for r in references] == [
        (3, "overarching_agreement"),
        (1, "situation_picture"),
    ]


def test_docx_table_of_annexes(pack: Pack, tmp_path: Path) -> None:
    def fill(document: Any) -> None:
        table = document.add_table(rows=2, cols=2)
        rows = [("Bilaga 1", "Gemensam lokal lägesbild"), ("Bilaga 2", "Åtgärdsplan")]
        for row, (label, title) in zip(table.rows, rows, strict=True):
            row.cells[0].text = label
            row.cells[1].text = title

    annexes, _ = extract(read_path(_docx_agreement(tmp_path / "table.docx", fill)), pack)
    assert listed(annexes) == [
        ("1", 1, "", "Gemensam lokal lägesbild"),
        ("2", 2, "", "Åtgärdsplan"),
    ]


def test_pdf_symbol_bullets(pack: Pack) -> None:
    annexes, _ = extract_text(pack, "\uf0b7 Bilaga 1: Lägesbild\n● Bilaga 2: Åtgärdsplan")
    assert [a.title for a in annexes] == ["Lägesbild", "Åtgärdsplan"]


def test_numbered_headings(pack: Pack) -> None:
    text = (
        "Lokal samverkansöverenskommelse\n\n1. Bakgrund\n\n"
        "Den övergripande samverkansöverenskommelsen framgår av bilaga 2.\n\n"
        "2. Bilagor\n\n1. Gemensam lokal lägesbild\n2. Övergripande samverkansöverenskommelse\n\n"
        "3. Tid\n\nÖverenskommelsen gäller tills vidare.\n"
    )
    annexes, references = extract(read_text_bytes(text.encode(), "t.txt", ReadLimits()), pack)
    assert [a.number for a in annexes] == [1, 2]
    assert [r.number for r in references] == [2]


def test_overarching_agreement_by_its_full_title(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "1. Gemensam lokal lägesbild\n2. Åtgärdsplan\n"
        "3. Samverkansöverenskommelse mellan Stockholms stad och Polisregion Stockholm",
    )
    assert [a.subject for a in annexes] == [
        "situation_picture",
        "action_plan",
        "overarching_agreement",
    ]


def test_a_reference_after_a_conjunct_is_about_that_conjunct(pack: Pack) -> None:
    """ "åtgärdsplanen och trygghetsvandringarna (bilaga 3)": not about the action plan."""
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Trygghetsvandringar",
        background=(
            "Rådet följer upp åtgärdsplanen och trygghetsvandringarna (bilaga 3) varje år. "
            "Rådet följer upp lägesbilden och åtgärdsplanen (bilaga 2) varje år."
        ),
    )
    assert [(r.number, r.subject) for r in references] == [(3, None), (2, "action_plan")]


def test_a_reference_in_a_second_predicate_has_no_subject_of_its_own(pack: Pack) -> None:
    """ "Målen framgår av åtgärdsplanen och följs upp enligt bilaga 3": the action plan is
    the object of the first predicate, not what annex 3 holds; a subject word that is the
    sentence's subject still is ("Lägesbilden … och finns i bilaga 1")."""
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Uppföljningsplan",
        background=(
            "Målen framgår av åtgärdsplanen och följs upp enligt bilaga 3. "
            "Lägesbilden har tagits fram gemensamt och finns i bilaga 1."
        ),
    )
    assert [(r.number, r.subject) for r in references] == [(3, None), (1, "situation_picture")]


def test_medborgarloften_are_an_annex_subject(pack: Pack) -> None:
    annexes, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Medborgarlöften 2024",
        background="Rådet följer upp åtgärdsplanen och medborgarlöftena (bilaga 3) varje år.",
    )
    assert annexes[2].subject == "citizen_promises"
    assert [(r.number, r.subject) for r in references] == [(3, "citizen_promises")]


def test_inline_list_opened_by_bilaga_and_a_comma(pack: Pack) -> None:
    """ "hör bilaga 1, gemensam lägesbild 2023, bilaga 2, åtgärdsplan 2024, och bilaga 3,
    medborgarlöften 2024." followed by another sentence in the same paragraph."""
    annexes, references = extract_text(
        pack,
        "Till överenskommelsen hör bilaga 1, gemensam lägesbild 2023, bilaga 2,\n"
        "åtgärdsplan 2024, och bilaga 3, medborgarlöften 2024. Bilagorna uppdateras varje år.",
    )
    assert listed(annexes) == [
        ("1", 1, "", "gemensam lägesbild 2023"),
        ("2", 2, "", "åtgärdsplan 2024"),
        ("3", 3, "", "medborgarlöften 2024"),
    ]
    assert references == ()


def test_inline_list_whose_items_open_with_their_own_colon(pack: Pack) -> None:
    """ "Bilaga 1: X; Bilaga 2: Y": the first colon is the first item's, not a lead-in's."""
    annexes, _ = extract_text(
        pack,
        "Bilaga 1: Lägesbild 2024; Bilaga 2: Åtgärdsplan; Bilaga 3: Den övergripande "
        "överenskommelsen.",
    )
    assert [(a.number, a.title) for a in annexes] == [
        (1, "Lägesbild 2024"),
        (2, "Åtgärdsplan"),
        (3, "Den övergripande överenskommelsen"),
    ]


def test_prose_naming_two_annexes_is_no_inline_list(pack: Pack) -> None:
    annexes, _ = extract_text(pack, "Bilaga 1 revideras årligen och bilaga 2 revideras vid behov.")
    assert annexes == ()


def test_entries_and_references_with_nr(pack: Pack) -> None:
    annexes, references = extract_text(
        pack,
        "Bilaga nr 1: Gemensam lokal lägesbild\n\nBilaga nr 2: Åtgärdsplan",
        background="Arbetet följer åtgärdsplanen, bilaga nr 2.",
    )
    assert listed(annexes) == [
        ("1", 1, "", "Gemensam lokal lägesbild"),
        ("2", 2, "", "Åtgärdsplan"),
    ]
    assert [r.number for r in references] == [2]


def test_inline_list_whose_items_end_in_their_number_in_parentheses(pack: Pack) -> None:
    """ "…: lägesbild 2024 (bilaga 1), handlingsplan (bilaga 2) samt den övergripande
    överenskommelsen (bilaga 3)." and another sentence in the same paragraph."""
    annexes, references = extract_text(
        pack,
        "Överenskommelsen kompletteras med: lägesbild 2024 (bilaga 1), handlingsplan\n"
        "(bilaga 2) samt den övergripande överenskommelsen (bilaga 3). Bilagorna uppdateras\n"
        "varje år.",
        background="Arbetet följer handlingsplanen (bilaga 2).",
    )
    assert listed(annexes) == [
        ("1", 1, "", "lägesbild 2024"),
        ("2", 2, "", "handlingsplan"),
        ("3", 3, "", "den övergripande överenskommelsen"),
    ]
    assert [r.number for r in references] == [2]


def test_prose_with_two_parenthesised_references_is_no_inline_list(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack, "Lägesbilden (bilaga 1) tas fram först. Därefter följer åtgärdsplanen (bilaga 2)."
    )
    assert annexes == ()


def test_inline_list_introduced_by_prose_without_a_colon(pack: Pack) -> None:
    """ "De handlingar som hör till den är bilaga 1 – X; bilaga 2 – Y": the words before the
    first item's label introduce the list."""
    annexes, _ = extract_text(
        pack,
        "De handlingar som hör till överenskommelsen är bilaga 1 – Gemensam lokal lägesbild;\n"
        "bilaga 2 – Åtgärdsplan 2025; bilaga 3 – Övergripande samverkansöverenskommelse.",
    )
    assert [(a.number, a.title) for a in annexes] == [
        (1, "Gemensam lokal lägesbild"),
        (2, "Åtgärdsplan 2025"),
        (3, "Övergripande samverkansöverenskommelse"),
    ]


def test_references_after_as_many_subjects_go_with_them_in_order(pack: Pack) -> None:
    """ "åtgärdsplanen och uppföljningsplanen, bilaga 2 och bilaga 3": respectively."""
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\n\nBilaga 2: Åtgärdsplan\n\nBilaga 3: Uppföljningsplan",
        background="Hur arbetet följs upp framgår av åtgärdsplanen och uppföljningsplanen, "
        "bilaga 2 och bilaga 3.",
    )
    assert [(r.number, r.subject) for r in references] == [
        (2, "action_plan"),
        (3, "follow_up_plan"),
    ]


def test_the_city_and_police_region_agreement_is_the_overarching_one(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "Bilaga 1: Lägesbild\n\nBilaga 2: Överenskommelse om samverkan mellan Stockholms stad "
        "och Polisregion Stockholm 2019",
    )
    assert annexes[1].subject == "overarching_agreement"


def test_inline_list_with_numbered_labels_after_a_colon(pack: Pack) -> None:
    annexes, _ = extract_text(
        pack,
        "Bilagor\n\nHandlingar: 1) Lägesbild för området, hösten 2024, 2) Åtgärdsplan\n"
        "2025, 3) Övergripande samverkansöverenskommelse.",
    )
    assert [(a.number, a.title) for a in annexes] == [
        (1, "Lägesbild för området, hösten 2024"),
        (2, "Åtgärdsplan 2025"),
        (3, "Övergripande samverkansöverenskommelse"),
    ]


def test_a_semicolon_ends_the_clause_whose_subject_a_reference_takes(pack: Pack) -> None:
    _, references = extract_text(
        pack,
        "Bilaga 1: Lägesbild\nBilaga 2: Åtgärdsplan\nBilaga 3: Kommunikationsplan",
        background="Ändringar 2025: ny bilaga 3; åtgärdsplanen har reviderats.",
    )
    assert [(r.number, r.subject) for r in references] == [(3, None)]


def test_annexes_named_a_sentence_each_in_prose(pack: Pack) -> None:
    annexes, _references = extract_text(
        pack,
        "Överenskommelsen har tre bilagor. Bilaga 1 är den gemensamma lokala lägesbilden, "
        "framtagen\nhösten 2023. Bilaga 2 utgörs av åtgärdsplanen för 2024. I bilaga 3 "
        "finns den övergripande\növerenskommelsen.",
    )
    assert listed(annexes) == [
        ("1", 1, "", "den gemensamma lokala lägesbilden"),
        ("2", 2, "", "åtgärdsplanen för 2024"),
        ("3", 3, "", "den övergripande överenskommelsen"),
    ]
