"""Render the corpus the way real producers do: Word, LibreOffice, Chromium and ReportLab.

Every input becomes one document model (headings, paragraphs, lists, tables, a signature
table, page breaks) and is rendered by each producer into
``corpus/renderings/<producer>/<path relative to corpus/ with the producer's suffix>``:

- ``word``: a DOCX made with python-docx plus raw WordprocessingML where python-docx has no
  API: Title/Heading styles (or Normal-style / bold Normal headings), real list numbering
  from numbering.xml (abstractNum + num, decimal "%1.", Symbol bullets U+F0B7, every list
  restarts), bordered tables, a borderless signature table, a running header and a footer
  with PAGE/NUMPAGES fields.
- ``libreoffice``: that DOCX exported by ``soffice --headless --convert-to pdf``.
- ``chromium``: an HTML page (serif, justified, ``<ol>``/``<ul>`` with drawn bullets,
  tables, a two-column signature table, page numbers in @page margin boxes) printed by
  ``chromium --headless --print-to-pdf``.
- ``reportlab``: ReportLab platypus, standard Helvetica for half the documents and an
  embedded DejaVu Sans for the other half, header and footer with page numbers.

Inputs:

- plain-text agreements (``corpus/stockholm/*.txt`` and the labelled variants listed in
  ``VARIANTS``): structure is inferred with the heuristics of ``render_corpus.py``
  (template headings, bullet markers, "Bilaga N:" and "N." lines) plus signature blocks;
- Markdown sources (``corpus/drafted/<set>/*.md``, ``corpus/national/*.md``, see
  ``docs/renderings.md``): these also get their plain-text version ``<name>.txt`` beside
  them (what Word's "Save as plain text" gives). A set is rendered once its labels.yaml
  exists (``--all-md`` renders incomplete sets too).

Usage::

    python scripts/renderings.py                       # everything
    python scripts/renderings.py corpus/drafted/set-a  # some inputs (files or folders)
    python scripts/renderings.py --producers word,reportlab
    python scripts/renderings.py --txt-only            # only the .txt of Markdown sources
    python scripts/renderings.py SAMPLE.md --out /tmp/r  # outside corpus/: into --out

Output is deterministic where the producer allows: fixed dates and metadata, fixed zip
timestamps, and the PDF dates and IDs of LibreOffice and Chromium are overwritten.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import io
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from render_corpus import (
    FIXED_DATE,
    _normalized_zip,
    _set_core_properties,
    parse_blocks,
    split_runs,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = REPO_ROOT / "corpus"
RENDERINGS = CORPUS / "renderings"
PRODUCERS = ("word", "libreoffice", "chromium", "reportlab")
SUFFIX = {"word": ".docx", "libreoffice": ".pdf", "chromium": ".pdf", "reportlab": ".pdf"}
AUTHOR = "samlint renderings"

# Labelled variants rendered by every producer: planted and compliant cases of every rule
# group (ANX GRP REV SCH PTY SIG DAT TPL PRI TXT), from both seeds and the rewritten ones.
VARIANTS = (
    "annexes/skarpnack-anx-unresolved.txt",  # ANX001
    "annexes/ostermalm-anx-mismatch.txt",  # ANX002
    "annexes/skarpnack-anx-gap.txt",  # ANX003
    "annexes/ostermalm-anx-mixed-list.txt",  # ANX004
    "annexes/ostermalm-anx-missing-situation-picture.txt",  # ANX005
    "annexes/skarpnack-anx-roman-compliant.txt",  # compliant
    "organisation/skarpnack-grp001-no-school-chief.txt",  # GRP001 SCH002
    "organisation/ostermalm-grp002-no-meetings.txt",  # GRP002
    "organisation/skarpnack-grp003-no-municipal-police.txt",  # GRP003
    "organisation/skarpnack-grp005-no-preparatory-group.txt",  # GRP005
    "organisation/skarpnack-prose-members.txt",  # compliant
    "organisation/skarpnack-rev001-every-third-year.txt",  # REV001
    "organisation/ostermalm-rev002-every-second-year.txt",  # REV002
    "organisation/skarpnack-sch001-no-school.txt",  # SCH001
    "organisation/ostermalm-sch002-school-not-in-steering-group.txt",  # SCH002
    "parties/skarpnack-no-police.txt",  # PTY001
    "parties/ostermalm-copies-two.txt",  # PTY002
    "parties/farsta-traffic-office-other-party.txt",  # PTY003
    "parties/skarpnack-orgnr-checksum.txt",  # PTY004
    "parties/hagersten-two-police-areas.txt",  # compliant
    "dates/skarpnack-sig001-police-unsigned.txt",  # SIG001
    "dates/skarpnack-sig002-undated.txt",  # SIG002
    "dates/ostermalm-signed-compliant.txt",  # compliant
    "dates/skarpnack-dat001-no-validity.txt",  # DAT001
    "dates/skarpnack-dat002-expired.txt",  # DAT002
    "dates/ostermalm-dat003-month.txt",  # DAT003
    "template/skarpnack-tpl-missing-background.txt",  # TPL001
    "template/skarpnack-tpl-order.txt",  # TPL002
    "template/ostermalm-tpl-numbered.txt",  # compliant
    "template/ostermalm-pri-to-be-decided.txt",  # PRI001
    "template/ostermalm-pri-local-area.txt",  # PRI002
    "template/skarpnack-pri-bullets.txt",  # compliant
    "template/skarpnack-txt-planted.txt",  # TXT001 TXT002
    "compliant/farsta-four-parties-numbered.txt",
    "compliant/jarva-two-districts-bullets.txt",
    "compliant/hagersten-two-police-areas-pdf.txt",
    "compliant/skarholmen-trailing-signatures.txt",
)

# --- the document model ----------------------------------------------------------------


@dataclass
class Heading:
    level: int  # 1 title, 2 section, 3 subsection
    text: str


@dataclass
class Para:
    text: str
    tight: bool = False  # no space before it (a line of a stacked group)


@dataclass
class Item:
    level: int
    ordered: bool
    text: str
    number: int = 0  # computed for ordered items


@dataclass
class ListBlock:
    items: list[Item]

    @property
    def ordered(self) -> bool:
        return self.items[0].ordered


@dataclass
class Table:
    rows: list[list[list[str]]]  # row -> cell -> lines
    signatures: bool = False
    sign_line: bool = False  # draw a line to sign on where a cell's second line is empty
    # A Markdown signature table: each column one signatory (a header row naming the party,
    # a row with place, date, line, name and title); else each cell is one.
    by_column: bool = False


@dataclass
class PageBreak:
    pass


Block = Heading | Para | ListBlock | Table | PageBreak


@dataclass
class Doc:
    source: Path
    rel: Path  # path relative to corpus/ (or the file name for outside inputs)
    blocks: list[Block]
    options: dict[str, str] = field(default_factory=dict)
    index: int = 0  # position among all inputs, for the alternating styles

    @property
    def title(self) -> str:
        return next((_plain(b.text) for b in self.blocks if isinstance(b, Heading)), "")

    def opt(self, key: str, default: str = "") -> str:
        return self.options.get(key, default)


_BOLD = re.compile(r"\*\*(.+?)\*\*")


def _plain(text: str) -> str:
    return _BOLD.sub(r"\1", text)


def number_items(items: list[Item]) -> None:
    """Compute the numbers of ordered items per level, as Word's numbering does: the list
    starts at its first item's written number, a deeper level restarts under each parent."""
    counters: dict[int, int] = {}
    for position, item in enumerate(items):
        for deeper in [lvl for lvl in counters if lvl > item.level]:
            del counters[deeper]
        if item.level not in counters:
            first = item.number if position == 0 and item.ordered and item.number else 1
            counters[item.level] = first - 1
        counters[item.level] += 1
        item.number = counters[item.level] if item.ordered else 0


# --- plain text inputs -------------------------------------------------------------------

_PLACE_DATE = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäöÅÄÖé\-]+(?:\s[A-ZÅÄÖ][\wåäö\-]+)?,?\s+den\b"
    r"|[A-ZÅÄÖ][\wåäö\-]+,?\s+\d{4}-\d{2}-\d{2}\s*$"
    r"|[A-ZÅÄÖ][\wåäö\-]+,?\s+\d{1,2}\s+[a-zåäö]+\s+\d{4}\s*$)"
)
_ORT_DATUM = re.compile(r"^(?:Ort och datum|Datum och ort)\b", re.IGNORECASE)
_FOR_PARTY = re.compile(r"^För\s+\S")
_COPIES = re.compile(r"exemplar", re.IGNORECASE)
_NUMBERED = re.compile(r"^(\d{1,2})[.)]\s+(\S.*)$")


def _opener(line: str) -> str | None:
    line = line.strip()
    if _ORT_DATUM.match(line):
        return "ort"
    if _FOR_PARTY.match(line):
        return "for"
    if _PLACE_DATE.match(line):
        return "place"
    return None


def split_signatures(lines: list[str]) -> tuple[list[str], list[list[str]] | None]:
    """Split the text into body lines and signatory blocks (None when none are found).

    The signature area starts after the copies clause ("… likalydande exemplar …") or, without
    one, at the first place-and-date line of the last 60 lines. Each block starts with a line
    of the same kind as the first one ("Stockholm den …", "Ort och datum:", "För …").
    An empty line inside a block (the space for the handwritten signature) is kept as "".
    """
    start = None
    copies = [i for i, line in enumerate(lines) if _COPIES.search(line)]
    if copies:
        i = copies[-1]
        while i + 1 < len(lines) and lines[i + 1].strip() and _opener(lines[i + 1]) is None:
            i += 1  # the wrapped rest of the copies paragraph
        start = i + 1
    else:
        tail = max(0, len(lines) - 60)
        start = next((i for i in range(tail, len(lines)) if _opener(lines[i]) == "place"), None)
    if start is None:
        return lines, None
    region = lines[start:]
    first = next((i for i, line in enumerate(region) if line.strip()), None)
    if first is None:
        return lines, None
    kind = _opener(region[first])
    if kind is None:
        return lines, None
    blocks: list[list[str]] = []
    for line in region[first:]:
        if _opener(line) == kind:
            blocks.append([line.strip()])
        elif line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1][-1] != "" and len(blocks[-1]) == 1:
            blocks[-1].append("")  # the gap below the place and date, once
    blocks = [[ln for i, ln in enumerate(b) if ln or i < len(b) - 1] for b in blocks]
    if len(blocks) < 2 or any(len([ln for ln in b if ln]) > 8 for b in blocks):
        return lines, None
    return lines[:start], blocks


_SECTION_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+[A-ZÅÄÖ][^.:;!?]*$")


def _numbered_heading(previous: Any, block: Any, following: Any) -> int | None:
    """A short numbered line before body text ("4. Giltighetstid", "5.1 Styrgrupp") is a
    section heading that the template list does not know (level 2, or 3 for "N.N"),
    unless it continues the numbers of the list just above it."""
    if block.kind != "paragraph" or following is None or following.kind == "heading":
        return None
    match = _SECTION_HEADING.match(block.text)
    if not match or len(block.text.split()) > 7 or _NUMBERED.match(following.text):
        return None
    if re.match(r"^[IVXLC]+\.\s", following.text):
        return None
    above = _NUMBERED.match(previous.text) if previous is not None else None
    if above and match.group(1) == str(int(above.group(1)) + 1):
        return None
    return 3 if "." in match.group(1) else 2


def _lists_from(blocks: list[Any]) -> list[Block]:
    """render_corpus blocks to the model: bullets and runs of consecutive "N." paragraphs
    become lists (Word numbering); a number typed out of sequence stays text."""
    out: list[Block] = []
    pending: list[tuple[int, str]] = []  # numbered paragraphs waiting to become a list

    def flush() -> None:
        runs: list[list[tuple[int, str]]] = []
        for entry in pending:
            if runs and entry[0] == runs[-1][-1][0] + 1:
                runs[-1].append(entry)
            else:
                runs.append([entry])
        for run in runs:
            if len(run) >= 2:
                out.append(ListBlock([Item(0, True, text, n) for n, text in run]))
            else:
                out.extend(Para(f"{n}. {text}") for n, text in run)
        pending.clear()

    for previous, block, following in zip(
        [None, *blocks[:-1]], blocks, [*blocks[1:], None], strict=True
    ):
        level = _numbered_heading(previous, block, following)
        numbered = _NUMBERED.match(block.text) if block.kind == "paragraph" else None
        if numbered and level is None:
            pending.append((int(numbered.group(1)), numbered.group(2)))
            continue
        if pending:
            flush()
        if level is not None:
            out.append(Heading(level, block.text))
        elif block.kind == "heading":
            out.append(Heading(block.level, block.text))
        elif block.kind == "bullet":
            if out and isinstance(out[-1], ListBlock) and not out[-1].ordered:
                out[-1].items.append(Item(0, False, block.text))
            else:
                out.append(ListBlock([Item(0, False, block.text)]))
        else:
            out.append(Para(block.text))
    if pending:
        flush()
    return out


def doc_from_text(source: Path, rel: Path, index: int) -> Doc:
    text = source.read_text(encoding="utf-8")
    body, signatories = split_signatures(text.splitlines())
    blocks = _lists_from(parse_blocks("\n".join(body)))
    if signatories:
        blocks.append(
            Table(signature_rows(signatories, per_row=3), signatures=True, sign_line=True)
        )
    # Alternate what real files vary in, deterministically by position.
    options = {
        "heading-style": ("styled", "normal", "bold")[index % 3],
        "footer": ("page-of", "page-paren", "page", "page-of", "none")[index % 5],
    }
    title = next((_plain(b.text) for b in blocks if isinstance(b, Heading)), "")
    if index % 2 == 0 and title:
        options["header"] = title
        if options["footer"] == "none":
            options["pages-in-header"] = "page-paren"
    return Doc(source, rel, blocks, options, index)


def signatories_by_column(rows: list[list[list[str]]]) -> list[list[str]]:
    """One signatory a column of a signature table: the column's cells one under the other
    (a header row naming the party, then its place, date, line, name and title)."""
    width = max((len(row) for row in rows), default=0)
    people = []
    for column in range(width):
        lines = [line for row in rows if column < len(row) for line in row[column]]
        if any(lines):
            people.append(lines)
    return people


def _signatories(block: Table) -> list[list[str]]:
    if block.by_column:
        return signatories_by_column(block.rows)
    return [cell for row in block.rows for cell in row if any(line for line in cell)]


def signature_rows(signatories: list[list[str]], per_row: int) -> list[list[list[str]]]:
    """One column per signatory; more than ``per_row`` signatories go two to a row."""
    width = len(signatories) if len(signatories) <= per_row else 2
    rows = [signatories[i : i + width] for i in range(0, len(signatories), width)]
    return [row + [[]] * (width - len(row)) for row in rows]


# --- Markdown inputs ------------------------------------------------------------------------

_OPTIONS = re.compile(r"\A\s*<!--\s*options:(.*?)-->", re.DOTALL)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ITEM = re.compile(r"^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$")
_MD_COMMENT = re.compile(r"^\s*<!--\s*(.*?)\s*-->\s*$")
_TABLE_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_LETTER_ITEM = re.compile(r"^[a-zåäö]\)\s")


def parse_options(text: str) -> tuple[dict[str, str], str]:
    match = _OPTIONS.match(text)
    if not match:
        return {}, text
    options = {}
    for token in shlex.split(match.group(1).replace("\n", " ")):
        key, _, value = token.partition("=")
        options[key.strip().lower()] = value.strip()
    return options, text[match.end() :]


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells = re.split(r"(?<!\\)\|", line)
    return [c.strip().replace("\\|", "|") for c in cells]


def _cell_lines(cell: str) -> list[str]:
    return [part.strip() for part in re.split(r"<br\s*/?>", cell, flags=re.IGNORECASE)]


def parse_markdown(text: str) -> tuple[dict[str, str], list[Block]]:
    options, text = parse_options(text)
    lines = text.splitlines()
    blocks: list[Block] = []
    signatures_next = False
    after_blank = True
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            after_blank = True
            i += 1
            continue
        comment = _MD_COMMENT.match(line)
        if comment:
            word = comment.group(1).lower()
            if word == "pagebreak":
                blocks.append(PageBreak())
            elif word == "signatures":
                signatures_next = True
            i += 1
            after_blank = True
            continue
        if line.lstrip().startswith("|"):
            rows = []
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                if not _TABLE_SEPARATOR.match(lines[i]):
                    rows.append([_cell_lines(c) for c in _cells(lines[i])])
                i += 1
            width = max(len(r) for r in rows)
            rows = [r + [[""]] * (width - len(r)) for r in rows]
            blocks.append(Table(rows, signatures=signatures_next, by_column=signatures_next))
            signatures_next = False
            after_blank = False
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            blocks.append(Heading(min(len(heading.group(1)), 3), heading.group(2).strip()))
            i += 1
            after_blank = False
            continue
        if _list_line(line):
            items: list[Item] = []
            while i < len(lines):
                current = lines[i].rstrip()
                match = _list_line(current)
                if match:
                    level = len(match.group(1).expandtabs(4)) // 2
                    marker = match.group(2)
                    ordered = marker[0].isdigit()
                    written = int(marker[:-1]) if ordered else 0
                    items.append(Item(level, ordered, match.group(3).strip(), written))
                elif current.strip() and current.startswith((" ", "\t")):
                    items[-1].text += " " + current.strip()  # a lazy continuation
                elif (
                    not current.strip()
                    and i + 1 < len(lines)
                    and (following := _list_line(lines[i + 1]))
                    and following.group(2)[0].isdigit() == items[0].ordered
                ):
                    pass  # a blank line inside a loose list
                else:
                    break
                i += 1
            number_items(items)
            blocks.append(ListBlock(items))
            after_blank = False
            continue
        # A paragraph: every source line is a paragraph of its own (an officer's Enter);
        # lines without a blank line between them are a tight group (a stacked signature).
        tight = not after_blank and bool(blocks) and isinstance(blocks[-1], Para)
        blocks.append(Para(line.strip(), tight=tight))
        after_blank = False
        i += 1
    return options, blocks


def _list_line(line: str) -> re.Match[str] | None:
    match = _MD_ITEM.match(line)
    if match is None or _LETTER_ITEM.match(line.strip()):
        return None
    return match


def doc_from_markdown(source: Path, rel: Path, index: int) -> Doc:
    options, blocks = parse_markdown(source.read_text(encoding="utf-8"))
    return Doc(source, rel, blocks, options, index)


# --- the plain-text version of a Markdown source ---------------------------------------------


def item_marker(item: Item, bullet: str = "•") -> str:
    return f"{item.number}." if item.ordered else bullet


def to_text(doc: Doc) -> str:
    """Word's "Save as plain text": headings and paragraphs as lines, computed list numbers,
    table rows as tab-separated cells (a cell's lines row by row), no markup."""
    wrap = int(doc.opt("txt-wrap", "0") or 0)
    blank = doc.opt("txt-blank", "yes").lower() not in ("no", "false", "0")
    bullet = doc.opt("txt-bullet", "•") or "•"

    def wrapped(text: str, indent: str = "") -> list[str]:
        text = _plain(text)
        if not wrap:
            return [indent + text]
        return textwrap.wrap(
            text,
            wrap,
            initial_indent=indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [indent]

    groups: list[list[str]] = []
    for block in doc.blocks:
        if isinstance(block, Heading):
            groups.append([_plain(block.text)])
        elif isinstance(block, Para):
            lines = wrapped(block.text)
            if block.tight and groups:
                groups[-1].extend(lines)
            else:
                groups.append(lines)
        elif isinstance(block, ListBlock):
            lines = []
            for item in block.items:
                lines += wrapped(f"{item_marker(item, bullet)} {item.text}", "  " * item.level)
            groups.append(lines)
        elif isinstance(block, Table):
            lines = []
            for row in block.rows:
                height = max(len(cell) for cell in row)
                for k in range(height):
                    cells = [_plain(cell[k]) if k < len(cell) else "" for cell in row]
                    lines.append("\t".join(cells).rstrip())
            groups.append(lines)
        # a page break gives nothing in plain text
    separator = "\n\n" if blank else "\n"
    return separator.join("\n".join(group) for group in groups if group) + "\n"


# --- DOCX (Word) ---------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BULLET_CHAR = "\uf0b7"  # Word's bullet in the Symbol font


def _w(tag: str) -> str:
    return f"{{{W_NS}}}{tag}"


def _el(fragment: str) -> Any:
    from docx.oxml import parse_xml

    first = fragment.index(" ") if " " in fragment.split(">")[0] else fragment.index(">")
    return parse_xml(fragment[:first] + f' xmlns:w="{W_NS}"' + fragment[first:])


class Numbering:
    """Abstract numbering definitions (one per list shape) and one num per list (restart)."""

    def __init__(self, document: Any) -> None:
        self.root = document.part.numbering_part.element
        ids = [int(e.get(_w("abstractNumId"))) for e in self.root.iter(_w("abstractNum"))]
        nums = [int(e.get(_w("numId"))) for e in self.root.iter(_w("num"))]
        self.next_abstract = max(ids, default=0) + 1
        self.next_num = max(nums, default=0) + 1
        self.abstracts: dict[tuple[bool, ...], int] = {}

    def _abstract(self, shape: tuple[bool, ...]) -> int:
        if shape in self.abstracts:
            return self.abstracts[shape]
        aid = self.next_abstract
        self.next_abstract += 1
        levels = []
        for ilvl in range(9):
            ordered = shape[ilvl] if ilvl < len(shape) else shape[-1]
            left = 720 + 360 * ilvl
            if ordered:
                fmt = f'<w:numFmt w:val="decimal"/><w:lvlText w:val="%{ilvl + 1}."/>'
                rpr = ""
            else:
                fmt = f'<w:numFmt w:val="bullet"/><w:lvlText w:val="{BULLET_CHAR}"/>'
                rpr = (
                    '<w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol" w:hint="default"/></w:rPr>'
                )
            levels.append(
                f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/>{fmt}<w:lvlJc w:val="left"/>'
                f'<w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr>{rpr}</w:lvl>'
            )
        nsid = hashlib.sha1(repr(shape).encode()).hexdigest()[:8].upper()
        element = _el(
            f'<w:abstractNum w:abstractNumId="{aid}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}</w:abstractNum>'
        )
        first_num = next(iter(self.root.iter(_w("num"))), None)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            self.root.append(element)
        self.abstracts[shape] = aid
        return aid

    def new_list(self, shape: tuple[bool, ...], start: int = 1) -> int:
        aid = self._abstract(shape)
        nid = self.next_num
        self.next_num += 1
        overrides = "".join(
            f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start if ilvl == 0 else 1}"/>'
            "</w:lvlOverride>"
            for ilvl in range(len(shape))
        )
        self.root.append(
            _el(f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>')
        )
        return nid


def _add_runs(paragraph: Any, text: str, bold: bool = False, size: float | None = None) -> None:
    from docx.shared import Pt

    for run_text, run_bold in split_runs(text):
        run = paragraph.add_run(run_text)
        if bold or run_bold:
            run.bold = True
        if size:
            run.font.size = Pt(size)


def _add_field(paragraph: Any, instruction: str, cached: str) -> None:
    run = paragraph.add_run()
    run._r.append(_el('<w:fldChar w:fldCharType="begin"/>'))
    run = paragraph.add_run()
    instr = _el('<w:instrText xml:space="preserve"/>')
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(_el('<w:fldChar w:fldCharType="separate"/>'))
    paragraph.add_run(cached)
    run = paragraph.add_run()
    run._r.append(_el('<w:fldChar w:fldCharType="end"/>'))


def _page_number(paragraph: Any, style: str) -> None:
    if style == "page-of":
        paragraph.add_run("Sida ")
        _add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" av ")
        _add_field(paragraph, "NUMPAGES", "1")
    elif style == "page-paren":
        _add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" (")
        _add_field(paragraph, "NUMPAGES", "1")
        paragraph.add_run(")")
    elif style == "page":
        _add_field(paragraph, "PAGE", "1")


def _table_borders(table: Any, value: str) -> None:
    tbl_pr = table._tbl.tblPr
    borders = "".join(
        f'<w:{side} w:val="{value}" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    for old in tbl_pr.findall(_w("tblBorders")):
        tbl_pr.remove(old)
    tbl_pr.append(_el(f"<w:tblBorders>{borders}</w:tblBorders>"))


def _paragraph_border_bottom(paragraph: Any) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.append(
        _el('<w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="auto"/></w:pBdr>')
    )


def render_docx(doc: Doc, out: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    _set_core_properties(document, doc.title)
    document.core_properties.author = AUTHOR
    document.core_properties.last_modified_by = AUTHOR
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.2)
    normal = document.styles["Normal"]
    normal.font.name = ("Calibri", "Times New Roman")[doc.index % 2]
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    heading_style = doc.opt("heading-style", "styled").lower()
    numbering = Numbering(document)

    # Running header and footer.
    header_text = doc.opt("header")
    pages_in_header = doc.opt("pages-in-header")
    if header_text or pages_in_header:
        paragraph = section.header.paragraphs[0]
        paragraph.text = _plain(header_text)
        if pages_in_header:
            paragraph.paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT)
            paragraph.add_run("\tSida " if pages_in_header == "page-paren" else "\t")
            _page_number(paragraph, "page-paren" if pages_in_header == "page-paren" else "page")
    footer = doc.opt("footer", "page-of").lower()
    if footer != "none" and not pages_in_header:
        paragraph = section.footer.paragraphs[0]
        paragraph.alignment = 1  # centred
        _page_number(paragraph, footer)

    first_heading = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            if heading_style == "styled":
                style = (
                    "Title"
                    if block.level <= 1 and first_heading
                    else (f"Heading {max(1, min(block.level - 1, 3))}")
                )
                paragraph = document.add_paragraph(style=style)
                _add_runs(paragraph, block.text)
            else:
                paragraph = document.add_paragraph(style="Normal")
                paragraph.paragraph_format.space_before = Pt(6)
                paragraph.paragraph_format.keep_with_next = True
                _add_runs(paragraph, block.text, bold=heading_style == "bold")
            first_heading = False
        elif isinstance(block, Para):
            paragraph = document.add_paragraph(style="Normal")
            if block.tight:
                previous = paragraph._p.getprevious()
                if previous is not None and previous.tag == _w("p"):
                    paragraph.paragraph_format.space_before = Pt(0)
                    _space_after_zero(previous)
            _add_runs(paragraph, block.text)
        elif isinstance(block, ListBlock):
            shape = _shape(block.items)
            start = block.items[0].number if block.ordered and block.items[0].number else 1
            num_id = numbering.new_list(shape, start)
            for item in block.items:
                paragraph = document.add_paragraph(style="List Paragraph")
                paragraph.paragraph_format.space_after = Pt(2)
                p_pr = paragraph._p.get_or_add_pPr()
                p_pr.append(
                    _el(
                        f'<w:numPr><w:ilvl w:val="{item.level}"/>'
                        f'<w:numId w:val="{num_id}"/></w:numPr>'
                    )
                )
                _add_runs(paragraph, item.text)
            paragraph.paragraph_format.space_after = Pt(8)
        elif isinstance(block, Table):
            _docx_table(document, block)
        elif isinstance(block, PageBreak):
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    buffer = io.BytesIO()
    document.save(buffer)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(_normalized_zip(buffer.getvalue()))


def _space_after_zero(p: Any) -> None:
    from docx.shared import Pt
    from docx.text.paragraph import Paragraph

    Paragraph(p, None).paragraph_format.space_after = Pt(0)


def _shape(items: list[Item]) -> tuple[bool, ...]:
    depth = max(item.level for item in items) + 1
    shape = []
    for level in range(depth):
        kinds = [item.ordered for item in items if item.level == level]
        shape.append(kinds[0] if kinds else shape[-1] if shape else False)
    return tuple(shape)


def _docx_table(document: Any, block: Table) -> None:
    from docx.shared import Pt

    width = max(len(row) for row in block.rows)
    table = document.add_table(rows=len(block.rows), cols=width)
    if block.signatures:
        _table_borders(table, "nil")
    else:
        table.style = document.styles["Table Grid"]
        _table_borders(table, "single")
    for r, row in enumerate(block.rows):
        for c in range(width):
            lines = row[c] if c < len(row) else []
            cell = table.cell(r, c)
            first = True
            for k, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                paragraph.paragraph_format.space_after = Pt(0)
                if block.sign_line and line == "" and k == 1:
                    # The space for the handwritten signature, and the line to sign on.
                    paragraph.paragraph_format.space_before = Pt(24)
                    _paragraph_border_bottom(paragraph)
                    paragraph.paragraph_format.right_indent = Pt(24)
                    continue
                _add_runs(paragraph, line)
            if block.signatures:
                cell.paragraphs[-1].paragraph_format.space_after = Pt(18)
    document.add_paragraph()  # Word always keeps a paragraph after a table


# --- HTML (Chromium) ------------------------------------------------------------------------


def _inline(text: str) -> str:
    return "".join(
        f"<b>{html.escape(t)}</b>" if bold else html.escape(t) for t, bold in split_runs(text)
    )


def _css_page_number(style: str) -> str:
    if style == "page-of":
        return '"Sida " counter(page) " av " counter(pages)'
    if style == "page-paren":
        return 'counter(page) " (" counter(pages) ")"'
    if style == "page":
        return "counter(page)"
    return ""


def render_html(doc: Doc) -> str:
    header = _plain(doc.opt("header"))
    footer = doc.opt("footer", "page-of").lower()
    pages_in_header = doc.opt("pages-in-header")
    margin_boxes = ""
    if header:
        box = "@top-left" if pages_in_header else "@top-center"
        margin_boxes += f'{box} {{ content: "{_css_string(header)}"; }}\n'
    if pages_in_header:
        margin_boxes += f"@top-right {{ content: {_css_page_number('page-paren')}; }}\n"
        if pages_in_header == "page-paren":
            margin_boxes = margin_boxes.replace(
                "content: counter(page)", 'content: "Sida " counter(page)'
            )
    elif footer != "none":
        margin_boxes += f"@bottom-center {{ content: {_css_page_number(footer)}; }}\n"
    parts = []
    first_heading = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            tag = "h1" if block.level <= 1 and first_heading else f"h{min(block.level, 3)}"
            parts.append(f"<{tag}>{_inline(block.text)}</{tag}>")
            first_heading = False
        elif isinstance(block, Para):
            cls = ' class="tight"' if block.tight else ""
            parts.append(f"<p{cls}>{_inline(block.text)}</p>")
        elif isinstance(block, ListBlock):
            parts.append(_html_list(block.items))
        elif isinstance(block, Table):
            parts.append(_html_table(block))
        elif isinstance(block, PageBreak):
            parts.append('<div class="pagebreak"></div>')
    body = "\n".join(parts)
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{html.escape(doc.title)}</title>
<style>
@page {{ size: A4; margin: 24mm 22mm 24mm 24mm;
  font-family: "Liberation Serif", serif; font-size: 9pt;
{margin_boxes}}}
body {{ font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 11.5pt;
  line-height: 1.35; text-align: justify; margin: 0; }}
h1 {{ font-size: 18pt; text-align: left; margin: 0 0 14pt; }}
h2 {{ font-size: 13.5pt; text-align: left; margin: 14pt 0 5pt; break-after: avoid; }}
h3 {{ font-size: 12pt; text-align: left; margin: 10pt 0 4pt; break-after: avoid; }}
p {{ margin: 0 0 7pt; }}
p.tight {{ margin-top: -7pt; }}
ul, ol {{ margin: 0 0 8pt; padding-left: 22pt; }}
ul {{ list-style-type: disc; }}
ul ul {{ list-style-type: circle; }}
li {{ margin: 0 0 2pt; }}
table {{ border-collapse: collapse; width: 100%; margin: 4pt 0 10pt; text-align: left; }}
table.grid td {{ border: 0.75pt solid #000; padding: 3pt 5pt; vertical-align: top; }}
table.signatures {{ break-inside: avoid; margin-top: 14pt; }}
table.signatures td {{ border: none; padding: 0 12pt 22pt 0; vertical-align: top; }}
.signline {{ border-bottom: 0.75pt solid #000; height: 30pt; width: 85%; margin-bottom: 3pt; }}
.pagebreak {{ break-after: page; }}
</style></head>
<body>
{body}
</body></html>
"""


def _css_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _html_list(items: list[Item]) -> str:
    out: list[str] = []
    stack: list[str] = []  # open list tags
    for item in items:
        tag = "ol" if item.ordered else "ul"
        while len(stack) > item.level + 1:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == item.level + 1 and stack[-1] != tag:
            out.append(f"</li></{stack.pop()}>")
        if len(stack) == item.level + 1:
            out.append("</li>")
        while len(stack) < item.level + 1:
            start = f' start="{item.number}"' if item.ordered and item.number != 1 else ""
            out.append(f"<{tag}{start}>")
            stack.append(tag)
        out.append(f"<li>{_inline(item.text)}")
    while stack:
        out.append(f"</li></{stack.pop()}>")
    return "".join(out)


def _html_table(block: Table) -> str:
    rows = block.rows
    if block.signatures:
        people = _signatories(block)
        rows = signature_rows(people, per_row=2) if people else rows
    cls = "signatures" if block.signatures else "grid"
    out = [f'<table class="{cls}">']
    for row in rows:
        out.append("<tr>")
        for cell in row:
            width = f' style="width:{100 // len(row)}%"' if block.signatures else ""
            out.append(f"<td{width}>{_html_cell(cell, block.sign_line)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _html_cell(lines: list[str], sign_line: bool) -> str:
    parts = []
    for k, line in enumerate(lines):
        if sign_line and line == "" and k == 1:
            parts.append('<div class="signline"></div>')
        else:
            parts.append(_inline(line))
            parts.append("<br>")
    if parts and parts[-1] == "<br>":
        parts.pop()
    return "".join(parts)


# --- ReportLab -------------------------------------------------------------------------------

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _reportlab_fonts(doc: Doc) -> tuple[str, str]:
    if doc.index % 2 == 0:
        return "Helvetica", "Helvetica-Bold"
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(DEJAVU / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(DEJAVU / "DejaVuSans-Bold.ttf")))
        from reportlab.lib.fonts import addMapping

        addMapping("DejaVuSans", 0, 0, "DejaVuSans")
        addMapping("DejaVuSans", 1, 0, "DejaVuSans-Bold")
    return "DejaVuSans", "DejaVuSans-Bold"


def _rl_inline(text: str) -> str:
    return "".join(
        f"<b>{html.escape(t, quote=False)}</b>" if bold else html.escape(t, quote=False)
        for t, bold in split_runs(text)
    )


def _rl_page_text(style: str, page: int, total: int) -> str:
    if style == "page-of":
        return f"Sida {page} av {total}"
    if style == "page-paren":
        return f"{page} ({total})"
    if style == "page":
        return str(page)
    return ""


def render_reportlab(doc: Doc, out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_JUSTIFY
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import (
        HRFlowable,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import (
        PageBreak as RLPageBreak,
    )
    from reportlab.platypus import (
        Table as RLTable,
    )

    regular, bold = _reportlab_fonts(doc)
    body = ParagraphStyle("body", fontName=regular, fontSize=10.5, leading=14, spaceAfter=6)
    body.alignment = TA_JUSTIFY if doc.index % 4 in (1, 2) else 0
    tight = ParagraphStyle("tight", parent=body, spaceBefore=-6)
    cell_style = ParagraphStyle("cell", parent=body, spaceAfter=0, alignment=0)
    item_style = ParagraphStyle("item", parent=body, spaceAfter=2, leftIndent=18, bulletIndent=6)
    heading_styles = {
        1: ParagraphStyle(
            "h1", parent=body, alignment=0, fontName=bold, fontSize=16, leading=20, spaceAfter=10
        ),
        2: ParagraphStyle(
            "h2",
            parent=body,
            alignment=0,
            fontName=bold,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        3: ParagraphStyle(
            "h3",
            parent=body,
            alignment=0,
            fontName=bold,
            fontSize=11,
            leading=14,
            spaceBefore=6,
            spaceAfter=3,
            keepWithNext=1,
        ),
    }
    header = _plain(doc.opt("header"))
    footer = doc.opt("footer", "page-of").lower()
    pages_in_header = doc.opt("pages-in-header")

    class NumberedCanvas(rl_canvas.Canvas):
        """Draws the running header and footer once the page count is known."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            page = self._pageNumber
            width, height = A4
            self.setFont(regular, 8.5)
            if header:
                self.drawString(22 * mm, height - 14 * mm, header)
            if pages_in_header:
                text = "Sida " if pages_in_header == "page-paren" else ""
                self.drawRightString(
                    width - 22 * mm,
                    height - 14 * mm,
                    text + _rl_page_text("page-paren", page, total),
                )
            elif footer != "none":
                self.drawCentredString(width / 2, 12 * mm, _rl_page_text(footer, page, total))

    story: list[Any] = []
    first_heading = True
    for block in doc.blocks:
        if isinstance(block, Heading):
            level = 1 if block.level <= 1 and first_heading else max(2, min(block.level, 3))
            story.append(Paragraph(_rl_inline(block.text), heading_styles[level]))
            first_heading = False
        elif isinstance(block, Para):
            story.append(Paragraph(_rl_inline(block.text), tight if block.tight else body))
        elif isinstance(block, ListBlock):
            for item in block.items:
                style = ParagraphStyle(
                    f"item{item.level}",
                    parent=item_style,
                    leftIndent=18 + 16 * item.level,
                    bulletIndent=6 + 16 * item.level,
                )
                marker = f"{item.number}." if item.ordered else "•"
                story.append(Paragraph(_rl_inline(item.text), style, bulletText=marker))
            story.append(Spacer(1, 4))
        elif isinstance(block, Table):
            if block.signatures:
                people = _signatories(block)
                rows = signature_rows(people, per_row=2)
                data = [
                    [_rl_signature(cell, cell_style, HRFlowable, block.sign_line) for cell in row]
                    for row in rows
                ]
                table = RLTable(data, colWidths=[80 * mm] * len(rows[0]))
                table.setStyle(
                    TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 16),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ]
                    )
                )
                story.append(Spacer(1, 10))
                story.append(KeepTogether([table]))
            else:
                data = [
                    [
                        Paragraph("<br/>".join(_rl_inline(x) for x in cell), cell_style)
                        for cell in row
                    ]
                    for row in block.rows
                ]
                table = RLTable(data, repeatRows=0, hAlign="LEFT")
                table.setStyle(
                    TableStyle(
                        [
                            ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ]
                    )
                )
                story.append(table)
                story.append(Spacer(1, 8))
        elif isinstance(block, PageBreak):
            story.append(RLPageBreak())
    out.parent.mkdir(parents=True, exist_ok=True)
    template = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=22 * mm,
        rightMargin=22 * mm,
        topMargin=22 * mm,
        bottomMargin=22 * mm,
        title=doc.title,
        author=AUTHOR,
        creator=AUTHOR,
        subject="",
        invariant=1,
    )
    template.build(story, canvasmaker=NumberedCanvas)


def _rl_signature(lines: list[str], style: Any, hr: Any, sign_line: bool) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer

    out: list[Any] = []
    for k, line in enumerate(lines):
        if sign_line and line == "" and k == 1:
            out.append(Spacer(1, 22))
            out.append(hr(width="85%", thickness=0.6, color="black", spaceAfter=3, hAlign="LEFT"))
        else:
            out.append(Paragraph(_rl_inline(line) or "&nbsp;", style))
    return out


# --- PDF normalization -------------------------------------------------------------------------

_PDF_DATE = re.compile(rb"\((D:\d{14}[^)]*)\)")
_PDF_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]")
_DOC_CHECKSUM = re.compile(rb"/DocChecksum /([0-9A-Fa-f]+)")
_XMP_DATE = re.compile(rb"(<xmp:(?:CreateDate|ModifyDate|MetadataDate)>)([^<]+)(<)")
FIXED_PDF_DATE = FIXED_DATE.strftime("D:%Y%m%d%H%M%S").encode()


def normalize_pdf(path: Path, seed: str) -> None:
    """Overwrite creation dates, the file ID and LibreOffice's /DocChecksum in place with
    same-length fixed values."""
    data = path.read_bytes()

    def date(match: re.Match[bytes]) -> bytes:
        old = match.group(1)  # D:YYYYMMDDHHmmSS then the producer's time zone, kept
        return b"(" + FIXED_PDF_DATE + old[len(FIXED_PDF_DATE) :] + b")"

    def ident(match: re.Match[bytes]) -> bytes:
        digest = hashlib.sha256(seed.encode()).hexdigest().upper().encode()
        first = (digest * 4)[: len(match.group(1))]
        second = (digest * 4)[: len(match.group(2))]
        return match.group(0).replace(match.group(1), first).replace(match.group(2), second)

    def xmp(match: re.Match[bytes]) -> bytes:
        old = match.group(2)
        new = (b"2021-01-01T12:00:00Z" + b" " * 40)[: len(old)]
        return match.group(1) + new + match.group(3)

    def checksum(match: re.Match[bytes]) -> bytes:  # LibreOffice's, over the dated bytes
        digest = hashlib.md5(seed.encode()).hexdigest().upper().encode()
        return b"/DocChecksum /" + (digest * 2)[: len(match.group(1))]

    new = _PDF_ID.sub(ident, _PDF_DATE.sub(date, data))
    new = _XMP_DATE.sub(xmp, _DOC_CHECKSUM.sub(checksum, new))
    assert len(new) == len(data)
    path.write_bytes(new)


# --- producers ----------------------------------------------------------------------------------


def target(doc: Doc, producer: str, out_root: Path) -> Path:
    return out_root / producer / doc.rel.with_suffix(SUFFIX[producer])


def produce_word(docs: list[Doc], out_root: Path) -> list[Path]:
    written = []
    for doc in docs:
        path = target(doc, "word", out_root)
        render_docx(doc, path)
        written.append(path)
    return written


def produce_libreoffice(docs: list[Doc], out_root: Path) -> list[Path]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        raise SystemExit(
            "libreoffice: soffice not found (apt-get install libreoffice-writer-nogui)"
        )
    written = []
    with tempfile.TemporaryDirectory(prefix="samlint-lo-") as tmp:
        tmpdir = Path(tmp)
        profile = tmpdir / "profile"
        sources = []
        for k, doc in enumerate(docs):
            docx_path = target(doc, "word", out_root)
            if not docx_path.exists():
                render_docx(doc, docx_path)
            copy = tmpdir / "in" / f"{k:04d}.docx"
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(docx_path, copy)
            sources.append(copy)
        for batch in range(0, len(sources), 20):
            chunk = sources[batch : batch + 20]
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--norestore",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    str(tmpdir / "out"),
                    *map(str, chunk),
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
        for k, doc in enumerate(docs):
            produced = tmpdir / "out" / f"{k:04d}.pdf"
            path = target(doc, "libreoffice", out_root)
            path.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(produced, path)
            normalize_pdf(path, f"libreoffice/{doc.rel}")
            written.append(path)
    return written


def produce_chromium(docs: list[Doc], out_root: Path) -> list[Path]:
    chromium = next(
        (
            shutil.which(n)
            for n in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(n)
        ),
        None,
    )
    if not chromium:
        raise SystemExit("chromium: not found (apt-get install chromium)")
    written = []
    with tempfile.TemporaryDirectory(prefix="samlint-chromium-") as tmp:
        tmpdir = Path(tmp)
        for k, doc in enumerate(docs):
            page = tmpdir / f"{k:04d}.html"
            page.write_text(render_html(doc), encoding="utf-8")
            path = target(doc, "chromium", out_root)
            path.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-first-run",
                    "--disable-extensions",
                    f"--user-data-dir={tmpdir / 'profile'}",
                    "--no-pdf-header-footer",
                    "--generate-pdf-document-outline",
                    f"--print-to-pdf={path}",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
                timeout=120,
            )
            normalize_pdf(path, f"chromium/{doc.rel}")
            written.append(path)
    return written


def produce_reportlab(docs: list[Doc], out_root: Path) -> list[Path]:
    written = []
    for doc in docs:
        path = target(doc, "reportlab", out_root)
        render_reportlab(doc, path)
        written.append(path)
    return written


PRODUCE = {
    "word": produce_word,
    "libreoffice": produce_libreoffice,
    "chromium": produce_chromium,
    "reportlab": produce_reportlab,
}


# --- inputs ---------------------------------------------------------------------------------------


def markdown_sources(all_md: bool = False) -> list[Path]:
    """Drafted and national Markdown sources whose set is complete (has labels.yaml)."""
    folders = [*sorted((CORPUS / "drafted").glob("*/")), CORPUS / "national"]
    sources: list[Path] = []
    for folder in folders:
        if folder.is_dir() and (all_md or (folder / "labels.yaml").exists()):
            sources += sorted(folder.glob("*.md"))
    return sources


def default_inputs(all_md: bool = False) -> list[Path]:
    stockholm = sorted((CORPUS / "stockholm").glob("*.txt"))
    variants = [CORPUS / "variants" / v for v in VARIANTS]
    return stockholm + variants + markdown_sources(all_md)


def expand(paths: Iterable[Path], all_md: bool) -> list[Path]:
    out: list[Path] = []
    defaults = {p.resolve() for p in default_inputs(all_md=True)}
    for path in paths:
        if path.is_dir():
            md = sorted(path.glob("*.md"))
            if md:
                out += md
            else:  # a folder of text files: only those selected for rendering
                out += [p for p in sorted(path.rglob("*.txt")) if p.resolve() in defaults]
        else:
            out.append(path)
    return out


def _ordering_key(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(CORPUS))
    except ValueError:
        return path.name


def load(paths: Sequence[Path]) -> list[Doc]:
    """The models of ``paths``; each document's alternating style depends on its position
    among all default inputs so that rendering a subset gives the same files."""
    order = {str(p.resolve()): k for k, p in enumerate(default_inputs(all_md=True))}
    docs = []
    for path in paths:
        resolved = path.resolve()
        try:
            rel = resolved.relative_to(CORPUS)
        except ValueError:
            rel = Path(path.name)
        index = order.get(str(resolved), int(hashlib.sha1(path.name.encode()).hexdigest(), 16) % 60)
        if path.suffix == ".md":
            docs.append(doc_from_markdown(path, rel, index))
        else:
            docs.append(doc_from_text(path, rel, index))
    return docs


def write_text_versions(docs: list[Doc], out_root: Path | None) -> list[Path]:
    written = []
    for doc in docs:
        if doc.source.suffix != ".md":
            continue
        if out_root is None:
            path = doc.source.with_suffix(".txt")
        else:
            path = out_root / doc.rel.with_suffix(".txt")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(to_text(doc), encoding="utf-8")
        written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="*", type=Path, help="files or folders (default: all)")
    parser.add_argument("--producers", default=",".join(PRODUCERS))
    parser.add_argument("--out", type=Path, default=None, help="default: corpus/renderings")
    parser.add_argument("--txt-only", action="store_true", help="only the .txt of .md sources")
    parser.add_argument("--all-md", action="store_true", help="also sets without labels.yaml")
    args = parser.parse_args(argv)
    inputs = expand(args.inputs, args.all_md) if args.inputs else default_inputs(args.all_md)
    docs = load(inputs)
    out_root = args.out if args.out is not None else RENDERINGS
    for path in write_text_versions(docs, args.out):
        print(path)
    if args.txt_only:
        return 0
    for producer in [p.strip() for p in args.producers.split(",") if p.strip()]:
        if producer not in PRODUCE:
            parser.error(f"unknown producer {producer!r} (one of {', '.join(PRODUCERS)})")
        for path in PRODUCE[producer](docs, out_root):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
