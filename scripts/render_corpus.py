"""Render plain-text agreements into realistic PDF and DOCX files.

A dev script (and importable module) so that samlint's readers meet real layouts:
the PDF has its own line breaks, headings in a bold, larger font, bullets with a
hanging indent and a page-number footer; the DOCX uses Title/Heading/List Bullet
styles and bold runs.

Usage::

    python scripts/render_corpus.py                      # the two Stockholm seeds
    python scripts/render_corpus.py IN.txt... [--out-dir DIR]

The output is deterministic: fixed creation dates and metadata, and the DOCX zip
entries carry a fixed timestamp, so re-running gives identical files.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import docx
from fpdf import FPDF
from rapidfuzz import fuzz

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_INPUTS = (
    REPO_ROOT / "corpus" / "stockholm" / "skarpnack-local-agreement-2020.txt",
    REPO_ROOT / "corpus" / "stockholm" / "ostermalm-local-agreement-2021.txt",
)
FIXED_DATE = datetime(2021, 1, 1, 12, 0, 0, tzinfo=UTC)
ZIP_DATE = (2021, 1, 1, 12, 0, 0)
AUTHOR = "samlint render_corpus"

# --- structure -----------------------------------------------------------------------

TEMPLATE_HEADINGS = (
    "Lokal samverkansöverenskommelse",
    "Bakgrund",
    "Parter och lokala överenskommelsens omfattning",
    "Bilagor",
    "Tid",
    "Lokal samverkansorganisation",
    "Lokal styrgrupp",
    "Lokal beredningsgrupp",
    "Lokala arbetsgrupper",
    "Lokal arbetsgrupp",
    "Gemensam lokal lägesbild och prioriterade samverkansområden",
    "Uppdateringar, ändringar och tillägg",
    "Information",
    "Prioriterade samverkansområden",
)
# Group subsections under "Lokal samverkansorganisation".
LEVEL3_HEADINGS = frozenset(
    {"lokal styrgrupp", "lokal beredningsgrupp", "lokala arbetsgrupper", "lokal arbetsgrupp"}
)
HEADING_MIN_RATIO = 85.0
SHORT_LINE = 60

_BULLET = re.compile(r"^\s*[-•]\s+")
_MARKDOWN_HEADING = re.compile(r"^\s*(#{1,6})\s+(.*)$")
_SECTION_NUMBER = re.compile(r"^\d+(?:\.\d+)*\.?\s+")
_LIST_ENTRY = re.compile(r"^(?:bilaga\s+\d+\w?\s*[:.\-–]|\d+[.)]\s+\S)", re.IGNORECASE)
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SENTENCE_END = (".", ":", ";", "!", "?")
_WRAP_END = (",", "-", "–", "(", "/")

BlockKind = Literal["heading", "paragraph", "bullet"]
Piece = tuple[str, bool]  # text and whether it is bold


@dataclass
class Block:
    """A heading, body paragraph or bullet item, with its text still carrying ** markers."""

    kind: BlockKind
    text: str
    level: int = 0


def _clean(line: str) -> str:
    return _BOLD.sub(r"\1", line).strip()


def _first_content_index(lines: Sequence[str]) -> int | None:
    return next((i for i, line in enumerate(lines) if line.strip()), None)


def _template_heading(line: str) -> str | None:
    """The template heading that ``line`` matches (lowercased), if any."""
    candidate = _SECTION_NUMBER.sub("", _clean(line)).lower()
    if not candidate or len(candidate) > 80:
        return None
    best = max(TEMPLATE_HEADINGS, key=lambda h: fuzz.ratio(candidate, h.lower()))
    if fuzz.ratio(candidate, best.lower()) >= HEADING_MIN_RATIO:
        return best.lower()
    return None


def heading_level(lines: Sequence[str], index: int) -> int | None:
    """1 for the title, 2 for a section, 3 for a group subsection; None for other lines."""
    line = lines[index]
    if not line.strip():
        return None
    markdown = _MARKDOWN_HEADING.match(line)
    if markdown:
        return min(len(markdown.group(1)), 3)
    if index == _first_content_index(lines):
        return 1
    template = _template_heading(line)
    if template is None:
        return None
    return 3 if template in LEVEL3_HEADINGS else 2


def is_heading(lines: list[str], index: int) -> bool:
    """Whether ``lines[index]`` is a heading: the title, a markdown or a template heading."""
    return heading_level(lines, index) is not None


def _heading_text(line: str) -> str:
    markdown = _MARKDOWN_HEADING.match(line)
    return _clean(markdown.group(2) if markdown else line)


def _is_list_entry(line: str) -> bool:
    """An annex list entry such as "Bilaga 3: Uppföljningsplan" or "2. Samverkansstruktur"."""
    return bool(_LIST_ENTRY.match(line.strip()))


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` continues the hard-wrapped paragraph whose last line is ``previous``."""
    previous, line = previous.strip(), line.strip()
    if _is_list_entry(line):
        return False
    if len(previous) >= SHORT_LINE:
        return True
    # A short line ends a paragraph (signature blocks, "Diarienummer:", list entries)
    # unless it visibly breaks mid-sentence.
    return previous.endswith(_WRAP_END) or line[:1].islower()


def _continues_bullet_across_blank(blocks: list[Block], line: str) -> bool:
    """Text extracted from a PDF may put a blank line inside a bullet ("• ... från", "", "stad")."""
    if not blocks or blocks[-1].kind != "bullet" or _BULLET.match(line):
        return False
    return line.strip()[:1].islower() and not blocks[-1].text.endswith(_SENTENCE_END)


def parse_blocks(text: str) -> list[Block]:
    """Rebuild headings, paragraphs and bullets from plain (possibly hard-wrapped) text."""
    lines = text.splitlines()
    blocks: list[Block] = []
    open_block = False
    previous = ""
    for index, line in enumerate(lines):
        if not line.strip():
            open_block = False
            continue
        level = heading_level(lines, index)
        if level is not None:
            blocks.append(Block("heading", _heading_text(line), level))
            open_block = False
        elif _BULLET.match(line):
            blocks.append(Block("bullet", _BULLET.sub("", line).strip()))
            open_block = True
        elif (open_block and _continues(previous, line)) or (
            not open_block and _continues_bullet_across_blank(blocks, line)
        ):
            blocks[-1].text = f"{blocks[-1].text} {line.strip()}"
            open_block = True
        else:
            blocks.append(Block("paragraph", line.strip()))
            open_block = True
        previous = line
    return blocks


def split_runs(text: str) -> list[tuple[str, bool]]:
    """Split ``**bold**`` markup into (text, bold) runs, dropping the asterisks."""
    runs: list[tuple[str, bool]] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            runs.append((text[position : match.start()], False))
        runs.append((match.group(1), True))
        position = match.end()
    if position < len(text):
        runs.append((text[position:], False))
    return runs


# --- PDF -----------------------------------------------------------------------------

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
)
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
PDF_FAMILY = "DejaVuSans"
MARGIN = 25.0
BODY_SIZE = 10.5
BODY_LINE = 5.4
PARAGRAPH_GAP = 2.4
BULLET_INDENT = 6.0
HEADING_STYLE = {1: (16.0, 8.0, 4.0), 2: (13.0, 6.5, 2.2), 3: (12.0, 4.5, 1.6)}
LATIN1_REPLACEMENTS = str.maketrans(
    {"–": "-", "—": "-", "−": "-", "•": "-", "”": '"', "“": '"', "„": '"', "’": "'", "‘": "'"}
    | {"…": "...", "\u2009": " ", "\u202f": " ", "\u200b": ""}
)


def find_unicode_fonts() -> tuple[Path, Path] | None:
    """DejaVu Sans regular and bold: system folders first, then matplotlib's bundled copy."""
    folders = list(FONT_DIRS)
    try:
        import matplotlib  # type: ignore[import-not-found]

        folders.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    for folder in folders:
        regular, bold = (folder / name for name in FONT_FILES)
        if regular.is_file() and bold.is_file():
            return regular, bold
    return None


def to_latin1(text: str) -> str:
    """Close latin-1 equivalents for the core-font fallback."""
    text = text.translate(LATIN1_REPLACEMENTS)
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        decomposed = unicodedata.normalize("NFKD", char).encode("latin-1", "ignore").decode()
        out.append(decomposed or "?")
    return "".join(out)


class AgreementPDF(FPDF):
    """A4 agreement with a "Sida N" footer; falls back to a core font without DejaVu Sans."""

    def __init__(self, fonts: tuple[Path, Path] | None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.unicode_fonts = fonts is not None
        self.body_family = PDF_FAMILY if fonts else "helvetica"
        if fonts:
            self.add_font(PDF_FAMILY, "", str(fonts[0]))
            self.add_font(PDF_FAMILY, "B", str(fonts[1]))
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(auto=True, margin=MARGIN)
        self.set_creation_date(FIXED_DATE)
        self.set_author(AUTHOR)
        self.set_creator(AUTHOR)
        self.set_lang("sv")
        self.str_alias_nb_pages = ""  # text like "{nb}" must stay literal

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(self.body_family, "", 8)
        self.cell(0, 5, f"Sida {self.page_no()}", align="C")

    def text_of(self, text: str) -> str:
        return text if self.unicode_fonts else to_latin1(text)

    def use_font(self, size: float, bold: bool = False) -> None:
        self.set_font(self.body_family, "B" if bold else "", size)


def _pdf_heading(pdf: AgreementPDF, block: Block) -> None:
    size, before, after = HEADING_STYLE[min(max(block.level, 1), 3)]
    if pdf.page_no() > 0 and pdf.get_y() > pdf.t_margin + 1:
        pdf.ln(before)
    # Keep a heading together with at least two lines of what follows it.
    if pdf.will_page_break(size * 0.5 + after + 2 * BODY_LINE):
        pdf.add_page()
    pdf.use_font(size, bold=True)
    pdf.multi_cell(0, size * 0.5, pdf.text_of(block.text), align="L")
    pdf.ln(after)


def split_words(text: str) -> list[list[Piece]]:
    """Words of ``text`` as bold/regular pieces; '**"Polisen"**,' is one word of two pieces."""
    words: list[list[Piece]] = []
    current: list[Piece] = []
    for run, bold in split_runs(text):
        for part in re.split(r"(\s+)", run):
            if not part:
                continue
            if part.isspace():
                if current:
                    words.append(current)
                current = []
            else:
                current.append((part, bold))
    if current:
        words.append(current)
    return words


def _word_width(pdf: AgreementPDF, word: list[Piece]) -> float:
    width = 0.0
    for text, bold in word:
        pdf.use_font(BODY_SIZE, bold)
        width += pdf.get_string_width(text)
    return width


def _fill_lines(pdf: AgreementPDF, words: list[list[Piece]], width: float) -> list[list[Piece]]:
    """Greedy line filling at spaces; a word never breaks, bold pieces stay inline."""
    pdf.use_font(BODY_SIZE)
    space = pdf.get_string_width(" ")
    lines: list[list[Piece]] = []
    line: list[Piece] = []
    used = 0.0
    for word in words:
        word_width = _word_width(pdf, word)
        if line and used + space + word_width > width:
            lines.append(line)
            line, used = [], 0.0
        if line:
            line.append((" ", False))
            used += space
        line.extend(word)
        used += word_width
    if line:
        lines.append(line)
    return [_merge_pieces(line) for line in lines]


def _merge_pieces(line: list[Piece]) -> list[Piece]:
    merged: list[Piece] = []
    for text, bold in line:
        if merged and (merged[-1][1] == bold or text == " "):
            merged[-1] = (merged[-1][0] + text, merged[-1][1])
        else:
            merged.append((text, bold))
    return merged


def _pdf_line(pdf: AgreementPDF, line: list[Piece], x: float) -> None:
    if pdf.will_page_break(BODY_LINE):
        pdf.add_page()
    pdf.set_x(x)
    for text, bold in line:
        pdf.use_font(BODY_SIZE, bold)
        pdf.cell(pdf.get_string_width(text), BODY_LINE, text)
    pdf.ln(BODY_LINE)


def _pdf_body(pdf: AgreementPDF, block: Block, gap: float) -> None:
    """A paragraph or bullet, wrapped by the PDF's own line breaks (not the text file's)."""
    x = pdf.l_margin + (BULLET_INDENT if block.kind == "bullet" else 0.0)
    width = pdf.w - pdf.r_margin - x
    lines = _fill_lines(pdf, split_words(pdf.text_of(block.text)), width)
    if block.kind == "bullet":
        if pdf.will_page_break(BODY_LINE):
            pdf.add_page()
        pdf.use_font(BODY_SIZE)
        pdf.set_x(pdf.l_margin + 1.5)
        pdf.cell(BULLET_INDENT - 1.5, BODY_LINE, pdf.text_of("•"))
    for line in lines:
        _pdf_line(pdf, line, x)
    pdf.ln(gap)


def _gap_after(block: Block, following: Block | None) -> float:
    """Bullets of one list sit closer together than paragraphs."""
    same_list = block.kind == "bullet" and following is not None and following.kind == "bullet"
    return PARAGRAPH_GAP * 0.4 if same_list else PARAGRAPH_GAP


def render_pdf(text: str, out_path: Path) -> None:
    """Render an agreement text as an A4 PDF at ``out_path``."""
    blocks = parse_blocks(text)
    pdf = AgreementPDF(find_unicode_fonts())
    title = next((b.text for b in blocks if b.kind == "heading"), None)
    if title:
        pdf.set_title(pdf.text_of(title))
    pdf.add_page()
    for block, following in zip(blocks, [*blocks[1:], None], strict=True):
        if block.kind == "heading":
            _pdf_heading(pdf, block)
        else:
            _pdf_body(pdf, block, _gap_after(block, following))
    out_path.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out_path))


# --- DOCX ----------------------------------------------------------------------------


def _docx_style(block: Block, is_first: bool) -> str:
    if block.kind == "bullet":
        return "List Bullet"
    if block.kind == "paragraph":
        return "Normal"
    if block.level <= 1:
        return "Title" if is_first else "Heading 1"
    return f"Heading {min(block.level, 3)}"


def _set_core_properties(document: DocxDocument, title: str | None) -> None:
    props = document.core_properties
    props.author = AUTHOR
    props.last_modified_by = AUTHOR
    props.title = title or ""
    props.language = "sv-SE"
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1


def _normalized_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed entry timestamps so that the bytes are reproducible."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(text: str, out_path: Path) -> None:
    """Render an agreement text as a DOCX at ``out_path``."""
    blocks = parse_blocks(text)
    document = docx.Document()
    title = next((b.text for b in blocks if b.kind == "heading"), None)
    _set_core_properties(document, title)
    for position, block in enumerate(blocks):
        paragraph = document.add_paragraph(style=_docx_style(block, position == 0))
        for run_text, bold in split_runs(block.text):
            run = paragraph.add_run(run_text)
            if bold:
                run.bold = True
    buffer = io.BytesIO()
    document.save(buffer)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(_normalized_zip(buffer.getvalue()))


# --- command line --------------------------------------------------------------------


def render_file(source: Path, out_dir: Path | None = None) -> list[Path]:
    """Render ``source`` to a .pdf and a .docx with the same stem; return the written paths."""
    text = source.read_text(encoding="utf-8")
    folder = out_dir if out_dir is not None else source.parent
    pdf_path = folder / f"{source.stem}.pdf"
    docx_path = folder / f"{source.stem}.docx"
    render_pdf(text, pdf_path)
    render_docx(text, docx_path)
    return [pdf_path, docx_path]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="plain-text agreements (UTF-8)")
    parser.add_argument("--out-dir", type=Path, default=None, help="default: beside each input")
    args = parser.parse_args(argv)
    inputs = args.inputs or list(DEFAULT_INPUTS)
    for source in inputs:
        for written in render_file(source, args.out_dir):
            print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
