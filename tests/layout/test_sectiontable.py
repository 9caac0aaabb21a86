"""Which tables lay out the agreement's sections (`section_header_rows`)."""

from __future__ import annotations

from lint.layout.sectiontable import section_header_rows

SENTENCE = "Parterna ska samverka enligt det som står här nedan."


def test_titled_rows_of_prose_with_a_header_and_continuing_rows() -> None:
    rows = [
        ("Avsnitt", "Innehåll"),
        ("Bakgrund", SENTENCE),
        ("", SENTENCE),
        ("Parter", SENTENCE),
        ("Tid", SENTENCE),
    ]
    assert section_header_rows(rows, share=0.8) == [True, False, False, False, False]


def test_short_values_sentence_titles_or_a_small_share_are_no_sections() -> None:
    values = [("Funktion", "Namn"), ("Ordförande", "Anna Berg"), ("Sekreterare", "Per Lind")]
    sentences = [(f"Ett långt påstående nummer {n}.", SENTENCE) for n in range(4)]
    titled = [(f"Rubrik {n}", SENTENCE) for n in range(4)]
    assert section_header_rows(values, share=0.8) is None
    assert section_header_rows(sentences, share=0.8) is None
    assert section_header_rows(titled, share=0.1) is None
    assert section_header_rows(titled, share=0.8) == [False] * 4
