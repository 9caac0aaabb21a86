"""The labelled variants in corpus/variants: planted deviations are found, compliant text is not.

Each `corpus/variants/<area>/labels.yaml` lists cases:

    - file: skarpnack-anx-unresolved.txt
      note: why this case exists
      expect:                       # planted deviations: each must be reported
        - {rule: ANX001, excerpt: "bilaga 9"}   # excerpt: a substring of the finding's excerpt
      absent: [ANX002, ANX004]      # rules that must not be reported (compliant rewordings)
      formats: [txt, pdf, docx]     # each case is checked as text and as renderings (default all)
      args: ["--stage", "draft"]    # extra command-line options (optional)
      kind: memo                    # the expected kind (default local_agreement)

`absent` may be `all` to demand no finding at all at error or warning level, or `others`
to demand none at those levels except the expected rules.

The drafted sets (`corpus/drafted/<set>/labels.yaml`, `corpus/national/labels.yaml`) label
Markdown sources by their generated `.txt`; each case is checked on that text and on every
committed rendering of it in `corpus/renderings/<producer>/` (see tests/test_renderings.py).
The national set is checked with `--pack national` (expected to fail until that pack exists).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CORPUS, ROOT, check_json

sys.path.insert(0, str(ROOT / "scripts"))
from render_corpus import render_docx, render_pdf

VARIANTS = CORPUS / "variants"
RENDERINGS = CORPUS / "renderings"
NATIONAL = CORPUS / "national"
ALL_FORMATS = ("txt", "pdf", "docx")


def _cases() -> list[Any]:
    params = []
    for labels in sorted(VARIANTS.glob("*/labels.yaml")):
        for case in yaml.safe_load(labels.read_text(encoding="utf-8")) or []:
            for fmt in case.get("formats", ALL_FORMATS):
                case_id = f"{labels.parent.name}/{case['file']}[{fmt}]"
                params.append(pytest.param(labels.parent / case["file"], case, fmt, id=case_id))
    return params


def _materialize(source: Path, fmt: str, tmp_path: Path) -> Path:
    if fmt == "txt":
        return source
    target = tmp_path / f"{source.stem}.{fmt}"
    text = source.read_text(encoding="utf-8")
    (render_pdf if fmt == "pdf" else render_docx)(text, target)
    return target


@pytest.mark.parametrize(("source", "case", "fmt"), _cases())
def test_labelled_variant(source: Path, case: dict[str, Any], fmt: str, tmp_path: Path) -> None:
    path = _materialize(source, fmt, tmp_path)
    check_case(path, case, tuple(case.get("args", ())))


def check_case(path: Path, case: dict[str, Any], args: tuple[str, ...]) -> None:
    report = check_json(path, extra=args)
    entry = report["files"][0]
    assert entry["error"] is None, entry["error"]
    findings = entry["findings"]
    # An unrecognised document gets no agreement findings, so `absent` alone proves nothing.
    assert entry["kind"] == case.get("kind", "local_agreement")
    for expected in case.get("expect", ()):
        hits = [f for f in findings if f["rule"] == expected["rule"]]
        if "excerpt" in expected:
            hits = [f for f in hits if expected["excerpt"].lower() in _context(f).lower()]
        if "suggestion" in expected:
            hits = [f for f in hits if f["suggestion"] == expected["suggestion"]]
        assert hits, f"{expected} not reported; got {_summary(findings)}"
    absent = case.get("absent", ())
    if absent in ("all", "others"):
        allowed = {e["rule"] for e in case.get("expect", ())} if absent == "others" else set()
        loud = [
            f
            for f in findings
            if f["severity"] in ("error", "warning") and f["rule"] not in allowed
        ]
        assert not loud, f"unexpected findings: {_summary(loud)}"
    else:
        wrong = [f for f in findings if f["rule"] in absent]
        assert not wrong, f"false alarms: {_summary(wrong)}"


def _national_pack_available() -> bool:
    try:
        from lint.pack import load_pack

        load_pack("national")
    except Exception:
        return False
    return True


def _drafted_cases() -> list[Any]:
    """Each labelled drafted document as its .txt and as every committed rendering of it."""
    label_files = sorted((CORPUS / "drafted").glob("*/labels.yaml"))
    if (NATIONAL / "labels.yaml").exists():
        label_files.append(NATIONAL / "labels.yaml")
    national_marks = (
        []
        if _national_pack_available()
        else [pytest.mark.xfail(strict=False, reason="national pack not yet built")]
    )
    params = []
    for labels in label_files:
        national = labels.parent == NATIONAL
        for case in yaml.safe_load(labels.read_text(encoding="utf-8")) or []:
            text = labels.parent / case["file"]
            rel = text.relative_to(CORPUS)
            targets = [("txt", text)] + [
                (producer.name, rendering)
                for producer in sorted(p for p in RENDERINGS.glob("*") if p.is_dir())
                for rendering in (
                    producer / rel.with_suffix(".pdf"),
                    producer / rel.with_suffix(".docx"),
                )
                if rendering.exists()
            ]
            args = tuple(case.get("args", ()))
            if national and "--pack" not in args:
                args += ("--pack", "national")
            for fmt, path in targets:
                params.append(
                    pytest.param(
                        path,
                        case,
                        args,
                        id=f"{rel.with_suffix('')}[{fmt}]",
                        marks=national_marks if national else [],
                    )
                )
    return params


@pytest.mark.parametrize(("path", "case", "args"), _drafted_cases())
def test_labelled_drafted_document(path: Path, case: dict[str, Any], args: tuple[str, ...]) -> None:
    assert path.exists(), f"{path} missing: run `make renderings`"
    check_case(path, case, args)


def _context(finding: dict[str, Any]) -> str:
    # PDF lines wrap differently from the text, so match across the excerpt and the message.
    return " ".join((finding["location"]["excerpt"], finding["message"]))


def _summary(findings: list[dict[str, Any]]) -> list[str]:
    return [
        f"{f['rule']}@{f['location']['line']}: {f['location']['excerpt'][:60]}" for f in findings
    ]


def test_there_are_labelled_variants_for_every_area() -> None:
    areas = {p.parent.name for p in VARIANTS.glob("*/labels.yaml")}
    assert {"annexes", "organisation", "parties", "dates"} <= areas
