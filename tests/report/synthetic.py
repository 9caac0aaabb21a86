"""Synthetic results for the report tests: real seed documents with planted findings.

Many rules have no check function yet, so the reports are tested on findings built here the
way the engine builds them (span → located by the document's source, message from the pack).
"""

from __future__ import annotations

from functools import cache

from lint.analyze import analyze
from lint.check import Finding
from lint.model import Document, Span
from lint.pack import Pack, load_pack
from lint.pipeline import FileError, FileResult, read_source
from lint.read import ReadLimits
from lint.report import RunReport
from tests.conftest import AS_OF, OSTERMALM, SKARPNACK, SODERMALM_MEMO


@cache
def _pack() -> Pack:
    return load_pack("stockholm-2019")


@cache
def document(path: str) -> Document:
    return analyze(read_source(path, ReadLimits()), _pack())


def finding(
    doc: Document,
    rule_id: str,
    needle: str,
    message: str,
    suggestion: str | None = None,
    severity: str | None = None,
    occurrence: int = 0,
) -> Finding:
    """A finding of RULE_ID on the OCCURRENCE-th `needle` in the document's text."""
    rule = _pack().rule(rule_id)
    assert rule is not None, rule_id
    start = -1
    for _ in range(occurrence + 1):
        start = doc.source.text.index(needle, start + 1)
    span = Span(start, start + len(needle))
    return Finding(
        rule=rule.id,
        name=rule.name,
        severity=severity or rule.severity,
        span=span,
        location=doc.source.locate(span),
        suggestion=suggestion,
        citation=rule.citation,
        texts={"sv": message},  # a planted message, the same in every language
    )


def skarpnack_result() -> FileResult:
    doc = document(str(SKARPNACK))
    findings = (
        finding(
            doc,
            "ANX002",
            "bilaga 3",
            'Meningen hänvisar till bilaga 3 för lägesbilden, men bilaga 3 är "Uppföljningsplan".',
            suggestion="bilaga 1",
        ),
        finding(doc, "GRP002", "Lokal styrgrupp", "Styrgruppens mötesfrekvens anges inte.<&>"),
        finding(doc, "TPL002", "Information", "Avsnittet Information står i annan ordning."),
    )
    return FileResult(str(SKARPNACK), "local_agreement", None, findings, doc)


def ostermalm_pdf_result() -> FileResult:
    path = str(OSTERMALM.with_suffix(".pdf"))
    doc = document(path)
    text = doc.source.text
    needle = (
        "lokalpolsområde"
        if "lokalpolsområde" in text
        else doc.source.line_text(doc.source.lines[10])
    )
    findings = (
        finding(
            doc,
            "TXT001",
            needle,
            "Stavfel: lokalpolsområde (lokalpolisområde?)",
            suggestion="lokalpolisområde",
        ),
        finding(
            doc,
            "SIG001",
            doc.source.line_text(doc.source.lines[-1]).strip() or text[-20:],
            "Utbildningsförvaltningen saknar underskrift.",
        ),
    )
    return FileResult(path, "local_agreement", None, findings, doc)


def memo_result() -> FileResult:
    doc = document(str(SODERMALM_MEMO))
    return FileResult(str(SODERMALM_MEMO), "memo", None, (), doc)


def unreadable_result() -> FileResult:
    return FileResult(
        "arkiv/skannad.pdf",
        "unknown",
        FileError("no_text_layer", "PDF-filen saknar text (troligen en inskannad bild)."),
    )


def synthetic_report(lang: str = "sv", verbose: bool = False, stage: str = "signed") -> RunReport:
    results = (skarpnack_result(), ostermalm_pdf_result(), memo_result(), unreadable_result())
    return RunReport(results, _pack(), AS_OF, stage, lang, verbose)
