"""The text report: plain and parsable off a terminal, colored on one, localized."""

from __future__ import annotations

import re

import pytest

from lint.cli import wants_color
from lint.report.text import render_text
from tests.conftest import OSTERMALM, SKARPNACK, run_cli
from tests.report.synthetic import synthetic_report

ANSI = re.compile(r"\x1b\[[0-9;]*m")
HEADER = re.compile(r"^(?P<path>\S.*?):(?P<line>\d+):(?P<col>\d+): (?P<rule>[A-Z]+\d{3}) ")


def test_plain_report_has_no_escape_codes_and_one_parsable_header_per_finding() -> None:
    report = synthetic_report()
    text = render_text(report)
    assert not ANSI.search(text)
    headers = [m.groupdict() for line in text.splitlines() if (m := HEADER.match(line))]
    expected = [
        {
            "path": r.path,
            "line": str(f.location.line),
            "col": str(f.location.column),
            "rule": f.rule,
        }
        for r in report.results
        for f in r.findings
    ]
    assert headers == expected
    assert not any(line != line.rstrip() for line in text.splitlines())


def test_plain_report_underlines_the_offending_words() -> None:
    lines = render_text(synthetic_report()).splitlines()
    excerpt = next(i for i, line in enumerate(lines) if line.strip().startswith("88 |"))
    carets = lines[excerpt + 1]
    start, end = carets.index("^"), carets.rindex("^") + 1
    assert lines[excerpt][start:end] == "bilaga 3"


def test_page_suggestion_and_clause_only_when_verbose() -> None:
    quiet = render_text(synthetic_report())
    loud = render_text(synthetic_report(verbose=True))
    assert "= förslag: bilaga 1" in quiet
    assert re.search(r"\(sida 1, rad \d+\)", quiet)  # the PDF finding: its page and line on it
    clause = "Möten sammankallas vid minst två tillfällen per år"
    assert clause not in quiet and clause in loud


def test_summary_tables_per_file_and_for_the_run() -> None:
    text = render_text(synthetic_report())
    assert re.search(r"^\s+regel\s+nivå\s+antal\s+namn$", text, re.M)
    assert re.search(r"^\s+ANX002\s+fel\s+1\s+annex-reference-mismatch$", text, re.M)
    assert re.search(r"^fil\s+dokumenttyp\s+fel\s+varningar\s+info\s+bedömning$", text, re.M)
    assert "kunde inte läsas [no_text_layer]" in text
    assert text.rstrip().endswith("4 filer: 3 fel, 0 varningar, 2 info, 1 kunde inte läsas")


def test_english_labels() -> None:
    text = render_text(synthetic_report(lang="en"))
    assert "= suggestion: bilaga 1" in text and re.search(r"\(page 1, line \d+\)", text)
    assert re.search(r"^file\s+kind\s+errors\s+warnings\s+info\s+verdict$", text, re.M)
    assert "4 files: 3 errors, 0 warnings, 2 info, 1 could not be read" in text
    for swedish in ("förslag", "sida", "Sammanfattning", "bedömning"):
        assert swedish not in text


def test_color_report_highlights_the_offending_words() -> None:
    text = render_text(synthetic_report(), color=True, width=120)
    assert ANSI.search(text)
    # the hit is wrapped in its own style (reverse video), distinct from the excerpt around it
    assert re.search(r"\x1b\[[0-9;]*7m" + re.escape("bilaga 3") + r"\x1b\[0m", text)
    assert "Avviker" in ANSI.sub("", text)


@pytest.mark.parametrize(
    ("fmt", "output", "tty", "env", "expected"),
    [
        ("text", None, True, {}, True),
        ("text", None, False, {}, False),
        ("text", None, True, {"NO_COLOR": "1"}, False),
        ("text", "out.txt", True, {}, False),
        ("json", None, True, {}, False),
    ],
)
def test_color_only_on_a_terminal_without_no_color(fmt, output, tty, env, expected) -> None:
    class Stream:
        def isatty(self) -> bool:
            return tty

    assert wants_color(fmt, output, Stream(), env) is expected


def test_piped_cli_run_is_plain_without_progress_bar() -> None:
    files = [str(p) for p in (SKARPNACK, OSTERMALM, SKARPNACK.with_suffix(".pdf"), OSTERMALM)]
    code, out, err = run_cli("check", *files, "--no-cache", "--jobs", "1", "--lang", "en")
    assert code in (0, 1)
    assert not ANSI.search(out) and err == ""
    assert out.rstrip().splitlines()[-1].startswith("4 files:")


@pytest.mark.parametrize(
    ("count", "key", "lang", "expected"),
    [
        (1, "files", "sv", "1 fil"), (2, "files", "sv", "2 filer"), (1, "files", "en", "1 file"),
        (1, "warnings", "sv", "1 varning"), (0, "warnings", "sv", "0 varningar"),
        (1, "errors", "en", "1 error"), (0, "errors", "en", "0 errors"),
        (0, "infos", "en", "0 info"),
        (1, "other_types_skipped", "sv", "1 fil av annan typ hoppades över"),
    ],
)  # fmt: skip
def test_counted_nouns_agree_with_their_number(count, key, lang, expected) -> None:
    from lint.messages import counted

    assert counted(count, key, lang) == expected


def test_one_file_with_one_warning_reads_as_singular_in_text_and_html() -> None:
    """Issue 15: "1 filer", "1 varningar", "1 files", "1 errors", "0 infos"."""
    import dataclasses

    from lint.report.html import render_html

    report = synthetic_report()
    one = dataclasses.replace(report, results=report.results[:1])
    errors, warnings = one.count("error"), one.count("warning")
    text = render_text(one)
    html = render_html(dataclasses.replace(one, lang="en"))
    assert text.rstrip().splitlines()[-1].startswith("1 fil: ")
    assert "1 filer" not in text and "1 varningar" not in text
    assert "<span>1 file</span>" in html and "1 files" not in html and "infos" not in html
    assert (errors == 1) == ("1 error," in html or "<span>1 error</span>" in html)
    assert warnings != 1 or "1 warning<" in html or "1 warning," in html


def test_narrow_terminal_never_wraps_the_header_and_cuts_excerpts_at_words() -> None:
    """Issue 15: header lines were hard-wrapped on narrow terminals and excerpts cut
    mid-word ("…å respektive")."""
    report = synthetic_report()
    text = ANSI.sub("", render_text(report, color=True, width=60))
    findings = [f for r in report.results for f in r.findings]
    headers = [line for line in text.splitlines() if HEADER.match(line)]
    assert len(headers) == len(findings)
    for header, finding in zip(headers, findings, strict=True):
        assert header.endswith(finding.message_in(report.lang))
    for result in report.results:  # the file's own header line too
        assert any(line.startswith(f"{result.path} (") for line in text.splitlines())
    for line in text.splitlines():
        if " | " in line and "…" in line:
            excerpt = line.split(" | ", 1)[1]
            words = excerpt.strip("…").split()
            source = " ".join(r.document.source.text for r in report.results if r.document)
            assert words[0] in source.split() and words[-1] in source.split(), excerpt


def test_window_cuts_at_word_boundaries() -> None:
    from lint.report.common import ContextLine, window

    text = (
        "Det ankommer på respektive part att till den andra parten lämna information om "
        "sådant som kan vara av betydelse för samverkan"
    )
    start = text.index("den andra parten")
    for width in range(24, 70, 3):
        cut = window(ContextLine(1, None, text, ((start, start + 16),)), width)
        inner = cut.text.strip("…")
        assert f" {inner} " in f" {text} ", cut.text
        assert cut.text[cut.marks[0][0] : cut.marks[0][1]] == "den andra parten"
