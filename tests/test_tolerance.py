"""Issue 18: what real agreements legitimately write is no deviation, and deviations written
that way are still found.

The labelled variants in corpus/variants/tolerance cover each item as text, PDF and DOCX
(the page-break variants as text copied from a PDF, with the page footer between "bilaga"
and its number); these tests add what a rendering of that text cannot show: a real PDF
page break, with a running header and footer, inside an annex reference.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import OSTERMALM, ROOT, check_json

sys.path.insert(0, str(ROOT / "scripts"))
from render_corpus import (
    AgreementPDF,
    _gap_after,
    _pdf_body,
    _pdf_heading,
    find_unicode_fonts,
    parse_blocks,
)

_REFERENCE = "lägesbild som ligger till grund för överenskommelsen, bilaga I.\n"
_RUNNING_HEADER = "Lokal samverkansöverenskommelse Östermalm – Lokalpolisområde Norrmalm"


class _HeaderedPDF(AgreementPDF):
    """The renderer's agreement with a running header above its "Sida N" footer."""

    def header(self) -> None:
        self.set_y(8)
        self.use_font(8)
        self.cell(0, 5, self.text_of(_RUNNING_HEADER), align="R")
        self.set_y(self.t_margin)


def _pdf_with_break(text: str, path: Path) -> Path:
    """`text` rendered as the renderer does, with a page break wherever it has a form feed."""
    pdf = _HeaderedPDF(find_unicode_fonts())
    for chunk in text.split("\f"):
        pdf.add_page()
        blocks = parse_blocks(chunk)
        for block, following in zip(blocks, [*blocks[1:], None], strict=True):
            if block.kind == "heading":
                _pdf_heading(pdf, block)
            else:
                _pdf_body(pdf, block, _gap_after(block, following))
    pdf.output(str(path))
    return path


def _broken_reference(number: str) -> str:
    """The Östermalm seed with "bilaga" closing a page and its number opening the next."""
    text = OSTERMALM.read_text(encoding="utf-8").replace("lokalpolsområde", "lokalpolisområde")
    assert _REFERENCE in text
    return text.replace(
        _REFERENCE, f"lägesbild som ligger till grund för överenskommelsen, bilaga\f{number}. "
    )


def _annex_findings(report: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in report["files"][0]["findings"] if f["rule"].startswith("ANX")]


def test_page_break_inside_a_reference_is_one_reference(tmp_path: Path) -> None:
    path = _pdf_with_break(_broken_reference("1"), tmp_path / "ostermalm-break.pdf")
    report = check_json(path)
    assert report["files"][0]["kind"] == "local_agreement"
    assert _annex_findings(report) == []


def test_page_break_inside_a_wrong_reference_is_still_found(tmp_path: Path) -> None:
    path = _pdf_with_break(_broken_reference("4"), tmp_path / "ostermalm-break-wrong.pdf")
    report = check_json(path)
    found = [f for f in _annex_findings(report) if f["rule"] == "ANX002"]
    assert [f["suggestion"] for f in found] == ["bilaga 1"]
    assert found[0]["location"]["page"] is not None
    # The header and footer between "bilaga" and its number are not part of the reference.
    assert _RUNNING_HEADER not in found[0]["message"]


@pytest.mark.parametrize("number", ["1", "4"])
def test_the_break_is_a_real_page_break(tmp_path: Path, number: str) -> None:
    import pdfplumber

    path = _pdf_with_break(_broken_reference(number), tmp_path / "ostermalm-break.pdf")
    with pdfplumber.open(path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    before = next(i for i, page in enumerate(pages) if "överenskommelsen, bilaga" in page)
    body = [line for line in pages[before].splitlines() if line.strip()]
    assert body[-2].rstrip().endswith("bilaga")  # the footer "Sida N" is the last line
    following = [line for line in pages[before + 1].splitlines() if line.strip()]
    assert following[0].startswith("Lokal samverkansöverenskommelse Östermalm")
    assert following[1].startswith(f"{number}.")
