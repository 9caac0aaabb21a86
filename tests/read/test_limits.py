"""lint/read/limits.py and lint/read/__init__.py: configurable limits, sniffing, paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.errors import ReadError, UsageError
from lint.read import ReadLimits, read_path, sniff_format
from tests.read import samples


def test_limits_from_a_settings_table() -> None:
    limits = ReadLimits.from_mapping({"max-pages": 800, "max-seconds": 30, "max-bytes": 1000})
    assert (limits.max_pages, limits.max_seconds, limits.max_bytes) == (800, 30.0, 1000)
    assert isinstance(limits.max_seconds, float)
    assert ReadLimits.from_mapping(None) == ReadLimits()


@pytest.mark.parametrize(
    "values",
    [{"max-page": 5}, {"max-pages": 0}, {"max-pages": "many"}, {"max-pages": True}, [1]],
)
def test_bad_limits_are_usage_errors(values: object) -> None:
    with pytest.raises(UsageError):
        ReadLimits.from_mapping(values, "samlint.toml")  # type: ignore[arg-type]


def test_a_file_over_the_byte_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    path.write_bytes(b"Text. " * 1000)
    with pytest.raises(ReadError) as caught:
        read_path(path, ReadLimits(max_bytes=1024))
    assert caught.value.code == "too_large"
    assert read_path(path, ReadLimits(max_bytes=6000)).text.startswith("Text.")


def test_an_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "avtal.odt"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(ReadError) as caught:
        read_path(path)
    assert caught.value.code == "unsupported_format"


def test_a_path_that_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "mapp.txt"
    folder.mkdir()
    with pytest.raises(ReadError) as caught:
        read_path(folder)
    assert caught.value.code == "unreadable"


def test_content_decides_over_a_wrong_suffix() -> None:
    assert sniff_format(samples.text_pdf([["x"]])) == ".pdf"
    assert sniff_format(samples.docx_bytes(["x"])) == ".docx"
    assert sniff_format(b"Avtal om %PDF-filer") is None
    assert sniff_format(samples.random_bytes()) is None
