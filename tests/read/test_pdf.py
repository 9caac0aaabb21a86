"""Both PDF engines on damaged, encrypted, scanned and oversized PDFs (generated here)."""

from __future__ import annotations

import pytest

from lint.errors import ReadError
from lint.read import PDF_ENGINES, ReadLimits, read_bytes
from tests.conftest import OSTERMALM
from tests.read import samples


@pytest.fixture(params=PDF_ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


def read_pdf(data: bytes, engine: str, limits: ReadLimits | None = None):  # -> SourceText
    return read_bytes(data, ".pdf", "test.pdf", limits, engine)


def error_code(
    data: bytes, engine: str, limits: ReadLimits | None = None, suffix: str = ".pdf"
) -> str:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, suffix, "test" + suffix, limits, engine)
    return caught.value.code


def test_a_text_pdf_is_read_page_by_page(engine: str) -> None:
    source = read_pdf(samples.text_pdf([samples.page_lines(1), samples.page_lines(2)]), engine)
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
def test_unreadable_pdfs_get_their_code(data: bytes, code: str, engine: str) -> None:
    assert error_code(data, engine) == code


@pytest.mark.parametrize("aes", [False, True], ids=["rc4", "aes256"])
def test_a_password_protected_pdf_is_encrypted(aes: bool, engine: str) -> None:
    data = samples.text_pdf([samples.page_lines(1)], user_password="hemligt", aes=aes)
    assert error_code(data, engine) == "encrypted"


def test_an_owner_password_alone_does_not_stop_reading(engine: str) -> None:
    # Restricting printing or copying needs no password to open, so the text is read.
    data = samples.text_pdf([samples.page_lines(1)], user_password="")
    assert "Sida 1, rad 0" in read_pdf(data, engine).text


@pytest.mark.parametrize(
    "data",
    [samples.scanned_pdf(), samples.scanned_pdf(3, stamp=True), samples.drawing_only_pdf()],
    ids=["image-pages", "image-pages-with-page-numbers", "drawing-only"],
)
def test_a_pdf_without_a_text_layer_needs_ocr(data: bytes, engine: str) -> None:
    assert error_code(data, engine) == "no_text_layer"


def test_a_page_that_fails_to_parse_is_skipped_and_the_others_kept(engine: str) -> None:
    source = read_pdf(samples.pdf_with_broken_page(broken=2, pages=3, engine=engine), engine)
    assert source.skipped_pages == (2,)
    assert "Sida 1, rad 0" in source.text
    assert "Sida 3, rad 4" in source.text
    assert "Sida 2" not in source.text
    assert {line.page for line in source.lines} == {1, 3}


def test_a_pdf_whose_only_page_fails_is_corrupt(engine: str) -> None:
    assert (
        error_code(samples.pdf_with_broken_page(broken=1, pages=1, engine=engine), engine)
        == "corrupt"
    )


def test_too_many_pages(engine: str) -> None:
    data = samples.text_pdf([samples.page_lines(n, 1) for n in range(1, 5)])
    with pytest.raises(ReadError) as caught:
        read_pdf(data, engine, ReadLimits(max_pages=3))
    assert caught.value.code == "too_large"
    assert "3" in caught.value.message("en") and "pages" in caught.value.message("en")
    assert read_pdf(data, engine, ReadLimits(max_pages=4)).text


def test_too_many_characters(engine: str) -> None:
    data = samples.text_pdf([samples.page_lines(1, 20)])
    assert error_code(data, engine, ReadLimits(max_chars=200)) == "too_large"


def test_too_many_bytes(engine: str) -> None:
    data = samples.text_pdf([samples.page_lines(1)])
    assert error_code(data, engine, ReadLimits(max_bytes=len(data) - 1)) == "too_large"


def test_the_reader_deadline_is_checked_between_pages(engine: str) -> None:
    data = samples.text_pdf([samples.page_lines(n, 1) for n in range(1, 4)])
    assert error_code(data, engine, ReadLimits(max_seconds=1e-9)) == "timeout"


def test_a_word_file_named_pdf_is_read_as_word(engine: str) -> None:
    data = samples.docx_bytes(["Lokal samverkansöverenskommelse", "Bakgrund"])
    source = read_pdf(data, engine)
    assert source.format == "docx"
    assert "Bakgrund" in source.text
