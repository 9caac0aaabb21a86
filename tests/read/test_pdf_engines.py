"""PDFium and pdfplumber give identical text, line styles and findings on every PDF."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lint.read import read_bytes, read_path
from tests.conftest import CORPUS, check_json

CORPUS_PDFS = sorted(CORPUS.glob("**/*.pdf"))  # renderings added later are covered too


def chromium_like_pdf() -> bytes:
    """What Chromium's PDF backend does: pixels under a 0.75 scale with y pointing down,
    words placed one by one without space glyphs, and `<ul>` bullets as drawn circles (a
    nested list's as hollow ones)."""
    canvas_module = pytest.importorskip("reportlab.pdfgen.canvas")
    from reportlab.lib.pagesizes import A4

    buffer = io.BytesIO()
    canvas = canvas_module.Canvas(buffer, pagesize=A4, pageCompression=0)
    canvas.translate(0, A4[1])
    canvas.scale(0.75, -0.75)
    lines = [
        ("Helvetica-Bold", 21, 90, "Lokal samverkansöverenskommelse"),
        ("Helvetica", 15, 90, "Parterna är stadsdelsförvaltningen och lokalpolisområdet."),
        ("Helvetica", 15, 120, "Stadsdelsdirektör"),
        ("Helvetica", 15, 120, "Lokalpolisområdeschef"),
        ("Helvetica", 15, 150, "Kommunpolis"),
        ("Helvetica", 15, 90, "Organisationsnummer 212000-"),
        ("Helvetica", 15, 90, "0142 gäller för staden."),
    ]
    y = 120
    for font, size, x, text in lines:
        if x == 120:
            canvas.circle(104, y - size * 0.35, 3, stroke=0, fill=1)
        elif x == 150:
            canvas.circle(134, y - size * 0.35, 3, stroke=1, fill=0)
        for word in text.split():
            canvas.saveState()
            canvas.translate(x, y)
            canvas.scale(1, -1)
            canvas.setFont(font, size)
            canvas.drawString(0, 0, word)
            canvas.restoreState()
            x += canvas.stringWidth(word, font, size) + size * 0.28
        y += size * 1.6
    # A two-column signature line: two blocks far apart on one baseline.
    canvas.saveState()
    canvas.translate(90, y + 40)
    canvas.scale(1, -1)
    canvas.setFont("Helvetica", 15)
    canvas.drawString(0, 0, "Stockholm den 19 mars 2020")
    canvas.drawString(400, 0, "Stockholm den 19 mars 2020")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def fpdf_pdf() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Lokal samverkansöverenskommelse", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for text in ("Bakgrund och syfte med samverkan.", "Styrgruppen träffas två gånger per år."):
        pdf.ellipse(12, pdf.get_y() + 2.2, 1.6, 1.6, style="F")
        pdf.set_x(16)
        pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.cell(90, 6, "Stockholm den 19 mars 2020")
    pdf.cell(0, 6, "Stockholm den 19 mars 2020", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def both(data: bytes):  # -> tuple[SourceText, SourceText]
    return tuple(read_bytes(data, ".pdf", "x.pdf", None, e) for e in ("pdfium", "pdfplumber"))


def test_the_corpus_has_pdfs() -> None:
    assert len(CORPUS_PDFS) >= 2


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=[p.name for p in CORPUS_PDFS])
def test_identical_text_and_lines_on_every_corpus_pdf(path: Path) -> None:
    pdfium = read_path(path, pdf_engine="pdfium")
    plumber = read_path(path, pdf_engine="pdfplumber")
    assert pdfium.text == plumber.text
    assert pdfium.lines == plumber.lines
    assert pdfium == plumber


@pytest.mark.parametrize("path", CORPUS_PDFS, ids=[p.name for p in CORPUS_PDFS])
def test_identical_findings_on_every_corpus_pdf(path: Path) -> None:
    reports = [check_json(path, extra=("--pdf-engine", e)) for e in ("pdfium", "pdfplumber")]
    assert reports[0] == reports[1]


def test_a_chromium_like_pdf() -> None:
    pdfium, plumber = both(chromium_like_pdf())
    assert pdfium == plumber
    lines = pdfium.text.split("\n")
    assert lines[0] == "Lokal samverkansöverenskommelse"
    assert pdfium.lines[0].style.font_size == 15.8  # 21 px under the 0.75 scale
    assert pdfium.lines[0].style.bold
    # Drawn bullets mark their lines; the broken organisation number is joined.
    marked = [lines[i] for i, line in enumerate(pdfium.lines) if line.style.shape_marker]
    assert marked == ["Stadsdelsdirektör", "Lokalpolisområdeschef", "Kommunpolis"]
    assert "Organisationsnummer 212000-0142" in lines
    signature = lines.index("Stockholm den 19 mars 2020\tStockholm den 19 mars 2020")
    assert len(pdfium.lines[signature].style.cells_x) == 2


def test_an_fpdf_pdf() -> None:
    pdfium, plumber = both(fpdf_pdf())
    assert pdfium == plumber
    marked = [pdfium.line_text(line) for line in pdfium.lines if line.style.shape_marker]
    assert marked == ["Bakgrund och syfte med samverkan.", "Styrgruppen träffas två gånger per år."]
    assert "Stockholm den 19 mars 2020\tStockholm den 19 mars 2020" in pdfium.text.split("\n")
