"""What a line opens with: list labels and section numbers."""

from __future__ import annotations

import pytest

from lint.layout.patterns import LIST_MARKER, SECTION_NUMBER, is_list_item
from lint.model import LineStyle


@pytest.mark.parametrize(
    "text",
    [
        "• Lägesbild",
        "a) Lägesbild",
        "b. Lägesbild",
        "iv) Lägesbild",
        "(a) stadsdelsdirektören,",
        "(iv) rektorn",
    ],
)
def test_list_labels(text: str) -> None:
    assert LIST_MARKER.match(text) and is_list_item(text, LineStyle())


@pytest.mark.parametrize("text", ["(Bilaga 2) Åtgärdsplan", "(2024) Lägesbild", "Avsnitt (a)"])
def test_no_list_labels(text: str) -> None:
    assert not LIST_MARKER.match(text)


def test_a_section_number_is_no_letter_label() -> None:
    assert SECTION_NUMBER.match("4.2 Styrgrupp") and not LIST_MARKER.match("4.2 Styrgrupp")
