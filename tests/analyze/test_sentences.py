"""Sentences: where blocks and sentences end."""

from __future__ import annotations

from lint.analyze.sentences import split_sentences
from lint.model import Line, LineStyle, SourceText


def _source(lines: list[str], fmt: str = "docx") -> SourceText:
    built, offset = [], 0
    for number, line in enumerate(lines, start=1):
        built.append(Line(number, offset, offset + len(line), None, LineStyle()))
        offset += len(line) + 1
    return SourceText("x", fmt, "\n".join(lines), tuple(built))


def test_a_paragraph_right_after_a_list_is_a_sentence_of_its_own() -> None:
    """Word paragraphs have no blank line between them: the item without a full stop does
    not run on into the next paragraph."""
    source = _source(
        [
            "Under 2024 finns två arbetsgrupper:",
            "• Platsgrupp Vällingby centrum",
            "• Platsgrupp Hässelby gård",
            "Skolan ingår i SSPF-gruppen.",
        ]
    )
    texts = [s.text for s in split_sentences(source, ())]
    assert texts == [
        "Under 2024 finns två arbetsgrupper:",
        "• Platsgrupp Vällingby centrum",
        "• Platsgrupp Hässelby gård",
        "Skolan ingår i SSPF-gruppen.",
    ]


def test_a_lower_case_line_after_an_item_runs_on() -> None:
    source = _source(["• Platsgrupp Vällingby centrum, med", "fastighetsägare och vakter."], "text")
    assert [s.text for s in split_sentences(source, ())] == [
        "• Platsgrupp Vällingby centrum, med fastighetsägare och vakter."
    ]


def test_a_numbered_clause_after_a_finished_sentence_is_a_sentence_of_its_own() -> None:
    """ "… i bilaga 2." | "5.3.2 Beredningsgruppen består av …" (Word paragraphs, no blank
    line); a wrapped line that only starts with a year runs on."""
    source = _source(
        [
            "Överenskommelsen gäller till och med utgången av år",
            "2027. Arbetsgrupper tillsätts för fokusområdena i bilaga 2.",
            "5.3.2 Beredningsgruppen består av kommunpolisen och samordnaren.",
        ],
        fmt="text",
    )
    texts = [s.text for s in split_sentences(source, ())]
    assert texts == [
        "Överenskommelsen gäller till och med utgången av år 2027.",
        "Arbetsgrupper tillsätts för fokusområdena i bilaga 2.",
        "5.3.2 Beredningsgruppen består av kommunpolisen och samordnaren.",
    ]
