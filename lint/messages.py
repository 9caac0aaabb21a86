"""User-facing sentences that are not rule messages: read errors, report labels and the
phrases that message arguments resolve to (`lint.localize`)."""

from __future__ import annotations

LANGS = ("sv", "en")  # the languages of every report; the first is the fallback

ERRORS: dict[str, dict[str, str]] = {
    "empty": {
        "sv": "Filen är tom eller innehåller ingen text. Kontrollera att rätt fil skickats.",
        "en": "The file is empty or holds no text. Check that the right file was sent.",
    },
    "not_pdf": {
        "sv": "Filen heter .pdf men är ingen PDF. Be avsändaren om en ny kopia av dokumentet.",
        "en": "The file is named .pdf but is not a PDF. Ask the sender for a new copy of the document.",
    },
    "corrupt": {
        "sv": "Filen är skadad eller ofullständig och kan inte läsas. Be avsändaren om en ny kopia.",
        "en": "The file is damaged or incomplete and cannot be read. Ask the sender for a new copy.",
    },
    "encrypted": {
        "sv": "PDF-filen är lösenordsskyddad. Be avsändaren om en version utan lösenord.",
        "en": "The PDF is password-protected. Ask the sender for a version without a password.",
    },
    "no_text_layer": {
        "sv": "PDF-filen saknar text (troligen en inskannad bild). Den behöver OCR-behandlas innan den kan granskas.",
        "en": "The PDF has no text (probably a scanned image). It needs OCR before it can be checked.",
    },
    "unsupported_format": {
        "sv": "Filformatet stöds inte. Spara dokumentet som PDF, Word (.docx) eller text (.txt).",
        "en": "This file format is not supported. Save the document as PDF, Word (.docx) or text (.txt).",
    },
    "too_large": {
        "sv": "Filen är större än gränsen för granskning{limit}. Dela upp den eller höj gränsen under [tool.samlint] limits i inställningarna.",
        "en": "The file exceeds the limit for checking{limit}. Split it or raise the limit under [tool.samlint] limits in the settings.",
    },
    "timeout": {
        "sv": "Det tog för lång tid att läsa filen{limit}. Kontrollera att den är ett vanligt dokument eller höj tidsgränsen i inställningarna.",
        "en": "Reading the file took too long{limit}. Check that it is an ordinary document or raise the time limit in the settings.",
    },
    "unreadable": {
        "sv": "Filen kunde inte öppnas. Kontrollera sökvägen och att du har läsbehörighet.",
        "en": "The file could not be opened. Check the path and that you may read it.",
    },
    "not_found": {
        "sv": "Filen eller mappen finns inte. Kontrollera sökvägen.",
        "en": "The file or folder does not exist. Check the path.",
    },
    "internal": {
        "sv": "Ett oväntat fel uppstod när filen granskades. Rapportera filen till förvaltarna av samlint.",
        "en": "An unexpected error occurred while checking the file. Report the file to samlint's maintainers.",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "error": {"sv": "fel", "en": "error"},
    "warning": {"sv": "varning", "en": "warning"},
    "info": {"sv": "info", "en": "info"},
    "kind": {"sv": "dokumenttyp", "en": "kind"},
    "local_agreement": {"sv": "lokal samverkansöverenskommelse", "en": "local agreement"},
    "overarching_agreement": {"sv": "övergripande överenskommelse", "en": "overarching agreement"},
    "memo": {"sv": "tjänsteutlåtande", "en": "memo"},
    "national_guidance": {"sv": "Brå:s vägledning", "en": "Brå's guidance"},
    "unknown": {"sv": "okänd", "en": "unknown"},
    "suggestion": {"sv": "förslag", "en": "suggestion"},
    "cites": {"sv": "grund", "en": "cites"},
    "page": {"sv": "sida", "en": "page"},
    "line": {"sv": "rad", "en": "line"},
    "no_findings": {"sv": "inga avvikelser", "en": "no findings"},
    "unreadable": {"sv": "kunde inte läsas", "en": "could not be read"},
    "files": {"sv": "filer", "en": "files"},
    "errors": {"sv": "fel", "en": "errors"},
    "warnings": {"sv": "varningar", "en": "warnings"},
    "infos": {"sv": "info", "en": "info"},
    "summary": {"sv": "Sammanfattning", "en": "Summary"},
    "skipped_pages": {"sv": "sidor som inte kunde läsas", "en": "pages that could not be read"},
    # report headings and table columns
    "report_title": {
        "sv": "Granskning av samverkansöverenskommelser",
        "en": "Review of collaboration agreements",
    },
    "overview": {"sv": "Översikt", "en": "Overview"},
    "overview_hint": {
        "sv": "Antal avvikelser per dokument och regelgrupp; färgen visar den allvarligaste.",
        "en": "Findings per document and rule group; the colour shows the most serious.",
    },
    "file": {"sv": "fil", "en": "file"},
    "document": {"sv": "dokument", "en": "document"},
    "rule": {"sv": "regel", "en": "rule"},
    "name": {"sv": "namn", "en": "name"},
    "severity": {"sv": "nivå", "en": "severity"},
    "count": {"sv": "antal", "en": "count"},
    "total": {"sv": "totalt", "en": "total"},
    "findings": {"sv": "avvikelser", "en": "findings"},
    "parties": {"sv": "parter", "en": "parties"},
    "no_parties": {"sv": "inga parter kunde identifieras", "en": "no parties could be identified"},
    "verdict": {"sv": "bedömning", "en": "verdict"},
    "section": {"sv": "avsnitt", "en": "section"},
    "column": {"sv": "kolumn", "en": "column"},
    "paragraph": {"sv": "stycke", "en": "paragraph"},
    "location": {"sv": "plats", "en": "location"},
    "excerpt": {"sv": "utdrag", "en": "excerpt"},
    "cited_clause": {"sv": "Grund i överenskommelsen", "en": "Cited clause"},
    "as_of": {"sv": "bedömt per", "en": "as of"},
    "stage": {"sv": "skede", "en": "stage"},
    "signed": {"sv": "undertecknad", "en": "signed"},
    "draft": {"sv": "utkast", "en": "draft"},
    "pack": {"sv": "regelpaket", "en": "rule pack"},
    "not_applicable": {"sv": "ej tillämpligt", "en": "not applicable"},
    "generated_by": {"sv": "Skapad av", "en": "Generated by"},
    "checking": {"sv": "Granskar", "en": "Checking"},
    "verdict_unreadable": {"sv": "Kunde inte läsas", "en": "Could not be read"},
    "verdict_deviates": {"sv": "Avviker", "en": "Deviates"},
    "verdict_remarks": {"sv": "Anmärkningar", "en": "Remarks"},
    "verdict_complies": {"sv": "Inga avvikelser", "en": "No deviations"},
    "verdict_notes": {"sv": "Inga avvikelser, bara info", "en": "No deviations, notes only"},
    "verdict_not_checked": {
        "sv": "Inte granskad: dokumenttypen känns inte igen",
        "en": "Not checked: kind not recognised",
    },
    "template": {"sv": "gemensam mall", "en": "common template"},
    "consistency": {"sv": "intern konsekvens", "en": "internal consistency"},
    "source": {"sv": "källa", "en": "source"},
    "applies": {"sv": "gäller", "en": "applies to"},
    "applies_local": {"sv": "lokala överenskommelser", "en": "local agreements"},
    "applies_all": {"sv": "alla dokument", "en": "all documents"},
    "group_ANX": {"sv": "bilagor", "en": "annexes"},
    "group_GRP": {
        "sv": "styr-, berednings- och arbetsgrupper",
        "en": "steering, preparatory and working groups",
    },
    "group_REV": {"sv": "revidering", "en": "revision"},
    "group_SCH": {"sv": "skolan", "en": "the school"},
    "group_PTY": {"sv": "parter", "en": "parties"},
    "group_SIG": {"sv": "underskrifter", "en": "signatures"},
    "group_DAT": {"sv": "giltighet och datum", "en": "validity and dates"},
    "group_TPL": {"sv": "den gemensamma mallens rubriker", "en": "the common template's headings"},
    "group_PRI": {"sv": "prioriterade samverkansområden", "en": "prioritized collaboration areas"},
    "group_TXT": {"sv": "stavning och tal", "en": "spelling and numbers"},
    "group_KND": {"sv": "dokumenttyp", "en": "document kind"},
    "legend_zero": {"sv": "granskat, inga avvikelser", "en": "checked, no findings"},
    "legend_na": {
        "sv": "ej tillämpligt: gruppens regler gäller inte dokumenttypen, eller filen kunde inte läsas",
        "en": "not applicable: the group's rules do not apply to the kind of document, or the file could not be read",
    },
    "cache_usage": {
        "sv": "{count}, {size} MB av högst {cap} MB",
        "en": "{count}, {size} MB of at most {cap} MB",
    },
    "cache_cleared": {"sv": "tog bort {count} ur {place}", "en": "removed {count} from {place}"},
    "read_error_rule": {
        "sv": "Filen kunde inte läsas och har därför inte granskats.",
        "en": "The file could not be read and so was not checked.",
    },
    "tool_notification": {"sv": "Filen kunde inte läsas", "en": "The file could not be read"},
}


# Counted nouns: (one, many) per language, for "1 fil", "2 filer", "1 warning", "0 errors".
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "files": {"sv": ("fil", "filer"), "en": ("file", "files")},
    "errors": {"sv": ("fel", "fel"), "en": ("error", "errors")},
    "warnings": {"sv": ("varning", "varningar"), "en": ("warning", "warnings")},
    "infos": {"sv": ("info", "info"), "en": ("info", "info")},
    "unreadable": {
        "sv": ("kunde inte läsas", "kunde inte läsas"),
        "en": ("could not be read", "could not be read"),
    },
    "entries": {"sv": ("post", "poster"), "en": ("entry", "entries")},
    "other_types_skipped": {
        "sv": ("fil av annan typ hoppades över", "filer av annan typ hoppades över"),
        "en": ("file of another type was skipped", "files of other types were skipped"),
    },
}


def counted(count: int, key: str, lang: str) -> str:
    """`count` and its noun in the right number: "1 fil", "3 filer", "1 error", "0 errors"."""
    forms = PLURALS[key]
    one, many = forms.get(lang, forms["sv"])
    return f"{count} {one if count == 1 else many}"


# Which limit a file exceeded, shown in parentheses in the `too_large`/`timeout` message.
LIMITS: dict[str, dict[str, str]] = {
    "bytes": {"sv": "högst {value} MB", "en": "at most {value} MB"},
    "uncompressed": {"sv": "högst {value} MB uppackat", "en": "at most {value} MB unpacked"},
    "parts": {"sv": "högst {value} delar i paketet", "en": "at most {value} parts in the package"},
    "ratio": {
        "sv": "en del packas upp mer än {value} gånger, som en dekomprimeringsbomb",
        "en": "a part unpacks more than {value} times, like a decompression bomb",
    },
    "pages": {"sv": "högst {value} sidor", "en": "at most {value} pages"},
    "chars": {"sv": "högst {value} tecken", "en": "at most {value} characters"},
    "seconds": {"sv": "mer än {value} sekunder", "en": "more than {value} seconds"},
}
_MEGABYTE_LIMITS = ("bytes", "uncompressed")


def error_message(
    code: str, lang: str, *, limit: str | None = None, value: float | None = None
) -> str:
    entry = ERRORS.get(code, ERRORS["internal"])
    template = entry.get(lang, entry["sv"])
    return template.replace("{limit}", _limit_text(limit, value, lang))


def _limit_text(limit: str | None, value: float | None, lang: str) -> str:
    entry = LIMITS.get(limit or "")
    if entry is None or value is None:
        return ""
    number = value / (1024 * 1024) if limit in _MEGABYTE_LIMITS else value
    shown = f"{number:,.0f}" if number >= 1 or number == 0 else f"{number:.2g}"
    if lang == "sv":
        shown = shown.replace(",", "\u00a0")
    return " (" + entry.get(lang, entry["sv"]).format(value=shown) + ")"


# Phrases of message arguments (`lint.localize.Phrase`): the language a generic check type
# speaks in, filled with its fields.
PHRASES: dict[str, dict[str, str]] = {
    "annex_duplicate": {
        "sv": "bilaga {first} förekommer mer än en gång",
        "en": "annex {first} appears more than once",
    },
    "annex_order": {
        "sv": "bilaga {first} står efter bilaga {second}",
        "en": "annex {first} comes after annex {second}",
    },
    "annex_gap": {"sv": "bilaga {first} saknas", "en": "annex {first} is missing"},
    "numerals_arabic": {"sv": "arabiska", "en": "arabic"},
    "numerals_roman": {"sv": "romerska", "en": "roman"},
    "numerals_letter": {"sv": "bokstäver", "en": "letters"},
    "once_a_year": {"sv": "en gång per år", "en": "once a year"},
    "every_second_year": {"sv": "vartannat år", "en": "every second year"},
    "every_nth_year": {"sv": "vart {ordinal} år", "en": "every {years} years"},
    "every_nth_month": {"sv": "var {months}:e månad", "en": "every {months} months"},
}
# Swedish ordinals in "vart tredje år"; above these, "vart 7:e år".
_SV_ORDINALS = {2: "annat", 3: "tredje", 4: "fjärde", 5: "femte", 6: "sjätte"}


def phrase(key: str, lang: str, **fields: str) -> str:
    entry = PHRASES[key]
    return entry.get(lang, entry["sv"]).format(**fields)


def describe_months(months: float, lang: str) -> str:
    """An interval as people say it: "en gång per år", "vart tredje år", "every 18 months"."""
    if months % 12:
        return phrase("every_nth_month", lang, months=f"{months:g}")
    years = int(months // 12)
    if years == 1:
        return phrase("once_a_year", lang)
    if years == 2:
        return phrase("every_second_year", lang)
    ordinal = _SV_ORDINALS.get(years, f"{years}:e")
    return phrase("every_nth_year", lang, years=str(years), ordinal=ordinal)


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    return entry.get(lang, entry["sv"]) if entry else key
