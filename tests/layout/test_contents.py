"""A table of contents: entries repeated as the body's headings are no headings."""

from __future__ import annotations

from lint.layout.contents import contents_lines
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source

PROSE = "Parterna samverkar kring trygghet och brottsförebyggande arbete i stadsdelen."


def text(*lines: str):
    return build_source([RawLine(t) for t in lines], "t.txt", "text", ReadLimits())


def test_entries_repeated_as_headings_with_their_sections_are_contents() -> None:
    source = text(
        "Överenskommelse",
        "Innehåll",
        "1. Bakgrund\t2",
        "",
        "2. Parter ........ 3",
        "3. Bilagor",
        "1. Bakgrund",
        PROSE,
        "2. Parter",
        PROSE,
        "3. Bilagor",
        PROSE,
    )
    assert contents_lines(source) == frozenset({2, 4, 5})


def test_a_list_repeated_as_a_list_is_no_contents() -> None:
    """Short lines that stand together again later (a member list in the signature page)."""
    members = ("Stadsdelsdirektör", "Lokalpolisområdeschef", "Grundskolechef")
    source = text("Styrgruppen:", *members, PROSE, "Underskrifter", *members)
    assert contents_lines(source) == frozenset()


def test_a_document_repeated_whole_has_no_contents() -> None:
    body = ("Bakgrund", PROSE, "Parter", PROSE, "Bilagor", PROSE)
    assert contents_lines(text(*body, *body)) == frozenset()
