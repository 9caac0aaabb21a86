"""Required content (the national pack's NAT rules): the text it reads (the layout's view)
and where it looks for the evidence."""

from __future__ import annotations

from lint.analyze import analyze
from lint.check.content import required_content
from lint.layout import lay_out
from lint.model import Document, Kind, LineStyle
from lint.pack import load_pack
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source
from lint.read.text import read_text_bytes

SIGNATORIES = {
    "scope": "signatures",
    "signature_headings": ["underskrift"],
    "anchor_headings": ["underskrift"],
    "require": [
        {
            "key": "police_area_chief",
            "sv": "lokalpolisområdets chef",
            "en": "the head of the local police area",
            "cues": [r"\b(lokal)?polisområdeschef"],
        }
    ],
}


def _cells(x: tuple[float, ...], x1: tuple[float, ...], top: float) -> LineStyle:
    return LineStyle(font_size=10.0, x0=x[0], top=top, x1=x1[-1], cells_x=x, cells_x1=x1)


def test_a_title_broken_at_a_signature_columns_edge_is_read_whole() -> None:
    """LibreOffice breaks a word too long for a narrow signature column where it hits the
    column's edge ("Lokalpolisområdesche" | "f, lokalpolisområde"); the reader's lines keep
    the pieces apart, the layout's view joins them, and the check reads the view."""
    xs = (60.0, 240.0)  # two columns of one width, as producers lay them out
    raw = [
        RawLine("12. Underskrifter", 1, LineStyle(font_size=12.0, x0=60, top=80, x1=150)),
        RawLine("För Staden\tFör Polisen", 1, _cells(xs, (110, 290), 110)),
        RawLine("Göteborg den 12 december 2023\tGöteborg den 14", 1, _cells(xs, (200, 320), 124)),
        RawLine("\tdecember 2023", 1, _cells((240.0,), (310,), 136)),
        RawLine("……………………\t……………………", 1, _cells(xs, (120, 300), 160)),
        RawLine("Karin Ekdahl\tMats Aronsson", 1, _cells(xs, (120, 310), 172)),
        RawLine(
            "Kommunstyrelsens ordförande\tLokalpolisområdesche", 1, _cells(xs, (220, 400), 184)
        ),
        RawLine("\tf, lokalpolisområde Nordost", 1, _cells((240.0,), (330,), 196)),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    assert "polisområdeschef" not in source.text.lower()
    layout = lay_out(source)
    document = Document(
        source=source, kind=Kind.LOCAL_AGREEMENT, reading=layout.view, reading_map=layout.mapping
    )
    assert list(required_content(document, SIGNATORIES)) == []
    unread = Document(source=source, kind=Kind.LOCAL_AGREEMENT)
    (finding,) = required_content(unread, SIGNATORIES)
    assert source.text[finding.span.start : finding.span.end] == "12. Underskrifter"


def test_a_finding_on_the_view_points_into_the_readers_text() -> None:
    raw = [
        RawLine("Sida 1 av 2", 1, LineStyle(font_size=9.0, x0=280, top=20, x1=316)),
        RawLine("1. Underskrifter", 1, LineStyle(font_size=12.0, x0=60, top=80, x1=150)),
        RawLine("För Staden\tFör Polisen", 1, _cells((60.0, 330.0), (110, 380), 110)),
        RawLine("Sida 2 av 2", 2, LineStyle(font_size=9.0, x0=280, top=20, x1=316)),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    layout = lay_out(source)
    assert not layout.mapping.identity
    document = Document(
        source=source, kind=Kind.LOCAL_AGREEMENT, reading=layout.view, reading_map=layout.mapping
    )
    (finding,) = required_content(document, SIGNATORIES)
    assert source.text[finding.span.start : finding.span.end] == "1. Underskrifter"


GOALS = (
    "Samverkansöverenskommelse mellan Gävle kommun och lokalpolisområde Gävle\n\n"
    "5 Fokusområden, orsaker och mål\n\n"
    "För varje problem anges orsakerna och de mål som arbetet ska nå.\n\n"
    "5.1 Narkotikaförsäljning i centrum\n\n"
    "Mål. Andelen som undviker centrum kvällstid ska minska från 41 till högst 30 procent.\n\n"
    "6 Organisation\n\nSamverkan sker i en styrgrupp.\n"
)


def test_a_heading_reaches_over_its_sub_headings() -> None:
    """The goals under "5.1" belong to "5 Fokusområden, orsaker och mål"."""
    pack = load_pack("national")
    rule = next(r for r in pack.rules if r.id == "NAT003")
    doc = analyze(read_text_bytes(GOALS.encode(), "t.txt", ReadLimits()), pack)
    assert list(required_content(doc, rule.params)) == []
    without = GOALS.replace("ska minska från 41 till högst 30 procent", "ska bli tryggare")
    doc = analyze(read_text_bytes(without.encode(), "t.txt", ReadLimits()), pack)
    assert len(list(required_content(doc, rule.params))) == 1
