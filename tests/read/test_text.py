"""lint/read/text.py: encodings, line separators and what is no text."""

from __future__ import annotations

import codecs

import pytest

from lint.errors import ReadError
from lint.read import ReadLimits, read_bytes
from lint.read.text import decode_text
from tests.conftest import SKARPNACK

SWEDISH = "Stadsdelsförvaltningen i Skärholmen och lokalpolisområde Söderort – 3 § är ändrad.\n"


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.encode("utf-8"),
        codecs.BOM_UTF8 + SWEDISH.encode("utf-8"),
        SWEDISH.encode("cp1252"),
        SWEDISH.encode("utf-16"),  # with a BOM, as Notepad saves "Unicode"
        SWEDISH.encode("utf-16-le"),
        SWEDISH.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16-bom", "utf-16-le", "utf-16-be"],
)
def test_encodings_are_decoded(data: bytes) -> None:
    assert decode_text(data) == SWEDISH


def test_latin_1_is_decoded() -> None:
    text = "Åsa Öberg, Älvsjö – nej: Åsa Öberg, Älvsjö.".replace("–", "-")
    assert decode_text(text.encode("latin-1")) == text


def test_the_bytes_cp1252_leaves_undefined_decode_as_latin_1() -> None:
    assert decode_text(b"\xe5r \x81 \x80") == "år \x81 €"


def test_a_utf8_file_with_a_stray_byte_stays_utf8() -> None:
    data = ("Överenskommelse om samverkan i Söderort. " * 5).encode() + b"\xff" + "Älvsjö".encode()
    assert decode_text(data).endswith("\ufffdÄlvsjö")


def test_a_cp1252_agreement_reads_like_the_utf8_seed() -> None:
    text = SKARPNACK.read_text("utf-8")
    from_cp1252 = read_bytes(text.encode("cp1252"), ".txt", "a.txt")
    from_utf8 = read_bytes(text.encode("utf-8"), ".txt", "a.txt")
    assert from_cp1252.text == from_utf8.text
    assert from_cp1252.lines == from_utf8.lines


def test_every_splitlines_break_starts_a_line() -> None:
    text = "ett\u2028två\x0btre\x1cfyra\x85fem\r\nsex\rsju\fåtta"
    source = read_bytes(text.encode("utf-8"), ".txt", "a.txt")
    assert source.text.splitlines() == [source.line_text(line) for line in source.lines]
    assert len(source.lines) == 8


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b" \n\t\r\n", "empty"),
        (bytes(range(256)) * 8, "unsupported_format"),
        (b"text\x00with\x00nul", "unsupported_format"),
        (b"{\\rtf1\\ansi Avtal}", "unsupported_format"),
    ],
    ids=["empty", "whitespace", "binary", "nul", "rtf"],
)
def test_what_is_no_text(data: bytes, code: str) -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes(data, ".txt", "a.txt")
    assert caught.value.code == code


def test_the_character_limit() -> None:
    data = ("rad\n" * 1000).encode()
    with pytest.raises(ReadError) as caught:
        read_bytes(data, ".txt", "a.txt", ReadLimits(max_chars=3999))
    assert caught.value.code == "too_large"
    assert "3\u00a0999 tecken" in caught.value.message("sv")
    assert len(read_bytes(data, ".txt", "a.txt", ReadLimits(max_chars=4000)).lines) == 1001
