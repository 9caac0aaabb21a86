"""Signature blocks in the layouts agreements use, matched to the parties."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.analyze.kind import detect_kind
from lint.analyze.sentences import split_sentences
from lint.analyze.signatures import extract_signatures
from lint.layout import lay_out
from lint.model import Party, Signature, SourceText, Span
from lint.pack import Pack, load_pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from lint.segment import segment
from tests.conftest import OSTERMALM, SKARPNACK

BODY = (
    "Lokal samverkansöverenskommelse\n\nTid\n\n"
    "Överenskommelsen gäller från dag för undertecknande och tills vidare.\n\n"
    "Överenskommelsen har upprättats i tre (3) likalydande exemplar varav parterna "
    "erhållit var sitt.\n\n"
)
PARTIES = (
    Party("Skarpnäcks stadsdelsförvaltning", "district_administration", Span(0, 1)),
    Party(
        "Lokalpolisområde Globen region Stockholm polisområde Syd",
        "police_area",
        Span(0, 1),
    ),
    Party(
        "Utbildningsförvaltningen, grundskoleavdelningen",
        "education_administration",
        Span(0, 1),
    ),
)


def signatures_of(
    source: SourceText, pack: Pack, parties: tuple[Party, ...] = PARTIES
) -> tuple[Signature, ...]:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    ctx = AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    return extract_signatures(ctx, parties)


def signatures_in(
    text: str, pack: Pack, parties: tuple[Party, ...] = PARTIES
) -> tuple[Signature, ...]:
    return signatures_of(
        read_text_bytes((BODY + text).encode(), "t.txt", ReadLimits()), pack, parties
    )


def signatures_in_view(text: str, pack: Pack) -> tuple[Signature, ...]:
    """`signatures_in` on the layout's reading view (a table read column by column)."""
    source = read_text_bytes((BODY + text).encode(), "t.txt", ReadLimits())
    return signatures_of(lay_out(source).view, pack)


def test_skarpnack_three_dated_blocks_matched_to_parties(pack: Pack) -> None:
    found = signatures_of(read_path(SKARPNACK), pack)
    assert [(s.place, s.date.iso if s.date else None) for s in found] == [
        ("Stockholm", "2020-03-19")
    ] * 3
    assert [s.name for s in found] == [
        "Maria Mathiasson Laxvik",
        "Tony Sörensen",
        "Adeline Schmidhuber",
    ]
    assert [s.title for s in found] == [
        "Stadsdelsdirektör",
        "Lokalpolisområdeschef",
        "Grundskolechef",
    ]
    assert [s.party_index for s in found] == [0, 1, 2]


def test_skarpnack_pdf_layout_without_blank_lines(pack: Pack) -> None:
    found = signatures_of(read_path(SKARPNACK.with_suffix(".pdf")), pack)
    assert [s.organisation for s in found] == [
        "Skarpnäcks stadsdelsförvaltning",
        "Lokalpolisområde Globen",
        "Utbildningsförvaltningen",
    ]


def test_ostermalm_has_no_signature_block(pack: Pack) -> None:
    for suffix in (".txt", ".pdf", ".docx"):
        assert signatures_of(read_path(OSTERMALM.with_suffix(suffix)), pack, ()) == ()


def test_iso_date_and_for_party_form(pack: Pack) -> None:
    text = (
        "Ort och datum: Stockholm 2021-02-10\n\nFör Polisen\n\n____________________\n"
        "Namnförtydligande: Per Lindqvist\nLokalpolisområdeschef\n\n"
        "Stockholm, 2021-02-08\n\nFör Skarpnäcks stadsdelsförvaltning\n\n"
        "Ann Sofie Andersson\nStadsdelsdirektör\n"
    )
    police = PARTIES[1]
    police = Party(police.name, police.org_type, police.span, defined_terms=())
    found = signatures_in(text, pack, (PARTIES[0], police))
    assert [(s.date.iso if s.date else None, s.name) for s in found] == [
        ("2021-02-10", "Per Lindqvist"),
        ("2021-02-08", "Ann Sofie Andersson"),
    ]
    # "Polisen" is matched through the title's organisation type.
    assert [s.party_index for s in found] == [1, 0]


def test_blank_place_and_date_line_is_an_undated_block(pack: Pack) -> None:
    text = (
        "Stockholm den ______________\n\n"
        "Tony Sörensen\nLokalpolisområdeschef\nLokalpolisområde Globen\n"
    )
    (found,) = signatures_in(text, pack)
    assert found.date is None and found.name == "Tony Sörensen" and found.party_index == 1


def test_place_line_without_date_between_blocks_starts_an_undated_block(pack: Pack) -> None:
    text = (
        "Stockholm den 19 mars 2020\n\nMaria Mathiasson Laxvik\nStadsdelsdirektör\n"
        "Skarpnäcks stadsdelsförvaltning\n\nStockholm\n\n"
        "Tony Sörensen\nLokalpolisområdeschef\nLokalpolisområde Globen\n"
    )
    found = signatures_in(text, pack)
    assert [(s.place, s.date.iso if s.date else None, s.name, s.party_index) for s in found] == [
        ("Stockholm", "2020-03-19", "Maria Mathiasson Laxvik", 0),
        ("Stockholm", None, "Tony Sörensen", 1),
    ]


def test_name_and_title_without_date_line(pack: Pack) -> None:
    text = "Maria Mathiasson Laxvik\nStadsdelsdirektör\n\nTony Sörensen\nLokalpolisområdeschef\n"
    found = signatures_in(text, pack)
    assert [(s.name, s.date, s.party_index) for s in found] == [
        ("Maria Mathiasson Laxvik", None, 0),
        ("Tony Sörensen", None, 1),
    ]


def test_prose_starting_with_for_is_no_block(pack: Pack) -> None:
    text = (
        "För att ta fram den lokala lägesbilden har lokalpolisområde Norrmalm och Östermalms\n"
        "stadsdelsförvaltning använt sig av följande källor:\n"
    )
    assert signatures_in(text, pack) == ()


def test_a_lone_date_line_is_no_signature(pack: Pack) -> None:
    assert signatures_in("Stockholm den 19 mars 2020\n", pack) == ()


def test_dates_after_the_names_close_their_blocks(pack: Pack) -> None:
    text = (
        "För Skarpnäcks stadsdelsförvaltning\n\nMaria Mathiasson Laxvik, stadsdelsdirektör\n"
        "Datum: 2020-03-18\n\nFör Lokalpolisområde Globen\n\nTony Sörensen\n"
        "Lokalpolisområdeschef\nStockholm 2020-03-19\n"
    )
    found = signatures_in(text, pack)
    assert [(s.date.iso if s.date else None, s.party_index) for s in found] == [
        ("2020-03-18", 0),
        ("2020-03-19", 1),
    ]


def test_blocks_opened_by_their_names_and_closed_by_their_dates(pack: Pack) -> None:
    """No "För X" or place line above the names: each block runs from the line after the
    previous date to its own date line."""
    text = (
        "Skarpnäcks stadsdelsförvaltning\nMaria Mathiasson Laxvik\nStadsdelsdirektör\n"
        "Stockholm den 18 mars 2020\n\nLokalpolisområde Globen\nTony Sörensen\n"
        "Lokalpolisområdeschef\nStockholm den 19 mars 2020\n"
    )
    found = signatures_in(text, pack)
    assert [(s.name, s.date.iso if s.date else None, s.party_index) for s in found] == [
        ("Maria Mathiasson Laxvik", "2020-03-18", 0),
        ("Tony Sörensen", "2020-03-19", 1),
    ]


def test_a_signature_table_with_the_dates_in_its_last_row(pack: Pack) -> None:
    text = (
        "Utbildningsförvaltningen\tSkarpnäcks stadsdelsförvaltning\n"
        "________________\t________________\n"
        "Adeline Schmidhuber, grundskolechef\tMaria Mathiasson Laxvik, stadsdelsdirektör\n"
        "Stockholm 2020-03-17\tStockholm 2020-03-18\n"
    )
    found = signatures_in_view(text, pack)
    assert [(s.name, s.date.iso if s.date else None, s.party_index) for s in found] == [
        ("Adeline Schmidhuber", "2020-03-17", 2),
        ("Maria Mathiasson Laxvik", "2020-03-18", 0),
    ]


def test_a_signature_table_column_without_a_date_takes_none_from_the_column_before(
    pack: Pack,
) -> None:
    """Three columns, the middle one undated: read column by column, its signatory comes
    right after the first column's, but a date stands over its own column only."""
    text = (
        "Stockholm 2021-05-03\t\tStockholm 2021-05-04\n"
        "________________\t________________\t________________\n"
        "Maria Mathiasson Laxvik\tPer Lind\tAdeline Schmidhuber\n"
        "Stadsdelsdirektör\tLokalpolisområdeschef\tGrundskolechef\n"
    )
    found = signatures_in_view(text, pack)
    assert [(s.name, s.date.iso if s.date else None) for s in found] == [
        ("Maria Mathiasson Laxvik", "2021-05-03"),
        ("Per Lind", None),
        ("Adeline Schmidhuber", "2021-05-04"),
    ]


def test_a_table_with_a_header_row_of_signature_fields_is_read_a_signatory_a_row(
    pack: Pack,
) -> None:
    text = (
        "Ort\tOrganisation\tNamnförtydligande\tTitel\tDatum\n"
        "Stockholm\tLokalpolisområde Globen\tTony Sörensen\tLokalpolisområdeschef\t"
        "19 mars 2020\n"
        "Stockholm\tSkarpnäcks stadsdelsförvaltning\tMaria Mathiasson Laxvik\t"
        "Stadsdelsdirektör\t2020-03-20\n"
    )
    found = signatures_in(text, pack)
    assert [
        (s.place, s.name, s.title, s.date.iso if s.date else None, s.party_index) for s in found
    ] == [
        ("Stockholm", "Tony Sörensen", "Lokalpolisområdeschef", "2020-03-19", 1),
        ("Stockholm", "Maria Mathiasson Laxvik", "Stadsdelsdirektör", "2020-03-20", 0),
    ]


def test_a_table_whose_header_names_no_signature_fields_gives_no_signatures(pack: Pack) -> None:
    text = (
        "Part\tFöreträdare\n"
        "Skarpnäcks stadsdelsförvaltning\tStadsdelsdirektör\n"
        "Lokalpolisområde Globen\tLokalpolisområdeschef\n\n"
        "Bilaga\tTitel\tAnsvarig\n1\tLägesbild\tPolisen\n2\tÅtgärdsplan\tStyrgruppen\n"
    )
    assert signatures_in(text, pack) == ()


def test_an_undated_block_keeps_no_date_of_the_next_one(pack: Pack) -> None:
    text = (
        "För Skarpnäcks stadsdelsförvaltning\n\nMaria Mathiasson Laxvik\nStadsdelsdirektör\n\n"
        "Stockholm 2020-03-19\n\nFör Lokalpolisområde Globen\n\nTony Sörensen\n"
        "Lokalpolisområdeschef\n"
    )
    found = signatures_in(text, pack)
    assert [(s.date.iso if s.date else None, s.party_index) for s in found] == [
        (None, 0),
        ("2020-03-19", 1),
    ]


def test_one_place_and_date_line_above_every_signatory(pack: Pack) -> None:
    text = (
        "Stockholm den 19 mars 2020\n\nMaria Mathiasson Laxvik\nStadsdelsdirektör\n"
        "Skarpnäcks stadsdelsförvaltning\n\nTony Sörensen\nLokalpolisområdeschef\n"
        "Lokalpolisområde Globen\n\nAdeline Schmidhuber\nGrundskolechef\nUtbildningsförvaltningen\n"
    )
    found = signatures_in(text, pack)
    assert [(s.name, s.date.iso if s.date else None, s.party_index) for s in found] == [
        ("Maria Mathiasson Laxvik", "2020-03-19", 0),
        ("Tony Sörensen", "2020-03-19", 1),
        ("Adeline Schmidhuber", "2020-03-19", 2),
    ]


def test_a_place_ending_in_stad_is_a_place_not_an_organisation() -> None:
    """ "Ystad den 14 december 2021" under "För Ystads kommun" (pack national, where "stad"
    names a municipality only as a word of its own)."""
    national = load_pack("national")
    parties = (
        Party("Ystads kommun", "district_administration", Span(0, 1)),
        Party("Polismyndigheten", "police_area", Span(0, 1)),
    )
    table = (
        "För Ystads kommun\tFör Polismyndigheten\n"
        "Ystad den 14 december 2021\tYstad den 16 december 2021\n\n"
        "……………………\t……………………\n"
        "Kristina Malm\tHanna Eklund\n"
        "Kommunstyrelsens ordförande\tLokalpolisområdeschef, lokalpolisområde Ystad\n"
    )
    source = read_text_bytes((BODY + table).encode(), "t.txt", ReadLimits())
    found = signatures_of(lay_out(source).view, national, parties)
    assert [(s.place, s.date.iso if s.date else None, s.name, s.party_index) for s in found] == [
        ("Ystad", "2021-12-14", "Kristina Malm", 0),
        ("Ystad", "2021-12-16", "Hanna Eklund", 1),
    ]


def test_a_sentence_about_the_signing_dates_the_blocks_without_a_date(pack: Pack) -> None:
    text = (
        "Överenskommelsen undertecknades i Hyltebruk den 5 mars 2024.\n\n"
        "Maria Mathiasson Laxvik\nStadsdelsdirektör\nSkarpnäcks stadsdelsförvaltning\n\n"
        "Stockholm den 9 mars 2020\n\n"
        "Tony Sörensen\nLokalpolisområdeschef\nLokalpolisområde Globen\n"
    )
    found = signatures_in(text, pack)
    assert [s.date.iso if s.date else None for s in found] == ["2024-03-05", "2020-03-09"]


def test_a_wrapped_sentence_starting_with_for_is_no_block(pack: Pack) -> None:
    """ "För kommunen skriver kommunstyrelsens ordförande och" | "kommundirektören under."
    is prose cut by a hard wrap, not a "För X" block."""
    text = (
        "För kommunen skriver kommunstyrelsens ordförande och\n"
        "kommundirektören under. För polisen skriver\n"
        "lokalpolisområdeschefen under.\n"
    )
    assert signatures_in(text, pack) == ()


def test_the_wrapped_end_of_a_sentence_is_no_date_line() -> None:
    text = (
        "Målen gäller Malmö Öster och mäts en gång per år. Målvärdena avser\n"
        "utgången av 2026.\n\n"
        "• Antalet platser ska minska\nfrån 5 till högst 2 (Polisens lägesbild).\n"
    )
    assert signatures_in(text, load_pack("national")) == ()


def test_a_date_with_the_month_only(pack: Pack) -> None:
    """ "Stockholm i mars 2024": the place and a date of month precision."""
    text = (
        "Stockholm i mars 2024\n\nFör Skarpnäcks stadsdelsförvaltning\n\n……………………\n"
        "Ann Sofie Andersson, stadsdelsdirektör\n"
    )
    (found,) = signatures_in(text, pack, PARTIES[:1])
    assert found.place == "Stockholm"
    assert found.date is not None and (found.date.iso, found.date.precision) == ("2024-03", "month")


def test_a_signatory_line_may_name_the_organisation_and_its_unit(pack: Pack) -> None:
    """ "Namn, titel, organisation, avdelning" on one line."""
    signatures = signatures_in(
        "Stockholm den 20 december 2021\n\n……………………\n\n"
        "Olof Sandberg, grundskolechef, Utbildningsförvaltningen, grundskoleavdelningen\n",
        pack,
    )
    assert [(s.name, s.date and s.date.iso) for s in signatures] == [
        ("Olof Sandberg", "2021-12-20")
    ]


def test_signed_date_labels_and_a_last_signatory_left_undated(pack: Pack) -> None:
    signatures = signatures_in(
        "Skarpnäcks stadsdelsförvaltning\n\nKarin Berg, stadsdelsdirektör\n\n"
        "Signerat: 2024-02-01\n\n"
        "Lokalpolisområde Globen\n\nJonas Ek, lokalpolisområdeschef\n\n"
        "Signerat: 2024-02-03\n\n"
        "Utbildningsförvaltningen\n\nLena Ås, grundskolechef\n",
        pack,
    )
    assert [(s.name, s.date.iso if s.date else None) for s in signatures] == [
        ("Karin Berg", "2024-02-01"),
        ("Jonas Ek", "2024-02-03"),
        ("Lena Ås", None),
    ]


def test_a_place_and_date_written_over_the_rule_its_caption_names(pack: Pack) -> None:
    """A form: the value above a rule, the rule's caption under it ("Ort och datum")."""
    signatures = signatures_in(
        "Farsta 2023-06-01\n______________________\nOrt och datum\n\n"
        "______________________\nUnderskrift\nPer Lind\nNamnförtydligande\n\n"
        "Stockholm 2023-06-03\n______________________\nOrt och datum\n\n"
        "______________________\nUnderskrift\nEva Sund\nNamnförtydligande\n",
        pack,
    )
    assert [(s.place, s.name, s.date and s.date.iso) for s in signatures] == [
        ("Farsta", "Per Lind", "2023-06-01"),
        ("Stockholm", "Eva Sund", "2023-06-03"),
    ]


def test_place_and_date_labelled_on_one_line(pack: Pack) -> None:
    signatures = signatures_in(
        "För Skarpnäcks stadsdelsförvaltning\nOrt: Skarpnäck   Datum: 2024-05-02\n\n"
        "______________\nKarin Berg, stadsdelsdirektör\n",
        pack,
    )
    assert [(s.place, s.date and s.date.iso) for s in signatures] == [("Skarpnäck", "2024-05-02")]


def test_a_registry_block_above_the_first_section_signs_nothing(pack: Pack) -> None:
    source = read_text_bytes(
        (
            "Diarienummer\tSDF 2024/0412\nDatum\t2024-03-02\n"
            "Handläggare\tAnna Berg, säkerhetssamordnare\n\n" + BODY
        ).encode(),
        "t.txt",
        ReadLimits(),
    )
    assert signatures_of(lay_out(source).view, pack) == ()


def test_a_for_line_whose_party_name_goes_on_on_the_next_line(pack: Pack) -> None:
    signatures = signatures_in(
        "För Stockholms kommun genom Farsta stadsdelsnämnd\nFarsta 2.5.2024\n……………\n"
        "Karin Berg\nStadsdelsdirektör\nFarsta stadsdelsförvaltning\n\n"
        "För Polismyndigheten genom lokalpolisområde\nFarsta\nStockholm 3.5.2024\n……………\n"
        "Jonas Ek\nLokalpolisområdeschef\nLokalpolisområde Farsta\n\n"
        "För Stockholms kommun genom\nutbildningsnämnden\nStockholm 4.5.2024\n……………\n"
        "Lena Ås\nGrundskolechef\nUtbildningsförvaltningen\n",
        pack,
    )
    assert [(s.name, s.date and s.date.iso) for s in signatures] == [
        ("Karin Berg", "2024-05-02"),
        ("Jonas Ek", "2024-05-03"),
        ("Lena Ås", "2024-05-04"),
    ]


def test_a_signature_rule_drawn_across_three_columns_is_no_prose(pack: Pack) -> None:
    rule = " ".join(["_" * 25] * 3)
    signatures = signatures_in(
        f"Stockholm 2024-05-02\n{rule}\nOrt och datum\n{rule}\nUnderskrift\nKarin Berg\n", pack
    )
    assert [(s.name, s.date and s.date.iso) for s in signatures] == [("Karin Berg", "2024-05-02")]
