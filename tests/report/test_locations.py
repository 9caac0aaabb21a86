"""Locations people can find: the line on its PDF page, the paragraph in its DOCX section."""

from __future__ import annotations

import pdfplumber

from tests.conftest import AS_OF, SEEDS, check_json, run_cli

PDF = SEEDS / "skarpnack-local-agreement-2020.pdf"
DOCX = SEEDS / "skarpnack-local-agreement-2020.docx"
TXT = SEEDS / "skarpnack-local-agreement-2020.txt"


def test_json_page_line_is_the_line_a_reader_counts_on_the_page() -> None:
    report = check_json(PDF, TXT)
    pdf_findings = report["files"][0]["findings"]
    assert pdf_findings
    with pdfplumber.open(PDF) as pdf:
        for finding in pdf_findings:
            loc = finding["location"]
            page = pdf.pages[loc["page"] - 1].extract_text()
            lines = [line for line in page.splitlines() if line.strip()]
            on_page = lines[loc["page_line"] - 1]
            assert loc["page_line"] < loc["line"]
            assert on_page.split()[0] in finding["location"]["excerpt"], (finding, on_page)
    anx = next(f for f in pdf_findings if f["rule"] == "ANX002")["location"]
    assert (anx["page"], anx["page_line"]) == (3, 16)
    assert all(f["location"]["page_line"] is None for f in report["files"][1]["findings"])


def test_text_report_shows_page_and_line_for_pdf_and_section_and_paragraph_for_docx() -> None:
    common = ("--as-of", AS_OF, "--jobs", "1", "--no-cache")
    _, out, _ = run_cli("check", str(PDF), *common)
    assert "ANX002 fel annex-reference-mismatch (sida 3, rad 16):" in out
    _, out, _ = run_cli("check", str(DOCX), *common, "--lang", "en")
    assert (
        'ANX002 error annex-reference-mismatch (section "Gemensam lokal lägesbild och '
        'prioriterade samverkansområden", paragraph 1):'
    ) in out
    assert 'PTY003 warning party-reference-inconsistent (section "Information", paragraph 1)' in out


def test_html_shows_the_same_places() -> None:
    common = ("--as-of", AS_OF, "--jobs", "1", "--no-cache", "--format", "html")
    _, out, _ = run_cli("check", str(PDF), str(DOCX), *common)
    assert "sida 3, rad 16" in out
    assert "avsnitt &quot;Information&quot;, stycke 1" in out
    assert "kolumn 134" not in out  # a DOCX column is an offset in a paragraph, not a place


def test_the_readme_example_is_what_samlint_prints(monkeypatch) -> None:
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A report", 1)[1]
    command = section.split("`", 2)[1]
    expected = section.split("```text\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    args = command.split()[1:]
    _, out, _ = run_cli(*args, "--as-of", AS_OF, "--jobs", "1", "--no-cache")
    assert out == expected
