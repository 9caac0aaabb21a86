"""`samlint serve`: the form, the answer page, downloads and the safety promises."""

from __future__ import annotations

import io
import json
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx2 as httpx
import pytest
from pypdf import PdfReader
from starlette.testclient import TestClient

from lint.serve.app import content_disposition, display_name
from tests.annotate.helpers import comments
from tests.conftest import AS_OF, SEEDS

SKARPNACK_PDF = SEEDS / "skarpnack-local-agreement-2020.pdf"
OSTERMALM_DOCX = SEEDS / "ostermalm-local-agreement-2021.docx"
FIELDS = {"stage": "undertecknad", "lang": "sv", "as_of": AS_OF}


def _upload(client, *files: tuple[str, bytes], **fields: str) -> httpx.Response:
    return client.post(
        "/granska",
        data={**FIELDS, **fields},
        files=[("files", (name, data, "application/octet-stream")) for name, data in files],
    )


def test_form_works_without_javascript(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert 'method="post" action="/granska" enctype="multipart/form-data"' in html
    assert 'type="file" id="files" name="files" multiple' in html
    assert 'name="stage" value="utkast"' in html and 'value="undertecknad" checked' in html
    assert 'name="lang"' in html and 'name="as_of"' in html
    assert '<html lang="sv">' in html  # Swedish by default
    assert page.headers["content-security-policy"].startswith("default-src 'none'")


def test_upload_shows_findings_and_offers_downloads(client: TestClient) -> None:
    answer = _upload(
        client,
        (SKARPNACK_PDF.name, SKARPNACK_PDF.read_bytes()),
        (OSTERMALM_DOCX.name, OSTERMALM_DOCX.read_bytes()),
    )
    assert answer.status_code == 200, answer.text
    html = answer.text
    for rule in ("ANX002", "PTY003", "SIG001", "ANX004"):
        assert rule in html
    assert SKARPNACK_PDF.name in html and OSTERMALM_DOCX.name in html
    links = dict(
        (href.rsplit("/", 1)[1], href) for href in _hrefs(html) if href.startswith("/hamta/")
    )
    assert set(links) == {"1.pdf", "2.docx", "rapport.json", "rapport.html"}
    pdf = client.get(links["1.pdf"])
    assert pdf.headers["content-type"] == "application/pdf"
    assert "skarpnack-local-agreement-2020.samlint.pdf" in pdf.headers["content-disposition"]
    annotations = [
        a for page in PdfReader(io.BytesIO(pdf.content)).pages for a in page.get("/Annots") or []
    ]
    assert len(annotations) == 4
    assert len(comments(client.get(links["2.docx"]).content)) == 4
    report = json.loads(client.get(links["rapport.json"]).content)
    assert report["stage"] == "signed" and report["as_of"] == AS_OF
    assert [f["path"] for f in report["files"]] == [SKARPNACK_PDF.name, OSTERMALM_DOCX.name]
    assert (
        client.get(links["1.pdf"].replace(links["1.pdf"].split("/")[2], "x" * 24)).status_code
        == 404
    )


def _hrefs(html: str) -> list[str]:
    import re

    return re.findall(r'href="([^"]+)"', html)


def test_options_reach_the_check(client: TestClient) -> None:
    draft = _upload(
        client,
        ("avtal.txt", (SEEDS / "ostermalm-local-agreement-2021.txt").read_bytes()),
        stage="utkast",
        lang="en",
    )
    assert draft.status_code == 200
    report = json.loads(
        client.get(next(h for h in _hrefs(draft.text) if h.endswith("rapport.json"))).content
    )
    assert report["stage"] == "draft"
    sig = [f for f in report["files"][0]["findings"] if f["rule"] == "SIG001"]
    assert sig and sig[0]["severity"] == "info"  # missing signatures are only info on a draft
    assert "has no signatures" in sig[0]["message"] or "signature" in sig[0]["message"]
    bad_date = _upload(client, ("avtal.txt", b"text"), as_of="igår")
    assert bad_date.status_code == 400 and "ÅÅÅÅ-MM-DD" in bad_date.text


def test_hostile_files_get_coded_errors(client: TestClient) -> None:
    answer = _upload(
        client,
        ("trasig.pdf", b"%PDF-1.7\n" + os.urandom(2000)),
        ("program.exe", b"MZ\x90\x00" + os.urandom(100)),
        ("tom.txt", b""),
    )
    assert answer.status_code == 200
    for code in ("[corrupt]", "[unsupported_format]", "[empty]"):
        assert code in answer.text


def test_sixty_megabytes_get_413(client: TestClient) -> None:
    big = b"%PDF-1.7\n" + b"0" * (60 * 1024 * 1024)
    answer = _upload(client, ("stor.pdf", big))
    assert answer.status_code == 413
    assert "för stor" in answer.text and "50 MB" in answer.text


def test_a_body_growing_past_the_limit_gets_413(client: TestClient) -> None:
    def chunks():  # no Content-Length: the limit is counted as the body arrives
        boundary = b"--samlint\r\n"
        yield boundary + b'Content-Disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n'
        for _ in range(60):
            yield b"0" * (1024 * 1024)
        yield b"\r\n--samlint--\r\n"

    answer = client.post(
        "/granska",
        content=chunks(),
        headers={"Content-Type": "multipart/form-data; boundary=samlint"},
    )
    assert answer.status_code == 413
    assert "för stor" in answer.text


def test_client_file_names_never_touch_the_disk(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temp = tmp_path / "tmp"
    work = tmp_path / "a" / "b" / "c"
    temp.mkdir()
    work.mkdir(parents=True)
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    monkeypatch.chdir(work)
    answer = _upload(client, ("../../x.pdf", SKARPNACK_PDF.read_bytes()))
    assert answer.status_code == 200
    assert "ANX002" in answer.text
    assert "<h2>x.pdf</h2>" in answer.text or ">x.pdf<" in answer.text
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]  # nothing written, nothing left
    assert list(temp.iterdir()) == []


def test_display_names_are_only_shown() -> None:
    assert display_name("../../x.pdf", 1) == "x.pdf"
    assert display_name("C:\\Users\\a\\avtal.docx", 1) == "avtal.docx"
    assert display_name("..", 3) == "fil-3"
    assert display_name("<script>.pdf", 1) == "_script_.pdf"
    header = content_disposition('Överenskommelse "ny".pdf')
    assert header.startswith('attachment; filename="_verenskommelse _ny_.pdf"')
    assert "filename*=UTF-8''%C3%96verenskommelse%20%22ny%22.pdf" in header


def test_concurrent_uploads_do_not_mix(server_url: str) -> None:
    files = {
        "a.pdf": SKARPNACK_PDF.read_bytes(),
        "b.txt": (SEEDS / "ostermalm-local-agreement-2021.txt").read_bytes(),
    }

    def post(name: str) -> str:
        with httpx.Client(base_url=server_url, timeout=120) as http:
            answer = http.post("/granska", data=FIELDS, files=[("files", (name, files[name]))])
            answer.raise_for_status()
            return answer.text

    with ThreadPoolExecutor(4) as pool:
        names = ["a.pdf", "b.txt"] * 2
        pages = list(pool.map(post, names))
    for name, page in zip(names, pages, strict=True):
        other = "b.txt" if name == "a.pdf" else "a.pdf"
        assert f'title="{name}"' in page and f'title="{other}"' not in page
        assert ("PTY003" in page) == (name == "a.pdf")  # Skarpnäck's, not Östermalm's
        assert ("TXT001" in page) == (name == "b.txt")


def test_only_loopback_host_names(server_url: str) -> None:
    with httpx.Client(base_url=server_url) as http:
        assert http.get("/").status_code == 200
        assert http.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_serve_binds_to_loopback_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from tests.conftest import run_cli

    called = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: called.update(kw, app=app))
    code, out, _ = run_cli("serve")
    assert code == 0
    assert called["host"] == "127.0.0.1" and called["port"] == 8765
    assert "http://127.0.0.1:8765/" in out


def test_serve_without_its_extras_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from tests.conftest import run_cli

    monkeypatch.setitem(sys.modules, "uvicorn", None)  # as if not installed
    code, _, err = run_cli("serve")
    assert code == 2
    assert "pip install 'samverkan-lint[serve]'" in err


def crash(*args: object) -> None:
    """A worker that dies as a library crashing on a hostile file would."""
    os._exit(1)


def test_a_crashing_worker_costs_only_its_files(tmp_path: Path) -> None:
    import asyncio

    from lint.check import Settings
    from lint.pack import load_pack
    from lint.pipeline import RunOptions
    from lint.serve.app import Checker
    from lint.serve.work import check_upload

    options = RunOptions(settings=Settings(as_of=AS_OF), use_cache=False)
    checker = Checker(load_pack("stockholm-2019"), 1, work=crash)
    checker.start()
    try:
        (outcome,) = asyncio.run(checker.run([("ingen.pdf", "a.pdf")], options))
        assert outcome[0].path == "a.pdf" and outcome[0].error.code == "internal"
        checker.work = check_upload  # the next request gets a fresh pool
        path = tmp_path / "1.pdf"
        path.write_bytes(SKARPNACK_PDF.read_bytes())
        (outcome,) = asyncio.run(checker.run([(str(path), "b.pdf")], options))
        assert outcome[0].error is None and outcome[0].findings
    finally:
        checker.stop()
