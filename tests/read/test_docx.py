"""lint/read/docx.py on broken packages and decompression bombs (generated here)."""

from __future__ import annotations

import pytest

from lint.errors import ReadError
from lint.read import ReadLimits, read_bytes
from tests.read import samples


def error_of(data: bytes, limits: ReadLimits | None = None) -> ReadError:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, ".docx", "test.docx", limits)
    return caught.value


def test_a_word_document_is_read() -> None:
    source = read_bytes(samples.docx_bytes(["Första stycket.", "Andra stycket."]), ".docx", "a")
    assert source.format == "docx"
    assert source.text.splitlines() == ["Första stycket.", "Andra stycket."]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04" + samples.random_bytes(2000),
        samples.random_bytes(),
        samples.truncated(samples.docx_bytes(["Ett stycke."])),
        samples.zip_package({"readme.txt": b"ingen Word-fil"}),
        samples.zip_package({"[Content_Types].xml": b"<Types/>"}),
        samples.docx_with_part("word/document.xml", b"<w:document><w:body>"),
    ],
    ids=["zip-header-junk", "random", "truncated", "plain-zip", "no-document", "bad-xml"],
)
def test_a_docx_that_is_not_a_valid_package_is_corrupt(data: bytes) -> None:
    assert error_of(data).code == "corrupt"


def test_a_legacy_word_file_is_an_unsupported_format() -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000)
    assert error_of(ole).code == "unsupported_format"


def test_a_decompression_bomb_is_refused_before_it_is_unpacked() -> None:
    bomb = samples.docx_bomb(4 * 1024 * 1024)
    assert len(bomb) < 64 * 1024
    error = error_of(bomb)
    assert error.code == "too_large"
    assert "decompression bomb" in error.message("en")


def test_the_total_unpacked_size_is_limited() -> None:
    data = samples.docx_bytes(["Ett stycke."] * 50)
    error = error_of(data, ReadLimits(max_docx_uncompressed=10_000))
    assert error.code == "too_large"
    assert "unpacked" in error.message("en")
    assert read_bytes(data, ".docx", "a", ReadLimits(max_docx_uncompressed=10_000_000)).text


def test_the_number_of_parts_is_limited() -> None:
    assert error_of(samples.docx_bytes(["x"]), ReadLimits(max_docx_parts=3)).code == "too_large"


def test_the_character_limit_applies_to_word_documents() -> None:
    data = samples.docx_bytes(["Ett långt stycke text. " * 20] * 20)
    assert error_of(data, ReadLimits(max_chars=1000)).code == "too_large"


def test_an_empty_word_document_is_empty() -> None:
    assert error_of(samples.docx_bytes([])).code == "empty"
