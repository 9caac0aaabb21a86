"""`samlint extract`: the document model as JSON or as readable text."""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from lint.model import Document, SourceText, Span


def _plain(value: Any, source: SourceText) -> Any:
    if isinstance(value, Span):
        return _span_dict(value, source)
    if isinstance(value, Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name), source) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v, source) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v, source) for k, v in value.items()}
    return value


def _span_dict(span: Span, source: SourceText) -> dict[str, Any]:
    loc = source.locate(span)
    return {"start": span.start, "end": span.end, "page": loc.page, "line": loc.line}


def document_dict(document: Document) -> dict[str, Any]:
    source = document.source
    model = {
        f.name: _plain(getattr(document, f.name), source)
        for f in dataclasses.fields(document)
        if f.name not in ("source", "sentences")
    }
    return {
        "path": source.path,
        "format": source.format,
        "skipped_pages": list(source.skipped_pages),
        **model,
        "lines": [
            {"number": line.number, "page": line.page, "text": source.line_text(line)}
            for line in source.lines
        ],
    }


def render_model_json(document: Document) -> str:
    return json.dumps(document_dict(document), ensure_ascii=False, indent=2) + "\n"


def render_model_text(document: Document) -> str:
    source = document.source
    out = [f"{source.path} ({source.format}) kind={document.kind.value}", "", "Sections:"]
    for section in document.sections:
        line = source.line_at(section.heading.start).number
        by = f", by {section.named_by}" if section.named_by != "heading" else ""
        key = f" [{section.template_key}{by}]" if section.template_key else ""
        out.append(f"  {'  ' * (section.level - 1)}{line:>4}  {section.title}{key}")
    for name in (
        "parties",
        "defined_terms",
        "copies",
        "org_numbers",
        "annexes",
        "annex_references",
        "groups",
        "revisions",
        "validity",
        "dates",
        "signatures",
        "priority_areas",
    ):
        items = getattr(document, name, ())
        out.append(f"\n{name} ({len(items)}):")
        for item in items:
            data = _plain(item, source)
            out.append(f"  {json.dumps(data, ensure_ascii=False)}")
    out.append("\nText:")
    for line in source.lines:
        page = f"p{line.page} " if line.page is not None else ""
        out.append(f"{page}{line.number:>4} | {source.line_text(line)}")
    return "\n".join(out) + "\n"
