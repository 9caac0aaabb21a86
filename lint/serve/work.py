"""What a worker process does with one uploaded file: check it and annotate a copy."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lint.pack import Pack
from lint.pipeline import FileResult, RunOptions, check_file

_PACK: Pack | None = None


def init_worker(pack: Pack) -> None:
    global _PACK
    _PACK = pack


def check_upload(
    path: str, display_name: str, options: RunOptions, pack: Pack | None = None
) -> tuple[FileResult, str | None, bytes | None]:
    """(result under the display name, suffix and content of the annotated copy or None).

    `path` is a generated name in a temporary folder; the client's file name is used only
    as the name shown in the report.
    """
    pack = pack or _PACK
    assert pack is not None
    result = check_file(path, pack, options)
    if result.document is not None:
        result = replace(
            result,
            path=display_name,
            document=replace(
                result.document, source=replace(result.document.source, path=display_name)
            ),
        )
    else:
        result = replace(result, path=display_name)
    if result.error is not None or result.document is None:
        return result, None, None
    fmt = result.document.source.format
    lang = options.settings.lang
    try:
        if fmt == "docx":
            from lint.annotate.docx import annotate_docx

            return result, ".docx", annotate_docx(Path(path).read_bytes(), result, lang)
        if fmt == "pdf":
            from lint.annotate.pdf import annotate_pdf

            return result, ".pdf", annotate_pdf(Path(path).read_bytes(), result, lang)
    except Exception:  # the report stands even when a copy cannot be annotated
        return result, None, None
    return result, None, None
