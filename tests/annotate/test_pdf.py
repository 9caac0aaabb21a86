"""Highlights on a .pdf: one per located finding, over its words, pages unchanged."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from lint.annotate import AUTHOR
from lint.annotate.pdf import annotate_pdf
from lint.model import Span
from lint.pack import Pack
from scripts.render_corpus import render_pdf
from tests.annotate.helpers import checked
from tests.conftest import CORPUS, SEEDS

SEED_PDF = sorted(SEEDS.glob("*.pdf"))
VARIANTS = [
    CORPUS / "variants" / "annexes" / "ostermalm-anx-mismatch.txt",
    CORPUS / "variants" / "parties" / "hagersten-copies-three.txt",
    CORPUS / "variants" / "template" / "skarpnack-tpl-missing-background.txt",
]


def _annotations(data: bytes) -> list[tuple[int, dict]]:
    reader = PdfReader(io.BytesIO(data))
    return [
        (number, annotation.get_object())
        for number, page in enumerate(reader.pages, 1)
        for annotation in page.get("/Annots") or []
    ]


def _page_texts(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def _text_under(data: bytes, page_number: int, quads: list[float]) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        text_page = pdf[page_number - 1].get_textpage()
        parts = []
        for i in range(0, len(quads), 8):
            left, top, right, _, _, bottom, _, _ = quads[i : i + 8]
            parts.append(text_page.get_text_bounded(left, bottom, right, top))
        return " ".join(parts)
    finally:
        pdf.close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_highlighted(original: bytes, annotated: bytes, result, lang: str = "sv") -> None:
    source = result.document.source
    assert _page_texts(original) == _page_texts(annotated)
    assert len(PdfReader(io.BytesIO(original)).pages) == len(PdfReader(io.BytesIO(annotated)).pages)
    annotations = _annotations(annotated)
    assert len(annotations) == len(result.findings)
    highlights = [(n, a) for n, a in annotations if a["/Subtype"] == "/Highlight"]
    located = [f for f in result.findings if f.span.end > f.span.start]
    assert len(highlights) == len(located)
    for finding, (page, annotation) in zip(located, highlights, strict=True):
        assert page == finding.location.page
        assert annotation["/Contents"].startswith(f"{finding.rule} {finding.name}")
        assert finding.message_in(lang) in annotation["/Contents"]
        assert annotation["/T"] == AUTHOR
        quads = [float(q) for q in annotation["/QuadPoints"]]
        assert quads and len(quads) % 8 == 0
        under = _squash(_text_under(annotated, page, quads))
        assert _squash(source.slice(finding.span).split("\n")[0]) in under, finding.rule


@pytest.mark.parametrize("path", SEED_PDF, ids=lambda p: p.name)
def test_seed_pdf_gets_one_highlight_per_finding(path: Path, pack: Pack) -> None:
    result = checked(path, pack)
    assert result.findings
    original = path.read_bytes()
    assert_highlighted(original, annotate_pdf(original, result, "sv"), result)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.stem)
def test_variant_pdf(variant: Path, pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{variant.stem}.pdf"
    render_pdf(variant.read_text(encoding="utf-8"), path)
    result = checked(path, pack)
    assert result.findings
    original = path.read_bytes()
    assert_highlighted(original, annotate_pdf(original, result, "en"), result, "en")


def test_finding_without_words_is_a_note_on_its_page(pack: Pack) -> None:
    path = SEEDS / "ostermalm-local-agreement-2021.pdf"
    result = checked(path, pack)
    whole_file = replace(result.findings[-1], span=Span(0, 0))
    result = replace(result, findings=(whole_file, *result.findings))
    annotated = annotate_pdf(path.read_bytes(), result, "sv")
    notes = [(n, a) for n, a in _annotations(annotated) if a["/Subtype"] == "/Text"]
    assert len(notes) == 1
    page, note = notes[0]
    assert page == 1
    assert note["/Contents"].startswith(whole_file.rule)
    assert len(_annotations(annotated)) == len(result.findings)


@pytest.mark.skipif(
    not os.environ.get("SAMLINT_PICTURES") or shutil.which("pdftoppm") is None,
    reason="pictures only with SAMLINT_PICTURES=DIR and pdftoppm (poppler-utils); make pictures",
)
def test_picture_of_an_annotated_page(pack: Pack, tmp_path: Path) -> None:
    path = SEEDS / "skarpnack-local-agreement-2020.pdf"
    annotated = tmp_path / "annotated.pdf"
    annotated.write_bytes(annotate_pdf(path.read_bytes(), checked(path, pack), "sv"))
    out = Path(os.environ["SAMLINT_PICTURES"]) / "annotated-pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    page = ["-f", "3", "-l", "3", "-singlefile", "-r", "70", "-png"]
    subprocess.run(["pdftoppm", *page, str(annotated), str(out)], check=True)
    assert out.with_suffix(".png").stat().st_size < 300_000
