"""Word comments on a .docx: one per finding, on its words, and nothing else changed."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Pt

from lint.annotate import AUTHOR
from lint.annotate.docx import annotate_docx
from lint.pack import Pack
from scripts.render_corpus import render_docx
from tests.annotate.helpers import (
    anchored_texts,
    canonical,
    checked,
    comments,
    docx_parts,
    normalized_body,
)
from tests.conftest import CORPUS, SEEDS

SEED_DOCX = sorted(SEEDS.glob("*.docx"))
# Variants with a planted deviation in a list, a table-like signature block, a heading.
VARIANTS = [
    CORPUS / "variants" / "annexes" / "skarpnack-anx-roman-reference.txt",
    CORPUS / "variants" / "parties" / "ostermalm-copies-two.txt",
    CORPUS / "variants" / "template" / "skarpnack-tpl-missing-background.txt",
]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def assert_annotated(original: bytes, annotated: bytes, result, lang: str = "sv") -> None:
    source = result.document.source
    anchors = anchored_texts(annotated)
    notes = comments(annotated)
    assert len(notes) == len(result.findings) == len(anchors)
    for finding, (comment_id, anchored), (author, note) in zip(
        result.findings, sorted(anchors.items(), key=lambda kv: int(kv[0])), notes, strict=True
    ):
        assert author == AUTHOR
        assert note.startswith(f"{finding.rule} {finding.name}"), note
        assert finding.message_in(lang) in note
        words = _squash(source.slice(finding.span))
        if words:  # on exactly the finding's words
            assert _squash(anchored) == words, (finding.rule, comment_id)
        else:  # no words: on its heading or the title
            assert _squash(anchored)
    before, after = docx_parts(original), docx_parts(annotated)
    assert normalized_body(before["word/document.xml"]) == normalized_body(
        after["word/document.xml"]
    )
    added = set(after) - set(before)
    assert added <= {"word/comments.xml"}, added
    assert not set(before) - set(after)
    unchanged = set(before) - {"word/document.xml", "word/_rels/document.xml.rels"}
    for name in unchanged - {"[Content_Types].xml"}:
        if name.endswith(".xml") or name.endswith(".rels"):
            assert canonical(before[name]) == canonical(after[name]), name
        else:
            assert before[name] == after[name], name


@pytest.mark.parametrize("path", SEED_DOCX, ids=lambda p: p.name)
def test_seed_docx_gets_one_comment_per_finding(path: Path, pack: Pack) -> None:
    result = checked(path, pack)
    assert result.findings
    original = path.read_bytes()
    assert_annotated(original, annotate_docx(original, result, "sv"), result)


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda p: p.stem)
def test_variant_docx(variant: Path, pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / f"{variant.stem}.docx"
    render_docx(variant.read_text(encoding="utf-8"), path)
    result = checked(path, pack)
    assert result.findings
    original = path.read_bytes()
    assert_annotated(original, annotate_docx(original, result, "en"), result, "en")


def _fragmented(source: Path, out: Path) -> None:
    """The agreement with every paragraph cut into short runs of alternating formatting, a
    tab and a line break in places, and the signature lines in a table."""
    document = docx.Document(str(source))
    for number, paragraph in enumerate(document.paragraphs):
        text = paragraph.text
        for run in list(paragraph.runs):
            run._r.getparent().remove(run._r)
        for index, start in enumerate(range(0, len(text), 7)):
            run = paragraph.add_run(text[start : start + 7])
            run.bold = index % 3 == 1
            run.italic = index % 3 == 2
            if index % 5 == 4:
                run.font.size = Pt(10)
        if number == 1:
            paragraph.add_run("\tmed tabb").add_break()
            paragraph.add_run("och radbrytning")
    table = document.add_table(rows=2, cols=2)
    for row, cells in enumerate(table.rows):
        for column, cell in enumerate(cells.cells):
            cell.paragraphs[0].add_run(f"Cell {row}{column}").underline = True
    document.save(str(out))


def test_fragmented_runs_are_split_and_formatting_kept(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "skarpnack-fragmented.docx"
    _fragmented(SEEDS / "skarpnack-local-agreement-2020.docx", path)
    result = checked(path, pack)
    assert len(result.findings) >= 3
    original = path.read_bytes()
    annotated = annotate_docx(original, result, "sv")
    assert_annotated(original, annotated, result)
    again = docx.Document(io.BytesIO(annotated))  # python-docx reads it back
    assert [p.text for p in again.paragraphs] == [
        p.text for p in docx.Document(io.BytesIO(original)).paragraphs
    ]


def test_finding_without_words_anchors_on_its_line(pack: Pack, tmp_path: Path) -> None:
    from dataclasses import replace

    from lint.model import Span

    path = SEEDS / "ostermalm-local-agreement-2021.docx"
    result = checked(path, pack)
    empty = replace(result.findings[0], span=Span(0, 0))
    result = replace(result, findings=(empty, *result.findings))
    original = path.read_bytes()
    annotated = annotate_docx(original, result, "sv")
    assert len(comments(annotated)) == len(result.findings)
    first_line = result.document.source.line_text(result.document.source.lines[0]).strip()
    assert _squash(anchored_texts(annotated)["0"]) == _squash(first_line)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_annotated_copy(pack: Pack, tmp_path: Path) -> None:
    path = SEEDS / "skarpnack-local-agreement-2020.docx"
    result = checked(path, pack)
    annotated = tmp_path / "annotated.docx"
    annotated.write_bytes(annotate_docx(path.read_bytes(), result, "sv"))
    profile = tmp_path / "profile"
    for target in ("pdf", "fodt"):  # print it, and save it as flat ODF to see the comments
        done = subprocess.run(
            [
                str(SOFFICE),
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(tmp_path),
                str(annotated),
            ],
            capture_output=True,
            text=True,
            timeout=180,
        )
        assert done.returncode == 0, done.stderr
        assert "error" not in (done.stderr + done.stdout).lower(), done.stderr
    assert (tmp_path / "annotated.pdf").stat().st_size > 1000
    flat = (tmp_path / "annotated.fodt").read_text(encoding="utf-8")
    assert flat.count("<office:annotation ") == len(result.findings)
    assert flat.count("<office:annotation-end ") == len(result.findings)
    assert "ANX002 annex-reference-mismatch" in flat


def _labelled(result, label: str):
    """The result as a reader that puts `label` before every paragraph would give it (as
    for numbered paragraphs and table cells): every line and finding span shifted."""
    from dataclasses import replace

    from lint.model import Span

    source = result.document.source
    shift = len(label)

    def moved(offset: int) -> int:
        return offset + source.line_at(offset).number * shift

    lines = tuple(
        replace(line, start=line.start + (line.number - 1) * shift, end=moved(line.end))
        for line in source.lines
    )
    text = "\n".join(label + source.line_text(line) for line in source.lines)
    labelled = replace(source, text=text, lines=lines)
    findings = tuple(
        replace(f, span=Span(moved(f.span.start), moved(max(f.span.start, f.span.end - 1)) + 1))
        if f.span.end > f.span.start
        else replace(f, span=Span(moved(f.span.start), moved(f.span.start)))
        for f in result.findings
    )
    return replace(result, findings=findings, document=replace(result.document, source=labelled))


@pytest.mark.parametrize("label", ["1.\t", "Tabell 1, rad 2: "])
def test_labels_before_paragraph_text_are_allowed(label: str, pack: Pack) -> None:
    path = SEEDS / "skarpnack-local-agreement-2020.docx"
    plain = checked(path, pack)
    result = _labelled(plain, label)
    for before, after in zip(plain.findings, result.findings, strict=True):
        assert result.document.source.slice(after.span) == plain.document.source.slice(before.span)
    original = path.read_bytes()
    assert_annotated(original, annotate_docx(original, result, "sv"), result)


def test_finding_inside_a_table_cell(pack: Pack, tmp_path: Path) -> None:
    """The paragraph with a misspelt term moved into the second paragraph of a table's
    second column, with doubled spaces, beside a cell of two paragraphs, under a merged row
    (a reader may read the row as one line per paragraph, cells side by side)."""
    path = tmp_path / "ostermalm-table.docx"
    document = docx.Document(str(SEEDS / "ostermalm-local-agreement-2021.docx"))
    paragraph = next(p for p in document.paragraphs if "lokalpolsområde" in p.text)
    table = document.add_table(rows=2, cols=2)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.paragraphs[0].add_run("Parter  och bilagor")
    left = table.cell(1, 0)
    left.paragraphs[0].add_run("Bilaga")
    left.add_paragraph("Underlag")
    right = table.cell(1, 1)
    right.paragraphs[0].add_run("Gemensam  lägesbild")
    target = right.add_paragraph()
    for run in paragraph.runs:
        target._p.append(run._r)
    target.runs[0].text = target.runs[0].text.replace(" ", "  ", 1)
    paragraph._p.addnext(table._tbl)
    paragraph._p.getparent().remove(paragraph._p)
    document.save(str(path))
    result = checked(path, pack)
    assert "TXT001" in [f.rule for f in result.findings]
    original = path.read_bytes()
    assert_annotated(original, annotate_docx(original, result, "sv"), result)
