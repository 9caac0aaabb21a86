"""The HTML report: one self-contained page that a browser renders with every finding."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from lint.report.html import render_html
from tests.conftest import AS_OF, LOCAL_AGREEMENTS, check_json, run_cli
from tests.report.synthetic import synthetic_report

NETWORK = re.compile(
    r"""(?:src|href|action|poster)\s*=\s*["']?\s*(?!#)[a-z]+:|url\(|@import""", re.I
)


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and Path("/usr/bin/chromium").exists():
        found = "/usr/bin/chromium"
    if found is None:
        pytest.skip("no Chromium installed (apt-get install chromium) to render the HTML report")
    return found


def headless(browser: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}", *args,
    ]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def test_self_contained_without_scripts_or_network_references() -> None:
    page = render_html(synthetic_report())
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>" in page and "@media print" in page
    assert "<script" not in page.lower() and "<link" not in page.lower()
    assert not NETWORK.search(page)
    for anchor in re.findall(r'href="([^"]*)"', page):
        assert anchor.startswith("#") and f'id="{anchor[1:]}"' in page


def test_every_finding_with_context_suggestion_and_clause() -> None:
    report = synthetic_report()
    page = render_html(report)
    for result in report.results:
        assert result.path in page
        for finding in result.findings:
            assert unescape(page).count(finding.message_in(report.lang)) >= 1
            assert f'data-rule="{finding.rule}"' in page
    assert page.count('<section class="finding') == sum(len(r.findings) for r in report.results)
    assert "<mark>bilaga 3</mark>" in page
    assert "Styrgruppens mötesfrekvens anges inte.&lt;&amp;&gt;" in page  # escaped
    assert re.search(r'<span class="n">87</span>|<span class="n">86</span>', page)  # context
    assert "förslag:</strong> bilaga 1" in page
    assert "Möten sammankallas vid minst två tillfällen per år" in page
    assert "[no_text_layer]" in page


def test_overview_of_documents_by_rule_group(pack) -> None:
    page = render_html(synthetic_report())
    overview = page[page.index('<table class="overview">') : page.index("</table>")]
    groups = list(dict.fromkeys(re.match(r"[A-Z]+", r.id).group(0) for r in pack.rules))
    assert re.findall(r'<th class="num"[^>]*>([A-Z]+)</th>', overview) == groups
    rows = overview.split("<tr>")[2:]
    assert len(rows) == 4
    cells = re.findall(r'<td class="cell (\w+)"[^>]*>([^<]*)</td>', rows[0])
    by_group = dict(zip(groups, cells, strict=True))
    assert by_group["ANX"] == ("error", "1") and by_group["TPL"] == ("info", "1")
    assert by_group["REV"] == ("ok", "0")
    memo = dict(zip(groups, re.findall(r'<td class="cell (\w+)"', rows[2]), strict=True))
    assert memo["GRP"] == "na" and memo["PTY"] == "ok"  # local rules do not apply to a memo
    assert "Avviker" in rows[0] and "Kunde inte läsas" in rows[3]


def test_single_document_has_no_overview() -> None:
    report = synthetic_report()
    single = type(report)(report.results[:1], report.pack, AS_OF, "signed", "sv")
    assert '<table class="overview">' not in render_html(single)


def test_english_headings() -> None:
    page = render_html(synthetic_report(lang="en"))
    assert '<html lang="en">' in page
    for text in ("Review of collaboration agreements", "Overview", "Deviates", "suggestion"):
        assert text in page
    for swedish in ("Översikt", "Avviker", "förslag", "bedömning"):
        assert swedish not in page


def test_cli_writes_one_file(tmp_path: Path) -> None:
    output = tmp_path / "rapport.html"
    code, out, err = run_cli(
        "check", *map(str, LOCAL_AGREEMENTS), "--format", "html", "--output", str(output),
        "--as-of", AS_OF, "--jobs", "1", "--no-cache",
    )  # fmt: skip
    assert code in (0, 1), err
    assert out == ""
    page = output.read_text(encoding="utf-8")
    assert not NETWORK.search(page)
    report = check_json(*LOCAL_AGREEMENTS)
    expected = sum(len(f["findings"]) for f in report["files"])
    assert page.count('<section class="finding') == expected


def test_renders_in_headless_chromium(tmp_path: Path) -> None:
    browser = chromium()
    report = synthetic_report()
    page = tmp_path / "report.html"
    page.write_text(render_html(report), encoding="utf-8")
    done = headless(browser, tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    for number, result in enumerate(report.results, 1):
        assert f'id="doc-{number}"' in dom
        for index, finding in enumerate(result.findings, 1):
            assert re.search(rf'id="doc-{number}-{index}" data-rule="{finding.rule}"', dom)
    assert "<mark>bilaga 3</mark>" in dom
    pdf = tmp_path / "report.pdf"
    printed = headless(browser, tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                       page.as_uri())  # fmt: skip
    assert printed.returncode == 0 and pdf.read_bytes().startswith(b"%PDF")


LAYOUT_PROBE = """<script>
const table = document.querySelector("table.overview");
const box = table.parentElement;
const parts = [...table.querySelectorAll(".path-part")];
const layout = {
  tableWidth: table.scrollWidth, boxWidth: box.clientWidth,
  pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth,
  headersRight: Math.max(...[...table.querySelectorAll("th")].map(
    (th) => th.getBoundingClientRect().right)),
  brokenParts: parts.filter((p) => p.getClientRects().length > 1).map((p) => p.textContent),
};
document.body.setAttribute("data-layout", JSON.stringify(layout));
</script>"""


def test_overview_fits_1024_px_and_paths_wrap_only_at_slashes(tmp_path: Path) -> None:
    """Issue 15: at 1024 px the TPL, PRI and TXT columns hid behind a scroll, paths broke
    mid-word and unreadable files made the table overflow. Measured in Chromium."""
    import dataclasses
    import json

    from lint.pipeline import FileError, FileResult

    browser = chromium()
    report = synthetic_report()
    long_error = FileResult(
        "arkiv/2019/stadsdelsforvaltningar/norrmalm/skannade-original/norrmalm-lokal-overenskommelse-2019-signerad.pdf",
        "unknown",
        FileError("no_text_layer", "Skannad."),
    )  # fmt: skip
    report = dataclasses.replace(report, results=(*report.results, long_error, long_error))
    html = render_html(report)
    page = tmp_path / "report.html"
    page.write_text(html.replace("</body>", LAYOUT_PROBE + "</body>"), encoding="utf-8")
    size = "--window-size=1024,900"
    done = headless(browser, tmp_path, size, "--hide-scrollbars", "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    raw = re.search(r'data-layout="([^"]*)"', done.stdout)
    assert raw, done.stdout[:500]
    layout = json.loads(unescape(raw.group(1)))
    assert layout["tableWidth"] <= layout["boxWidth"], layout  # no column behind a scroll
    assert layout["headersRight"] <= layout["viewport"], layout
    assert layout["pageWidth"] <= layout["viewport"], layout
    assert layout["brokenParts"] == [], layout  # breaks only between path parts, at "/"
    shot = tmp_path / "overview-1024.png"
    taken = headless(browser, tmp_path, size, "--hide-scrollbars", f"--screenshot={shot}",
                     (tmp_path / "report.html").as_uri())  # fmt: skip
    assert taken.returncode == 0 and shot.read_bytes().startswith(b"\x89PNG")


def test_overview_legend_explains_groups_and_marks_on_paper() -> None:
    page = render_html(synthetic_report())
    legend = page[page.index('<dl class="legend">') : page.index("</dl>", page.index("legend"))]
    assert "<dt>ANX</dt><dd>bilagor (ANX001–ANX005)</dd>" in legend
    assert "<dt>0</dt><dd>granskat, inga avvikelser</dd>" in legend
    assert "<dt>–</dt><dd>ej tillämpligt" in legend
    assert "norrm" not in page or "word-break: break-all" not in page
    assert "word-break: break-all" not in page
