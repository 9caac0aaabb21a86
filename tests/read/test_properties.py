"""Property-based: every reader turns any input into a SourceText or a coded ReadError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.errors import ReadError
from lint.messages import ERRORS
from lint.model import SourceText
from lint.read import PDF_ENGINES, SUPPORTED_SUFFIXES, ReadLimits, read_bytes
from tests.read import samples

LIMITS = ReadLimits(max_seconds=20)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SUFFIXES = st.sampled_from([*SUPPORTED_SUFFIXES, "", ".odt"])
SMALL_PDF = samples.text_pdf([samples.page_lines(1, 3), samples.page_lines(2, 3)])
SMALL_DOCX = samples.docx_bytes(["Lokal samverkansöverenskommelse", "Bakgrund", "Text."])


def outcome(data: bytes, suffix: str, engine: str = "pdfium") -> SourceText | ReadError:
    try:
        source = read_bytes(data, suffix, "x" + suffix, LIMITS, engine)
    except ReadError as exc:
        assert exc.code in ERRORS and exc.code != "internal", exc
        return exc
    assert_consistent(source)
    return source


def assert_consistent(source: SourceText) -> None:
    """The line table matches the text, line by line, as every later stage assumes."""
    assert source.text.strip()
    assert len(source.text) <= LIMITS.max_chars
    line_texts = [source.line_text(line) for line in source.lines]
    assert source.text.split("\n") == line_texts
    assert (source.text + "\n").splitlines() == line_texts  # no other line breaks inside
    assert [line.number for line in source.lines] == list(range(1, len(source.lines) + 1))


@SETTINGS
@given(data=st.binary(max_size=4096), suffix=SUFFIXES)
def test_arbitrary_bytes(data: bytes, suffix: str) -> None:
    outcome(data, suffix)


@SETTINGS
@given(text=st.text(max_size=2000), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_arbitrary_text(text: str, encoding: str) -> None:
    data = text.encode(encoding, errors="replace")
    result = outcome(data, ".txt")
    if isinstance(result, SourceText) and encoding != "cp1252":
        # Nothing is lost: every printable word of the input is in the text.
        words = [w for w in text.split() if w.isalnum()]
        assert all(word in result.text for word in words)


def mutate(base: bytes, cut: int, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(base[: max(1, len(base) - cut)])
    for position, value in flips:
        data[position % len(data)] = value
    return bytes(data)


MUTATIONS = st.tuples(
    st.integers(0, 2000),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=12),
)


@pytest.mark.parametrize("engine", PDF_ENGINES)
@settings(max_examples=40, deadline=None)
@given(mutation=MUTATIONS)
def test_damaged_pdfs(engine: str, mutation: tuple[int, list[tuple[int, int]]]) -> None:
    outcome(mutate(SMALL_PDF, *mutation), ".pdf", engine)


@settings(max_examples=40, deadline=None)
@given(mutation=MUTATIONS)
def test_damaged_docx(mutation: tuple[int, list[tuple[int, int]]]) -> None:
    outcome(mutate(SMALL_DOCX, *mutation), ".docx")
