"""lint/read/pdf.py on damaged, encrypted, scanned and oversized PDFs (generated here)."""

from __future__ import annotations

import pytest

from lint.errors import ReadError
from lint.read import ReadLimits, read_bytes
from tests.conftest import OSTERMALM
from tests.read import samples


def read_pdf(data: bytes, limits: ReadLimits | None = None):  # -> SourceText
    return read_bytes(data, ".pdf", "test.pdf", limits)


def error_code(data: bytes, limits: ReadLimits | None = None, suffix: str = ".pdf") -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, suffix, "test" + suffix, limits)
    return caught.value.code


def test_a_text_pdf_is_read_page_by_page() -> None:
    source = read_pdf(samples.text_pdf([samples.page_lines(1), samples.page_lines(2)]))
    assert source.format == "pdf"
    assert source.skipped_pages == ()
    pages = {line.page for line in source.lines if source.line_text(line).strip()}
    assert pages == {1, 2}
    assert "Sida 2, rad 4" in source.text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (samples.random_bytes(), "not_pdf"),
        (b"<html><body>Inte en PDF</body></html>", "not_pdf"),
        (samples.truncated(OSTERMALM.with_suffix(".pdf").read_bytes()), "corrupt"),
        (samples.truncated(OSTERMALM.with_suffix(".pdf").read_bytes(), 0.95), "corrupt"),
        (b"%PDF-1.7\n" + samples.random_bytes(3000), "corrupt"),
    ],
    ids=["empty", "blank", "random", "html", "truncated-half", "truncated-end", "pdf-header-junk"],
)
def test_unreadable_pdfs_get_their_code(data: bytes, code: str) -> None:
    assert error_code(data) == code


@pytest.mark.parametrize("aes", [False, True], ids=["rc4", "aes256"])
def test_a_password_protected_pdf_is_encrypted(aes: bool) -> None:
    data = samples.text_pdf([samples.page_lines(1)], user_password="hemligt", aes=aes)
    assert error_code(data) == "encrypted"


def test_an_owner_password_alone_does_not_stop_reading() -> None:
    # Restricting printing or copying needs no password to open, so the text is read.
    data = samples.text_pdf([samples.page_lines(1)], user_password="")
    assert "Sida 1, rad 0" in read_pdf(data).text


@pytest.mark.parametrize(
    "data",
    [samples.scanned_pdf(), samples.scanned_pdf(3, stamp=True), samples.drawing_only_pdf()],
    ids=["image-pages", "image-pages-with-page-numbers", "drawing-only"],
)
def test_a_pdf_without_a_text_layer_needs_ocr(data: bytes) -> None:
    assert error_code(data) == "no_text_layer"


def test_a_page_that_fails_to_parse_is_skipped_and_the_others_kept() -> None:
    source = read_pdf(samples.pdf_with_broken_page(broken=2, pages=3))
    assert source.skipped_pages == (2,)
    assert "Sida 1, rad 0" in source.text
    assert "Sida 3, rad 4" in source.text
    assert "Sida 2" not in source.text
    assert {line.page for line in source.lines} == {1, 3}


def test_a_pdf_whose_only_page_fails_is_corrupt() -> None:
    assert error_code(samples.pdf_with_broken_page(broken=1, pages=1)) == "corrupt"


def test_too_many_pages() -> None:
    data = samples.text_pdf([samples.page_lines(n, 1) for n in range(1, 5)])
    with pytest.raises(ReadError) as caught:
        read_pdf(data, ReadLimits(max_pages=3))
    assert caught.value.code == "too_large"
    assert "3" in caught.value.message("en") and "pages" in caught.value.message("en")
    assert read_pdf(data, ReadLimits(max_pages=4)).text


def test_too_many_characters() -> None:
    data = samples.text_pdf([samples.page_lines(1, 20)])
    assert error_code(data, ReadLimits(max_chars=200)) == "too_large"


def test_too_many_bytes() -> None:
    data = samples.text_pdf([samples.page_lines(1)])
    assert error_code(data, ReadLimits(max_bytes=len(data) - 1)) == "too_large"


def test_the_reader_deadline_is_checked_between_pages() -> None:
    data = samples.text_pdf([samples.page_lines(n, 1) for n in range(1, 4)])
    assert error_code(data, ReadLimits(max_seconds=1e-9)) == "timeout"


def test_a_word_file_named_pdf_is_read_as_word() -> None:
    data = samples.docx_bytes(["Lokal samverkansöverenskommelse", "Bakgrund"])
    source = read_pdf(data)
    assert source.format == "docx"
    assert "Bakgrund" in source.text
