"""Sections known by what they hold, and by their place between named sections."""

from __future__ import annotations

from lint.analyze import analyze
from lint.model import Document
from lint.pack import Pack
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes

PROSE = "Vi beskriver här i löpande text hur arbetet går till och vem som ansvarar för vad."
PARTY_LIST = (
    "Med i samarbetet är:\n\n"
    "• Farsta stadsdelsförvaltning, organisationsnummer 212000-0142\n"
    "• Lokalpolisområde Farsta, organisationsnummer 202100-0076\n"
)


def analysed(text: str, pack: Pack) -> Document:
    return analyze(read_text_bytes(text.encode(), "t.txt", ReadLimits()), pack)


def keys(document: Document) -> list[tuple[str, str | None, str]]:
    return [(s.title, s.template_key, s.named_by) for s in document.sections[1:]]


def test_the_section_holding_the_organisation_numbers_is_the_parties_section(
    pack: Pack,
) -> None:
    doc = analysed(
        f"Överenskommelse för Farsta\n\nBakgrund\n\n{PROSE}\n\nDe som samarbetar\n\n"
        f"{PARTY_LIST}\nTid\n\nÖverenskommelsen gäller tills vidare.\n",
        pack,
    )
    assert ("De som samarbetar", "parties", "content") in keys(doc)


def test_an_unnamed_section_alone_between_two_named_ones_takes_the_heading_between(
    pack: Pack,
) -> None:
    doc = analysed(
        f"Överenskommelse för Farsta\n\nOm den här texten\n\n{PROSE}\n\nParter\n\n"
        f"{PARTY_LIST}\nTid\n\nÖverenskommelsen gäller tills vidare.\n",
        pack,
    )
    assert keys(doc)[0] == ("Om den här texten", "background", "position")


def test_no_heading_is_given_where_two_unnamed_sections_share_the_gap(pack: Pack) -> None:
    doc = analysed(
        f"Överenskommelse för Farsta\n\nOm den här texten\n\n{PROSE}\n\n"
        f"Vår historia\n\n{PROSE}\n\nParter\n\n{PARTY_LIST}\n",
        pack,
    )
    assert [key for _, key, _ in keys(doc)[:2]] == [None, None]
