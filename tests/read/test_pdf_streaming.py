"""The PDF engines stream: a page's parsed objects are released before the next is parsed."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path
from typing import Any

import pytest

from lint.read import read_path
from tests.conftest import ROOT, SKARPNACK

pdfplumber_page = pytest.importorskip("pdfplumber.page")


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    sys.path.insert(0, str(ROOT / "scripts"))
    from render_corpus import render_pdf

    text = SKARPNACK.read_text(encoding="utf-8")
    body = [b for b in text.split("\n\n") if len(b) > 80 and "Stockholm den" not in b]
    anchor = text.index("Uppdateringar")
    grown = text[:anchor] + "\n\n".join(body * 3) + "\n\n" + text[anchor:]
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    render_pdf(grown, path)
    return path


def test_pdfplumber_pages_are_released_as_the_reader_goes(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = pdfplumber_page.Page.parse_objects
    still_held: list[int] = []

    def watched(page: Any) -> Any:
        held = [p for p in page.pdf.pages if p is not page and hasattr(p, "_objects")]
        still_held.append(len(held))
        return parse(page)

    monkeypatch.setattr(pdfplumber_page.Page, "parse_objects", watched)
    source = read_path(long_pdf, pdf_engine="pdfplumber")
    pages = {line.page for line in source.lines}
    assert len(still_held) >= 5 and len(pages) >= 5  # every page was parsed, one at a time
    assert max(still_held) == 0


def test_pdfium_pages_are_closed_before_the_next_is_loaded(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = pytest.importorskip("pypdfium2.raw")
    open_pages: set[int] = set()
    open_text_pages: set[int] = set()
    most_open: list[int] = []

    def key(handle: Any) -> int:
        return ctypes.cast(handle, ctypes.c_void_p).value or 0

    def track(name: str, opened: set[int], *, opens: bool) -> None:
        original = getattr(raw, name)

        def wrapper(*args: Any) -> Any:
            result = original(*args)
            if opens:
                opened.add(key(result))
                most_open.append(len(open_pages) + len(open_text_pages))
            else:
                opened.discard(key(args[0]))
            return result

        monkeypatch.setattr(raw, name, wrapper)

    track("FPDF_LoadPage", open_pages, opens=True)
    track("FPDF_ClosePage", open_pages, opens=False)
    track("FPDFText_LoadPage", open_text_pages, opens=True)
    track("FPDFText_ClosePage", open_text_pages, opens=False)
    source = read_path(long_pdf, pdf_engine="pdfium")
    pages = {line.page for line in source.lines}
    assert len(pages) >= 5 and len(most_open) >= 10  # a page and a text page per page
    assert max(most_open) <= 2  # one page and its text page, never two pages
    assert not open_pages and not open_text_pages
