"""scripts/render_corpus.py: rendered PDF/DOCX keep every word, headings and bold runs."""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

import docx
import pdfplumber
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

import render_corpus

AGREEMENT = """\
Lokal samverkansöverenskommelse Åkersberga

Bakgrund
Stockholms stad och Polisregion Stockholm har genom en övergripande
samverkansöverenskommelse åtagit sig att skapa lokala överenskommelser mellan
stadsdelsförvaltningar och lokalpolisområden – även i Älvsjö och Östberga.

Parter och lokala överenskommelsens omfattning
Lokalpolisområde Söderort, organisationsnummer 202100-0076, **"Polisen"**,

Lokal samverkansorganisation

Lokal styrgrupp
I styrgruppen ska följande funktioner ingå:
- Stadsdelsdirektör
- Lokalpolisområdeschef med ansvar för
  trygghetsskapande åtgärder
• Säkerhetssamordnare

Stockholm den 19 mars 2020
Maria Exempelsson
Stadsdelsdirektör
"""
FOOTER = re.compile(r"^Sida \d+$", re.MULTILINE)


def _words(text: str) -> Counter[str]:
    return Counter(word for word in text.replace("**", "").split() if word not in {"-", "•"})


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("render")
    pdf_path, docx_path = folder / "agreement.pdf", folder / "agreement.docx"
    render_corpus.render_pdf(AGREEMENT, pdf_path)
    render_corpus.render_docx(AGREEMENT, docx_path)
    return pdf_path, docx_path


def _pdf_lines(path: Path) -> list[dict]:
    with pdfplumber.open(path) as pdf:
        return [
            line
            for page in pdf.pages
            for line in page.extract_text_lines(return_chars=True, strip=True)
        ]


def test_heading_detection() -> None:
    lines = AGREEMENT.splitlines()
    headings = [line for index, line in enumerate(lines) if render_corpus.is_heading(lines, index)]
    assert headings == [
        "Lokal samverkansöverenskommelse Åkersberga",
        "Bakgrund",
        "Parter och lokala överenskommelsens omfattning",
        "Lokal samverkansorganisation",
        "Lokal styrgrupp",
    ]
    assert render_corpus.is_heading(["Titel", "  BILAGOR "], 1)
    assert render_corpus.is_heading(["Titel", "## Något annat"], 1)
    assert not render_corpus.is_heading(["Titel", "Bilaga 3: Uppföljningsplan"], 1)


def test_paragraphs_are_rebuilt() -> None:
    blocks = render_corpus.parse_blocks(AGREEMENT)
    kinds = [(block.kind, block.text.split()[0]) for block in blocks]
    assert ("paragraph", "Stockholms") in kinds
    assert [b.text for b in blocks if b.kind == "bullet"] == [
        "Stadsdelsdirektör",
        "Lokalpolisområdeschef med ansvar för trygghetsskapande åtgärder",
        "Säkerhetssamordnare",
    ]
    # The signature block keeps its short lines apart.
    assert [b.text for b in blocks[-3:]] == [
        "Stockholm den 19 mars 2020",
        "Maria Exempelsson",
        "Stadsdelsdirektör",
    ]


def test_pdf_keeps_every_word(rendered: tuple[Path, Path]) -> None:
    with pdfplumber.open(rendered[0]) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Sida 1" in text
    assert "**" not in text
    assert _words(FOOTER.sub("", text)) == _words(AGREEMENT)


def test_pdf_headings_are_bold_and_larger(rendered: tuple[Path, Path]) -> None:
    lines = {line["text"]: line["chars"] for line in _pdf_lines(rendered[0])}

    def size(text: str) -> float:
        return max(char["size"] for char in lines[text])

    def bold(text: str) -> bool:
        return all("Bold" in char["fontname"] for char in lines[text] if char["text"].strip())

    title = "Lokal samverkansöverenskommelse Åkersberga"
    body = next(text for text in lines if text.startswith("Stockholms stad"))
    assert bold(title) and bold("Bakgrund") and bold("Lokal styrgrupp")
    assert not bold(body)
    assert size(title) > size("Bakgrund") > size("Lokal styrgrupp") > size(body)
    chars = next(chars for text, chars in lines.items() if '"Polisen"' in text)
    start = "".join(c["text"] for c in chars).index('"Polisen"')
    marked = chars[start : start + len('"Polisen"')]
    assert all("Bold" in c["fontname"] for c in marked)
    assert not any("Bold" in c["fontname"] for c in chars[:start])


def test_docx_styles_and_words(rendered: tuple[Path, Path]) -> None:
    document = docx.Document(str(rendered[1]))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["Lokal samverkansöverenskommelse Åkersberga"] in {"Title", "Heading 1"}
    assert styles["Bakgrund"] == "Heading 2"
    assert styles["Lokal styrgrupp"] == "Heading 3"
    assert styles["Säkerhetssamordnare"] == "List Bullet"
    assert styles["Maria Exempelsson"] == "Normal"
    text = "\n".join(p.text for p in document.paragraphs)
    assert _words(text) == _words(AGREEMENT)
    bold_runs = [run.text for p in document.paragraphs for run in p.runs if run.bold]
    assert bold_runs == ['"Polisen"']


def test_rendering_is_deterministic(rendered: tuple[Path, Path], tmp_path: Path) -> None:
    again_pdf, again_docx = tmp_path / "again.pdf", tmp_path / "again.docx"
    render_corpus.render_pdf(AGREEMENT, again_pdf)
    render_corpus.render_docx(AGREEMENT, again_docx)
    assert again_pdf.read_bytes() == rendered[0].read_bytes()
    assert again_docx.read_bytes() == rendered[1].read_bytes()


def test_main_renders_given_files(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text(AGREEMENT, encoding="utf-8")
    out = tmp_path / "out"
    assert render_corpus.main([str(source), "--out-dir", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["in.docx", "in.pdf"]
