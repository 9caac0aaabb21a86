"""Shared helpers of the annotate and serve tests."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from lint.check import Settings
from lint.pack import Pack
from lint.pipeline import FileResult, RunOptions, check_file
from tests.conftest import AS_OF

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def checked(path: Path, pack: Pack) -> FileResult:
    options = RunOptions(settings=Settings(as_of=AS_OF), use_cache=False)
    result = check_file(str(path), pack, options)
    assert result.error is None, result.error
    return result


def docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def anchored_texts(data: bytes) -> dict[str, str]:
    """Comment id → the text between its commentRangeStart and commentRangeEnd."""
    root = etree.fromstring(docx_parts(data)["word/document.xml"])
    open_ids: list[str] = []
    texts: dict[str, str] = {}
    for element in root.iter():
        if element.tag == f"{W}commentRangeStart":
            open_ids.append(element.get(f"{W}id"))
            texts[element.get(f"{W}id")] = ""
        elif element.tag == f"{W}commentRangeEnd":
            open_ids.remove(element.get(f"{W}id"))
        elif element.tag in (f"{W}t", f"{W}tab", f"{W}p"):
            piece = {f"{W}t": element.text or "", f"{W}tab": "\t"}.get(element.tag, "\n")
            for comment_id in open_ids:
                texts[comment_id] += piece
    return texts


def comments(data: bytes) -> list[tuple[str, str]]:
    """(author, text) of every comment in the comments part."""
    root = etree.fromstring(docx_parts(data)["word/comments.xml"])
    return [
        (c.get(f"{W}author"), "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")))
        for c in root.iter(f"{W}comment")
    ]


def normalized_body(xml: bytes) -> bytes:
    """document.xml without comment anchors, with adjacent runs of equal formatting merged:
    what is left is every paragraph's text and formatting, and everything else verbatim."""
    root = etree.fromstring(xml)
    for tag in ("commentRangeStart", "commentRangeEnd"):
        for element in list(root.iter(f"{W}{tag}")):
            element.getparent().remove(element)
    for reference in list(root.iter(f"{W}commentReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    for parent in {run.getparent() for run in root.iter(f"{W}r")}:
        _merge_runs(parent)
    return etree.tostring(root, method="c14n")


def _merge_runs(parent: etree._Element) -> None:
    previous = None
    for child in list(parent):
        if child.tag != f"{W}r":
            previous = None
            continue
        if previous is not None and _props(previous) == _props(child):
            for content in [c for c in child if c.tag != f"{W}rPr"]:
                previous.append(content)
            parent.remove(child)
        else:
            previous = child
    for run in parent.iter(f"{W}r"):  # adjacent text nodes become one
        last = None
        for content in list(run):
            if content.tag == f"{W}t" and last is not None and last.tag == f"{W}t":
                last.text = (last.text or "") + (content.text or "")
                run.remove(content)
            else:
                last = content
        for text in run.iter(f"{W}t"):
            text.attrib.pop(XML_SPACE, None)


def _props(run: etree._Element) -> bytes:
    props = run.find(f"{W}rPr")
    return b"" if props is None else etree.tostring(props, method="c14n")


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")
