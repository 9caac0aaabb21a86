"""Any producer, same findings: every committed rendering in corpus/renderings/ against its text.

`corpus/renderings/<producer>/<path>.<pdf|docx>` is the agreement `corpus/<path>.txt` (the
source text of a Stockholm document or variant, or the plain-text version generated from a
Markdown source) exported by a real producer (`scripts/renderings.py`, `make renderings`).
The tests read only the committed files, so they need neither LibreOffice nor Chromium.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import CORPUS, ROOT, check_json

RENDERINGS = CORPUS / "renderings"
PRODUCERS = ("word", "libreoffice", "chromium", "reportlab")
RULE_GROUPS = ("ANX", "GRP", "REV", "SCH", "PTY", "SIG", "DAT", "TPL", "PRI", "TXT")


def renderings() -> list[Path]:
    return sorted(
        p for p in RENDERINGS.glob("*/**/*") if p.is_file() and p.suffix in (".pdf", ".docx")
    )


def text_version(rendering: Path) -> Path:
    """corpus/renderings/<producer>/<path>.pdf -> corpus/<path>.txt"""
    rel = rendering.relative_to(RENDERINGS)
    return CORPUS.joinpath(*rel.parts[1:]).with_suffix(".txt")


@functools.cache
def national_pack_available() -> bool:
    try:
        from lint.pack import load_pack

        load_pack("national")
    except Exception:
        return False
    return True


@functools.cache
def _labels(folder: Path) -> dict[str, dict[str, Any]]:
    labels = folder / "labels.yaml"
    if not labels.exists():
        return {}
    cases = yaml.safe_load(labels.read_text(encoding="utf-8")) or []
    return {case["file"]: case for case in cases}


def case_args(text: Path) -> tuple[str, ...]:
    """The case's `args` from its labels.yaml, and `--pack national` for the national set
    (once that pack exists)."""
    args = tuple(_labels(text.parent).get(text.name, {}).get("args", ()))
    is_national = text.parent == CORPUS / "national"
    if is_national and "--pack" not in args and national_pack_available():
        args += ("--pack", "national")
    return args


# A message may name where something else stands ("… "maj 2015" (rad 25) och …"); lines and
# pages differ between layouts, so those numbers are not compared.
_WHERE = re.compile(r"\b(rad|raden|raderna|sida|sidan|line|lines|page)\s+\d+", re.IGNORECASE)


def message_key(message: str) -> str:
    return _WHERE.sub(lambda m: f"{m.group(1)} N", message)


def finding_set(entry: dict[str, Any]) -> Counter[tuple[str, str, str]]:
    return Counter((f["rule"], f["severity"], message_key(f["message"])) for f in entry["findings"])


@functools.cache
def _text_entry(text: Path, args: tuple[str, ...]) -> dict[str, Any]:
    return check_json(text, extra=args)["files"][0]


def _ids() -> list[Any]:
    return [pytest.param(path, id=str(path.relative_to(RENDERINGS))) for path in renderings()]


@pytest.mark.parametrize("rendering", _ids())
def test_rendering_has_the_findings_of_its_text(rendering: Path) -> None:
    text = text_version(rendering)
    assert text.exists(), f"no text version {text.relative_to(ROOT)}"
    args = case_args(text)
    expected = _text_entry(text, args)
    entry = check_json(rendering, extra=args)["files"][0]
    assert entry["error"] is None, entry["error"]
    got, want = set(finding_set(entry)), set(finding_set(expected))
    missing = sorted(want - got)
    extra = sorted(got - want)
    assert not missing and not extra, _describe(missing, extra)


def _describe(missing: list[tuple[str, str, str]], extra: list[tuple[str, str, str]]) -> str:
    lines = ["findings differ from the text version:"]
    lines += [f"  missing {r} {s}: {m}" for r, s, m in missing]
    lines += [f"  extra   {r} {s}: {m}" for r, s, m in extra]
    return "\n".join(lines)


# --- what is committed ----------------------------------------------------------------------


def test_every_producer_rendered_the_same_documents() -> None:
    by_producer = {
        producer: {
            text_version(p).relative_to(CORPUS) for p in (RENDERINGS / producer).rglob("*.*")
        }
        for producer in PRODUCERS
    }
    assert all(by_producer.values()), "a producer has no renderings"
    first = by_producer[PRODUCERS[0]]
    for producer, documents in by_producer.items():
        assert documents == first, f"{producer} differs: {sorted(documents ^ first)[:5]}"


def test_the_stockholm_agreements_are_rendered() -> None:
    rendered = {text_version(p) for p in renderings()}
    for name in (
        "skarpnack-local-agreement-2020.txt",
        "ostermalm-local-agreement-2021.txt",
        "overarching-agreement-2019.txt",
    ):
        assert CORPUS / "stockholm" / name in rendered, name


def test_variants_cover_every_rule_group() -> None:
    variants = {t for t in map(text_version, renderings()) if "variants" in t.parts}
    assert len(variants) >= 20
    planted = set()
    compliant = 0
    for text in variants:
        case = _labels(text.parent).get(text.name)
        assert case is not None, f"{text} has no label"
        rules = {e["rule"][:3] for e in case.get("expect", ())}
        planted |= rules
        compliant += not rules
    assert set(RULE_GROUPS) <= planted
    assert compliant >= 3


def test_markdown_text_versions_are_current() -> None:
    """The committed .txt beside each Markdown source is what the generator writes now."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from renderings import doc_from_markdown, to_text

    sources = sorted((CORPUS / "drafted").glob("*/*.md")) + sorted(
        (CORPUS / "national").glob("*.md")
    )
    stale = []
    for source in sources:
        doc = doc_from_markdown(source, source.relative_to(CORPUS), 0)
        text = source.with_suffix(".txt")
        if not text.exists() or text.read_text(encoding="utf-8") != to_text(doc):
            stale.append(str(source.relative_to(CORPUS)))
    assert not stale, f"run `make renderings`: stale text versions {stale}"
