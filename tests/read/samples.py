"""Generators for the bad (and good) input files the reader tests need.

Nothing binary is committed: every damaged, encrypted, scanned or hostile file is made
here from fpdf2, python-docx, Pillow and zipfile.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import EncryptionMethod

from tests.conftest import OSTERMALM, SKARPNACK

NOTE = (
    "Anteckningar från måndagsmötet\n\n"
    "Kom ihåg att boka lokal till fredagens fika och att beställa nya pärmar.\n"
    "Åsa tar med kaffe. Nästa möte hålls i konferensrummet på plan 3.\n"
)


def text_pdf(
    pages: list[list[str]],
    *,
    user_password: str | None = None,
    owner_password: str = "owner",
    aes: bool = False,
) -> bytes:
    """A PDF with a real text layer, one list of lines per page (Latin-1 text)."""
    pdf = FPDF()
    pdf.set_compression(False)
    if user_password is not None:
        method = EncryptionMethod.AES_256 if aes else EncryptionMethod.RC4
        pdf.set_encryption(
            owner_password=owner_password, user_password=user_password, encryption_method=method
        )
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def page_lines(page: int, count: int = 5) -> list[str]:
    return [f"Sida {page}, rad {n}: text som går att läsa på denna sida." for n in range(count)]


def scanned_pdf(pages: int = 2, *, stamp: bool = False) -> bytes:
    """What a scanner makes: every page one image; `stamp` adds a tiny text page number."""
    from PIL import Image, ImageDraw

    pdf = FPDF()
    for page in range(1, pages + 1):
        pdf.add_page()
        image = Image.new("L", (600, 800), 255)
        draw = ImageDraw.Draw(image)
        for y in range(60, 760, 24):  # grey bars where the scanned lines of text would be
            draw.rectangle((50, y, 550, y + 10), fill=90)
        pdf.image(image, x=10, y=10, w=190)
        if stamp:
            pdf.set_font("Helvetica", size=8)
            pdf.set_xy(180, 285)
            pdf.cell(0, 5, f"{page}/{pages}")
    return bytes(pdf.output())


def drawing_only_pdf() -> bytes:
    """Pages with vector drawings and no text at all."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160, style="F")
    return bytes(pdf.output())


def pdf_with_broken_page(broken: int = 2, pages: int = 3, engine: str = "pdfplumber") -> bytes:
    """A PDF whose page `broken` the engine cannot parse.

    The engines fail on different damage: pdfminer on a content stream with an unknown
    filter (which PDFium reads as if unfiltered), PDFium on a page-tree entry that is not
    a page (which pdfminer leaves out without a trace, numbering the next page in its
    place).
    """
    data = text_pdf([page_lines(n) for n in range(1, pages + 1)])
    # fpdf2 numbers objects: pages tree 1, catalog 2, then each page and its content stream.
    if engine == "pdfium":
        page = f"{2 * broken + 1} 0 obj".encode()
        at = data.index(page)
        return data[:at] + data[at:].replace(b"/Type /Page", b"/Type /Junk", 1)
    content = f"{2 * broken + 2} 0 obj".encode()
    at = data.index(content)
    head, tail = data[:at], data[at:]
    return head + tail.replace(b"<<\n/Length", b"<<\n/Filter /NoSuchDecode\n/Length", 1)


def truncated(data: bytes, fraction: float = 0.5) -> bytes:
    return data[: int(len(data) * fraction)]


def random_bytes(size: int = 4096, seed: int = 7) -> bytes:
    return random.Random(seed).randbytes(size)


def zip_package(parts: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_part(name: str, content: bytes) -> bytes:
    """A valid DOCX with one part replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes(["Ett stycke."])))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    parts[name] = content
    return zip_package(parts)


def docx_bomb(size: int = 4 * 1024 * 1024) -> bytes:
    """A DOCX whose document part inflates from a few KiB to `size` bytes."""
    return docx_with_part("word/document.xml", b"<" + b" " * size + b">")


def write_bad_input_folder(folder: Path) -> dict[str, str]:
    """The acceptance folder of issue 7; returns file name -> expected error code or kind."""
    folder.mkdir(parents=True, exist_ok=True)
    agreement_pdf = (OSTERMALM.with_suffix(".pdf")).read_bytes()
    files: dict[str, tuple[bytes, str]] = {
        "tom.pdf": (b"", "empty"),
        "skrap.pdf": (random_bytes(), "not_pdf"),
        "avbruten-nedladdning.pdf": (truncated(agreement_pdf), "corrupt"),
        "losenord.pdf": (text_pdf([page_lines(1)], user_password="hemligt"), "encrypted"),
        "inskannad.pdf": (scanned_pdf(), "no_text_layer"),
        "trasig.docx": (b"PK\x03\x04" + random_bytes(2000, seed=3), "corrupt"),
        "skarpnack-cp1252.txt": (SKARPNACK.read_text("utf-8").encode("cp1252"), "local_agreement"),
        "anteckning.txt": (NOTE.encode("utf-8"), "unknown"),
        "ostermalm.txt": (OSTERMALM.read_bytes(), "local_agreement"),
    }
    for name, (content, _) in files.items():
        (folder / name).write_bytes(content)
    return {name: expected for name, (_, expected) in files.items()}
