"""Which tables lay out the agreement's sections (`section_rows`)."""

from __future__ import annotations

from lint.layout.columns import find_tables
from lint.layout.sectiontable import section_rows
from lint.model import SourceText
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

SENTENCE = "Parterna ska samverka enligt det som står här nedan."


def text(*lines: str) -> SourceText:
    return build_source([RawLine(t) for t in lines], "t.txt", "text", ReadLimits())


def titles(source: SourceText) -> list[list[str]]:
    found = []
    for table in find_tables(source, frozenset()):
        rows = section_rows(source, table) or []
        found.append([source.text[slice(*r.title)] for r in rows if r.title and not r.header])
    return found


def test_titled_rows_of_prose_with_a_header_and_continuing_rows() -> None:
    source = text(
        "Avsnitt\tInnehåll",
        f"Bakgrund\t{SENTENCE}",
        f"\t{SENTENCE}",
        f"Parter\t{SENTENCE}",
        f"Tid\t{SENTENCE}",
    )
    assert titles(source) == [["Bakgrund", "Parter", "Tid"]]


def test_short_values_three_columns_or_sentence_titles_are_no_sections() -> None:
    values = text(
        "Funktion\tNamn", "Ordförande\tAnna Berg", "Sekreterare\tPer Lind", "Ledamot\tEva Ek"
    )
    three = text(*(f"Rubrik {n}\t{SENTENCE}\tX" for n in range(4)))
    sentences = text(*(f"Ett långt påstående nummer {n}.\t{SENTENCE}" for n in range(4)))
    assert titles(values) == titles(three) == titles(sentences) == [[]]
