"""The shared line assembly and page model: word spaces from gaps, justified lines,
normalised glyphs, rounding; and what both engines read from real producers' PDFs."""

from __future__ import annotations

from collections import Counter
from importlib import import_module
from pathlib import Path

import pytest

from lint.read import ReadLimits, read_path
from lint.read.pdflines import page_lines
from lint.read.pdfpage import PdfChar, PdfPage, glyph_text, round_pt
from tests.conftest import CORPUS

SIZE = 10.0
ADVANCE = 5.0


def line(*words: tuple[float, str], baseline: float = 100.0) -> list[PdfChar]:
    """Glyphs of `ADVANCE` points each, every word starting at its x."""
    return [
        PdfChar(baseline, x + i * ADVANCE, x + (i + 1) * ADVANCE, ch, SIZE, False)
        for x, word in words
        for i, ch in enumerate(word)
    ]


def texts(*chars: list[PdfChar]) -> list[str]:
    page = PdfPage(1, 595.0, 842.0, False, tuple(c for group in chars for c in group))
    return [raw.text for raw in page_lines(page, Counter())]


def test_a_gap_over_a_tenth_of_an_em_is_a_word_space() -> None:
    # "AB" 0.15 em after the comma (a kerned ", A"), "CD" 0.05 em after "AB".
    assert texts(line((0, "x,"), (11.5, "AB"), (22, "CD"))) == ["x, ABCD"]


def test_a_wide_gap_is_a_tab_and_equal_wide_gaps_are_a_justified_line() -> None:
    row = line((0, "Namn"), (60, "Roll"), (200, "Part"))  # gaps of 40 and 120 pt
    justified = line((0, "ab"), (40, "cd"), (80, "ef"), (120, "gh"))  # 30 pt each
    assert texts(row) == ["Namn\tRoll\tPart"]
    assert texts(justified) == ["ab cd ef gh"]


def test_three_like_cells_are_a_table_row_not_a_justified_line() -> None:
    dates = line((0, "2021-02-10"), (150, "2021-02-11"), (300, "2021-02-08"))
    assert texts(dates) == ["2021-02-10\t2021-02-11\t2021-02-08"]


def test_a_justified_line_after_a_list_label() -> None:
    chars = line((0, "1."), (60, "ab"), (100, "cd"), (140, "ef"), (180, "gh"))
    assert texts(chars) == ["1.\tab cd ef gh"]


def as_runs(chars: list[PdfChar]) -> list[PdfChar]:
    """The glyphs joined into runs wherever no word gap lies between them, as an engine
    may hand them over."""
    runs: list[PdfChar] = []
    for char in chars:
        last = runs[-1] if runs else None
        if last and char.x0 > last.end_x0 and char.x0 - last.x1 <= 0.1 * SIZE:
            runs[-1] = last._replace(x1=char.x1, text=last.text + char.text, last_x0=char.x0)
        else:
            runs.append(char._replace(last_x0=char.x0))
    return runs


@pytest.mark.parametrize(
    "chars",
    [
        line((0, "Namn"), (60, "Roll"), (200, "Part")),
        line((0, "1."), (60, "ab"), (100, "cd"), (140, "ef"), (180, "gh")),
        line((0, "x,"), (11.5, "AB"), (22, "CD")),
        line((0, "Stockholm"), (300, "2024-03-15"), baseline=100.0)
        + line((0, "Anna"), (300, "Bo"), baseline=112.0),
    ],
)
def test_runs_of_glyphs_read_as_their_glyphs(chars: list[PdfChar]) -> None:
    runs = as_runs(chars)
    assert len(runs) < len(chars)
    page = PdfPage(1, 595.0, 842.0, False, tuple(chars))
    joined = PdfPage(1, 595.0, 842.0, False, tuple(runs))
    assert page_lines(joined, Counter()) == page_lines(page, Counter())
    assert texts(runs) == texts(chars)


def test_a_glyph_printed_twice_counts_once() -> None:
    chars = line((0, "Bold")) + line((0.2, "Bold"))
    assert texts(chars) == ["Bold"]


@pytest.mark.parametrize("text", ["\x02", "\ufffe", "\u00ad", "-"])
def test_every_form_of_a_line_end_hyphen_is_a_hyphen(text: str) -> None:
    assert glyph_text(text) == "-"


def test_unknown_glyphs_and_bullets() -> None:
    assert glyph_text("(cid:12)") == glyph_text("\x07") == "\ufffd"
    assert glyph_text("\uf0b7") == "•"
    assert glyph_text("\ufb03") == "ffi"


def test_rounding_agrees_across_single_and_double_precision() -> None:
    assert round_pt(77.9499969) == round_pt(77.95) == 78.0
    assert round_pt(83.24945068359375, per_point=1) == round_pt(83.2495297792, per_point=1)
    assert round_pt(71.5, per_point=1) == round_pt(71.49999, per_point=1) == 72.0


RENDERINGS = CORPUS / "renderings"
EXPECTED = [
    # Chromium kerns ", A": PDFium drops the space glyph, pdfminer keeps it.
    ("chromium/drafted/districts-2021/skarholmen-2021.pdf", "Regionchef, AB Svenska Bostäder"),
    ("chromium/drafted/districts-2024/skarpnack-2024.pdf", "LOKALA ARBETSGRUPPER"),
    # LibreOffice's "tt" ligature: one glyph, two characters.
    ("libreoffice/drafted/districts-2021/bromma-2021.pdf", "Bromma är ett stadsdelsområde"),
    # A word broken at a line end: PDFium's U+0002.
    ("reportlab/national/ystad-2022.pdf", "förvaltningscheferna för barn-"),
    # A justified line with wide word spaces is no table row.
    ("reportlab/drafted/districts-2021/hagersten-alvsjo-2020.pdf", "åtagit sig att skapa lokala"),
]


@pytest.mark.parametrize(("name", "expected"), EXPECTED, ids=[e[0] for e in EXPECTED])
@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_real_producers_read_as_a_reader_sees_them(name: str, expected: str, engine: str) -> None:
    path: Path = RENDERINGS / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    text = read_path(path, pdf_engine=engine).text
    assert expected in text
    assert "\ufffd" not in text


@pytest.mark.parametrize("engine", ["pdfium", "pdfplumber"])
def test_the_page_model_holds_no_whitespace(engine: str) -> None:
    path = RENDERINGS / "chromium/drafted/districts-2021/skarholmen-2021.pdf"
    if not path.exists():
        pytest.skip("no Chromium rendering in the corpus")
    module = import_module({"pdfium": "lint.read.pdfium", "pdfplumber": "lint.read.pdf"}[engine])
    pages = list(module.iter_pages(path.read_bytes(), ReadLimits()))
    assert pages and all(not isinstance(page, int) for page in pages)
    assert not [c for page in pages for c in page.chars if c.text.isspace()]
