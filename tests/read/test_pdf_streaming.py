"""The PDF reader streams: a page's parsed objects are released before the next is parsed."""

from __future__ import annotations

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


def test_pages_are_released_as_the_reader_goes(
    long_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = pdfplumber_page.Page.parse_objects
    still_held: list[int] = []

    def watched(page: Any) -> Any:
        held = [p for p in page.pdf.pages if p is not page and hasattr(p, "_objects")]
        still_held.append(len(held))
        return parse(page)

    monkeypatch.setattr(pdfplumber_page.Page, "parse_objects", watched)
    source = read_path(long_pdf)
    pages = {line.page for line in source.lines}
    assert len(still_held) >= 5 and len(pages) >= 5  # every page was parsed, one at a time
    assert max(still_held) == 0
